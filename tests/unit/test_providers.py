"""Providers made slow, failing and wrong: the breaker opens and closes, redaction keeps
answering (degraded), and probes and status rules see it."""

import time
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from tests.fakes.presidio import presidio_standin
from veil.detection import EntityType, default_engine
from veil.detection.options import Options
from veil.providers.base import ProviderError
from veil.providers.breakers import Breakers
from veil.providers.comprehend import ComprehendProvider, chunks
from veil.providers.local import LocalProvider
from veil.providers.pipeline import DetectionPipeline
from veil.providers.presidio import PresidioProvider
from veil.providers.probes import CANARIES, probe
from veil.providers.status import Status, status_of
from veil.providers.store import ProbeResult

TEXT = "Jordan Avery, jordan.avery@example.com, SSN 536-22-8174"


def pipeline(others: dict[str, Any], **breaker: Any) -> DetectionPipeline:
    return DetectionPipeline(LocalProvider(default_engine()), others, Breakers(**breaker))


def test_presidio_results_are_mapped_and_merged() -> None:
    with presidio_standin() as (url, _):
        found = pipeline({"presidio": PresidioProvider(url)}).detect(TEXT, Options(), {"presidio"})
    assert found.providers == ("local", "presidio")
    assert not found.degraded
    assert [(e.type, TEXT[e.start : e.end]) for e in found.entities] == [
        (EntityType.PERSON, "Jordan Avery"),  # found by both, kept once
        (EntityType.EMAIL_ADDRESS, "jordan.avery@example.com"),
        (EntityType.US_SSN, "536-22-8174"),
    ]


def test_allow_list_and_threshold_apply_to_other_providers_findings_too() -> None:
    with presidio_standin() as (url, _):
        pipe = pipeline({"presidio": PresidioProvider(url)})
        allowed = pipe.detect(TEXT, Options(allow_list=frozenset({"Jordan Avery"})), {"presidio"})
        strict = pipe.detect(TEXT, Options(score_threshold=0.9), {"presidio"})
    assert EntityType.PERSON not in {e.type for e in allowed.entities}
    assert allowed.providers == ("local", "presidio")
    # Presidio scores its finds 0.85 and the local engine this name 0.75: both below 0.9.
    assert EntityType.PERSON not in {e.type for e in strict.entities}


def test_a_provider_the_tenant_did_not_enable_is_not_called() -> None:
    with presidio_standin() as (url, behaviour):
        found = pipeline({"presidio": PresidioProvider(url)}).detect(TEXT, Options(), {"local"})
        assert behaviour.calls == 0
    assert found.providers == ("local",)


@pytest.mark.parametrize("mode", ["failing", "slow"])
def test_failing_or_slow_provider_degrades_and_the_breaker_opens_then_closes(mode: str) -> None:
    with presidio_standin() as (url, behaviour):
        behaviour.mode, behaviour.delay_s = mode, 0.5
        provider = PresidioProvider(url, timeout_s=0.2, retries=0)
        # The reset timeout leaves a loaded machine time to make the next call while open.
        pipe = pipeline({"presidio": provider}, fail_max=2, reset_timeout_s=1.0)
        for _ in range(2):
            found = pipe.detect(TEXT, Options(), {"presidio"})
            assert found.degraded
            assert found.providers == ("local",)
            assert {e.type for e in found.entities} == {
                EntityType.PERSON,
                EntityType.EMAIL_ADDRESS,
                EntityType.US_SSN,
            }
        assert pipe.breakers.state("presidio") == "open"
        calls = behaviour.calls
        assert pipe.detect(TEXT, Options(), {"presidio"}).degraded
        assert behaviour.calls == calls  # skipped while open: no waiting on a sick provider
        behaviour.mode = "healthy"
        time.sleep(1.05)  # the breaker's reset timeout: one trial call is let through
        found = pipe.detect(TEXT, Options(), {"presidio"})
        assert not found.degraded
        assert pipe.breakers.state("presidio") == "closed"


def test_wrong_provider_answers_but_probe_recall_drops() -> None:
    with presidio_standin() as (url, behaviour):
        healthy = probe(PresidioProvider(url))
        behaviour.mode = "wrong"
        wrong = probe(PresidioProvider(url))
        behaviour.mode = "failing"
        failing = probe(PresidioProvider(url, retries=0))
    assert healthy.ok
    assert healthy.recall == 1.0
    assert wrong.ok
    assert wrong.recall == 0.0
    assert not failing.ok
    assert failing.error == "analyzer answered 500"


def comprehend_reply(text: str, found: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "Entities": [
            {
                "Type": kind,
                "Score": 0.99,
                "BeginOffset": text.index(value),
                "EndOffset": text.index(value) + len(value),
            }
            for kind, value in found
        ]
    }


@pytest.fixture
def comprehend() -> Any:
    return boto3.client("comprehend", region_name="eu-west-1", aws_access_key_id="x",
                        aws_secret_access_key="x")  # fmt: skip


def test_comprehend_types_are_mapped(comprehend: Any) -> None:
    reply = comprehend_reply(TEXT, [("NAME", "Jordan Avery"), ("SSN", "536-22-8174")])
    reply["Entities"].append({"Type": "DATE_TIME", "Score": 0.9, "BeginOffset": 0, "EndOffset": 3})
    with Stubber(comprehend) as stub:
        stub.add_response("detect_pii_entities", reply, {"Text": TEXT, "LanguageCode": "en"})
        found = ComprehendProvider(comprehend).detect(TEXT, None)
    assert [(e.type, TEXT[e.start : e.end]) for e in found] == [
        (EntityType.PERSON, "Jordan Avery"),
        (EntityType.US_SSN, "536-22-8174"),
    ]


def test_comprehend_errors_become_provider_errors_and_probes_record_them(comprehend: Any) -> None:
    with Stubber(comprehend) as stub:
        stub.add_client_error("detect_pii_entities", "ThrottlingException", http_status_code=400)
        with pytest.raises(ProviderError, match="ClientError"):
            ComprehendProvider(comprehend).detect(TEXT, None)
        stub.add_client_error(
            "detect_pii_entities", "InternalServerException", http_status_code=500
        )
        result = probe(ComprehendProvider(comprehend))
    assert not result.ok


def test_comprehend_probe_recall_on_canaries(comprehend: Any) -> None:
    with Stubber(comprehend) as stub:
        for canary in CANARIES:
            wanted = {
                "EMAIL_ADDRESS": "EMAIL",
                "PHONE_NUMBER": "PHONE",
                "CREDIT_CARD": "CREDIT_DEBIT_NUMBER",
                "US_SSN": "SSN",
                "URL": "URL",
                "IBAN_CODE": "INTERNATIONAL_BANK_ACCOUNT_NUMBER",
                "IP_ADDRESS": "IP_ADDRESS",
            }
            # It misses the names: recall drops below 1.
            found = [(wanted[k], v) for k, v in canary.expected if k is not EntityType.PERSON]
            stub.add_response("detect_pii_entities", comprehend_reply(canary.text, found))
        result = probe(ComprehendProvider(comprehend))
    assert result.ok
    assert result.recall == pytest.approx(7 / 8)


def test_long_texts_are_cut_at_whitespace_and_offsets_moved_back() -> None:
    text = ("word " * 30_000) + "jane@example.com " + ("é" * 10)
    pieces = list(chunks(text, max_bytes=100_000))
    assert all(len(piece.encode()) <= 100_000 for _, piece in pieces)
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert any("jane@example.com" in piece for _, piece in pieces)


NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def probes(*spec: tuple[bool, float, float]) -> list[ProbeResult]:
    return [
        ProbeResult(
            "presidio",
            NOW - timedelta(minutes=i),
            ok,
            ms,
            recall if ok else None,
            None if ok else "ProviderError",
        )
        for i, (ok, ms, recall) in enumerate(spec)
    ]


@pytest.mark.parametrize(
    ("spec", "circuit", "expected"),
    [
        ([(True, 100, 1.0)] * 10, "closed", Status.OPERATIONAL),
        ([(True, 100, 1.0)] * 9 + [(False, 0, 0)], "closed", Status.DEGRADED),
        ([(True, 100, 0.8)] * 10, "closed", Status.DEGRADED),
        ([(True, 4000, 1.0)] * 10, "closed", Status.DEGRADED),
        ([(True, 100, 1.0), (False, 0, 0)] * 5, "closed", Status.PARTIAL_OUTAGE),
        ([(True, 100, 1.0)] * 10, "open", Status.PARTIAL_OUTAGE),
        ([(False, 0, 0)] * 3 + [(True, 100, 1.0)] * 7, "closed", Status.MAJOR_OUTAGE),
        ([(False, 0, 0)] + [(True, 100, 1.0)] * 9, "open", Status.MAJOR_OUTAGE),
        ([], "closed", Status.DEGRADED),
    ],
)
def test_status_rules(
    spec: list[tuple[bool, float, float]], circuit: str, expected: Status
) -> None:
    assert status_of("presidio", probes(*spec), circuit).status == expected


def test_status_figures() -> None:
    result = status_of(
        "presidio", probes(*[(True, float(ms), 1.0) for ms in range(10, 210, 10)]), "closed"
    )
    assert result.latency_p50_ms == pytest.approx(105.0)
    assert result.latency_p95_ms == pytest.approx(190.5)
    assert result.last_success == NOW
    assert result.last_failure is None
