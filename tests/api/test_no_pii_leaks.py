"""Personal data goes nowhere but the response: a labeled corpus sent through the local
server, on success and error paths, leaves no value in logs (at DEBUG), in any table, in
metric output, or in an error body."""

import json
import logging
import re

import pytest

from tests.conftest import ROOT
from tests.corpus import documents
from veil.auth import ApiKeyStore, Scope
from veil.database.pool import Pool
from veil.local.server import LocalApi

from .conftest import Client

DIGIT_TYPES = {"CREDIT_CARD", "US_SSN", "PHONE_NUMBER"}


def test_no_personal_value_appears_outside_responses(
    client: Client,
    keys: ApiKeyStore,
    server_url: str,
    admin_pool: Pool,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    capfd.readouterr()
    corpus = documents(60, seed=11)
    _, auditor_key = keys.create("tenant-a", "leak-auditor", [Scope.AUDIT_READ])
    auditor = Client(server_url, auditor_key)
    error_bodies: list[bytes] = []
    for doc in corpus:
        assert client.post("/v1/redact", {"text": doc.text}).status == 200
        assert client.post("/v1/detect", {"text": doc.text}).status == 200
    for doc in corpus[:15]:
        replies = [
            client.request("POST", "/v1/redact", ('{"text": "' + doc.text).encode()),
            client.post("/v1/redact", {"txt": doc.text}),
            client.post("/v1/redact", {"text": [doc.text]}),
            client.post("/v1/redact", {"text": doc.text, "entities": ["NOPE"]}),
            client.post("/v1/redact", {"text": doc.text}, key=None),
            client.request(
                "POST",
                "/v1/redact",
                json.dumps({"text": doc.text}).encode(),
                headers={"content-type": "text/plain"},
            ),
            auditor.post("/v1/audit/search", {"value": doc.values[0].value}),
        ]
        assert all(r.status != 500 for r in replies)
        error_bodies += [r.raw for r in replies]
    event = json.loads((ROOT / "events" / "scheduled_probe.json").read_text())
    LocalApi(ROOT / "functions").invoke("provider_probe", event)

    out, err = capfd.readouterr()
    logs = out + err + caplog.text + "".join(repr(r.__dict__) for r in caplog.records)
    with admin_pool.connection() as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]  # fmt: skip
        stored = "".join(
            conn.execute(f"SELECT coalesce(string_agg(t::text, ''), '') FROM {table} t").fetchone()[  # noqa: S608
                0
            ]  # type: ignore[index]
            for table in tables
        )
    assert "audit_events" in tables
    assert '"_aws"' in logs  # the probe's metrics were captured too
    places = {
        "logs and metrics": logs,
        "database": stored,
        "error bodies": b"".join(error_bodies).decode(),
    }
    for doc in corpus:
        for labeled in doc.values:
            forms = {labeled.value}
            if labeled.type in DIGIT_TYPES:
                forms.add(re.sub(r"\D", "", labeled.value))
            for where, text in places.items():
                for form in forms:
                    assert form not in text, f"a {labeled.type} value reached the {where}"
