"""Detect (with the tenant's providers), transform, audit, answer: one /v1/detect or
/v1/redact call.

The response is built only after its audit event is durable; when the audit cannot be
written the call fails with 503 and returns nothing (veil.http.problems.audit_unavailable).
"""

import time
from collections.abc import Mapping, Sequence
from functools import cache

from veil.api.models import (
    DetectedEntity,
    DetectRequest,
    DetectResponse,
    Explanation,
    Range,
    RedactRequest,
    RedactResponse,
)
from veil.audit import Action, AuditLog, AuditUnavailableError, Outcome
from veil.audit.events import event_for, findings_of
from veil.audit.wiring import default_audit_log, default_tenant_keys
from veil.auth.principal import Principal
from veil.detection import Entity
from veil.detection.offsets import OffsetMap
from veil.http import problems
from veil.observability import logger
from veil.providers.pipeline import Detection, DetectionPipeline
from veil.providers.wiring import default_pipeline
from veil.redaction.operators import AnyOperator, Replacement, redact, redaction
from veil.tenant_keys import KeyPurpose, TenantKeys
from veil.tenants import TenantSettings, default_tenant_settings


class RedactionService:
    def __init__(
        self,
        pipeline: DetectionPipeline,
        tenants: TenantSettings,
        audit: AuditLog,
        keys: TenantKeys,
    ) -> None:
        self._pipeline = pipeline
        self._tenants = tenants
        self._audit = audit
        self._keys = keys

    def detect(self, request: DetectRequest, caller: Principal, request_id: str) -> DetectResponse:
        started = time.perf_counter()
        found = self._analyze(request, caller)
        encoded = request.text.encode()
        response = DetectResponse(
            entities=_described(request.text, encoded, found.entities),
            providers=list(found.providers),
            degraded=found.degraded,
            request_id=request_id,
        )
        self._record(
            caller, request_id, Action.DETECT, request.text, len(encoded), found, 0, started
        )
        return response

    def redact(self, request: RedactRequest, caller: Principal, request_id: str) -> RedactResponse:
        started = time.perf_counter()
        found = self._analyze(request, caller)
        hash_key = self._keys.key(caller.tenant_id, KeyPurpose.HASH_OPERATOR)
        redacted = redact(request.text, found.entities, request.operators, hash_key)
        encoded = request.text.encode()
        response = RedactResponse(
            redacted_text=redacted,
            entities=_described(request.text, encoded, found.entities),
            providers=list(found.providers),
            degraded=found.degraded,
            request_id=request_id,
        )
        output_bytes = len(redacted.encode("utf-8"))
        self._record(
            caller, request_id, Action.REDACT, request.text, len(encoded), found, output_bytes,
            started,
        )  # fmt: skip
        return response

    def transform(
        self,
        text: str,
        entities: Sequence[Entity],
        operators: Mapping[str, AnyOperator],
        caller: Principal,
        request_id: str,
    ) -> tuple[str, list[Replacement]]:
        """Apply operators to entities the caller found (Presidio's /anonymize); audited as
        a redaction whose findings came from the caller, not from a provider."""
        started = time.perf_counter()
        hash_key = self._keys.key(caller.tenant_id, KeyPurpose.HASH_OPERATOR)
        redacted, replacements = redaction(text, entities, operators, hash_key)
        given = Detection(list(entities), providers=(), degraded=False)
        self._record(
            caller, request_id, Action.REDACT, text, len(text.encode()), given,
            len(redacted.encode()), started,
        )  # fmt: skip
        return redacted, replacements

    def record_rejection(
        self, caller: Principal, request_id: str, action: Action, status: int, input_bytes: int
    ) -> None:
        """Audit a call refused after authentication (invalid body, missing scope).

        Best effort: the caller gets its error response whether or not this is written.
        """
        event = event_for(caller, request_id, action, Outcome.REJECTED, status, input_bytes, 0, 0.0)
        try:
            self._audit.record(event)
        except AuditUnavailableError:
            logger.warning("rejection not audited", extra={"request_id": request_id})

    def _analyze(self, request: DetectRequest, caller: Principal) -> Detection:
        return self._pipeline.detect(
            request.text, request.options(), self._tenants.providers(caller.tenant_id)
        )

    def _record(
        self,
        caller: Principal,
        request_id: str,
        action: Action,
        text: str,
        input_bytes: int,
        found: Detection,
        output_bytes: int,
        started: float,
    ) -> None:
        key = self._keys.key(caller.tenant_id, KeyPurpose.AUDIT_FINGERPRINT)
        event = event_for(
            caller,
            request_id,
            action,
            Outcome.OK,
            200,
            input_bytes,
            output_bytes,
            (time.perf_counter() - started) * 1000,
            findings_of(text, found.entities, key),
            {"providers": list(found.providers), "degraded": found.degraded},
        )
        try:
            self._audit.record(event)
        except AuditUnavailableError:
            raise problems.audit_unavailable() from None


def _described(text: str, encoded: bytes, entities: Sequence[Entity]) -> list[DetectedEntity]:
    offsets = OffsetMap(text, encoded)
    return [
        DetectedEntity(
            type=e.type,
            start=e.start,
            end=e.end,
            score=e.score,
            utf16=Range(start=offsets.utf16_of_char(e.start), end=offsets.utf16_of_char(e.end)),
            utf8=Range(start=offsets.byte_of_char(e.start), end=offsets.byte_of_char(e.end)),
            explanation=(
                Explanation.model_validate(e.explanation, from_attributes=True)
                if e.explanation
                else None
            ),
        )
        for e in entities
    ]


@cache
def default_redaction_service() -> RedactionService:
    """Built once per execution environment: engine compiled, pool open, keys loaded."""
    return RedactionService(
        default_pipeline(), default_tenant_settings(), default_audit_log(), default_tenant_keys()
    )
