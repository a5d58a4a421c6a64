"""The Presidio-compatible routes: Presidio's request and response shapes over HTTP, with
Veil's authentication, scopes, limits and audit underneath."""

from veil.auth import ApiKeyStore, Scope
from veil.database.pool import Pool

from .conftest import Client
from .test_bad_input import SECRET, assert_problem

TEXT = "Dear Avery Okafor, SSN 536-22-8174. Ship to 742 Evergreen Terrace, Springfield, IL 62704."


def test_analyze_answers_in_presidio_shapes_with_presidio_names(client: Client) -> None:
    reply = client.post("/v1/presidio/analyze", {"text": TEXT, "language": "en"})
    assert reply.status == 200
    results = reply.json
    assert [(r["entity_type"], TEXT[r["start"] : r["end"]]) for r in results] == [
        ("PERSON", "Avery Okafor"),
        ("US_SSN", "536-22-8174"),
        ("LOCATION", "742 Evergreen Terrace, Springfield, IL 62704"),
    ]
    assert all(0 < r["score"] <= 1 and r["analysis_explanation"] is None for r in results)


def test_analyze_filters_explains_and_takes_ad_hoc_recognizers(client: Client) -> None:
    text = "badge EMP-004211, SSN 536-22-8174, project Bluebird, mail ops@example.com"
    reply = client.post(
        "/v1/presidio/analyze",
        {
            "text": text,
            "language": "en",
            "entities": ["US_SSN", "PERSON", "LOCATION"],
            "return_decision_process": True,
            "allow_list": ["ops@example.com"],
            "ad_hoc_recognizers": [
                {
                    "name": "badges",
                    "supported_language": "en",
                    "supported_entity": "PERSON",
                    "patterns": [{"name": "badge", "regex": "EMP-[0-9]{6}", "score": 0.9}],
                    "deny_list": ["Bluebird"],
                }
            ],
        },
    )
    assert reply.status == 200
    found = [(r["entity_type"], text[r["start"] : r["end"]]) for r in reply.json]
    assert found == [("PERSON", "EMP-004211"), ("US_SSN", "536-22-8174"), ("PERSON", "Bluebird")]
    ssn = reply.json[1]["analysis_explanation"]
    assert ssn["supportive_context_word"] == "ssn"
    assert ssn["score_context_improvement"] > 0
    assert reply.json[0]["recognition_metadata"]["recognizer_name"] == "custom:badge"


def test_anonymize_applies_operators_to_given_results(client: Client, admin_pool: Pool) -> None:
    text = "My name is Avery and my number is 212-555-0123"
    reply = client.post(
        "/v1/presidio/anonymize",
        {
            "text": text,
            "analyzer_results": [
                {"start": 11, "end": 16, "score": 0.8, "entity_type": "PERSON"},
                {"start": 34, "end": 46, "score": 0.95, "entity_type": "PHONE_NUMBER"},
            ],
            "anonymizers": {
                "DEFAULT": {"type": "replace", "new_value": "ANONYMIZED"},
                "PHONE_NUMBER": {
                    "type": "mask",
                    "masking_char": "*",
                    "chars_to_mask": 8,
                    "from_end": False,
                },
            },
        },
    )
    assert reply.status == 200
    body = reply.json
    assert body["text"] == "My name is ANONYMIZED and my number is ********0123"
    assert [
        (i["entity_type"], i["operator"], body["text"][i["start"] : i["end"]])
        for i in body["items"]
    ] == [
        ("PERSON", "replace", "ANONYMIZED"),
        ("PHONE_NUMBER", "mask", "********0123"),
    ]
    assert [i["text"] for i in body["items"]] == ["ANONYMIZED", "********0123"]
    request_id = reply.headers["X-Request-Id"]
    with admin_pool.connection() as conn:
        stored = conn.execute(
            "SELECT action, row_to_json(a)::text FROM audit_events a WHERE request_id = %s",
            (request_id,),
        ).fetchone()
    assert stored[0] == "redact"
    assert "Avery" not in stored[1]
    assert "212-555-0123" not in stored[1]


def test_bad_presidio_requests_are_422_without_echo(client: Client) -> None:
    backreference = {"name": "p", "regex": f"({SECRET})\\1"}
    bodies = [
        {"text": SECRET, "entities": [SECRET.replace("-", "_").upper() + "X"]},
        {"text": SECRET, "entities": ["NRP"]},  # a Presidio type Veil does not detect
        {"text": SECRET, "language": "de"},
        {
            "text": SECRET,
            "ad_hoc_recognizers": [
                {"name": "x", "supported_entity": "US_SSN", "patterns": [backreference]}
            ],
        },
    ]
    for body in bodies:
        assert_problem(client.post("/v1/presidio/analyze", body), 422, "validation-failed")
    anonymize = [
        {"text": SECRET, "analyzer_results": [{"start": 0, "end": 99, "entity_type": "US_SSN"}]},
        {"text": SECRET, "analyzer_results": [], "anonymizers": {"US_SSN": {"type": "encrypt"}}},
        {"text": SECRET, "analyzer_results": [], "anonymizers": {SECRET: {"type": "redact"}}},
    ]
    for body in anonymize:
        assert_problem(client.post("/v1/presidio/anonymize", body), 422, "validation-failed")


def test_anonymize_needs_the_redact_scope(client: Client, keys: ApiKeyStore) -> None:
    _, key = keys.create("tenant-a", "detect-only", [Scope.DETECT])
    assert client.post("/v1/presidio/analyze", {"text": SECRET}, key=key).status == 200
    body = {"text": SECRET, "analyzer_results": []}
    assert_problem(client.post("/v1/presidio/anonymize", body, key=key), 403, "forbidden")
