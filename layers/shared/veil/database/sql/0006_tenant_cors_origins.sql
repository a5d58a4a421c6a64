-- Browser origins whose pages may read a tenant's API responses (CORS). Empty: none.
ALTER TABLE tenant_settings ADD COLUMN allowed_origins text[] NOT NULL DEFAULT '{}';
