"""The load framework itself: each scenario's locustfile loads with one paced user class,
and the SLO verdicts judge Locust's numbers correctly. (Runs are `make load`, not tests.)"""

import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.load.run import SCENARIOS, at_most, error_free

EXPECTED_USERS = {
    "steady": {"SteadyRedactor"},
    "spike": {"SpikeRedactor"},
    "large": {"LargeSender"},
    "mixed": {"MixedUser"},
    "soak": {"SoakUser"},
    "capacity": {"HealthHammer", "RedactHammer"},
}


@pytest.mark.parametrize("scenario", [*SCENARIOS, "capacity"])
def test_locustfile_loads_with_its_users(scenario: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "locust", "-f", f"tests/load/{scenario}.py", "--list"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    listed = {line.strip() for line in result.stdout.splitlines()[1:] if line.strip()}
    assert listed == EXPECTED_USERS[scenario]


def stats(requests: int, failures: int, p95: float, p99: float) -> dict[str, dict[str, str]]:
    row = {"Request Count": str(requests), "Failure Count": str(failures), "95%": str(p95),
           "99%": str(p99)}  # fmt: skip
    return {"Aggregated": row, "/v1/redact": row}


def test_verdicts() -> None:
    assert error_free(stats(100, 0, 10, 20)).passed
    assert not error_free(stats(100, 1, 10, 20)).passed
    assert error_free(stats(1000, 1, 10, 20), allowed=0.001).passed
    assert not error_free(stats(0, 0, 0, 0)).passed  # no traffic is no evidence
    assert at_most(stats(100, 0, 10, 50), "/v1/redact", "99%", 50).passed
    missed = at_most(stats(100, 0, 10, 51), "/v1/redact", "99%", 50)
    assert not missed.passed
    assert missed.observed == "51 ms"
