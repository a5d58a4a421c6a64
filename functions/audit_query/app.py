"""GET /v1/audit/events, GET /v1/audit/events/{event_id}, POST /v1/audit/search."""

from typing import Annotated, Any
from uuid import UUID

from aws_lambda_powertools.event_handler import APIGatewayRestResolver
from aws_lambda_powertools.event_handler.openapi.params import Body, Path, Query
from aws_lambda_powertools.utilities.typing import LambdaContext

from veil.api.audit_models import (
    MAX_PAGE,
    AuditEventView,
    AuditPage,
    AuditSearchRequest,
    QueryTime,
)
from veil.api.audit_service import default_audit_query_service
from veil.audit import Action, Outcome
from veil.audit.queries import EventFilter
from veil.auth import Scope
from veil.detection.entities import EntityType
from veil.http.gateway import handle, install_problem_handlers, principal_of, request_id_of
from veil.http.openapi import documented
from veil.observability import logger
from veil.tenants import default_tenant_settings

ROUTE_SCOPES = {
    "/v1/audit/events": Scope.AUDIT_READ,
    "/v1/audit/events/{event_id}": Scope.AUDIT_READ,
    "/v1/audit/search": Scope.AUDIT_READ,
}

app = APIGatewayRestResolver(enable_validation=True)
install_problem_handlers(app)


@app.get(
    "/v1/audit/events",
    summary="List the tenant's audit events",
    tags=["audit"],
    responses=documented(AuditPage, 400, 401, 403, 422, 429, 503),
)
def list_events(
    since: Annotated[QueryTime | None, Query()] = None,
    until: Annotated[QueryTime | None, Query()] = None,
    action: Annotated[Action | None, Query()] = None,
    outcome: Annotated[Outcome | None, Query()] = None,
    entity_type: Annotated[EntityType | None, Query()] = None,
    client_id: Annotated[str | None, Query(max_length=128)] = None,
    request_id: Annotated[str | None, Query(max_length=128)] = None,
    cursor: Annotated[str | None, Query(max_length=256)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
) -> AuditPage:
    event = app.current_event.raw_event
    where = EventFilter(since, until, action, outcome, entity_type, client_id, request_id)
    return default_audit_query_service().list_events(
        principal_of(event), where, cursor, limit, request_id_of(event)
    )


@app.get(
    "/v1/audit/events/<event_id>",
    summary="One audit event",
    tags=["audit"],
    responses=documented(AuditEventView, 401, 403, 404, 422, 429, 503),
)
def get_event(event_id: Annotated[UUID, Path()]) -> AuditEventView:
    event = app.current_event.raw_event
    return default_audit_query_service().get_event(
        principal_of(event), event_id, request_id_of(event)
    )


@app.post(
    "/v1/audit/search",
    summary="Events that saw a value",
    tags=["audit"],
    responses=documented(AuditPage, 400, 401, 403, 413, 415, 422, 429, 503),
)
def search(body: Annotated[AuditSearchRequest, Body()]) -> AuditPage:
    event = app.current_event.raw_event
    return default_audit_query_service().search(principal_of(event), body, request_id_of(event))


@logger.inject_lambda_context(log_event=False)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return handle(
        app, event, context, ROUTE_SCOPES, allowed_origins=default_tenant_settings().allowed_origins
    )
