"""Canary probes: synthetic texts with known values of several types, sent through a
provider to see whether it answers, how fast, and whether it still finds what it should.
The canaries are invented; no real person's data is in them. Metric dimensions name the
provider, never a value."""

import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from aws_lambda_powertools.metrics import MetricUnit, single_metric

from veil.detection.entities import EntityType
from veil.providers.base import Provider, ProviderError
from veil.providers.store import ProbeResult

T = EntityType


@dataclass(frozen=True, slots=True)
class Canary:
    text: str
    expected: tuple[tuple[EntityType, str], ...]


CANARIES = (
    Canary(
        "Ticket 4471: please reach Jordan Avery at jordan.avery@example.com or +1 415 555 2671.",
        ((T.EMAIL_ADDRESS, "jordan.avery@example.com"), (T.PHONE_NUMBER, "+1 415 555 2671"),
         (T.PERSON, "Jordan Avery")),
    ),
    Canary(
        "Refund to card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, SSN 536-22-8174.",
        ((T.CREDIT_CARD, "4111 1111 1111 1111"), (T.IBAN_CODE, "DE89 3704 0044 0532 0130 00"),
         (T.US_SSN, "536-22-8174")),
    ),
    Canary(
        "login from 203.0.113.9 via https://portal.example.org/reset?user=42",
        ((T.IP_ADDRESS, "203.0.113.9"), (T.URL, "https://portal.example.org/reset?user=42")),
    ),
)  # fmt: skip


def probe(provider: Provider) -> ProbeResult:
    """Send every canary through `provider`; recall counts the expected values of types the
    provider supports that it found (overlapping span, same type)."""
    observed_at = datetime.now(UTC)
    started = time.perf_counter()
    expected = found = 0
    try:
        for canary in CANARIES:
            entities = provider.detect(canary.text, None)
            for kind, value in canary.expected:
                if kind not in provider.supported_types:
                    continue
                start = canary.text.index(value)
                end = start + len(value)
                expected += 1
                found += any(e.type == kind and e.start < end and start < e.end for e in entities)
    except ProviderError as error:
        latency = (time.perf_counter() - started) * 1000
        return ProbeResult(provider.name, observed_at, False, latency, None, str(error))
    latency = (time.perf_counter() - started) * 1000
    recall = found / expected if expected else 1.0
    return ProbeResult(provider.name, observed_at, True, latency, recall, None)


def record_probe_metrics(results: Iterable[ProbeResult]) -> None:
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
