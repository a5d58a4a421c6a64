"""GET /v1/providers/status and GET /v1/providers/{name}/status?since=."""

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver
from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from aws_lambda_powertools.utilities.typing import LambdaContext

from veil.api.audit_models import QueryTime
from veil.api.provider_models import ProbeView, ProviderHistory, ProvidersStatus, ProviderStatusView
from veil.auth import Scope
from veil.http import problems
from veil.http.gateway import handle, install_problem_handlers, request_id_of
from veil.http.openapi import documented
from veil.observability import logger
from veil.providers.wiring import default_monitor
from veil.tenants import default_tenant_settings

ROUTE_SCOPES = {
    "/v1/providers/status": Scope.STATUS_READ,
    "/v1/providers/{name}/status": Scope.STATUS_READ,
}
MAX_HISTORY = timedelta(days=7)

app = APIGatewayRestResolver(enable_validation=True)
install_problem_handlers(app)


@app.get(
    "/v1/providers/status",
    summary="Status of every detection provider",
    tags=["status"],
    responses=documented(ProvidersStatus, 401, 403, 429),
)
def all_providers() -> ProvidersStatus:
    statuses = default_monitor().statuses()
    return ProvidersStatus(
        providers=[ProviderStatusView.of(s) for s in statuses],
        request_id=request_id_of(app.current_event.raw_event),
    )


@app.get(
    "/v1/providers/<name>/status",
    summary="One provider's probe history",
    tags=["status"],
    responses=documented(ProviderHistory, 401, 403, 404, 422, 429),
)
def one_provider(
    name: Annotated[str, Path(max_length=32)],
    since: Annotated[QueryTime | None, Query()] = None,
) -> ProviderHistory:
    monitor = default_monitor()
    if name not in monitor.names:
        raise problems.not_found()
    earliest = datetime.now(UTC) - MAX_HISTORY
    current, probes = monitor.history(
        name, max(since or datetime.now(UTC) - timedelta(hours=1), earliest)
    )
    return ProviderHistory(
        provider=ProviderStatusView.of(current),
        probes=[ProbeView.of(p) for p in probes],
        request_id=request_id_of(app.current_event.raw_event),
    )


@logger.inject_lambda_context(log_event=False)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return handle(
        app, event, context, ROUTE_SCOPES, allowed_origins=default_tenant_settings().allowed_origins
    )
