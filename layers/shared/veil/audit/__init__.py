"""The audit trail: what was processed, by whom, with what result; never the values."""

from veil.audit.events import Action, AuditEvent, Finding, Outcome
from veil.audit.repository import AuditRepository, AuditUnavailableError

__all__ = [
    "Action",
    "AuditEvent",
    "AuditRepository",
    "AuditUnavailableError",
    "Finding",
    "Outcome",
]
