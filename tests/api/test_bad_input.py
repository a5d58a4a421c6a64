"""Bad input gets the right problem+json: right status, security headers, no echo of the
input, and nothing of it in the logs."""

import json
import logging

import pytest

from veil.auth import ApiKeyStore, Scope
from veil.database.pool import Pool
from veil.http.headers import SECURITY_HEADERS
from veil.http.limits import MAX_BODY_BYTES

from .conftest import Client, Reply

SECRET = "536-22-8174"  # an SSN in every bad request: it must come back nowhere


def assert_problem(reply: Reply, status: int, slug: str) -> dict[str, object]:
    assert reply.status == status
    assert reply.headers["Content-Type"] == "application/problem+json"
    for name, value in SECURITY_HEADERS.items():
        assert reply.headers[name] == value
    body: dict[str, object] = reply.json
    assert body["type"] == f"/problems/{slug}"
    assert body["status"] == status
    assert isinstance(body["request_id"], str)
    assert SECRET.encode() not in reply.raw
    assert b"Traceback" not in reply.raw
    return body


@pytest.mark.parametrize(
    ("body", "headers", "status", "slug"),
    [
        (f'{{"text": "{SECRET}"', None, 400, "invalid-json"),
        (f"text={SECRET}", {"content-type": "text/plain"}, 415, "unsupported-media-type"),
        (
            json.dumps({"text": SECRET}),
            {"content-type": "application/json; charset=latin-1"},
            415,
            "unsupported-media-type",
        ),
        (json.dumps({"txt": SECRET}), None, 422, "validation-failed"),
        (json.dumps({"text": [SECRET]}), None, 422, "validation-failed"),
        (json.dumps({"text": 536228174}), None, 422, "validation-failed"),
        (json.dumps({"text": SECRET, "entities": ["NOT_A_TYPE"]}), None, 422, "validation-failed"),
        # An ad-hoc pattern that is unsafe, invalid or too big is refused without repeating it.
        *(
            (
                json.dumps(
                    {"text": SECRET, "patterns": [{"name": "p", "type": "US_SSN", "regex": r}]}
                ),
                None,
                422,
                "validation-failed",
            )
            for r in (f"(?={SECRET})x", f"({SECRET})\\1", f"[{SECRET}", f"{SECRET}|", SECRET * 50)
        ),
        (
            json.dumps(
                {"text": SECRET, "patterns": [{"name": "p", "type": "US_SSN", "regex": "x"}] * 11}
            ),
            None,
            422,
            "validation-failed",
        ),
        (
            json.dumps({"text": SECRET, "deny_list": [{"value": SECRET, "type": "NOT_A_TYPE"}]}),
            None,
            422,
            "validation-failed",
        ),
        (json.dumps({"text": SECRET, "score_threshold": 2}), None, 422, "validation-failed"),
        (json.dumps({"text": SECRET, "language": "xx"}), None, 422, "validation-failed"),
        (
            json.dumps({"text": SECRET, "operators": {"US_SSN": {"type": "shred"}}}),
            None,
            422,
            "validation-failed",
        ),
        (
            json.dumps({"text": SECRET, "operators": {"NOT_A_TYPE": {"type": "redact"}}}),
            None,
            422,
            "validation-failed",
        ),
        ('{"text": "\\ud800 ' + SECRET + '"}', None, 422, "validation-failed"),
        # Personal data as a dict key: neither the message nor `loc` may repeat it.
        (
            json.dumps({"text": "x", "operators": {SECRET: {"type": "redact"}}}),
            None,
            422,
            "validation-failed",
        ),
        (
            json.dumps(
                {"text": "x", "operators": {SECRET: {"type": "mask", "chars_to_mask": "x"}}}
            ),
            None,
            422,
            "validation-failed",
        ),
    ],
)
def test_invalid_bodies(
    client: Client, body: str, headers: dict[str, str] | None, status: int, slug: str
) -> None:
    assert_problem(client.request("POST", "/v1/redact", body.encode(), headers), status, slug)


def test_validation_errors_say_where_without_the_input(client: Client) -> None:
    reply = client.post("/v1/redact", {"text": [SECRET]})
    problem = assert_problem(reply, 422, "validation-failed")
    assert problem["errors"] == [
        {"loc": ["text"], "type": "string_type", "msg": "Input should be a valid string"}
    ]


def test_invalid_utf8(client: Client) -> None:
    body = b'{"text": "\xff\xfe ' + SECRET.encode() + b'"}'
    assert_problem(client.request("POST", "/v1/redact", body), 400, "invalid-encoding")


def test_body_over_the_limit(client: Client) -> None:
    body = json.dumps({"text": SECRET + " " * MAX_BODY_BYTES}).encode()
    problem = assert_problem(client.request("POST", "/v1/redact", body), 413, "payload-too-large")
    assert str(MAX_BODY_BYTES) in str(problem["detail"])


def test_body_just_under_the_limit_is_served(client: Client) -> None:
    text = SECRET + " " * (MAX_BODY_BYTES - 100)
    reply = client.post("/v1/detect", {"text": text})
    assert reply.status == 200
    assert len(reply.json["entities"]) == 1


def test_missing_key(client: Client) -> None:
    assert_problem(client.post("/v1/redact", {"text": SECRET}, key=None), 401, "unauthorized")


def test_wrong_key(client: Client) -> None:
    reply = client.post("/v1/redact", {"text": SECRET}, key="veil_" + "x" * 40)
    assert_problem(reply, 401, "unauthorized")


def test_revoked_key_is_refused_at_once(client: Client, keys: ApiKeyStore) -> None:
    key_id, key = keys.create("tenant-a", "soon-revoked", [Scope.REDACT])
    assert client.post("/v1/redact", {"text": "hi"}, key=key).status == 200
    keys.revoke(key_id)
    assert_problem(client.post("/v1/redact", {"text": SECRET}, key=key), 401, "unauthorized")


def test_key_without_the_scope_is_forbidden_and_audited(
    client: Client, keys: ApiKeyStore, admin_pool: Pool
) -> None:
    _, key = keys.create("tenant-a", "detect-only", [Scope.DETECT])
    assert client.post("/v1/detect", {"text": SECRET}, key=key).status == 200
    # The scope is checked before the body: even an invalid body gets 403.
    problem = assert_problem(client.post("/v1/redact", {"txt": SECRET}, key=key), 403, "forbidden")
    with admin_pool.connection() as conn:
        outcome = conn.execute(
            "SELECT outcome, status_code FROM audit_events WHERE request_id = %s",
            (problem["request_id"],),
        ).fetchone()
    assert outcome == ("rejected", 403)


def test_unknown_route(client: Client) -> None:
    assert_problem(client.post("/v1/nothing", {"text": SECRET}), 404, "not-found")


def test_nothing_of_the_input_reaches_the_logs(
    client: Client, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    capfd.readouterr()
    client.post("/v1/redact", {"text": f"ssn {SECRET}"})
    client.request("POST", "/v1/redact", f'{{"text": "{SECRET}"'.encode())
    client.post("/v1/redact", {"text": [SECRET]})
    client.post("/v1/redact", {"text": SECRET}, key=None)
    out, err = capfd.readouterr()
    records = [repr(record.__dict__) for record in caplog.records]
    assert any("'status': 200" in r for r in records)  # the request log was captured at all
    assert SECRET not in out + err + caplog.text + "".join(records)


def test_pathological_nesting_is_a_422_not_a_crash(client: Client) -> None:
    body = '{"text": "' + SECRET + '", "entities": ' + "[" * 50_000 + "]" * 50_000 + "}"
    assert_problem(client.request("POST", "/v1/redact", body.encode()), 422, "too-deeply-nested")


def test_a_flood_from_one_key_is_throttled_while_another_key_is_served(
    keys: ApiKeyStore,
) -> None:
    import threading

    from tests.conftest import ROOT
    from veil.local.rate_limit import RateLimiter
    from veil.local.server import LocalApi, make_server

    server = make_server(LocalApi(ROOT / "functions", RateLimiter(rate=2, burst=5)), "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        _, flooder = keys.create("tenant-a", "flooder", [Scope.DETECT])
        _, neighbour = keys.create("tenant-a", "neighbour", [Scope.DETECT])
        flood = [Client(url, flooder).post("/v1/detect", {"text": "hi"}) for _ in range(12)]
        assert [r.status for r in flood[:5]] == [200] * 5
        throttled = [r for r in flood if r.status == 429]
        assert len(throttled) >= 6
        problem = assert_problem(throttled[0], 429, "throttled")
        assert int(throttled[0].headers["Retry-After"]) >= 1
        assert problem["status"] == 429
        assert Client(url, neighbour).post("/v1/detect", {"text": "hi"}).status == 200
    finally:
        server.shutdown()
        server.server_close()


def test_locations_name_schema_words_and_hide_caller_keys(client: Client) -> None:
    body = {"text": "x", "operators": {"CREDIT_CARD": {"type": "mask", "chars_to_mask": "x"}}}
    [error] = assert_problem(client.post("/v1/redact", body), 422, "validation-failed")["errors"]  # type: ignore[misc]
    assert error["loc"] == ["operators", "CREDIT_CARD", "mask", "chars_to_mask"]


def test_a_refused_call_is_audited_with_its_size_in_bytes(client: Client, admin_pool: Pool) -> None:
    body = json.dumps({"txt": "é😀"}, ensure_ascii=False).encode()
    problem = assert_problem(client.request("POST", "/v1/redact", body), 422, "validation-failed")
    with admin_pool.connection() as conn:
        row = conn.execute(
            "SELECT outcome, input_bytes FROM audit_events WHERE request_id = %s",
            (problem["request_id"],),
        ).fetchone()
    assert row == ("rejected", len(body))
