"""The SAM template: valid offline, and in step with the code it deploys."""

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from cfnlint.decode import cfn_yaml

from tests.conftest import ROOT
from veil.local.events import rest_event
from veil.local.routes import ROUTES

SAM_CLI = "aws-sam-cli==1.170.0"


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    loaded: dict[str, Any] = cfn_yaml.load(str(ROOT / "template.yaml"))
    return loaded


def functions(template: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        name: resource["Properties"]
        for name, resource in template["Resources"].items()
        if resource["Type"] == "AWS::Serverless::Function"
    }


@pytest.mark.slow
def test_sam_validate_lint_passes_offline() -> None:
    env = {**os.environ, "SAM_CLI_TELEMETRY": "0", "AWS_DEFAULT_REGION": "eu-west-1"}
    result = subprocess.run(
        [sys.executable, "-m", "uv", "tool", "run", "--from", SAM_CLI, "sam", "validate", "--lint"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "is a valid SAM Template" in result.stdout + result.stderr


def test_local_routes_match_the_template(template: dict[str, Any]) -> None:
    declared = set()
    for properties in functions(template).values():
        folder = Path(properties["CodeUri"]).name
        for event in (properties.get("Events") or {}).values():
            if event["Type"] == "Api":
                p = event["Properties"]
                declared.add((p["Method"].upper(), p["Path"], folder))
    assert declared == {(r.method, r.resource, r.function) for r in ROUTES}


def test_every_function_has_its_handler_the_layer_and_the_live_alias(
    template: dict[str, Any],
) -> None:
    globals_ = template["Globals"]["Function"]
    assert globals_["AutoPublishAlias"] == "live"
    assert globals_["Layers"] == [{"Ref": "SharedLayer"}]
    for properties in functions(template).values():
        module, _, function = properties["Handler"].partition(".")
        source = (ROOT / properties["CodeUri"] / f"{module}.py").read_text()
        assert f"def {function}(" in source


def test_layer_pins_match_the_project_dependencies() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    requirements = (ROOT / "layers/shared/requirements.txt").read_text().splitlines()
    pinned = {line.strip() for line in requirements if line.strip() and not line.startswith("#")}
    assert pinned == set(pyproject["project"]["dependencies"])
    assert all("==" in requirement for requirement in pinned)


def test_sample_events_have_the_local_servers_shape() -> None:
    event = json.loads((ROOT / "events/redact.json").read_text())
    built = rest_event("POST", "/v1/redact", "/v1/redact", {}, {}, b"{}")
    assert set(event) == set(built)
    assert set(event["requestContext"]) == set(built["requestContext"])


def translated(**parameters: str) -> dict[str, Any]:
    """template.yaml through the SAM translator (in aws-sam-cli's environment), offline."""
    env = {**os.environ, "SAM_CLI_TELEMETRY": "0", "AWS_DEFAULT_REGION": "eu-west-1"}
    arguments = [f"{k}={v}" for k, v in parameters.items()]
    command = [sys.executable, "-m", "uv", "tool", "run", "--from", SAM_CLI, "python",
               "tests/infrastructure/translate.py", *arguments]  # fmt: skip
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300, check=True)  # fmt: skip
    cloudformation: dict[str, Any] = json.loads(result.stdout)
    return cloudformation


def versions(cloudformation: dict[str, Any]) -> dict[str, str]:
    """Function logical id -> the logical id of the version SAM publishes for it."""
    return {
        resource["Properties"]["FunctionName"]["Ref"]: name
        for name, resource in cloudformation["Resources"].items()
        if resource["Type"] == "AWS::Lambda::Version"
    }


@pytest.mark.slow
def test_a_layer_only_change_publishes_a_new_version_of_every_function() -> None:
    before = versions(translated(LayerContentHash="a" * 64))
    same = versions(translated(LayerContentHash="a" * 64))
    after = versions(translated(LayerContentHash="b" * 64))
    assert before == same  # nothing changed: no new versions
    shipped = set(before) - {"PreTrafficHookFunction"}  # CodeDeploy calls the hook by name
    assert len(shipped) == 7
    assert all(before[function] != after[function] for function in shipped)


def test_layer_hash_follows_the_layer_content(tmp_path: Path) -> None:
    from tools.release import deploy_parameters, layer_hash

    (tmp_path / "veil").mkdir()
    (tmp_path / "veil" / "engine.py").write_text("A = 1\n")
    first = layer_hash(tmp_path)
    (tmp_path / "veil" / "__pycache__").mkdir()
    (tmp_path / "veil" / "__pycache__" / "engine.cpython-313.pyc").write_bytes(b"junk")
    assert layer_hash(tmp_path) == first  # build leftovers do not count
    (tmp_path / "veil" / "engine.py").write_text("A = 2\n")
    assert layer_hash(tmp_path) != first
    prod = deploy_parameters("prod")
    assert "Stage=prod DeploymentType=Canary10Percent5Minutes" in prod
    assert f"LayerContentHash={layer_hash()}" in prod


def test_every_function_ships_through_a_canary_with_alarms_and_the_hook(
    template: dict[str, Any],
) -> None:
    resources = template["Resources"]
    for name, properties in functions(template).items():
        preference = properties["DeploymentPreference"]
        if name == "PreTrafficHookFunction":
            assert preference == {"Enabled": False}
            assert properties["FunctionName"]["Fn::Sub"].startswith("CodeDeployHook_")
            continue
        assert preference["Type"] == {"Ref": "DeploymentType"}
        assert preference["Hooks"] == {"PreTraffic": {"Ref": "PreTrafficHookFunction"}}
        assert properties["AutoPublishCodeSha256"] == {"Ref": "LayerContentHash"}
        alarms = [alarm["Ref"] for alarm in preference["Alarms"]]
        assert len(alarms) == 3
        for alarm in alarms:
            dimensions = {
                d["Name"]: d["Value"] for d in resources[alarm]["Properties"]["Dimensions"]
            }
            assert dimensions["FunctionName"] == {"Ref": name}
            assert dimensions["Resource"] == {"Fn::Sub": f"${{{name}}}:live"}


def test_permissions_are_only_what_each_function_needs(template: dict[str, Any]) -> None:
    def policy_names(properties: dict[str, Any]) -> set[str]:
        names = set()
        for policy in properties.get("Policies", []):
            if isinstance(policy, dict) and "Fn::If" in policy:
                policy = policy["Fn::If"][1]
            names |= set(policy) if "Statement" not in policy else {"inline"}
        return names

    needs = {
        "AuthorizerFunction": {"AWSSecretsManagerGetSecretValuePolicy"},
        "RedactFunction": {
            "AWSSecretsManagerGetSecretValuePolicy",
            "SQSSendMessagePolicy",
            "inline",
        },
        "AuditQueryFunction": {"AWSSecretsManagerGetSecretValuePolicy", "SQSSendMessagePolicy"},
        "AuditWriterFunction": {"AWSSecretsManagerGetSecretValuePolicy"},
        "HealthFunction": {"AWSSecretsManagerGetSecretValuePolicy"},
        "ProviderStatusFunction": {"AWSSecretsManagerGetSecretValuePolicy"},
        "ProviderProbeFunction": {"AWSSecretsManagerGetSecretValuePolicy", "inline"},
        "PreTrafficHookFunction": {"inline"},
    }
    assert {n: policy_names(p) for n, p in functions(template).items()} == needs
    assert "Policies" not in template["Globals"]["Function"]


def test_api_logs_no_personal_data_and_is_throttled(template: dict[str, Any]) -> None:
    api = template["Resources"]["Api"]["Properties"]
    assert api["ApiKeySourceType"] == "AUTHORIZER"
    assert api["Auth"]["ApiKeyRequired"] is True
    health = template["Resources"]["HealthFunction"]["Properties"]["Events"]
    assert all(e["Properties"]["Auth"] == {"Authorizer": "NONE", "ApiKeyRequired": False}
               for e in health.values())  # fmt: skip
    plan = template["Resources"]["ClientUsagePlan"]["Properties"]
    assert {"RateLimit", "BurstLimit"} <= set(plan["Throttle"])
    assert plan["Quota"]["Period"] == "DAY"
    [settings] = api["MethodSettings"]
    assert settings["DataTraceEnabled"] is False
    assert settings["LoggingLevel"] == "OFF"
    assert {"ThrottlingRateLimit", "ThrottlingBurstLimit"} <= set(settings)
    fields = json.loads(api["AccessLogSetting"]["Format"])
    assert not {"path", "ip", "sourceIp", "userAgent", "query"} & set(fields)
    assert "$context.requestId" in fields.values()


@pytest.mark.slow
def test_sam_build_makes_an_arm64_layer_holding_veil(tmp_path: Path) -> None:
    env = {**os.environ, "SAM_CLI_TELEMETRY": "0", "AWS_DEFAULT_REGION": "eu-west-1",
           "PYENV_VERSION": "3.13.0"}  # fmt: skip
    command = [sys.executable, "-m", "uv", "tool", "run", "--from", SAM_CLI, "sam", "build",
               "--build-dir", str(tmp_path / "build")]  # fmt: skip
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=600, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    layer = tmp_path / "build" / "SharedLayer" / "python"
    assert (layer / "veil" / "database" / "sql" / "0001_initial.sql").exists()
    [extension] = (layer / "re2").glob("_re2*.so")
    elf = extension.read_bytes()[:20]
    assert int.from_bytes(elf[18:20], "little") == 0xB7  # EM_AARCH64: built for arm64 Lambda


def test_preflights_in_aws_match_the_code(template: dict[str, Any]) -> None:
    from veil.http import cors

    api = template["Resources"]["Api"]["Properties"]
    assert api["Cors"] == {
        "AllowMethods": f"'{cors.ALLOWED_METHODS}'",
        "AllowHeaders": f"'{cors.ALLOWED_HEADERS}'",
        "AllowOrigin": "'*'",
        "MaxAge": f"'{cors.MAX_AGE_S}'",
    }
    assert api["Auth"]["AddDefaultAuthorizerToCorsPreflight"] is False
    assert api["Auth"]["AddApiKeyRequiredToCorsPreflight"] is False
