"""make load SCENARIO=steady|spike|large|mixed|soak [TARGET=url KEY=veil_...]

Runs the scenario headless with Locust against the local server (started here, on its own
embedded PostgreSQL, when TARGET is unset) or a deployed stage, writes Locust's CSV stats
and HTML report under reports/, judges the scenario's SLOs and exits 1 if one is missed.
"""

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

import psycopg

from tests.api.serve_process import Served, serve_process

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "reports"
SCENARIOS = ("steady", "spike", "large", "mixed", "soak")


@dataclass(frozen=True)
class Verdict:
    slo: str
    observed: str
    passed: bool | None  # None: could not be checked here


@dataclass(frozen=True)
class Target:
    url: str
    key: str
    server: Served | None  # the local server, when we started it

    @property
    def admin_url(self) -> str | None:
        if self.server is None:
            return os.environ.get("DATABASE_URL")
        port = (self.server.state / ".veil" / "postgres" / "postmaster.pid").read_text()
        return f"postgresql://postgres@127.0.0.1:{port.splitlines()[3]}/veil"


def locust(
    scenario: str, target: Target, prefix: str, *user_classes: str
) -> dict[str, dict[str, str]]:
    """Run one locustfile headless; return its CSV stats by request name."""
    REPORTS.mkdir(exist_ok=True)
    locustfile = ROOT / "tests" / "load" / f"{scenario}.py"
    command = [
        *(sys.executable, "-m", "locust", "-f", str(locustfile), "--headless"),
        *("--host", target.url, "--csv", str(REPORTS / prefix)),
        *("--html", str(REPORTS / f"{prefix}.html"), "--only-summary", "--loglevel", "WARNING"),
        *user_classes,
    ]
    env = {**os.environ, "VEIL_LOAD_KEY": target.key}
    subprocess.run(command, cwd=ROOT, env=env, check=False)
    with (REPORTS / f"{prefix}_stats.csv").open() as handle:
        return {row["Name"]: row for row in csv.DictReader(handle)}


def percentile(row: dict[str, str], which: str) -> float:
    return float(row[which])


def errors(row: dict[str, str]) -> tuple[int, int]:
    return int(row["Failure Count"]), int(row["Request Count"])


def error_free(stats: dict[str, dict[str, str]], allowed: float = 0.0) -> Verdict:
    failed, total = errors(stats["Aggregated"])
    rate = failed / total if total else 1.0
    return Verdict(
        f"error rate <= {allowed:.1%}", f"{failed} of {total}", total > 0 and rate <= allowed
    )


def at_most(stats: dict[str, dict[str, str]], name: str, which: str, limit_ms: float) -> Verdict:
    value = percentile(stats[name], which)
    return Verdict(
        f"{name} p{which.rstrip('%')} <= {limit_ms:.0f} ms", f"{value:.0f} ms", value <= limit_ms
    )


@contextmanager
def sampling(target: Target, every_s: float = 5.0) -> Iterator[list[tuple[float, int, int]]]:
    """(time, server RSS in KiB, database connections) every few seconds while the run lasts."""
    samples: list[tuple[float, int, int]] = []
    stop = threading.Event()

    def sample() -> None:
        assert target.server is not None
        assert target.admin_url is not None
        while not stop.wait(every_s):
            status = Path(f"/proc/{target.server.pid}/status").read_text()
            rss = int(
                next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS"))
            )
            with psycopg.connect(target.admin_url) as conn:
                row = conn.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = 'veil'"
                    " AND pid <> pg_backend_pid()"
                ).fetchone()
            samples.append((time.monotonic(), rss, int(row[0]) if row else 0))

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    yield samples
    stop.set()
    thread.join()


def audit_complete(target: Target, stats: dict[str, dict[str, str]]) -> Verdict:
    """Every redact/detect answered 200 has exactly one audit event (after the spool drains)."""
    admin = target.admin_url
    if admin is None:
        return Verdict("zero lost audit events", "not checked: set DATABASE_URL (owner)", None)
    answered = sum(
        int(stats[name]["Request Count"]) - int(stats[name]["Failure Count"])
        for name in ("/v1/redact", "/v1/detect")
        if name in stats
    )
    spool = target.server.state / ".veil" / "spool" if target.server else None
    deadline = time.monotonic() + 60
    while spool is not None and list(spool.glob("*.json")) and time.monotonic() < deadline:
        time.sleep(0.5)
    with psycopg.connect(admin) as conn:
        row = conn.execute(
            "SELECT count(*) FROM audit_events WHERE action IN ('redact', 'detect')"
            " AND outcome = 'ok' AND tenant_id = 'local'"
        ).fetchone()
    stored = int(row[0]) if row else 0
    return Verdict(
        "zero lost audit events", f"{answered} answered, {stored} stored", stored == answered
    )


def steady(target: Target) -> list[Verdict]:
    health = locust("capacity", target, "steady-capacity-health", "HealthHammer")
    redact = locust("capacity", target, "steady-capacity-redact", "RedactHammer")
    health_rate = float(health["Aggregated"]["Requests/s"])
    redact_rate = float(redact["Aggregated"]["Requests/s"])
    stats = locust("steady", target, "steady")
    ratio = redact_rate / health_rate if health_rate else 0.0
    return [
        Verdict(
            "1 KB redact rate >= 50% of /health's, same server",
            f"{redact_rate:.0f}/s vs {health_rate:.0f}/s = {ratio:.0%}",
            ratio >= 0.5,
        ),
        at_most(stats, "/v1/redact", "99%", 50),
        error_free(stats),
    ]


def spike(target: Target) -> list[Verdict]:
    stats = locust("spike", target, "spike")
    return [at_most(stats, "/v1/redact", "99%", 250), error_free(stats)]


def large(target: Target) -> list[Verdict]:
    stats = locust("large", target, "large")
    small, big = (
        percentile(stats["/v1/redact 10 KB"], "99%"),
        percentile(stats["/v1/redact 100 KB"], "99%"),
    )
    growth = big / small if small else float("inf")
    return [
        Verdict(
            "p99 grows no faster than size (100 KB vs 10 KB: <= 10x)",
            f"{small:.0f} ms -> {big:.0f} ms = {growth:.1f}x",
            growth <= 10,
        ),
        error_free(stats),
    ]


def mixed(target: Target) -> list[Verdict]:
    stats = locust("mixed", target, "mixed")
    return [
        at_most(stats, "Aggregated", "95%", 100),
        error_free(stats, 0.001),
        audit_complete(target, stats),
    ]


def soak(target: Target) -> list[Verdict]:
    if target.server is None:
        stats = locust("soak", target, "soak")
        unchecked = Verdict("flat memory, bounded connections", "not checked: remote target", None)
        return [error_free(stats, 0.001), unchecked]
    with sampling(target) as samples:
        stats = locust("soak", target, "soak")
    quarter = max(1, len(samples) // 4)
    first = statistics.median(s[1] for s in samples[:quarter])
    last = statistics.median(s[1] for s in samples[-quarter:])
    most_connections = max(s[2] for s in samples)
    (REPORTS / "soak_samples.json").write_text(json.dumps(samples))
    return [
        error_free(stats, 0.001),
        Verdict(
            "flat memory (last quarter within 15% of first)",
            f"{first / 1024:.0f} MiB -> {last / 1024:.0f} MiB",
            last <= first * 1.15,
        ),
        Verdict(
            "bounded database connections (<= 12)",
            f"at most {most_connections}",
            most_connections <= 12,
        ),
    ]


RUNS: dict[str, Callable[[Target], list[Verdict]]] = {
    "steady": steady, "spike": spike, "large": large, "mixed": mixed, "soak": soak,
}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scenario", choices=SCENARIOS)
    parser.add_argument("--target", help="base URL of a deployed stage (default: a local server)")
    parser.add_argument(
        "--key",
        default=os.environ.get("VEIL_LOAD_KEY"),
        help="API key for --target, with redact, detect, audit:read, status:read",
    )
    parser.add_argument("--seconds", type=int, help="override the scenario's duration")
    args = parser.parse_args()
    if args.seconds:
        os.environ["LOAD_SECONDS"] = str(args.seconds)
    if args.target and not args.key:
        parser.error("--target needs --key (or VEIL_LOAD_KEY)")
    state = Path(tempfile.mkdtemp(prefix="veil-load-"))
    state.chmod(0o755)  # the embedded cluster's postgres user must reach it
    # One key sends all the load: the per-key throttle would measure itself, not the server.
    local = nullcontext(None) if args.target else serve_process(None, state, "--rate-limit", "0")
    with local as served:
        target = Target(args.target or served.url, args.key or served.key, served)
        started = time.monotonic()
        verdicts = RUNS[args.scenario](target)
    print(f"\n{args.scenario} against {'the local server' if served else args.target}"
          f" ({time.monotonic() - started:.0f} s); reports in reports/")  # fmt: skip
    for verdict in verdicts:
        mark = {True: "PASS", False: "MISS", None: "N/A "}[verdict.passed]
        print(f"  {mark}  {verdict.slo}: {verdict.observed}")
    (REPORTS / f"{args.scenario}_verdict.json").write_text(
        json.dumps([verdict.__dict__ for verdict in verdicts], indent=2)
    )
    return 1 if any(v.passed is False for v in verdicts) else 0


if __name__ == "__main__":
    sys.exit(main())
