"""Bodies of the audit-query routes."""

import base64
import binascii
import json
import re
from datetime import UTC, datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictStr,
)

from veil.detection.entities import EntityType
from veil.http import problems

MAX_PAGE = 1000
_RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")


def _rfc3339(value: object) -> object:
    # Pydantic would read "0.5" as a Unix timestamp; a query's time must be RFC 3339.
    if isinstance(value, str) and not _RFC3339.fullmatch(value):
        raise ValueError("expected an RFC 3339 date-time with a time zone")
    return value


def _utc(value: datetime) -> datetime:
    # PostgreSQL refuses offsets beyond +-15:59 that Python accepts (e.g. -19:32).
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise ValueError("date-time out of range") from None


type QueryTime = Annotated[AwareDatetime, BeforeValidator(_rfc3339), AfterValidator(_utc)]


class AuditFinding(BaseModel):
    type: str
    start: int
    end: int
    score: float
    fingerprint: str


class AuditEventView(BaseModel):
    event_id: UUID
    seq: int = Field(description="Position in the tenant's hash chain.")
    occurred_at: datetime
    recorded_at: datetime
    request_id: str
    client_id: str
    key_id: str
    action: str
    outcome: str
    status_code: int
    input_bytes: int
    output_bytes: int
    latency_ms: float
    entity_counts: dict[str, int]
    findings: list[AuditFinding]
    details: dict[str, Any]
    prev_hash: str
    hash: str

    @classmethod
    def of(cls, row: dict[str, Any]) -> "AuditEventView":
        fields = {name: row[name] for name in cls.model_fields}
        fields["prev_hash"], fields["hash"] = (
            bytes(row["prev_hash"]).hex(),
            bytes(row["hash"]).hex(),
        )
        return cls.model_validate(fields)


class AuditPage(BaseModel):
    events: list[AuditEventView]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page.")
    request_id: str


class AuditSearchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # The value is personal data: it is fingerprinted at once and never stored or logged.
    value: Annotated[StrictStr, Field(min_length=1, max_length=4096, repr=False)]
    entity_type: EntityType | None = Field(
        default=None, description="The value's type; all types when omitted."
    )
    limit: Annotated[int, Field(ge=1, le=MAX_PAGE, strict=True)] = 100


def encode_cursor(seq: int | None) -> str | None:
    if seq is None:
        return None
    return base64.urlsafe_b64encode(json.dumps({"seq": seq}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int | None:
    if cursor is None:
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        seq = data["seq"]
    except (binascii.Error, ValueError, KeyError, TypeError):
        raise problems.invalid_cursor() from None
    if not isinstance(seq, int) or seq < 1:
        raise problems.invalid_cursor()
    return seq
