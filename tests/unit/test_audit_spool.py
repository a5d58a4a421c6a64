"""The spool keeps events while PostgreSQL is away; the audit log falls back to it."""

from pathlib import Path

import pytest

from tests.audit_helpers import make_event
from veil.audit import AuditEvent, AuditLog, AuditUnavailableError
from veil.audit.spool import DirectorySpool, SpoolError


class Unreachable:
    def append(self, event: AuditEvent) -> bool:
        raise AuditUnavailableError("OperationalError")


class Recording:
    def __init__(self) -> None:
        self.events: list[AuditEvent] = []

    def append(self, event: AuditEvent) -> bool:
        self.events.append(event)
        return True


class BrokenSpool:
    def put(self, event: AuditEvent) -> None:
        raise SpoolError("OSError")


def test_event_survives_the_json_round_trip() -> None:
    event = make_event(details={"limit": 5})
    assert AuditEvent.from_json(event.to_json()) == event


def test_directory_spool_keeps_each_event_until_drained(tmp_path: Path) -> None:
    spool = DirectorySpool(tmp_path)
    events = [make_event() for _ in range(3)]
    for event in events:
        spool.put(event)
    assert len(spool.pending()) == 3
    assert not list(tmp_path.glob("*.tmp"))
    stored = Recording()
    assert spool.drain(stored.append) == 3
    assert {e.event_id for e in stored.events} == {e.event_id for e in events}
    assert spool.pending() == []


def test_drain_stops_and_keeps_files_while_the_database_is_away(tmp_path: Path) -> None:
    spool = DirectorySpool(tmp_path)
    spool.put(make_event())
    with pytest.raises(AuditUnavailableError):
        spool.drain(Unreachable().append)
    assert len(spool.pending()) == 1


def test_log_spools_when_the_database_is_away(tmp_path: Path) -> None:
    spool = DirectorySpool(tmp_path)
    AuditLog(Unreachable(), spool).record(make_event())  # type: ignore[arg-type]
    assert len(spool.pending()) == 1


def test_log_fails_when_neither_database_nor_spool_works() -> None:
    with pytest.raises(AuditUnavailableError):
        AuditLog(Unreachable(), BrokenSpool()).record(make_event())  # type: ignore[arg-type]
    with pytest.raises(AuditUnavailableError):
        AuditLog(Unreachable()).record(make_event())  # type: ignore[arg-type]
