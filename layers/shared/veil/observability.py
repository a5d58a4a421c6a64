"""Logger and metrics for the whole service. Nothing that carries request content is ever
logged: no `log_event=True`, no bodies, no exception messages (they may quote input).
Metric dimensions name providers and outcomes, never values."""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from aws_lambda_powertools import Logger
from aws_lambda_powertools.metrics import MetricUnit, single_metric

if TYPE_CHECKING:
    from veil.providers.store import ProbeResult

logger = Logger(service="veil")


def record_probe_metrics(results: "Iterable[ProbeResult]") -> None:
    """One CloudWatch EMF record per provider probe, written to stdout at once."""
    for result in results:
        with single_metric(
            name="ProbeLatency", unit=MetricUnit.Milliseconds, value=result.latency_ms,
            namespace="Veil",
        ) as metric:  # fmt: skip
            metric.add_dimension(name="provider", value=result.provider)
            metric.add_metric(name="ProbeFailure", unit=MetricUnit.Count, value=int(not result.ok))
            if result.recall is not None:
                metric.add_metric(name="ProbeRecall", unit=MetricUnit.Percent,
                                  value=result.recall * 100)  # fmt: skip
