from uuid import uuid4

import pytest

from veil.audit import Action, AuditEvent, AuditRepository, AuditUnavailableError, Outcome
from veil.audit.events import findings_of
from veil.database.pool import Pool, open_pool
from veil.detection import default_engine
from veil.local.postgres import free_port

TEXT = "mail jane.doe@example.com card 4111 1111 1111 1111"


def _event(**overrides: object) -> AuditEvent:
    fields: dict[str, object] = {
        "request_id": "r-1",
        "tenant_id": "acme",
        "client_id": "billing",
        "key_id": "key_1",
        "action": Action.REDACT,
        "outcome": Outcome.OK,
        "status_code": 200,
        "input_bytes": len(TEXT),
        "output_bytes": 10,
        "latency_ms": 1.5,
        "findings": findings_of(TEXT, default_engine().analyze(TEXT), b"f" * 32),
    }
    fields.update(overrides)
    return AuditEvent(**fields)  # type: ignore[arg-type]


def test_event_is_stored_once_with_counts_and_fingerprints_only(
    app_pool: Pool, admin_pool: Pool
) -> None:
    event = _event(event_id=uuid4())
    AuditRepository(app_pool).append(event)
    AuditRepository(app_pool).append(event)  # a retry must not duplicate
    with admin_pool.connection() as conn:
        rows = conn.execute(
            "SELECT entity_counts, findings::text FROM audit_events WHERE event_id = %s",
            (event.event_id,),
        ).fetchall()
    assert len(rows) == 1
    counts, findings = rows[0]
    assert counts == {"EMAIL_ADDRESS": 1, "CREDIT_CARD": 1}
    for value in ("jane.doe@example.com", "4111 1111 1111 1111", "4111111111111111"):
        assert value not in findings


def test_unreachable_database_raises_audit_unavailable() -> None:
    pool = open_pool(f"postgresql://veil_app@127.0.0.1:{free_port()}/none", connect_timeout_s=1)
    try:
        with pytest.raises(AuditUnavailableError):
            AuditRepository(pool).append(_event())
    finally:
        pool.close()
