"""The audit trail: what was processed, by whom, with what result; never the values.

Events are chained per tenant (veil.audit.chain), stored in PostgreSQL
(veil.audit.repository) or spooled while it is away (veil.audit.spool), queried by tenant
(veil.audit.queries), verified (veil.audit.verify) and aged out (veil.audit.retention).
"""

from veil.audit.events import Action, AuditEvent, Finding, Outcome
from veil.audit.log import AuditLog
from veil.audit.repository import AuditRepository, AuditUnavailableError

__all__ = [
    "Action",
    "AuditEvent",
    "AuditLog",
    "AuditRepository",
    "AuditUnavailableError",
    "Finding",
    "Outcome",
]
