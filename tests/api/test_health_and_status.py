"""Health and provider-status endpoints over HTTP, and the probe function on its event."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from tests.conftest import ROOT
from veil.auth import ApiKeyStore, Scope
from veil.database.pool import Pool
from veil.local.server import LocalApi
from veil.providers.store import ProbeRepository, ProbeResult

from .conftest import Client


def test_liveness_answers_without_a_key(server_url: str) -> None:
    reply = Client(server_url, "").request("GET", "/health", None, key=None)
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/health+json"
    assert reply.json["status"] == "pass"


def test_readiness_checks_dependencies_and_reveals_nothing(server_url: str) -> None:
    reply = Client(server_url, "").request("GET", "/health/ready", None, key=None)
    assert reply.status == 200, reply.raw
    body = reply.json
    assert body["status"] in ("pass", "warn")
    [database] = body["checks"]["postgresql:responseTime"]
    assert database["status"] == "pass"
    assert database["observedUnit"] == "ms"
    assert database["componentType"] == "datastore"
    assert "time" in database
    assert body["checks"]["postgresql:pendingMigrations"][0]["observedValue"] == 0
    assert body["checks"]["secrets:masterKey"][0]["status"] == "pass"
    for secret_or_host in ("127.0.0.1", "veil_app", "postgresql://", "6b6b6b"):
        assert secret_or_host not in reply.raw.decode()


@pytest.fixture(scope="module")
def status_reader(keys: ApiKeyStore, server_url: str) -> Client:
    _, key = keys.create("ops", "monitor", [Scope.STATUS_READ])
    return Client(server_url, key)


def test_provider_status_from_recorded_probes(status_reader: Client, app_pool: Pool) -> None:
    now = datetime.now(UTC)
    for minutes in range(5):
        ProbeRepository(app_pool).record(
            ProbeResult(
                "local", now - timedelta(minutes=minutes, seconds=1), True, 2.0 + minutes, 1.0, None
            )
        )
    reply = status_reader.request("GET", "/v1/providers/status", None)
    assert reply.status == 200
    [local] = reply.json["providers"]
    assert local["name"] == "local"
    assert local["status"] == "operational"
    assert local["circuit"] == "closed"
    assert local["probes"] >= 5
    history = status_reader.request(
        "GET", "/v1/providers/local/status?since=" + (now - timedelta(minutes=3)).isoformat()
        .replace("+", "%2B"), None,
    )  # fmt: skip
    assert history.status == 200
    assert 3 <= len(history.json["probes"]) <= 4


def test_provider_status_refusals(status_reader: Client, client: Client) -> None:
    assert status_reader.request("GET", "/v1/providers/nope/status", None).status == 404
    assert client.request("GET", "/v1/providers/status", None).status == 403  # no status:read


def test_probe_function_runs_on_the_scheduled_event(
    service_environment: object, admin_pool: Pool, capsys: pytest.CaptureFixture[str]
) -> None:
    event = json.loads((ROOT / "events" / "scheduled_probe.json").read_text())
    result = LocalApi(ROOT / "functions").invoke("provider_probe", event)
    assert result == {"probed": ["local"], "failed": []}
    with admin_pool.connection() as conn:
        newest = conn.execute(
            "SELECT ok, recall FROM provider_probes WHERE provider = 'local'"
            " ORDER BY observed_at DESC LIMIT 1"
        ).fetchone()
    # The engine finds every canary value of the types it supports (names are not yet).
    assert newest == (True, 1.0)
    emitted = [
        json.loads(line) for line in capsys.readouterr().out.splitlines() if '"_aws"' in line
    ]
    assert any(m.get("provider") == "local" and "ProbeLatency" in m for m in emitted)
