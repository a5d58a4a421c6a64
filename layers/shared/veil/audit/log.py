"""The audit log a handler writes to: PostgreSQL, or the spool while PostgreSQL is away."""

from veil.audit.events import AuditEvent
from veil.audit.repository import AuditRepository, AuditUnavailableError
from veil.audit.spool import Spool, SpoolError
from veil.observability import logger


class AuditLog:
    def __init__(self, repository: AuditRepository, spool: Spool | None = None) -> None:
        self._repository = repository
        self._spool = spool

    def record(self, event: AuditEvent) -> None:
        """Make `event` durable, or raise AuditUnavailableError: then no data may go out."""
        try:
            self._repository.append(event)
            return
        except AuditUnavailableError:
            if self._spool is None:
                raise
        try:
            self._spool.put(event)
        except SpoolError as exc:
            raise AuditUnavailableError("database and spool both unavailable") from exc
        logger.warning("audit event spooled", extra={"event_id": str(event.event_id)})
