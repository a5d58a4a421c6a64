"""Where audit events wait while PostgreSQL is unreachable, until they are drained into it.

In AWS the spool is an SQS queue, drained by the audit_writer function; locally it is a
directory where each event is written to its own file and fsynced before the call returns.
Draining is idempotent (by event id), so an event delivered twice is stored once.
"""

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from veil.audit.events import AuditEvent


class SpoolError(Exception):
    """The event could not be spooled either."""


class Spool(Protocol):
    def put(self, event: AuditEvent) -> None: ...


class DirectorySpool:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)

    def put(self, event: AuditEvent) -> None:
        try:
            descriptor, temporary = tempfile.mkstemp(dir=self.path, suffix=".tmp")
            with os.fdopen(descriptor, "w") as handle:
                handle.write(event.to_json())
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path / f"{event.event_id}.json")
            directory = os.open(self.path, os.O_RDONLY)
            try:
                os.fsync(directory)  # the rename itself must survive a crash
            finally:
                os.close(directory)
        except OSError as exc:
            raise SpoolError(type(exc).__name__) from exc

    def pending(self) -> list[Path]:
        return sorted(self.path.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)

    def drain(self, store: Callable[[AuditEvent], object]) -> int:
        """Hand every spooled event to `store`, oldest first; a file goes only once stored.
        Stops at the first failure (the database is still away) and returns how many went."""
        drained = 0
        for path in self.pending():
            store(AuditEvent.from_json(path.read_text()))
            path.unlink()
            drained += 1
        return drained


class SqsSpool:
    def __init__(self, client: Any, queue_url: str) -> None:
        self._client = client
        self._queue_url = queue_url

    def put(self, event: AuditEvent) -> None:
        try:
            self._client.send_message(QueueUrl=self._queue_url, MessageBody=event.to_json())
        except Exception as exc:  # botocore raises many types; all mean "not spooled"
            raise SpoolError(type(exc).__name__) from exc
