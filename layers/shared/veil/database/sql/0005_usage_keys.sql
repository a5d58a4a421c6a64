-- The API Gateway API key value that meters a Veil key in the stage's usage plan (returned
-- by the authorizer as usageIdentifierKey). Not a secret to Veil's API: with
-- ApiKeySourceType AUTHORIZER, API Gateway ignores keys sent by clients.
ALTER TABLE api_keys ADD COLUMN usage_key text;
