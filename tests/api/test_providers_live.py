"""A real `veil serve` with its own PostgreSQL and a Presidio stand-in: readiness follows
the database, and a failing provider degrades redaction without stopping it."""

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
import pytest

from tests.api.serve_process import Served, serve_process
from tests.fakes.presidio import presidio_standin
from veil.database.pool import open_pool
from veil.local.postgres import EmbeddedPostgres
from veil.tenants import TenantSettings

TEXT = "jordan avery (jordan.avery@example.com) SSN 536-22-8174"  # a name only Presidio finds


def call(served: Served, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    request = urllib.request.Request(  # noqa: S310 (loopback)
        served.url + path,
        data=None if body is None else json.dumps(body).encode(),
        method=method,
        headers={"x-api-key": served.key, "content-type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def eventually(check: Callable[[], bool], timeout_s: float = 20) -> None:
    deadline = time.monotonic() + timeout_s
    while not check():
        assert time.monotonic() < deadline, "the condition never came true"
        time.sleep(0.2)


@pytest.mark.slow
def test_readiness_follows_the_database(postgres: EmbeddedPostgres, tmp_path: Path) -> None:
    with serve_process(postgres.url, tmp_path) as served:
        assert call(served, "GET", "/health/ready")[0] == 200
        postgres.stop()
        status, body = call(served, "GET", "/health/ready")
        assert status == 503
        assert body["status"] == "fail"
        assert body["checks"]["postgresql:responseTime"][0]["status"] == "fail"
        assert call(served, "GET", "/health")[0] == 200  # liveness calls no dependency
        postgres.start()
        eventually(lambda: call(served, "GET", "/health/ready")[0] == 200)


@pytest.mark.slow
def test_failing_provider_degrades_redaction_and_shows_in_status(
    postgres: EmbeddedPostgres, tmp_path: Path
) -> None:
    with presidio_standin() as (presidio_url, behaviour):
        settings = {"VEIL_PRESIDIO_URL": presidio_url, "PROBE_INTERVAL": "0.3"}
        with serve_process(postgres.url, tmp_path, **settings) as served:
            with open_pool(postgres.url, size=1) as pool:
                TenantSettings.set_providers(pool, "local", ["presidio"])
            status, body = call(served, "POST", "/v1/redact", {"text": TEXT})
            assert status == 200
            assert body["providers"] == ["local", "presidio"]
            assert body["degraded"] is False
            assert body["redacted_text"] == "<PERSON> (<EMAIL_ADDRESS>) SSN <US_SSN>"

            behaviour.mode = "failing"
            status, body = call(served, "POST", "/v1/redact", {"text": TEXT})
            assert status == 200
            assert body["degraded"] is True
            assert body["providers"] == ["local"]
            assert body["redacted_text"] == "jordan avery (<EMAIL_ADDRESS>) SSN <US_SSN>"

            def presidio_status() -> str:
                providers = call(served, "GET", "/v1/providers/status")[1]["providers"]
                return next(p["status"] for p in providers if p["name"] == "presidio")

            eventually(lambda: presidio_status() in ("partial_outage", "major_outage"))
            ready = call(served, "GET", "/health/ready")
            assert ready[0] == 200  # a provider in trouble is a warning, not a failure
            assert ready[1]["checks"]["provider:presidio"][0]["status"] == "warn"

            with psycopg.connect(postgres.url) as conn:
                rows = conn.execute(
                    "SELECT details FROM audit_events WHERE action = 'redact' ORDER BY seq"
                )
                details = [row[0] for row in rows]
            assert details == [
                {"providers": ["local", "presidio"], "degraded": False},
                {"providers": ["local"], "degraded": True},
            ]
