-- API keys and the audit trail.
-- The application role (veil_app) may read keys and may only INSERT and SELECT audit
-- events; UPDATE, DELETE and TRUNCATE are refused by triggers even for the owner.

DO $$
BEGIN
    CREATE ROLE veil_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;  -- roles are cluster-wide: another database of this cluster created it
END
$$;

CREATE TABLE api_keys (
    key_id      text PRIMARY KEY,
    key_hash    bytea NOT NULL UNIQUE,
    tenant_id   text NOT NULL,
    client_id   text NOT NULL,
    scopes      text[] NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

CREATE TABLE audit_events (
    event_id      uuid PRIMARY KEY,
    occurred_at   timestamptz NOT NULL,
    request_id    text NOT NULL,
    tenant_id     text NOT NULL,
    client_id     text NOT NULL,
    key_id        text NOT NULL,
    action        text NOT NULL CHECK (action IN ('redact', 'detect')),
    outcome       text NOT NULL CHECK (outcome IN ('ok', 'rejected')),
    status_code   smallint NOT NULL,
    input_bytes   integer NOT NULL CHECK (input_bytes >= 0),
    output_bytes  integer NOT NULL CHECK (output_bytes >= 0),
    entity_counts jsonb NOT NULL DEFAULT '{}'::jsonb,
    -- [{type, start, end, score, fingerprint}]: offsets and keyed hashes, never values
    findings      jsonb NOT NULL DEFAULT '[]'::jsonb,
    latency_ms    double precision NOT NULL
);

CREATE INDEX audit_events_tenant_newest ON audit_events (tenant_id, occurred_at DESC, event_id DESC);

CREATE FUNCTION audit_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_events_no_update_delete
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

REVOKE ALL ON api_keys, audit_events FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO veil_app;
GRANT SELECT ON api_keys TO veil_app;
GRANT SELECT, INSERT ON audit_events TO veil_app;
