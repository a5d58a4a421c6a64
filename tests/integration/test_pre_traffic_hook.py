"""The pre-traffic hook runs its smoke checks on the real handlers and reports the verdict
to CodeDeploy (Stubber: moto has no put_lifecycle_event_hook_execution_status)."""

import io
import json
from typing import Any

import boto3
import pytest
from botocore.response import StreamingBody
from botocore.stub import Stubber

from tests.conftest import ROOT
from veil.local.server import LocalApi
from veil.ops.smoke import Invoke, SmokeTargets, lambda_invoker, run_pre_traffic_hook

pytestmark = pytest.mark.usefixtures("service_environment")

TARGETS = SmokeTargets(
    health="arn:aws:lambda:eu-west-1:1:function:health:7",
    redact="arn:aws:lambda:eu-west-1:1:function:redact:7",
    authorizer="arn:aws:lambda:eu-west-1:1:function:authorizer:7",
)
HOOK_EVENT = json.loads((ROOT / "events" / "codedeploy_pre_traffic.json").read_text())


def local_invoker(broken: str | None = None) -> Invoke:
    """Invoke the handlers in process, as Lambda would invoke the versions in TARGETS."""
    api = LocalApi(ROOT / "functions")

    def invoke(function: str, event: dict[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
        name = function.split(":")[-2]
        if name == broken:
            return {"statusCode": 500, "body": "{}"}, None
        try:
            return api.invoke(name, event), None
        except Exception as error:  # Lambda reports a raised exception as a function error
            return None, str(error)

    return invoke


def codedeploy_expecting(status: str) -> tuple[Any, Stubber]:
    client = boto3.client("codedeploy", region_name="eu-west-1", aws_access_key_id="x",
                          aws_secret_access_key="x")  # fmt: skip
    stub = Stubber(client)
    stub.add_response(
        "put_lifecycle_event_hook_execution_status",
        {"lifecycleEventHookExecutionId": HOOK_EVENT["LifecycleEventHookExecutionId"]},
        {
            "deploymentId": HOOK_EVENT["DeploymentId"],
            "lifecycleEventHookExecutionId": HOOK_EVENT["LifecycleEventHookExecutionId"],
            "status": status,
        },
    )
    stub.activate()
    return client, stub


def test_healthy_versions_are_reported_succeeded() -> None:
    codedeploy, stub = codedeploy_expecting("Succeeded")
    verdict = run_pre_traffic_hook(HOOK_EVENT, local_invoker(), TARGETS, codedeploy)
    stub.assert_no_pending_responses()
    assert verdict["status"] == "Succeeded", verdict
    assert [c["check"] for c in verdict["checks"]] == ["health", "authorizer", "redact"]


@pytest.mark.parametrize("broken", ["health", "redact"])
def test_a_failing_smoke_check_is_reported_failed(broken: str) -> None:
    codedeploy, stub = codedeploy_expecting("Failed")
    verdict = run_pre_traffic_hook(HOOK_EVENT, local_invoker(broken), TARGETS, codedeploy)
    stub.assert_no_pending_responses()
    assert verdict["status"] == "Failed"
    assert [c["check"] for c in verdict["checks"] if not c["ok"]] == [broken]


def test_lambda_invoker_reads_results_and_function_errors() -> None:
    client = boto3.client("lambda", region_name="eu-west-1", aws_access_key_id="x",
                          aws_secret_access_key="x")  # fmt: skip
    with Stubber(client) as stub:
        for payload, error in (
            ({"statusCode": 200}, None),
            ({"errorMessage": "Unauthorized"}, "Unhandled"),
        ):
            body = json.dumps(payload).encode()
            reply: dict[str, Any] = {
                "StatusCode": 200,
                "Payload": StreamingBody(io.BytesIO(body), len(body)),
            }
            if error:
                reply["FunctionError"] = error
            stub.add_response("invoke", reply)
        invoke = lambda_invoker(client)
        assert invoke("f", {}) == ({"statusCode": 200}, None)
        assert invoke("f", {}) == (None, "Unauthorized")
