"""POST /v1/redact, /v1/detect, /v1/reidentify and the Presidio-compatible
/v1/presidio/analyze and /v1/presidio/anonymize: parse, call veil, respond."""

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver
from aws_lambda_powertools.event_handler.openapi.params import Body
from aws_lambda_powertools.utilities.typing import LambdaContext

from veil.api import presidio_compat as presidio
from veil.api.models import (
    DetectRequest,
    DetectResponse,
    RedactRequest,
    RedactResponse,
    ReidentifyRequest,
    ReidentifyResponse,
)
from veil.api.redaction_service import default_redaction_service
from veil.audit import Action
from veil.auth import Principal, Scope
from veil.http.gateway import handle, install_problem_handlers, principal_of, request_id_of
from veil.http.openapi import documented
from veil.observability import logger
from veil.tenants import default_tenant_settings

ROUTE_SCOPES = {
    "/v1/redact": Scope.REDACT,
    "/v1/detect": Scope.DETECT,
    "/v1/presidio/analyze": Scope.DETECT,
    "/v1/presidio/anonymize": Scope.REDACT,
    "/v1/reidentify": Scope.REIDENTIFY,
}
ROUTE_ACTIONS = {
    "/v1/redact": Action.REDACT,
    "/v1/detect": Action.DETECT,
    "/v1/presidio/analyze": Action.DETECT,
    "/v1/presidio/anonymize": Action.REDACT,
    "/v1/reidentify": Action.REIDENTIFY,
}

app = APIGatewayRestResolver(enable_validation=True)
install_problem_handlers(app)


@app.post(
    "/v1/redact",
    summary="Redact PII from text",
    tags=["redaction"],
    responses=documented(RedactResponse, 400, 401, 403, 413, 415, 422, 429, 503),
)
def redact(body: Annotated[RedactRequest, Body()]) -> RedactResponse:
    event = app.current_event.raw_event
    return default_redaction_service().redact(body, principal_of(event), request_id_of(event))


@app.post(
    "/v1/detect",
    summary="Detect PII in text",
    tags=["redaction"],
    responses=documented(DetectResponse, 400, 401, 403, 413, 415, 422, 429, 503),
)
def detect(body: Annotated[DetectRequest, Body()]) -> DetectResponse:
    event = app.current_event.raw_event
    return default_redaction_service().detect(body, principal_of(event), request_id_of(event))


@app.post(
    "/v1/reidentify",
    summary="Turn encrypted values back into the originals (scope reidentify; tenant opt-in)",
    tags=["redaction"],
    responses=documented(ReidentifyResponse, 400, 401, 403, 413, 415, 422, 429, 503),
)
def reidentify(body: Annotated[ReidentifyRequest, Body()]) -> ReidentifyResponse:
    event = app.current_event.raw_event
    return default_redaction_service().reidentify(body, principal_of(event), request_id_of(event))


@app.post(
    "/v1/presidio/analyze",
    summary="Detect PII, in Presidio analyzer's request and response shapes",
    tags=["presidio-compatible"],
    responses=documented(list[presidio.RecognizerResult], 400, 401, 403, 413, 415, 422, 429, 503),
)
def presidio_analyze(
    body: Annotated[presidio.AnalyzeRequest, Body()],
) -> list[presidio.RecognizerResult]:
    event = app.current_event.raw_event
    found = default_redaction_service().detect(
        body.as_detect_request(), principal_of(event), request_id_of(event)
    )
    return presidio.analyze_results(found)


@app.post(
    "/v1/presidio/anonymize",
    summary="Apply operators to given results, in Presidio anonymizer's shapes",
    tags=["presidio-compatible"],
    responses=documented(presidio.AnonymizeResponse, 400, 401, 403, 413, 415, 422, 429, 503),
)
def presidio_anonymize(
    body: Annotated[presidio.AnonymizeRequest, Body()],
) -> presidio.AnonymizeResponse:
    event = app.current_event.raw_event
    text, replacements = default_redaction_service().transform(
        body.text, body.entities(), body.operators(), principal_of(event), request_id_of(event)
    )
    return presidio.AnonymizeResponse(
        text=text,
        items=[
            presidio.AnonymizedItem(
                start=r.start,
                end=r.end,
                entity_type=presidio.presidio_name(r.entity.type),
                text=text[r.start : r.end],
                operator=r.operator,
            )
            for r in replacements
        ],
    )


def _audit_rejection(principal: Principal, event: dict[str, Any], status: int) -> None:
    action = ROUTE_ACTIONS[event["resource"]]
    # The body's bytes as received (it may not even decode); surrogates counted, not refused.
    size = len(str(event.get("body") or "").encode("utf-8", "surrogatepass"))
    default_redaction_service().record_rejection(
        principal, request_id_of(event), action, status, size
    )


@logger.inject_lambda_context(log_event=False)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return handle(
        app,
        event,
        context,
        ROUTE_SCOPES,
        on_rejected=_audit_rejection,
        allowed_origins=default_tenant_settings().allowed_origins,
    )
