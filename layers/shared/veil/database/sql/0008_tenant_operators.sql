-- A tenant's default operators ({"CREDIT_CARD": {"type": "mask", ...}, "DEFAULT": ...}):
-- what a redaction does for types the request's own operators do not name.
ALTER TABLE tenant_settings ADD COLUMN operators jsonb NOT NULL DEFAULT '{}';
