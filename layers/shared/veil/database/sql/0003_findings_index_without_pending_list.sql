-- Fingerprint searches scanned GIN's pending list (entries inserted since the last vacuum,
-- kept unsorted) on every partition: 6.9 ms p50 / 19.8 ms p95 before a VACUUM, 0.3 ms after
-- (1M events, make bench-audit). Without the pending list each insert updates the index at
-- once, so a search costs the same whenever autovacuum last ran. A partitioned index takes
-- storage options only when created, and passes them to every partition.
DROP INDEX audit_events_findings;
CREATE INDEX audit_events_findings ON audit_events USING gin (findings jsonb_path_ops)
    WITH (fastupdate = off);
