"""The API's routes as template.yaml declares them (a test keeps the two in step)."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Route:
    method: str
    resource: str  # API Gateway resource path; `{name}` segments are path parameters
    function: str  # folder under functions/
    authorized: bool = True  # goes through the Lambda authorizer first

    def match(self, method: str, path: str) -> dict[str, str] | None:
        if method != self.method:
            return None
        pattern, actual = self.resource.strip("/").split("/"), path.strip("/").split("/")
        if len(pattern) != len(actual):
            return None
        parameters = {}
        for expected, segment in zip(pattern, actual, strict=True):
            if expected.startswith("{") and expected.endswith("}"):
                if not segment:
                    return None
                parameters[expected[1:-1]] = segment
            elif expected != segment:
                return None
        return parameters


ROUTES: tuple[Route, ...] = (
    Route("POST", "/v1/redact", "redact"),
    Route("POST", "/v1/detect", "redact"),
    Route("POST", "/v1/reidentify", "redact"),
    Route("POST", "/v1/presidio/analyze", "redact"),
    Route("POST", "/v1/presidio/anonymize", "redact"),
    Route("GET", "/v1/audit/events", "audit_query"),
    Route("GET", "/v1/audit/events/{event_id}", "audit_query"),
    Route("POST", "/v1/audit/search", "audit_query"),
    Route("GET", "/v1/providers/status", "provider_status"),
    Route("GET", "/v1/providers/{name}/status", "provider_status"),
    Route("GET", "/health", "health", authorized=False),
    Route("GET", "/health/ready", "health", authorized=False),
    Route("GET", "/v1/openapi.json", "health", authorized=False),
)


def find_route(method: str, path: str) -> tuple[Route, dict[str, str]] | None:
    for route in ROUTES:
        parameters = route.match(method, path)
        if parameters is not None:
            return route, parameters
    return None


def allowed_methods(path: str) -> list[str]:
    """The methods some route takes at `path` (for 405's Allow header)."""
    return sorted({r.method for r in ROUTES if r.match(r.method, path) is not None})
