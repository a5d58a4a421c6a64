"""A PostgreSQL cluster of our own, from the server binaries installed on the machine.

Used by `veil serve` when DATABASE_URL is unset, and by tests that must stop and start a
server without touching a shared one. initdb and pg_ctl refuse to run as root, so as root
they run as the `postgres` user (the Python process stays root).
"""

import os
import shutil
import socket

# Runs the installed PostgreSQL binaries, fixed arguments
import subprocess  # nosec B404
from glob import glob
from pathlib import Path


class PostgresNotFoundError(RuntimeError):
    pass


def server_bin_dir() -> Path:
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    # Debian installs the server outside PATH, one folder per major version.
    candidates = sorted(glob("/usr/lib/postgresql/*/bin/initdb"), key=_major_version)
    if not candidates:
        raise PostgresNotFoundError(
            "no PostgreSQL server binaries found: install them (Debian: postgresql) "
            "or set DATABASE_URL"
        )
    return Path(candidates[-1]).parent


def _major_version(path: str) -> int:
    return int(Path(path).parts[-3])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class EmbeddedPostgres:
    """A cluster in `data_dir`, listening on 127.0.0.1 only, trust auth for local users."""

    def __init__(self, data_dir: Path, *, durable: bool = True) -> None:
        self.data_dir = data_dir.resolve()
        self.durable = durable  # throwaway test clusters skip fsync
        self.port: int | None = None
        self._bin = server_bin_dir()
        self._as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    @property
    def url(self) -> str:
        if self.port is None:
            raise RuntimeError("the cluster is not running")
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> str:
        """Create the cluster if needed, start it (or find it running); returns its URL."""
        if not (self.data_dir / "PG_VERSION").exists():
            self._init()
        running = self._running_port()
        if running is not None:
            self.port = running
            return self.url
        self.port = self.port or free_port()  # a restart keeps the address clients know
        options = f"-p {self.port} -k {self.data_dir} -c listen_addresses=127.0.0.1"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(
            "pg_ctl",
            "-D",
            str(self.data_dir),
            "-l",
            str(self.data_dir / "server.log"),
            "-w",
            "-t",
            "30",
            "-o",
            options,
            "start",
        )
        return self.url

    def stop(self) -> None:
        if self._running_port() is not None:
            self._run("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "stop")

    def _init(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self._as_postgres:
            shutil.chown(self.data_dir, "postgres", "postgres")
        self.data_dir.chmod(0o700)
        self._run(
            "initdb",
            "-D",
            str(self.data_dir),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-instructions",
        )

    def _running_port(self) -> int | None:
        pid_file = self.data_dir / "postmaster.pid"
        if (
            not pid_file.exists()
            or self._call("pg_ctl", "-D", str(self.data_dir), "status").returncode
        ):
            return None
        return int(pid_file.read_text().splitlines()[3])  # line 4 of postmaster.pid: the port

    def _run(self, program: str, *args: str) -> None:
        result = self._call(program, *args)
        if result.returncode != 0:
            raise RuntimeError(
                f"{program} failed: {result.stderr.strip() or result.stdout.strip()}"
            )

    def _call(self, program: str, *args: str) -> subprocess.CompletedProcess[str]:
        # The programs are the installed PostgreSQL binaries; arguments are paths and ports.
        command = [*self._as_postgres, str(self._bin / program), *args]
        return subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603  # nosec B603
