"""The API's OpenAPI document: each function's routes, as Powertools describes them, with
every problem response documented, merged into one spec (committed as openapi.json beside
this module, served at GET /v1/openapi.json, kept current by a test)."""

import json
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver
from aws_lambda_powertools.event_handler.openapi.types import OpenAPIResponse
from pydantic import BaseModel

from veil.http.problems import PROBLEM_CONTENT_TYPE

TITLE = "Veil"
VERSION = "1.0.0"

_REASONS = {
    400: "Not JSON, not UTF-8, or a cursor this API did not issue",
    401: "No API key, or an unknown or revoked one",
    403: "The key lacks this route's scope",
    404: "No such resource",
    413: "The body exceeds the limit",
    415: "Not application/json",
    422: "The body or parameters do not match the schema",
    429: "Too many requests for this key",
    503: "A dependency is unavailable; retry",
}


class ProblemDocument(BaseModel):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str
    request_id: str
    errors: list[dict[str, Any]] | None = None


def documented(
    ok: type[BaseModel] | None, *problems: int, content_type: str = "application/json"
) -> dict[int, OpenAPIResponse]:
    """The route's 200 (`ok` as the body) and its problem responses, for `responses=`."""
    success: OpenAPIResponse = {"description": "OK"}
    if ok is not None:
        success["content"] = {content_type: {"model": ok}}
    responses: dict[int, OpenAPIResponse] = {200: success}
    for code in problems:
        responses[code] = {
            "description": _REASONS[code],
            "content": {PROBLEM_CONTENT_TYPE: {"model": ProblemDocument}},
        }
    return responses


def merged_spec(apps: Iterable[tuple[APIGatewayRestResolver, bool]]) -> dict[str, Any]:
    """One spec from every function's resolver; `bool`: whether its routes need a key."""
    spec: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": TITLE, "version": VERSION},
        "paths": {},
        "components": {
            "schemas": {},
            "securitySchemes": {"ApiKey": {"type": "apiKey", "in": "header", "name": "x-api-key"}},
        },
    }
    for app, needs_key in apps:
        part = app.get_openapi_schema(title=TITLE, version=VERSION).model_dump(
            mode="json", by_alias=True, exclude_none=True
        )
        for path, operations in part.get("paths", {}).items():
            for operation in operations.values():
                operation["security"] = [{"ApiKey": []}] if needs_key else []
            spec["paths"].setdefault(path, {}).update(operations)
        spec["components"]["schemas"].update(part.get("components", {}).get("schemas", {}))
    spec["paths"] = dict(sorted(spec["paths"].items()))
    spec["components"]["schemas"] = dict(sorted(spec["components"]["schemas"].items()))
    return spec


def committed_spec() -> str:
    return files("veil.http").joinpath("openapi.json").read_text()


@cache
def schema_names() -> frozenset[str]:
    """Every name the API's schema uses (fields, parameters, enum values): the words a
    validation error may repeat. Anything else in an error's location came from a caller."""
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            names.update(node)
            for key, value in node.items():
                if key in ("name", "const", "default") and isinstance(value, str):
                    names.add(value)
                elif key == "enum":
                    names.update(v for v in value if isinstance(v, str))
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(json.loads(committed_spec()))
    return frozenset(names)
