"""`veil serve` in its own process, against a database of the test's choosing."""

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.api.test_veil_serve import read_until
from tests.conftest import MASTER_KEY_HEX, ROOT
from veil.local.postgres import free_port


@dataclass(frozen=True)
class Served:
    url: str
    key: str  # all scopes, tenant "local"
    state: Path
    pid: int


@contextmanager
def serve_process(database_url: str | None, state: Path, **settings: str) -> Iterator[Served]:
    """`database_url` None: the server starts its own embedded cluster under `state`."""
    port = free_port()
    env = {**os.environ, "VEIL_MASTER_KEY": MASTER_KEY_HEX, "VEIL_DB_CONNECT_TIMEOUT_S": "1",
           **settings}  # fmt: skip
    env.pop("VEIL_AUDIT_SPOOL_DIR", None)
    env.pop("DATABASE_URL", None)
    if database_url is not None:
        env["DATABASE_URL"] = database_url
    command = [sys.executable, "-m", "veil.cli", "serve", "--port", str(port),
               "--state-dir", str(state / ".veil"),
               "--probe-interval", settings.get("PROBE_INTERVAL", "60")]  # fmt: skip
    log = state / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    try:
        printed = read_until(log, "x-api-key: ")
        key = re.search(r"x-api-key: (veil_\w+)", printed)
        assert key, printed
        yield Served(f"http://127.0.0.1:{port}", key.group(1), state, server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
