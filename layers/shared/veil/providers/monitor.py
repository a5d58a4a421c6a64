"""Probing providers on a schedule, and reporting their status from what the probes saw."""

from collections.abc import Collection, Mapping
from datetime import UTC, datetime, timedelta

from veil.providers.base import Provider
from veil.providers.probes import probe
from veil.providers.status import WINDOW, ProviderStatus, status_of
from veil.providers.store import CircuitRepository, ProbeRepository, ProbeResult

PROBE_RETENTION = timedelta(days=7)


class ProviderMonitor:
    def __init__(
        self, probes: ProbeRepository, circuits: CircuitRepository, names: Collection[str]
    ) -> None:
        self._probes = probes
        self._circuits = circuits
        self.names = sorted(names)

    def run_probes(self, providers: Mapping[str, Provider]) -> list[ProbeResult]:
        """Probe every provider once, record the results, and drop probes past retention."""
        results = [probe(provider) for provider in providers.values()]
        for result in results:
            self._probes.record(result)
        self._probes.purge(datetime.now(UTC) - PROBE_RETENTION)
        return results

    def statuses(self) -> list[ProviderStatus]:
        since = datetime.now(UTC) - WINDOW
        recent = self._probes.since(None, since)
        circuits = self._circuits.states()
        return [
            status_of(
                name,
                [p for p in recent if p.provider == name],
                circuits.get(name, ("closed", since))[0],
            )
            for name in self.names
        ]

    def history(self, name: str, since: datetime) -> tuple[ProviderStatus, list[ProbeResult]]:
        window_start = datetime.now(UTC) - WINDOW
        probes = self._probes.since(name, min(since, window_start))
        circuit = self._circuits.states().get(name, ("closed", since))[0]
        current = status_of(name, [p for p in probes if p.observed_at >= window_start], circuit)
        return current, [p for p in probes if p.observed_at >= since]
