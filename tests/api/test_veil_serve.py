"""`veil serve` as a newcomer runs it: no DATABASE_URL, so it starts its own PostgreSQL."""

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT
from veil.local.postgres import free_port


@pytest.mark.slow
def test_serve_starts_its_own_database_and_redacts_the_printed_example() -> None:
    state = Path(tempfile.mkdtemp(prefix="veil-serve-"))
    state.chmod(0o755)  # the postgres user must reach the cluster's folder
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "VEIL_MASTER_KEY")}
    command = [sys.executable, "-m", "veil.cli", "serve", "--port", str(port),
               "--state-dir", str(state / ".veil")]  # fmt: skip
    log = state / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    try:
        printed = read_until(log, "-d '")
        key = re.search(r"x-api-key: (veil_\w+)", printed)
        body = re.search(r"-d '(.+)'", printed)
        assert key, printed
        assert body, printed
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/v1/redact",
            data=body.group(1).encode(),
            headers={"x-api-key": key.group(1), "content-type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            result = json.load(response)
        assert result["redacted_text"] == (
            "Contact <EMAIL_ADDRESS>, card <CREDIT_CARD>, SSN <US_SSN>."
        )
        assert (state / ".veil" / "master.key").stat().st_mode & 0o777 == 0o600
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    assert not (state / ".veil" / "postgres" / "postmaster.pid").exists()


def read_until(log: Path, marker: str, timeout_s: float = 60) -> str:
    """What the server has printed, once `marker` appears. Its output goes to a file, not a
    pipe: an unread pipe fills up and blocks the server's logging."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        printed = log.read_text() if log.exists() else ""
        if marker in printed:
            return printed
        time.sleep(0.1)
    raise AssertionError("veil serve did not print its example:\n" + printed)
