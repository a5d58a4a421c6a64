"""RFC 9457 problem details: every error is `application/problem+json` with a stable `type`.

A problem never carries the request's content: `detail` is written by us, and validation
errors list only where (`loc`) and what kind (`type`, `msg`) of error, never the input.
"""

import json
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

PROBLEM_CONTENT_TYPE = "application/problem+json"


class Problem(Exception):
    def __init__(
        self,
        status: HTTPStatus,
        slug: str,
        detail: str,
        errors: Sequence[dict[str, Any]] = (),
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(slug)
        self.status = status
        self.slug = slug
        self.detail = detail
        self.errors = list(errors)
        self.headers = headers or {}

    def body(self, request_id: str) -> str:
        document: dict[str, Any] = {
            "type": f"/problems/{self.slug}",
            "title": self.status.phrase,
            "status": int(self.status),
            "detail": self.detail,
            "request_id": request_id,
        }
        if self.errors:
            document["errors"] = self.errors
        return json.dumps(document)


def invalid_json() -> Problem:
    return Problem(HTTPStatus.BAD_REQUEST, "invalid-json", "The request body is not valid JSON.")


def invalid_encoding() -> Problem:
    return Problem(HTTPStatus.BAD_REQUEST, "invalid-encoding", "The request body is not UTF-8.")


def unsupported_media_type() -> Problem:
    return Problem(
        HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
        "Send the body as application/json (UTF-8).",
    )


def payload_too_large(limit: int) -> Problem:
    return Problem(
        HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
        "payload-too-large",
        f"The request body exceeds {limit} bytes.",
    )


def validation_failed(errors: Sequence[dict[str, Any]]) -> Problem:
    return Problem(
        HTTPStatus.UNPROCESSABLE_ENTITY,
        "validation-failed",
        "The request body does not match the schema; see errors.",
        errors,
    )


def invalid_cursor() -> Problem:
    return Problem(
        HTTPStatus.BAD_REQUEST, "invalid-cursor", "The cursor is not one this API returned."
    )


def too_deeply_nested() -> Problem:
    return Problem(
        HTTPStatus.UNPROCESSABLE_ENTITY,
        "too-deeply-nested",
        "The request body nests arrays or objects deeper than any request needs.",
    )


def rate_limited(retry_after_s: int) -> Problem:
    return Problem(
        HTTPStatus.TOO_MANY_REQUESTS,
        "throttled",
        "Too many requests for this API key; slow down.",
        headers={"Retry-After": str(retry_after_s)},
    )


def unauthorized() -> Problem:
    return Problem(
        HTTPStatus.UNAUTHORIZED,
        "unauthorized",
        "A valid API key is required in the x-api-key header.",
    )


def forbidden(scope: str) -> Problem:
    return Problem(HTTPStatus.FORBIDDEN, "forbidden", f"This API key lacks the '{scope}' scope.")


def not_found() -> Problem:
    return Problem(HTTPStatus.NOT_FOUND, "not-found", "No such resource.")


def method_not_allowed(allowed: list[str]) -> Problem:
    return Problem(
        HTTPStatus.METHOD_NOT_ALLOWED,
        "method-not-allowed",
        f"This resource takes {', '.join(allowed)}.",
        headers={"Allow": ", ".join(allowed)},
    )


def audit_unavailable() -> Problem:
    return Problem(
        HTTPStatus.SERVICE_UNAVAILABLE,
        "audit-unavailable",
        "The audit trail cannot be written right now, so no data is returned. Retry later.",
        headers={"Retry-After": "5"},
    )


def authorizer_unavailable() -> Problem:
    return Problem(
        HTTPStatus.SERVICE_UNAVAILABLE,
        "authorizer-unavailable",
        "API keys cannot be checked right now. Retry later.",
        headers={"Retry-After": "5"},
    )


def internal_error() -> Problem:
    return Problem(
        HTTPStatus.INTERNAL_SERVER_ERROR, "internal-error", "An unexpected error occurred."
    )


def operator_unavailable(operator: str) -> Problem:
    return Problem(
        HTTPStatus.UNPROCESSABLE_ENTITY,
        "operator-unavailable",
        f"The '{operator}' operator is not configured on this deployment (no KMS key).",
    )


def encryption_unavailable() -> Problem:
    return Problem(
        HTTPStatus.SERVICE_UNAVAILABLE,
        "encryption-unavailable",
        "Values could not be encrypted (the key service did not answer); nothing was returned.",
    )


def reidentify_disabled() -> Problem:
    return Problem(
        HTTPStatus.FORBIDDEN,
        "reidentify-disabled",
        "Re-identification is off for this tenant; its owner can turn it on.",
    )
