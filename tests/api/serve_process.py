"""`veil serve` in its own process, against a database of the test's choosing."""

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import MASTER_KEY_HEX, ROOT
from veil.local.postgres import free_port


@dataclass(frozen=True)
class Served:
    url: str
    key: str  # all scopes, tenant "local"
    state: Path
    pid: int


@contextmanager
def serve_process(
    database_url: str | None, state: Path, *options: str, **settings: str
) -> Iterator[Served]:
    """`database_url` None: the server starts its own embedded cluster and keeps its own
    master key under `state`, as `make run` does; otherwise it uses MASTER_KEY_HEX."""
    port = free_port()
    env = {**os.environ, "VEIL_DB_CONNECT_TIMEOUT_S": "1", **settings}
    for name in ("VEIL_AUDIT_SPOOL_DIR", "DATABASE_URL", "VEIL_MASTER_KEY"):
        env.pop(name, None)
    if database_url is not None:
        env.update(DATABASE_URL=database_url, VEIL_MASTER_KEY=MASTER_KEY_HEX)
    command = [sys.executable, "-m", "veil.cli", "serve", "--port", str(port),
               "--state-dir", str(state / ".veil"),
               "--probe-interval", settings.get("PROBE_INTERVAL", "60"), *options]  # fmt: skip
    log = state / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    try:
        printed = read_until(log, "-d '")
        key = re.search(r"x-api-key: (veil_\w+)", printed)
        assert key, printed
        yield Served(f"http://127.0.0.1:{port}", key.group(1), state, server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def read_until(log: Path, marker: str, timeout_s: float = 60) -> str:
    """What the server has printed, once `marker` appears. Its output goes to a file, not a
    pipe: an unread pipe fills up and blocks the server's logging."""
    printed = ""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        printed = log.read_text() if log.exists() else ""
        if marker in printed:
            return printed
        time.sleep(0.1)
    raise AssertionError("veil serve did not print its example:\n" + printed)
