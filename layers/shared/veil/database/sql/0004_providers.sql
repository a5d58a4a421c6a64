-- Which detection providers each tenant uses, canary probe results, and circuit states.

CREATE TABLE tenant_settings (
    tenant_id  text PRIMARY KEY,
    providers  text[] NOT NULL DEFAULT '{local}',
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per probe of a provider: no text, no values, only what was measured.
-- The probe function deletes rows older than its retention window.
CREATE TABLE provider_probes (
    provider    text NOT NULL,
    observed_at timestamptz NOT NULL,
    ok          boolean NOT NULL,
    latency_ms  double precision NOT NULL,
    recall      double precision CHECK (recall BETWEEN 0 AND 1),
    error       text,  -- the error's class, never its message
    PRIMARY KEY (provider, observed_at)
);

-- The last breaker transition any execution environment saw, per provider.
CREATE TABLE provider_circuits (
    provider   text PRIMARY KEY,
    state      text NOT NULL CHECK (state IN ('closed', 'open', 'half-open')),
    changed_at timestamptz NOT NULL
);

ALTER TABLE tenant_settings OWNER TO veil_owner;
ALTER TABLE provider_probes OWNER TO veil_owner;
ALTER TABLE provider_circuits OWNER TO veil_owner;
REVOKE ALL ON tenant_settings, provider_probes, provider_circuits FROM PUBLIC;
GRANT SELECT ON tenant_settings TO veil_app;
GRANT SELECT, INSERT, DELETE ON provider_probes TO veil_app;
GRANT SELECT, INSERT, UPDATE ON provider_circuits TO veil_app;

-- /health/ready checks that the schema is current.
GRANT SELECT ON veil_schema_migrations TO veil_app;
