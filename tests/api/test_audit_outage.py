"""PostgreSQL stops in the middle of a stream of requests and comes back: every request
either got its answer with its audit event later stored exactly once, or got a 503."""

import json
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg
import pytest

from tests.api.serve_process import serve_process
from tests.conftest import MASTER_KEY_HEX
from veil.audit.verify import verify_chains
from veil.local.postgres import EmbeddedPostgres
from veil.tenant_keys import TenantKeys


def post(url: str, key: str, text: str) -> tuple[int, str | None]:
    request = urllib.request.Request(  # noqa: S310 (loopback)
        url,
        data=json.dumps({"text": text}).encode(),
        headers={"x-api-key": key, "content-type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, json.load(response)["request_id"]
    except urllib.error.HTTPError as error:
        return error.code, None


@pytest.mark.slow
def test_no_audit_event_is_lost_or_duplicated_across_a_database_outage(
    postgres: EmbeddedPostgres, tmp_path: Path
) -> None:
    answers: list[tuple[int, str | None, float]] = []
    with serve_process(postgres.url, tmp_path, "--rate-limit", "0") as served:
        url = served.url + "/v1/redact"
        done = threading.Event()

        def stream() -> None:
            n = 0
            while not done.is_set():
                n += 1
                text = f"req {n}: ssn 536-22-{n % 9000 + 1000}"
                status, request_id = post(url, served.key, text)
                answers.append((status, request_id, time.monotonic()))

        sender = threading.Thread(target=stream)
        sender.start()
        time.sleep(1.5)
        down = time.monotonic()
        postgres.stop()
        time.sleep(3)
        postgres.start()
        up = time.monotonic()
        time.sleep(1.5)
        done.set()
        sender.join()

        during_outage = [a for a in answers if down <= a[2] <= up]
        # Answered with data while PostgreSQL was down: their events went through the spool.
        assert any(status == 200 for status, _, _ in during_outage), during_outage
        assert {status for status, _, _ in answers} <= {200, 503}
        served_ids = [request_id for status, request_id, _ in answers if status == 200]
        _wait_until_drained(tmp_path / ".veil" / "spool")
        with psycopg.connect(postgres.url) as conn:
            stored = [r[0] for r in conn.execute(
                "SELECT request_id FROM audit_events WHERE action = 'redact'")]  # fmt: skip
            report = verify_chains(conn, TenantKeys(bytes.fromhex(MASTER_KEY_HEX)))
        assert sorted(stored) == sorted(served_ids)  # each answered request once; no 503 stored
        assert report.ok, report.breaks


def _wait_until_drained(spool: Path, timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while list(spool.glob("*.json")):
        assert time.monotonic() < deadline, "the spool was not drained"
        time.sleep(0.2)
