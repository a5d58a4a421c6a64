"""API Gateway REST (v1 proxy) events and authorizer events, shaped like the samples in events/."""

import base64
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

ACCOUNT_ID = "123456789012"
API_ID = "local"
STAGE = "local"
REGION = "us-east-1"


def method_arn(method: str, path: str) -> str:
    return f"arn:aws:execute-api:{REGION}:{ACCOUNT_ID}:{API_ID}/{STAGE}/{method}{path}"


def rest_event(
    method: str,
    path: str,
    resource: str,
    headers: dict[str, str],
    query: dict[str, list[str]],
    body: bytes,
    path_parameters: dict[str, str] | None = None,
    source_ip: str = "127.0.0.1",
) -> dict[str, Any]:
    """A proxy-integration event. Bodies that are not UTF-8 arrive base64-encoded, as API
    Gateway sends binary payloads, so the handler can refuse them itself."""
    try:
        text_body: str | None = body.decode("utf-8") if body else None
        encoded = False
    except UnicodeDecodeError:
        text_body, encoded = base64.b64encode(body).decode(), True
    request_id = str(uuid.uuid4())
    return {
        "resource": resource,
        "path": path,
        "httpMethod": method,
        "headers": headers,
        "multiValueHeaders": {k: [v] for k, v in headers.items()},
        "queryStringParameters": {k: v[-1] for k, v in query.items()} or None,
        "multiValueQueryStringParameters": query or None,
        "pathParameters": path_parameters,
        "stageVariables": None,
        "requestContext": {
            "accountId": ACCOUNT_ID,
            "apiId": API_ID,
            "stage": STAGE,
            "requestId": request_id,
            "extendedRequestId": request_id,
            "requestTime": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime()),
            "requestTimeEpoch": int(time.time() * 1000),
            "resourcePath": resource,
            "path": f"/{STAGE}{path}",
            "httpMethod": method,
            "protocol": "HTTP/1.1",
            "identity": {"sourceIp": source_ip, "userAgent": headers.get("user-agent")},
            "authorizer": None,
        },
        "body": text_body,
        "isBase64Encoded": encoded,
    }


def authorizer_event(event: dict[str, Any]) -> dict[str, Any]:
    """The REQUEST authorizer event API Gateway sends before invoking the function."""
    return {
        "type": "REQUEST",
        "methodArn": method_arn(event["httpMethod"], event["path"]),
        "resource": event["resource"],
        "path": event["path"],
        "httpMethod": event["httpMethod"],
        "headers": event["headers"],
        "multiValueHeaders": event["multiValueHeaders"],
        "queryStringParameters": event["queryStringParameters"],
        "multiValueQueryStringParameters": event["multiValueQueryStringParameters"],
        "pathParameters": event["pathParameters"],
        "stageVariables": None,
        "requestContext": {k: v for k, v in event["requestContext"].items() if k != "authorizer"},
    }


@dataclass
class LocalContext:
    """Enough of the Lambda context object for Powertools and the handlers."""

    function_name: str
    function_version: str = "$LATEST"
    memory_limit_in_mb: int = 1024
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    log_group_name: str = "/aws/lambda/local"
    log_stream_name: str = "local"
    timeout_s: float = 29.0
    _started: float = field(default_factory=time.monotonic)

    @property
    def invoked_function_arn(self) -> str:
        return f"arn:aws:lambda:{REGION}:{ACCOUNT_ID}:function:{self.function_name}"

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self.timeout_s - (time.monotonic() - self._started)) * 1000))
