"""GET /health (liveness: no dependency is called), GET /health/ready (dependencies) and
GET /v1/openapi.json. No API key: nothing in these bodies is sensitive."""

import json
from http import HTTPStatus
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi.types import OpenAPIResponse
from aws_lambda_powertools.utilities.typing import LambdaContext

from veil import health
from veil.database.pool import default_pool
from veil.http.gateway import handle, install_problem_handlers
from veil.http.openapi import committed_spec
from veil.providers.wiring import default_monitor
from veil.settings import get_settings

app = APIGatewayRestResolver()
install_problem_handlers(app)


def _health_response(document: dict[str, Any]) -> Response[str]:
    failing = document["status"] == health.Health.FAIL
    status = HTTPStatus.SERVICE_UNAVAILABLE if failing else HTTPStatus.OK
    body = json.dumps(document)  # Powertools serializes only application/json itself
    return Response(status_code=status, content_type=health.HEALTH_CONTENT_TYPE, body=body)


HEALTH_RESPONSES: dict[int, OpenAPIResponse] = {
    code: {
        "description": description,
        "content": {health.HEALTH_CONTENT_TYPE: {"model": health.HealthDocument}},
    }
    for code, description in ((200, "pass or warn"), (503, "fail: a dependency is down"))
}


@app.get("/health", summary="Liveness", tags=["health"], responses=HEALTH_RESPONSES)
def live() -> Response[str]:
    return _health_response(health.liveness())


@app.get("/health/ready", summary="Readiness", tags=["health"], responses=HEALTH_RESPONSES)
def ready() -> Response[str]:
    return _health_response(
        health.readiness(default_pool(), get_settings().master_keys, default_monitor().statuses)
    )


@app.get(
    "/v1/openapi.json",
    summary="This API's OpenAPI document",
    tags=["health"],
    responses={200: {"description": "OpenAPI 3.1", "content": {"application/json": {}}}},
)
def openapi() -> Response[str]:
    return Response(status_code=200, content_type="application/json", body=committed_spec())


def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return handle(app, event, context, route_scopes={})
