"""The audit-query routes over HTTP: pages, filters, search by value, tenant isolation."""

import json
from urllib.parse import urlencode

import pytest

from veil.auth import ApiKeyStore, Scope
from veil.database.pool import Pool

from .conftest import Client

SSN = "536-22-8174"


@pytest.fixture(scope="module")
def tenant(keys: ApiKeyStore, server_url: str) -> dict[str, Client]:
    """A fresh tenant with a writer and an auditor, and a few redactions on record."""
    name = f"audit-{id(keys)}"
    _, writer_key = keys.create(name, "app", [Scope.REDACT, Scope.DETECT])
    _, auditor_key = keys.create(name, "auditor", [Scope.AUDIT_READ])
    writer, auditor = Client(server_url, writer_key), Client(server_url, auditor_key)
    writer.post("/v1/redact", {"text": f"ssn {SSN}"})
    writer.post("/v1/redact", {"text": "mail jane@example.com"})
    writer.post("/v1/detect", {"text": "card 4111 1111 1111 1111"})
    writer.post("/v1/redact", {"txt": "rejected"})
    return {"writer": writer, "auditor": auditor}


def events(client: Client, **query: object) -> dict:  # type: ignore[type-arg]
    reply = client.request("GET", "/v1/audit/events?" + urlencode(query), None)
    assert reply.status == 200, reply.raw
    return reply.json  # type: ignore[no-any-return]


def test_newest_first_in_stable_keyset_pages(tenant: dict[str, Client]) -> None:
    auditor = tenant["auditor"]
    everything = events(auditor, action="redact", limit=1000)["events"]
    seen, cursor = [], None
    while True:
        page = events(auditor, action="redact", limit=1, **({"cursor": cursor} if cursor else {}))
        seen += page["events"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert [e["seq"] for e in seen] == [e["seq"] for e in everything]
    assert [e["seq"] for e in everything] == sorted((e["seq"] for e in everything), reverse=True)
    assert len(everything) == 3  # two redactions and one rejected call


def test_filters(tenant: dict[str, Client]) -> None:
    auditor = tenant["auditor"]
    ssn_events = events(auditor, entity_type="US_SSN")["events"]
    assert [e["entity_counts"] for e in ssn_events] == [{"US_SSN": 1}]
    assert [e["action"] for e in events(auditor, action="detect")["events"]] == ["detect"]
    rejected = events(auditor, outcome="rejected")["events"]
    assert [(e["action"], e["status_code"]) for e in rejected] == [("redact", 422)]
    assert events(auditor, client_id="nobody")["events"] == []
    assert events(auditor, since="2999-01-01T00:00:00Z")["events"] == []
    assert len(events(auditor, until="2999-01-01T00:00:00+00:00", action="redact")["events"]) == 3


def test_get_one_event_and_find_it_by_request_id(tenant: dict[str, Client]) -> None:
    auditor = tenant["auditor"]
    [latest] = events(auditor, action="detect")["events"]
    by_request = events(auditor, request_id=latest["request_id"])["events"]
    assert [e["event_id"] for e in by_request] == [latest["event_id"]]
    reply = auditor.request("GET", f"/v1/audit/events/{latest['event_id']}", None)
    assert reply.status == 200
    assert reply.json["hash"] == latest["hash"]


def test_search_finds_a_value_in_any_format_without_storing_it(
    tenant: dict[str, Client], admin_pool: Pool
) -> None:
    auditor = tenant["auditor"]
    for value in (SSN, "536 22 8174"):
        found = auditor.post("/v1/audit/search", {"value": value, "entity_type": "US_SSN"})
        assert [e["entity_counts"] for e in found.json["events"]] == [{"US_SSN": 1}]
    any_type = auditor.post("/v1/audit/search", {"value": SSN})
    assert len(any_type.json["events"]) == 1
    never = auditor.post("/v1/audit/search", {"value": "219-09-9998"})
    assert never.json["events"] == []
    with admin_pool.connection() as conn:
        dump = conn.execute("SELECT string_agg(row_to_json(a)::text, '') FROM audit_events a")
        text = dump.fetchone()[0]  # type: ignore[index]
    assert SSN not in text
    assert "536 22 8174" not in text


def test_every_query_is_audited(tenant: dict[str, Client]) -> None:
    auditor = tenant["auditor"]
    events(auditor, entity_type="US_SSN")
    auditor.post("/v1/audit/search", {"value": SSN})
    logged = events(auditor, client_id="auditor", limit=2)["events"]
    assert [e["action"] for e in logged] == ["audit.search", "audit.list"]
    assert logged[1]["details"]["filter"] == {"entity_type": "US_SSN"}
    assert "value" not in json.dumps(logged[0]["details"])


def test_another_tenant_sees_nothing(
    tenant: dict[str, Client], keys: ApiKeyStore, server_url: str
) -> None:
    [event] = events(tenant["auditor"], action="detect")["events"]
    _, other_key = keys.create("someone-else", "auditor", [Scope.AUDIT_READ])
    other = Client(server_url, other_key)
    assert all(e["action"].startswith("audit.") for e in events(other)["events"])
    assert other.request("GET", f"/v1/audit/events/{event['event_id']}", None).status == 404
    assert other.post("/v1/audit/search", {"value": SSN}).json["events"] == []


def test_audit_routes_need_the_audit_scope(tenant: dict[str, Client]) -> None:
    writer = tenant["writer"]
    assert writer.request("GET", "/v1/audit/events", None).status == 403
    assert writer.post("/v1/audit/search", {"value": SSN}).status == 403
    some_id = "/v1/audit/events/00000000-0000-0000-0000-000000000000"
    assert writer.request("GET", some_id, None).status == 403


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/v1/audit/events?limit=1001", 422),
        ("/v1/audit/events?limit=0", 422),
        ("/v1/audit/events?since=2024-01-01T00:00:00", 422),  # no time zone
        ("/v1/audit/events?action=delete", 422),
        ("/v1/audit/events?cursor=not-a-cursor", 400),
        ("/v1/audit/events/not-a-uuid", 422),
        ("/v1/audit/events/00000000-0000-0000-0000-000000000000", 404),
    ],
)
def test_bad_queries(tenant: dict[str, Client], path: str, status: int) -> None:
    reply = tenant["auditor"].request("GET", path, None)
    assert reply.status == status
    assert reply.headers["Content-Type"] == "application/problem+json"
