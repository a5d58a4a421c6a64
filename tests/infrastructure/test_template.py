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
