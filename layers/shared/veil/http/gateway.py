"""The one entry point for API Gateway handlers: guard the request, resolve it, stamp headers.

Checks that must happen before the body is parsed (size, encoding, content type) run here,
ahead of the Powertools resolver; errors raised inside routes become problems through the
exception handlers installed by `install_problem_handlers`.
"""

import base64
import binascii
from collections.abc import Callable, Mapping
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.exceptions import NotFoundError
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from aws_lambda_powertools.utilities.typing import LambdaContext

from veil.auth.principal import Principal, Scope
from veil.http import cors, problems
from veil.http.headers import SECURITY_HEADERS
from veil.http.limits import MAX_BODY_BYTES
from veil.http.openapi import schema_names
from veil.http.problems import PROBLEM_CONTENT_TYPE, Problem
from veil.observability import logger

type LambdaResponse = dict[str, Any]

_METHODS_WITH_BODY = frozenset({"POST", "PUT", "PATCH"})


type RejectionHook = Callable[[Principal, dict[str, Any], int], None]


def handle(
    app: APIGatewayRestResolver,
    event: dict[str, Any],
    context: LambdaContext,
    route_scopes: Mapping[str, Scope],
    on_rejected: RejectionHook | None = None,
    allowed_origins: Callable[[str], frozenset[str]] | None = None,
) -> LambdaResponse:
    """Authorize (scope per route), guard the body, resolve, and stamp security headers.

    `on_rejected` hears of every 4xx answered to an authenticated caller, so that refused
    calls are audited too. `allowed_origins` gives a tenant's CORS origins (veil.http.cors).
    """
    request_id = request_id_of(event)
    principal: Principal | None = None
    try:
        scope = route_scopes.get(str(event.get("resource")))
        if scope is not None:
            principal = principal_of(event)
            if scope not in principal.scopes:
                raise problems.forbidden(scope)
        guard(event)
    except Problem as problem:
        response = _problem_response(problem, request_id)
    else:
        response = app.resolve(event, context)
    status = int(response["statusCode"])
    if principal is not None and on_rejected is not None and 400 <= status < 500:
        on_rejected(principal, event, status)
    stamped = {**SECURITY_HEADERS, "X-Request-Id": request_id}
    origin = header(event, "origin")  # only browsers send one: no lookup for other callers
    if origin is not None and principal is not None and allowed_origins is not None:
        stamped |= cors.response_headers(origin, allowed_origins(principal.tenant_id))
    headers = response.setdefault("multiValueHeaders", {})
    for name, value in stamped.items():
        headers[name] = [value]
    logger.info(
        "request",
        extra={
            "request_id": request_id,
            "method": event.get("httpMethod"),
            "resource": event.get("resource"),
            "status": status,
        },
    )
    return response


def guard(event: dict[str, Any]) -> None:
    """Refuse bodies that are too large, not UTF-8 or not JSON before anything parses them."""
    if event.get("httpMethod") not in _METHODS_WITH_BODY:
        return
    raw = body_bytes(event)
    if len(raw) > MAX_BODY_BYTES:
        raise problems.payload_too_large(MAX_BODY_BYTES)
    content_type = header(event, "content-type") or ""
    media_type, _, parameters = content_type.partition(";")
    charset = parameters.strip().lower().removeprefix("charset=").strip('"') or "utf-8"
    if media_type.strip().lower() != "application/json" or charset != "utf-8":
        raise problems.unsupported_media_type()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        raise problems.invalid_encoding() from None


def body_bytes(event: dict[str, Any]) -> bytes:
    body = event.get("body") or ""
    if event.get("isBase64Encoded"):
        try:
            return base64.b64decode(body, validate=True)
        except binascii.Error:
            raise problems.invalid_encoding() from None
    return str(body).encode("utf-8", "surrogatepass")


def header(event: dict[str, Any], name: str) -> str | None:
    for key, value in (event.get("headers") or {}).items():
        if key.lower() == name:
            return str(value)
    return None


def request_id_of(event: dict[str, Any]) -> str:
    return str((event.get("requestContext") or {}).get("requestId", "unknown"))


def principal_of(event: dict[str, Any]) -> Principal:
    """The authenticated caller, from the authorizer's context only, never from the request."""
    context = (event.get("requestContext") or {}).get("authorizer") or {}
    try:
        return Principal.from_context(context)
    except (KeyError, ValueError):
        raise problems.unauthorized() from None


def install_problem_handlers(app: APIGatewayRestResolver) -> None:
    """Map every error a route can raise to a problem response, in one place."""

    def respond(problem: Problem) -> Response[str]:
        request_id = request_id_of(app.current_event.raw_event)
        return Response(
            status_code=problem.status,
            content_type=PROBLEM_CONTENT_TYPE,
            body=problem.body(request_id),
            headers=problem.headers,
        )

    @app.exception_handler(Problem)
    def on_problem(problem: Problem) -> Response[str]:
        return respond(problem)

    @app.exception_handler(RequestValidationError)
    def on_invalid(error: RequestValidationError) -> Response[str]:
        details = error.errors()
        if any(d.get("type") == "json_invalid" for d in details):
            return respond(problems.invalid_json())
        return respond(problems.validation_failed([_safe_error(d) for d in details]))

    @app.exception_handler(RecursionError)
    def on_nesting(_: RecursionError) -> Response[str]:
        # json.loads gives up on pathological nesting ("[[[[..." ) with RecursionError; no
        # request schema nests more than a few levels, and the body size is capped.
        return respond(problems.too_deeply_nested())

    @app.not_found
    def on_not_found(_: NotFoundError) -> Response[str]:
        return respond(problems.not_found())

    @app.exception_handler(Exception)
    def on_unexpected(error: Exception) -> Response[str]:
        # The exception's message may quote input: log its class only, never the traceback.
        logger.error("unhandled error", extra={"error_class": type(error).__name__})
        return respond(problems.internal_error())


def _safe_error(error: dict[str, Any]) -> dict[str, Any]:
    # A location segment may be a dict key the caller chose; only list indices and names
    # the API's own schema uses are repeated.
    known = schema_names()
    location = [
        part if isinstance(part, int) or part in known else "…"
        for part in error.get("loc", ())
        if part != "body"
    ]
    # Pydantic's messages describe the rule, not the input; custom ones are written by us.
    return {"loc": location, "type": error.get("type"), "msg": str(error.get("msg", "invalid"))}


def _problem_response(problem: Problem, request_id: str) -> LambdaResponse:
    return {
        "statusCode": int(problem.status),
        "multiValueHeaders": {
            "Content-Type": [PROBLEM_CONTENT_TYPE],
            **{name: [value] for name, value in problem.headers.items()},
        },
        "body": problem.body(request_id),
        "isBase64Encoded": False,
    }
