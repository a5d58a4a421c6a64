"""Detect (with the tenant's providers), transform, audit, answer: one /v1/detect or
/v1/redact call.

The response is built only after its audit event is durable; when the audit cannot be
written the call fails with 503 and returns nothing (veil.http.problems.audit_unavailable).
"""

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from veil.api.models import (
    DetectedEntity,
    DetectRequest,
    DetectResponse,
    Explanation,
    Range,
    RedactRequest,
    RedactResponse,
    ReidentifyRequest,
    ReidentifyResponse,
)
from veil.audit import Action, AuditLog, AuditUnavailableError, Outcome
from veil.audit.events import event_for, findings_of
from veil.audit.wiring import default_audit_log, default_tenant_keys
from veil.auth.principal import Principal
from veil.detection import Entity, EntityType
from veil.detection.offsets import OffsetMap
from veil.http import problems
from veil.observability import logger
from veil.providers.pipeline import Detection, DetectionPipeline
from veil.providers.wiring import default_pipeline
from veil.redaction.documents import selector, walk
from veil.redaction.encryption import EncryptionUnavailableError, Encryptor, default_encryptor
from veil.redaction.operators import (
    AnyOperator,
    Encrypt,
    RedactionContext,
    Replacement,
    redaction,
)
from veil.tenant_keys import KeyPurpose, TenantKeys
from veil.tenants import TenantSettings, default_tenant_settings


class RedactionService:
    def __init__(
        self,
        pipeline: DetectionPipeline,
        tenants: TenantSettings,
        audit: AuditLog,
        keys: TenantKeys,
        encryptor: Encryptor | None = None,
    ) -> None:
        self._pipeline = pipeline
        self._tenants = tenants
        self._audit = audit
        self._keys = keys
        self._encryptor = encryptor

    def detect(self, request: DetectRequest, caller: Principal, request_id: str) -> DetectResponse:
        started = time.perf_counter()
        pieces, _ = self._scan(request, caller, None)
        response = DetectResponse(
            entities=_entities_of(pieces), **_providers_of(pieces), request_id=request_id
        )
        self._record(caller, request_id, Action.DETECT, pieces, started)
        return response

    def redact(self, request: RedactRequest, caller: Principal, request_id: str) -> RedactResponse:
        started = time.perf_counter()
        hash_key = self._keys.key(caller.tenant_id, KeyPurpose.HASH_OPERATOR)
        # The tenant's defaults, then the request's: a type the request names, or its
        # DEFAULT for the types the tenant leaves to it.
        operators = {**self._tenants.operators(caller.tenant_id), **request.operators}
        # One context for the whole request: a value gets the same pseudonym in every
        # string of a document.
        context = RedactionContext(hash_key, self._encrypt_for(caller, operators))

        def transform(text: str, entities: list[Entity]) -> str:
            return redaction(text, entities, operators, hash_key, context)[0]

        try:
            pieces, result = self._scan(request, caller, transform)
        except EncryptionUnavailableError:
            raise problems.encryption_unavailable() from None
        response = RedactResponse(
            redacted_text=result if request.document is None else None,
            redacted_document=result if request.document is not None else None,
            entities=_entities_of(pieces),
            **_providers_of(pieces),
            request_id=request_id,
        )
        self._record(caller, request_id, Action.REDACT, pieces, started)
        return response

    def reidentify(
        self, request: ReidentifyRequest, caller: Principal, request_id: str
    ) -> ReidentifyResponse:
        """Encrypted values back to the originals, for a tenant that allows it. Refusals
        are audited by the handler's rejection hook like every 4xx; this records the calls
        that went through (who, when, how many values, how many did not decrypt)."""
        started = time.perf_counter()
        if self._encryptor is None:
            raise problems.operator_unavailable("encrypt")
        if not self._tenants.reidentify_enabled(caller.tenant_id):
            raise problems.reidentify_disabled()  # audited as rejected by the handler's hook
        pieces, cursor, restored, failed = [], 0, 0, 0
        for token in self._encryptor.decrypt_all(caller.tenant_id, request.text):
            pieces.append(request.text[cursor : token.start])
            if token.value is None:
                failed += 1
                pieces.append(request.text[token.start : token.end])
            else:
                restored += 1
                pieces.append(token.value)
            cursor = token.end
        pieces.append(request.text[cursor:])
        text = "".join(pieces)
        event = event_for(
            caller,
            request_id,
            Action.REIDENTIFY,
            Outcome.OK,
            200,
            len(request.text.encode()),
            len(text.encode()),
            (time.perf_counter() - started) * 1000,
            (),
            {"values": restored, "failed": failed},
        )
        try:
            self._audit.record(event)
        except AuditUnavailableError:
            raise problems.audit_unavailable() from None
        return ReidentifyResponse(
            text=text, reidentified=restored, failed=failed, request_id=request_id
        )

    def _encrypt_for(
        self, caller: Principal, operators: Mapping[str, AnyOperator]
    ) -> Callable[[EntityType, str], str] | None:
        if not any(isinstance(o, Encrypt) for o in operators.values()):
            return None
        if self._encryptor is None:
            raise problems.operator_unavailable("encrypt")
        encryptor = self._encryptor
        return lambda kind, value: encryptor.encrypt(caller.tenant_id, kind, value)

    def _scan(
        self,
        request: DetectRequest,
        caller: Principal,
        transform: Callable[[str, list[Entity]], str] | None,
    ) -> tuple[list["_Piece"], Any]:
        """Detect (and transform) the text, or each selected string of the document."""
        options = request.options()
        providers = self._tenants.providers(caller.tenant_id)
        pieces: list[_Piece] = []

        def visit(path: str | None, key: str, text: str) -> str:
            # A document's key labels its value as a form's label would ({"dob": …}).
            found = self._pipeline.detect(text, options, providers, label=key)
            out = transform(text, found.entities) if transform and found.entities else text
            pieces.append(_Piece(path, text, text.encode(), found, out))
            return out

        if request.document is None:
            return pieces, visit(None, "", request.text or "")
        result = walk(request.document, visit, selector(request.fields))
        return pieces, result

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
            caller,
            request_id,
            Action.REDACT,
            [_Piece(None, text, text.encode(), given, redacted)],
            started,
        )
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

    def _record(
        self,
        caller: Principal,
        request_id: str,
        action: Action,
        pieces: Sequence["_Piece"],
        started: float,
    ) -> None:
        """The audit event: findings by keyed fingerprint, sizes and providers. Document
        paths are not recorded: a caller's keys may hold anything."""
        key = self._keys.key(caller.tenant_id, KeyPurpose.AUDIT_FINGERPRINT)
        findings = tuple(f for p in pieces for f in findings_of(p.text, p.found.entities, key))
        details: dict[str, object] = dict(_providers_of(pieces))
        if len(pieces) != 1 or pieces[0].path is not None:
            details["strings"] = len(pieces)
        event = event_for(
            caller,
            request_id,
            action,
            Outcome.OK,
            200,
            sum(len(p.encoded) for p in pieces),
            sum(len(p.out.encode()) for p in pieces) if action is Action.REDACT else 0,
            (time.perf_counter() - started) * 1000,
            findings,
            details,
        )
        try:
            self._audit.record(event)
        except AuditUnavailableError:
            raise problems.audit_unavailable() from None


@dataclass(frozen=True, slots=True)
class _Piece:
    """One scanned string: the request's text (path None) or a string of its document."""

    path: str | None
    text: str
    encoded: bytes  # once: for the audit's byte count and the UTF-8/UTF-16 offsets
    found: Detection
    out: str


def _entities_of(pieces: Sequence[_Piece]) -> list[DetectedEntity]:
    return [e for p in pieces for e in _described(p)]


def _providers_of(pieces: Sequence[_Piece]) -> dict[str, Any]:
    answered = pieces[0].found.providers if pieces else ("local",)
    return {"providers": list(answered), "degraded": any(p.found.degraded for p in pieces)}


def _described(piece: _Piece) -> list[DetectedEntity]:
    offsets = OffsetMap(piece.text, piece.encoded)
    return [
        DetectedEntity(
            path=piece.path,
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
        for e in piece.found.entities
    ]


@cache
def default_redaction_service() -> RedactionService:
    """Built once per execution environment: engine compiled, pool open, keys loaded."""
    return RedactionService(
        default_pipeline(),
        default_tenant_settings(),
        default_audit_log(),
        default_tenant_keys(),
        default_encryptor(),
    )
