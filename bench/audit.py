"""make bench-audit: audit-trail throughput and query latency at 1,000,000 events.

Runs against a PostgreSQL cluster of its own (durable settings, fsync on) in a temporary
folder, so figures don't depend on the machine's shared server. Steps:
  1. appends through AuditRepository (the real path: chained, one transaction each),
     from 1 and 4 threads, to independent tenants and to one shared tenant;
  2. seeds the rest up to TOTAL events by COPY (same chain code), over 12 months;
  3. times a tenant's newest page, a filtered page and a fingerprint search.
"""

import argparse
import os
import secrets
import statistics
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import psycopg

from bench.cluster import own_cluster
from tests.audit_helpers import seed_chain
from veil.audit import Action, AuditEvent, AuditRepository, Finding, Outcome
from veil.audit.queries import AuditQueries, EventFilter
from veil.database.pool import open_pool
from veil.detection.entities import EntityType
from veil.tenant_keys import TenantKeys

KEYS = TenantKeys(secrets.token_bytes(32))
TYPES = [EntityType.EMAIL_ADDRESS, EntityType.US_SSN, EntityType.CREDIT_CARD,
         EntityType.PHONE_NUMBER, EntityType.IP_ADDRESS]  # fmt: skip
NEEDLE = secrets.token_hex(32)  # one fingerprint planted once, for the search


def event(tenant: str, i: int, needle: bool = False) -> AuditEvent:
    kinds = TYPES[i % 3 : i % 3 + 1 + i % 2]
    findings = tuple(
        Finding(t, 10 * n, 10 * n + 9, 0.9, NEEDLE if needle and n == 0 else secrets.token_hex(32))
        for n, t in enumerate(kinds)
    )
    return AuditEvent(
        request_id=f"req-{i}", tenant_id=tenant, client_id=f"client-{i % 4}", key_id="key_bench",
        action=Action.DETECT if i % 5 == 0 else Action.REDACT,
        outcome=Outcome.REJECTED if i % 50 == 0 else Outcome.OK,
        status_code=422 if i % 50 == 0 else 200, input_bytes=1024, output_bytes=1000,
        latency_ms=1.234, findings=findings,
    )  # fmt: skip


def appends(app_url: str, threads: int, per_thread: int, shared: bool) -> float:
    pool = open_pool(app_url, size=threads)
    repository = AuditRepository(pool, KEYS)
    run = secrets.token_hex(3)
    start = threading.Barrier(threads + 1)

    def write(n: int) -> None:
        tenant = f"append-{run}" if shared else f"append-{run}-{n}"
        start.wait()
        for i in range(per_thread):
            repository.append(event(tenant, i))

    workers = [threading.Thread(target=write, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    start.wait()
    began = time.perf_counter()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - began
    pool.close()
    return threads * per_thread / elapsed


def timings(call: Callable[[], object], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        call()
        samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * len(samples)) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--total", type=int, default=1_000_000)
    parser.add_argument("--tenants", type=int, default=50)
    parser.add_argument("--appends", type=int, default=2000, help="per thread, per scenario")
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()

    with own_cluster() as (admin_url, app_url):
        print(f"PostgreSQL {psycopg.connect(admin_url).info.server_version}, own cluster, fsync on")
        print(f"machine: {os.cpu_count()} cores\n")

        print("append throughput (AuditRepository.append: chained, one transaction each)")
        for threads, shared in ((1, False), (4, False), (4, True)):
            rate = appends(app_url, threads, args.appends, shared)
            where = "one shared tenant" if shared else "a tenant each"
            print(f"  {threads} thread(s), {where}: {rate:,.0f} events/s")

        per_tenant = args.total // args.tenants
        began = time.perf_counter()
        with psycopg.connect(admin_url, autocommit=True) as conn:
            now = datetime.now(UTC)
            for back in range(13):
                conn.execute(
                    "SELECT audit_partition_for("
                    "date_trunc('month', now() - make_interval(months => %s))::date)",
                    (back,),
                )
            step = timedelta(days=365) / per_tenant
            for t in range(args.tenants):
                tenant = f"tenant-{t:03d}"
                events = (event(tenant, i, needle=(t == 0 and i == per_tenant // 2))
                          for i in range(per_tenant))  # fmt: skip
                seed_chain(conn, KEYS, tenant, events, now - timedelta(days=366), step)
            conn.execute("ANALYZE audit_events")
            count = conn.execute("SELECT count(*) FROM audit_events").fetchone()[0]  # type: ignore[index]
        seeded = time.perf_counter() - began
        print(
            f"\nseeded {count:,} events in {seeded:.0f} s by COPY ({count / seeded:,.0f} events/s)"
        )

        pool = open_pool(app_url, size=1)
        queries = AuditQueries(pool)
        detect_ssn = EventFilter(action=Action.DETECT, entity_type=EntityType.US_SSN)
        middle = per_tenant // 2
        cases = {
            "newest page (100)": lambda: queries.page("tenant-007", EventFilter(), None, 100),
            "filtered page (detect, US_SSN, 100)": lambda: queries.page(
                "tenant-007", detect_ssn, None, 100
            ),
            "page from the middle, by cursor": lambda: queries.page(
                "tenant-007", EventFilter(), middle, 100
            ),
            "fingerprint search": lambda: queries.with_fingerprints("tenant-000", [NEEDLE], 100),
        }
        found = queries.with_fingerprints("tenant-000", [NEEDLE], 100)
        assert len(found) == 1, "the planted fingerprint must be found exactly once"
        print(f"\nquery latency over {args.runs} runs (ms, one connection from the app role)")
        for name, call in cases.items():
            call()  # warm
            p50, p95 = timings(call, args.runs)
            print(f"  {name:40s} p50 {p50:6.2f}   p95 {p95:6.2f}")
        pool.close()


if __name__ == "__main__":
    main()
