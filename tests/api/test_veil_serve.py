"""`veil serve` as a newcomer runs it: no DATABASE_URL, so it starts its own PostgreSQL."""

import json
import re
import shutil
import tempfile
import urllib.request
from pathlib import Path

import pytest

from tests.api.serve_process import serve_process


@pytest.mark.slow
def test_serve_starts_its_own_database_and_redacts_the_printed_example() -> None:
    state = Path(tempfile.mkdtemp(prefix="veil-serve-"))
    state.chmod(0o755)  # the postgres user must reach the cluster's folder
    with serve_process(None, state) as served:
        printed = (state / "serve.log").read_text()
        body = re.search(r"-d '(.+)'", printed)
        assert body, printed
        assert f"x-api-key: {served.key}" in printed
        request = urllib.request.Request(  # noqa: S310 (loopback)
            f"{served.url}/v1/redact",
            data=body.group(1).encode(),
            headers={"x-api-key": served.key, "content-type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            result = json.load(response)
        assert result["redacted_text"] == (
            "Contact <EMAIL_ADDRESS>, card <CREDIT_CARD>, SSN <US_SSN>."
        )
        assert (state / ".veil" / "master.key").stat().st_mode & 0o777 == 0o600
    # SIGTERM stopped the server and, with it, the cluster it started.
    assert not (state / ".veil" / "postgres" / "postmaster.pid").exists()
    shutil.rmtree(state)
