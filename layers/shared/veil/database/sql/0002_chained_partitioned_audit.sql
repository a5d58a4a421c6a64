-- The audit trail becomes tamper-evident and partitioned by month.
--
-- Each tenant's events form a chain: `seq` counts 1, 2, 3, ... and `hash` is an HMAC over
-- the event's canonical form, which includes `prev_hash` (veil.audit.chain). Appends take
-- the tenant's row in audit_chain_heads FOR UPDATE, so concurrent writers cannot fork it.
-- Partitions are by `recorded_at` (when the event joined the chain), so every partition
-- holds a contiguous stretch of each chain and retention can drop whole months.
--
-- 0001's audit table had no chain; its rows cannot be chained after the fact, so this
-- migration refuses to run over them rather than drop them (start a fresh database).

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM audit_events) THEN
        RAISE EXCEPTION 'audit_events holds rows written before the hash chain; '
            'migrate a fresh database (locally: delete .veil/)';
    END IF;
END
$$;

DROP TABLE audit_events;

DO $$
BEGIN
    CREATE ROLE veil_owner NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$;
-- The migrating user joins veil_owner so that it can hand its objects over.
GRANT veil_owner TO CURRENT_USER;
GRANT USAGE, CREATE ON SCHEMA public TO veil_owner;
ALTER TABLE api_keys OWNER TO veil_owner;
ALTER TABLE veil_schema_migrations OWNER TO veil_owner;
ALTER FUNCTION audit_events_append_only() OWNER TO veil_owner;

CREATE TABLE audit_events (
    tenant_id     text NOT NULL,
    seq           bigint NOT NULL CHECK (seq > 0),
    recorded_at   timestamptz NOT NULL,
    event_id      uuid NOT NULL,
    occurred_at   timestamptz NOT NULL,
    request_id    text NOT NULL,
    client_id     text NOT NULL,
    key_id        text NOT NULL,
    action        text NOT NULL,
    outcome       text NOT NULL CHECK (outcome IN ('ok', 'rejected')),
    status_code   smallint NOT NULL,
    input_bytes   integer NOT NULL CHECK (input_bytes >= 0),
    output_bytes  integer NOT NULL CHECK (output_bytes >= 0),
    entity_counts jsonb NOT NULL,
    -- [{type, start, end, score, fingerprint}]: offsets and keyed hashes, never values
    findings      jsonb NOT NULL,
    -- action-specific facts without personal data: query filters, retention anchors
    details       jsonb NOT NULL,
    latency_ms    double precision NOT NULL,
    prev_hash     bytea NOT NULL,
    hash          bytea NOT NULL,
    PRIMARY KEY (tenant_id, seq, recorded_at)
) PARTITION BY RANGE (recorded_at);
ALTER TABLE audit_events OWNER TO veil_owner;

CREATE INDEX audit_events_event_id ON audit_events (event_id);
CREATE INDEX audit_events_tenant_occurred ON audit_events (tenant_id, occurred_at DESC, seq DESC);
CREATE INDEX audit_events_findings ON audit_events USING gin (findings jsonb_path_ops);

CREATE TABLE audit_chain_heads (
    tenant_id  text PRIMARY KEY,
    seq        bigint NOT NULL,
    hash       bytea NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE audit_chain_heads OWNER TO veil_owner;

CREATE TRIGGER audit_events_no_update_delete
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- Monthly partitions. TRUNCATE of a partition does not fire the parent's trigger, so each
-- partition gets its own. Dropping a partition (retention) fires none, by design.
CREATE FUNCTION audit_partition_for(month date) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    name text := format('audit_events_%s', to_char(month, 'YYYY_MM'));
BEGIN
    IF to_regclass(name) IS NULL THEN
        EXECUTE format(
            'CREATE TABLE %I PARTITION OF audit_events FOR VALUES FROM (%L) TO (%L)',
            name, month, (month + interval '1 month')::date);
        EXECUTE format('ALTER TABLE %I OWNER TO veil_owner', name);
        EXECUTE format(
            'CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON %I '
            'FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()', name);
    END IF;
    RETURN name;
END
$$;

CREATE FUNCTION audit_ensure_partitions(months_ahead integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    FOR i IN 0..months_ahead LOOP
        PERFORM audit_partition_for((date_trunc('month', now()) + make_interval(months => i))::date);
    END LOOP;
END
$$;
ALTER FUNCTION audit_partition_for(date) OWNER TO veil_owner;
ALTER FUNCTION audit_ensure_partitions(integer) OWNER TO veil_owner;

-- A safety net: an append beyond the prepared months lands here rather than failing.
-- `veil audit partitions` (and retention) keep months prepared ahead so it stays empty.
CREATE TABLE audit_events_default PARTITION OF audit_events DEFAULT;
ALTER TABLE audit_events_default OWNER TO veil_owner;
CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events_default
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

SELECT audit_ensure_partitions(3);

REVOKE ALL ON audit_events, audit_chain_heads FROM PUBLIC;
GRANT SELECT, INSERT ON audit_events TO veil_app;
GRANT SELECT, INSERT, UPDATE ON audit_chain_heads TO veil_app;
