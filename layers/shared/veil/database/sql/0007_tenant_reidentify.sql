-- Whether a tenant may turn encrypted values back into the originals (POST /v1/reidentify).
-- Off unless its owner turns it on (`veil tenants reidentify TENANT --enable`).
ALTER TABLE tenant_settings ADD COLUMN reidentify_enabled boolean NOT NULL DEFAULT false;
