"""A provider's status from its recent probes and its circuit, by fixed rules.

Over the probes of the last WINDOW (newest first):
- major_outage: no probe succeeded among the last 3, or the circuit is open and the
  newest probe failed;
- partial_outage: at least 20% of the probes failed, or the circuit is open;
- degraded: any probe failed, any recall below 1.0, p95 latency above SLOW_MS, or no
  probe at all in the window;
- operational: otherwise.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from statistics import quantiles

from veil.providers.store import ProbeResult

WINDOW = timedelta(minutes=15)
SLOW_MS = 1500.0


class Status(StrEnum):
    OPERATIONAL = "operational"
    DEGRADED = "degraded"
    PARTIAL_OUTAGE = "partial_outage"
    MAJOR_OUTAGE = "major_outage"


@dataclass(frozen=True, slots=True)
class ProviderStatus:
    name: str
    status: Status
    reason: str
    probes: int
    latency_p50_ms: float | None
    latency_p95_ms: float | None
    recall: float | None  # the lowest recall in the window
    last_success: datetime | None
    last_failure: datetime | None
    circuit: str


def status_of(name: str, probes: list[ProbeResult], circuit: str) -> ProviderStatus:
    """`probes`: the window's probes, newest first. `circuit`: closed, open or half-open."""
    ok = [p for p in probes if p.ok]
    failed = [p for p in probes if not p.ok]
    latencies = [p.latency_ms for p in ok]
    p50 = p95 = None
    if len(latencies) == 1:
        p50 = p95 = latencies[0]
    elif latencies:
        cuts = quantiles(latencies, n=20, method="inclusive")
        p50, p95 = cuts[9], cuts[18]
    recall = min((p.recall for p in ok if p.recall is not None), default=None)
    status, reason = _rule(probes, failed, circuit, recall, p95)
    return ProviderStatus(
        name=name,
        status=status,
        reason=reason,
        probes=len(probes),
        latency_p50_ms=p50,
        latency_p95_ms=p95,
        recall=recall,
        last_success=ok[0].observed_at if ok else None,
        last_failure=failed[0].observed_at if failed else None,
        circuit=circuit,
    )


def _rule(
    probes: list[ProbeResult],
    failed: list[ProbeResult],
    circuit: str,
    recall: float | None,
    p95: float | None,
) -> tuple[Status, str]:
    if not probes:
        return Status.DEGRADED, "no probe in the window"
    if not any(p.ok for p in probes[:3]):
        return Status.MAJOR_OUTAGE, "the last probes all failed"
    if circuit == "open" and not probes[0].ok:
        return Status.MAJOR_OUTAGE, "circuit open and the newest probe failed"
    if len(failed) >= 0.2 * len(probes):
        return Status.PARTIAL_OUTAGE, f"{len(failed)} of {len(probes)} probes failed"
    if circuit == "open":
        return Status.PARTIAL_OUTAGE, "circuit open: live calls are failing"
    if failed:
        return Status.DEGRADED, f"{len(failed)} of {len(probes)} probes failed"
    if recall is not None and recall < 1.0:
        return Status.DEGRADED, f"canary recall {recall:.2f}"
    if p95 is not None and p95 > SLOW_MS:
        return Status.DEGRADED, f"p95 latency {p95:.0f} ms"
    return Status.OPERATIONAL, "all probes passed"
