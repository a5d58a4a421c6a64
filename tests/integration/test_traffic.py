"""`veil traffic` on moto: aliases, versions and alarms are moto's; CodeDeploy's
stop_deployment is not implemented there, so that one call goes through botocore's Stubber."""

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.stub import ANY, Stubber
from moto import mock_aws

from veil.cli import main
from veil.ops.traffic import Traffic, TrafficError

REGION = "eu-west-1"


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("app.py", "def lambda_handler(event, context):\n    return {}\n")
    return buffer.getvalue()


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """A function with versions 1, 2, 3 and its live alias split 90/10 between 2 and 3."""
    for name, value in {"AWS_DEFAULT_REGION": REGION, "AWS_ACCESS_KEY_ID": "testing",
                        "AWS_SECRET_ACCESS_KEY": "testing"}.items():  # fmt: skip
        monkeypatch.setenv(name, value)
    with mock_aws():
        iam = boto3.client("iam")
        role = iam.create_role(RoleName="r", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
        lam = boto3.client("lambda")
        lam.create_function(FunctionName="veil-redact", Runtime="python3.13", Role=role,
                            Handler="app.lambda_handler", Code={"ZipFile": _zip()})  # fmt: skip
        for n in range(3):
            lam.update_function_configuration(FunctionName="veil-redact", Description=f"v{n}")
            lam.publish_version(FunctionName="veil-redact")
        lam.create_alias(FunctionName="veil-redact", Name="live", FunctionVersion="2",
                         RoutingConfig={"AdditionalVersionWeights": {"3": 0.1}})  # fmt: skip
        cloudwatch = boto3.client("cloudwatch")
        cloudwatch.put_metric_alarm(
            AlarmName="veil-prod-redact-errors", Namespace="AWS/Lambda", MetricName="Errors",
            Dimensions=[{"Name": "FunctionName", "Value": "veil-redact"},
                        {"Name": "Resource", "Value": "veil-redact:live"}],
            Statistic="Sum", Period=60, EvaluationPeriods=1, Threshold=0,
            ComparisonOperator="GreaterThanThreshold",
        )  # fmt: skip
        cloudwatch.put_metric_alarm(
            AlarmName="someone-elses-alarm", Namespace="AWS/Lambda", MetricName="Errors",
            Dimensions=[{"Name": "FunctionName", "Value": "other"}], Statistic="Sum",
            Period=60, EvaluationPeriods=1, Threshold=0, ComparisonOperator="GreaterThanThreshold",
        )  # fmt: skip
        yield {"lambda": lam, "cloudwatch": cloudwatch, "codedeploy": boto3.client("codedeploy")}


def traffic(aws: dict[str, Any], **options: Any) -> Traffic:
    return Traffic(aws["lambda"], aws["cloudwatch"], aws["codedeploy"], "veil-redact", **options)


def alias(aws: dict[str, Any]) -> tuple[str, dict[str, float]]:
    reply = aws["lambda"].get_alias(FunctionName="veil-redact", Name="live")
    return reply["FunctionVersion"], (reply.get("RoutingConfig") or {}).get(
        "AdditionalVersionWeights", {}
    )


def test_status_shows_the_split_the_alarms_and_the_stray_split_warning(aws: dict[str, Any]) -> None:
    state = traffic(aws).state()
    assert state.routing() == "version 2 at 90%, version 3 at 10%"
    assert state.alarms == {"veil-prod-redact-errors": "OK"}  # only this function's alarms
    assert any("split with no deployment in flight" in w for w in state.warnings())


def test_rollback_of_a_90_10_split_returns_all_traffic_to_the_primary(aws: dict[str, Any]) -> None:
    moves = traffic(aws)
    before = moves.state()
    after = moves.apply(before, moves.rollback(before))
    assert alias(aws) == ("2", {})
    assert after.routing() == "version 2 at 100%"
    again = moves.apply(after, moves.rollback(after))  # not split: back one version
    assert again.primary == "1"


def test_rollback_stops_the_deployment_in_flight_with_rollback(aws: dict[str, Any]) -> None:
    codedeploy = aws["codedeploy"]
    with Stubber(codedeploy) as stub:
        stub.add_response("list_deployments", {"deployments": ["d-INFLIGHT"]},
                          {"applicationName": "veil", "deploymentGroupName": "redact",
                           "includeOnlyStatuses": ANY})  # fmt: skip
        stub.add_response("stop_deployment", {"status": "Pending"},
                          {"deploymentId": "d-INFLIGHT", "autoRollbackEnabled": True})  # fmt: skip
        stub.add_response("list_deployments", {"deployments": []}, None)
        moves = traffic(aws, application="veil", deployment_group="redact")
        before = moves.state()
        assert before.deployments == ("d-INFLIGHT",)
        assert before.warnings() == []  # split, but by a deployment: expected
        moves.apply(before, moves.rollback(before))
        stub.assert_no_pending_responses()
    assert alias(aws) == ("2", {})


def test_shift_onto_a_function_in_alarm_is_refused_unless_forced(aws: dict[str, Any]) -> None:
    aws["cloudwatch"].set_alarm_state(AlarmName="veil-prod-redact-errors", StateValue="ALARM",
                                      StateReason="test")  # fmt: skip
    moves = traffic(aws)
    before = moves.state()
    with pytest.raises(TrafficError, match="in ALARM"):
        moves.shift(before, "3", 0.5, force=False)
    with pytest.raises(TrafficError, match="in ALARM"):
        moves.promote(before, force=False)
    assert moves.shift(before, "3", 0.05, force=False).weights == {"3": 0.05}  # less is fine
    assert moves.shift(before, "3", 0.5, force=True).weights == {"3": 0.5}
    assert alias(aws) == ("2", {"3": 0.1})  # planning changed nothing


def test_shift_and_promote(aws: dict[str, Any]) -> None:
    moves = traffic(aws)
    state = moves.apply(before := moves.state(), moves.shift(before, "3", 0.5, force=False))
    assert alias(aws) == ("2", {"3": 0.5})
    moves.apply(state, moves.promote(state, force=False))
    assert alias(aws) == ("3", {})
    with pytest.raises(TrafficError, match="no published version 9"):
        moves.shift(moves.state(), "9", 0.1, force=False)


def test_cli_dry_run_changes_nothing_and_refusals_exit_1(
    aws: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["traffic", "rollback", "--function", "veil-redact", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "now:   version 2 at 90%, version 3 at 10%" in out
    assert "after: version 2 at 100%" in out
    assert alias(aws) == ("2", {"3": 0.1})
    aws["cloudwatch"].set_alarm_state(AlarmName="veil-prod-redact-errors", StateValue="ALARM",
                                      StateReason="test")  # fmt: skip
    args = ["traffic", "shift", "--function", "veil-redact", "--version", "3", "--weight", "0.5"]
    assert main([*args, "--yes"]) == 1
    assert "in ALARM" in capsys.readouterr().err


def test_cli_asks_before_changing_and_applies_with_yes(
    aws: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("builtins.input", lambda _: "n")
    assert main(["traffic", "rollback", "--function", "veil-redact"]) == 1
    assert alias(aws) == ("2", {"3": 0.1})
    assert main(["traffic", "rollback", "--function", "veil-redact", "--yes"]) == 0
    assert "done:  version 2 at 100%" in capsys.readouterr().out
    assert alias(aws) == ("2", {})
