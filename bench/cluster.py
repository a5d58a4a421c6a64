"""A PostgreSQL cluster of the benchmark's own (durable settings), migrated, for one run."""

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from veil.database.migrations import migrate
from veil.local.environment import app_role_url, ensure_database
from veil.local.postgres import EmbeddedPostgres


@contextmanager
def own_cluster() -> Iterator[tuple[str, str]]:
    """(owner URL, application-role URL) of a fresh `veil` database; stopped afterwards."""
    base = Path(tempfile.mkdtemp(prefix="veil-bench-"))
    base.chmod(0o755)  # the postgres user must reach the cluster's folder
    server = EmbeddedPostgres(base / "pg")
    try:
        admin_url = ensure_database(server.start(), "veil")
        migrate(admin_url)
        yield admin_url, app_role_url(admin_url)
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)  # ~40 MB a cluster
