"""`veil serve`: HTTP on 127.0.0.1 -> API Gateway event -> authorizer -> handler, in process.

Behaves like the deployed API Gateway where it matters to clients: the authorizer runs
first (no cache here, so a revoked key is refused at once), each key is throttled as the
usage plan throttles it (429 with Retry-After), errors API Gateway answers itself come
back as the same problem+json bodies (template.yaml's Gateway Responses), and each
function handles one invocation at a time, as one Lambda execution environment does.
"""

import base64
import importlib.util
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from veil.http import cors, problems
from veil.http.headers import SECURITY_HEADERS
from veil.http.problems import PROBLEM_CONTENT_TYPE, Problem
from veil.local.events import LocalContext, authorizer_event, rest_event
from veil.local.rate_limit import RateLimiter
from veil.local.routes import allowed_methods, find_route
from veil.observability import logger

API_GATEWAY_MAX_BODY = 10 * 1024 * 1024

type Handler = Callable[[dict[str, Any], Any], dict[str, Any]]
type HttpResponse = tuple[int, dict[str, str], bytes]


class LocalApi:
    """Dispatches requests to the handlers in `functions_dir`, loaded as Lambda would."""

    def __init__(self, functions_dir: Path, limiter: RateLimiter | None = None) -> None:
        self._functions_dir = functions_dir
        self._limiter = limiter
        self._modules: dict[str, ModuleType] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._loading = threading.Lock()

    def dispatch(
        self, method: str, target: str, headers: dict[str, str], body: bytes
    ) -> HttpResponse:
        url = urlsplit(target)
        found = find_route(method, url.path)
        headers = {k.lower(): v for k, v in headers.items()}
        is_preflight = method == "OPTIONS" and "access-control-request-method" in headers
        if is_preflight and "origin" in headers and allowed_methods(url.path):
            # API Gateway's Cors mock methods answer these in AWS (template.yaml).
            return 204, {**SECURITY_HEADERS, **cors.preflight_headers(headers["origin"])}, b""
        if found is None:
            allowed = allowed_methods(url.path)
            if allowed:
                problem = problems.method_not_allowed(allowed)
                return _gateway_problem(problem, "none")
            return _gateway_problem(problems.not_found(), "none")
        route, path_parameters = found
        event = rest_event(
            method,
            url.path,
            route.resource,
            headers,
            parse_qs(url.query, keep_blank_values=True),
            body,
            path_parameters,
        )
        request_id = event["requestContext"]["requestId"]
        if len(body) > API_GATEWAY_MAX_BODY:
            return _gateway_problem(problems.payload_too_large(API_GATEWAY_MAX_BODY), request_id)
        if route.authorized:
            refusal = self._authorize(event) or self._throttle(event)
            if refusal is not None:
                return _gateway_problem(refusal, request_id)
        return _http_response(self.invoke(route.function, event))

    def invoke(self, function: str, event: dict[str, Any]) -> dict[str, Any]:
        handler = self._handler(function)
        with self._locks[function]:
            return handler(event, LocalContext(function_name=function))

    def _authorize(self, event: dict[str, Any]) -> Problem | None:
        if not event["headers"].get("x-api-key"):
            return problems.unauthorized()  # API Gateway refuses before calling the authorizer
        try:
            policy = self.invoke("authorizer", authorizer_event(event))
        except Exception as error:
            if str(error) == "Unauthorized":
                return problems.unauthorized()
            # API Gateway's AUTHORIZER_FAILURE response; template.yaml makes it this 503.
            logger.error("authorizer failed", extra={"error_class": type(error).__name__})
            return problems.authorizer_unavailable()
        statements = policy["policyDocument"]["Statement"]
        if not any(s["Effect"] == "Allow" for s in statements):
            return Problem(HTTPStatus.FORBIDDEN, "forbidden", "This API key may not call this API.")
        event["requestContext"]["authorizer"] = {
            **policy.get("context", {}),
            "principalId": policy["principalId"],
        }
        return None

    def _throttle(self, event: dict[str, Any]) -> Problem | None:
        """The usage plan's per-client throttle (API Gateway's 429), for an authorized key."""
        if self._limiter is None:
            return None
        wait_s = self._limiter.admit(event["headers"]["x-api-key"])
        return None if wait_s is None else problems.rate_limited(wait_s)

    def _handler(self, function: str) -> Handler:
        with self._loading:
            if function not in self._modules:
                self._modules[function] = load_function(self._functions_dir, function)
                self._locks[function] = threading.Lock()
        handler: Handler = self._modules[function].lambda_handler
        return handler


def load_function(functions_dir: Path, function: str) -> ModuleType:
    """Import functions/<function>/app.py as Lambda would (its own module, by path)."""
    path = functions_dir / function / "app.py"
    spec = importlib.util.spec_from_file_location(f"veil_function_{function}", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gateway_problem(problem: Problem, request_id: str) -> HttpResponse:
    headers = {**SECURITY_HEADERS, "Content-Type": PROBLEM_CONTENT_TYPE, **problem.headers}
    return int(problem.status), headers, problem.body(request_id).encode()


def _http_response(response: dict[str, Any]) -> HttpResponse:
    headers = dict(response.get("headers") or {})
    for name, values in (response.get("multiValueHeaders") or {}).items():
        headers[name] = ", ".join(values)
    body = response.get("body") or ""
    payload = base64.b64decode(body) if response.get("isBase64Encoded") else body.encode()
    return int(response["statusCode"]), headers, payload


class _RequestHandler(BaseHTTPRequestHandler):
    api: LocalApi
    protocol_version = "HTTP/1.1"

    def _serve(self, with_body: bool = True) -> None:
        length = int(self.headers.get("content-length") or 0)
        if length > API_GATEWAY_MAX_BODY:
            status, headers, payload = _gateway_problem(
                problems.payload_too_large(API_GATEWAY_MAX_BODY), "none"
            )
            self.close_connection = True
        else:
            body = self.rfile.read(length) if length else b""
            status, headers, payload = self.api.dispatch(
                self.command, self.path, dict(self.headers.items()), body
            )
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if with_body:
            self.wfile.write(payload)

    def do_HEAD(self) -> None:
        self._serve(with_body=False)

    def __getattr__(self, name: str) -> Any:
        # Every other method (GET, POST, TRACE, QUERY, ...) goes to the dispatcher, which
        # answers 404 or 405 as problem+json, never the standard library's HTML 501.
        if name.startswith("do_"):
            return self._serve
        raise AttributeError(name)

    def log_message(self, format: str, *args: Any) -> None:
        """Silenced: the default access log prints query strings, which may hold PII."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's default listen backlog is 5: a burst of new connections overflows it
    # and clients wait out a 1 s SYN retransmit (seen as 1,000 ms tails under load).
    request_queue_size = 512


def make_server(api: LocalApi, host: str = "127.0.0.1", port: int = 3000) -> ThreadingHTTPServer:
    handler = type("Handler", (_RequestHandler,), {"api": api})
    return _Server((host, port), handler)
