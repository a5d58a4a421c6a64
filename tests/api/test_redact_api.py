"""POST /v1/redact and /v1/detect over HTTP, through the authorizer and handler."""

from veil.database.pool import Pool

from .conftest import Client

EMAIL, CARD, SSN = "jane.doe@example.com", "4111 1111 1111 1111", "536-22-8174"
TEXT = f"Contact {EMAIL}, card {CARD}, SSN {SSN}."


def test_redact_replaces_values_and_audits_without_them(client: Client, admin_pool: Pool) -> None:
    reply = client.post("/v1/redact", {"text": TEXT})
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/json"
    body = reply.json
    assert body["redacted_text"] == "Contact <EMAIL_ADDRESS>, card <CREDIT_CARD>, SSN <US_SSN>."
    assert [(e["type"], TEXT[e["start"] : e["end"]]) for e in body["entities"]] == [
        ("EMAIL_ADDRESS", EMAIL),
        ("CREDIT_CARD", CARD),
        ("US_SSN", SSN),
    ]
    assert reply.headers["X-Request-Id"] == body["request_id"]
    with admin_pool.connection() as conn:
        rows = conn.execute(
            "SELECT row_to_json(a)::text FROM audit_events a WHERE request_id = %s",
            (body["request_id"],),
        ).fetchall()
    assert len(rows) == 1
    stored = rows[0][0]
    assert '"outcome" : "ok"' in stored.replace('":"', '" : "')
    for value in (EMAIL, CARD, SSN, CARD.replace(" ", ""), SSN.replace("-", "")):
        assert value not in stored


def test_operators_per_type(client: Client) -> None:
    reply = client.post(
        "/v1/redact",
        {
            "text": TEXT,
            "operators": {
                "CREDIT_CARD": {"type": "mask", "chars_to_mask": 15},
                "EMAIL_ADDRESS": {"type": "redact"},
                "DEFAULT": {"type": "replace", "new_value": "[hidden]"},
            },
        },
    )
    assert reply.status == 200
    assert reply.json["redacted_text"] == "Contact , card ***************1111, SSN [hidden]."


def test_hash_operator_is_stable_across_requests_of_a_tenant(client: Client) -> None:
    document = {"text": f"id {SSN}", "operators": {"DEFAULT": {"type": "hash"}}}
    first = client.post("/v1/redact", document).json["redacted_text"]
    second = client.post("/v1/redact", document).json["redacted_text"]
    assert first == second
    assert SSN not in first
    assert len(first) == len("id ") + 64


def test_detect_reports_utf16_and_utf8_ranges(client: Client) -> None:
    text = f"😀 é {EMAIL}"
    reply = client.post("/v1/detect", {"text": text})
    assert reply.status == 200
    [entity] = reply.json["entities"]
    assert text[entity["start"] : entity["end"]] == EMAIL
    utf16 = text.encode("utf-16-le")
    assert (
        utf16[entity["utf16"]["start"] * 2 : entity["utf16"]["end"] * 2].decode("utf-16-le")
        == EMAIL
    )
    assert text.encode()[entity["utf8"]["start"] : entity["utf8"]["end"]].decode() == EMAIL
    assert "redacted_text" not in reply.json


def test_detect_filters_types_and_threshold(client: Client) -> None:
    reply = client.post("/v1/detect", {"text": TEXT, "entities": ["US_SSN", "CREDIT_CARD"]})
    assert [e["type"] for e in reply.json["entities"]] == ["CREDIT_CARD", "US_SSN"]
    # The labels "card" and "SSN" raise those two above the e-mail address (0.95).
    reply = client.post("/v1/detect", {"text": TEXT, "score_threshold": 0.96})
    assert [e["type"] for e in reply.json["entities"]] == ["CREDIT_CARD", "US_SSN"]


def test_text_without_pii_comes_back_unchanged(client: Client) -> None:
    reply = client.post("/v1/redact", {"text": "nothing to see here"})
    assert reply.json["redacted_text"] == "nothing to see here"
    assert reply.json["entities"] == []


def test_pseudonymize_and_keep_over_http(client: Client) -> None:
    text = f"{EMAIL} and {EMAIL} and bob@example.org, SSN {SSN}"
    reply = client.post(
        "/v1/redact",
        {
            "text": text,
            "operators": {"EMAIL_ADDRESS": {"type": "pseudonymize"}, "US_SSN": {"type": "keep"}},
        },
    )
    assert reply.status == 200
    assert reply.json["redacted_text"] == (
        f"<EMAIL_ADDRESS_1> and <EMAIL_ADDRESS_1> and <EMAIL_ADDRESS_2>, SSN {SSN}"
    )
    assert [e["type"] for e in reply.json["entities"]].count("US_SSN") == 1


def test_explain_allow_and_deny_lists_and_patterns_over_http(client: Client) -> None:
    text = f"SSN {SSN}, mail {EMAIL} or ops@example.com, badge EMP-004211, project Bluebird"
    reply = client.post(
        "/v1/detect",
        {
            "text": text,
            "explain": True,
            "allow_list": ["ops@example.com"],
            "deny_list": [{"value": "Bluebird", "type": "PERSON"}],
            "patterns": [{"name": "badge", "type": "API_TOKEN", "regex": "EMP-[0-9]{6}"}],
        },
    )
    assert reply.status == 200
    found = [(e["type"], text[e["start"] : e["end"]]) for e in reply.json["entities"]]
    assert found == [
        ("US_SSN", SSN),
        ("EMAIL_ADDRESS", EMAIL),
        ("API_TOKEN", "EMP-004211"),
        ("PERSON", "Bluebird"),
    ]
    ssn = reply.json["entities"][0]["explanation"]
    assert ssn["recognizer"] == "us_ssn"
    assert ssn["context_word"] == "ssn"
    assert ssn["base_score"] < ssn["score"] == reply.json["entities"][0]["score"]
    assert reply.json["entities"][2]["explanation"]["recognizer"] == "custom:badge"
    plain = client.post("/v1/detect", {"text": text}).json["entities"]
    assert all(e["explanation"] is None for e in plain)


def test_documents_keep_structure_share_pseudonyms_and_report_paths(
    client: Client, admin_pool: Pool
) -> None:
    document = {
        "user": {"email": EMAIL, "card": 4111111111111111, "age": 41},
        "notes": [f"mail {EMAIL} about SSN {SSN}", "nothing"],
        "odd key": SSN,
    }
    reply = client.post(
        "/v1/redact",
        {"document": document, "operators": {"DEFAULT": {"type": "pseudonymize"}}},
    )
    assert reply.status == 200
    body = reply.json
    assert body["redacted_text"] is None
    assert body["redacted_document"] == {
        "user": {"email": "<EMAIL_ADDRESS_1>", "card": "<CREDIT_CARD_1>", "age": 41},
        "notes": ["mail <EMAIL_ADDRESS_1> about SSN <US_SSN_1>", "nothing"],
        "odd key": "<US_SSN_1>",
    }
    assert list(body["redacted_document"]) == ["user", "notes", "odd key"]
    assert [(e["path"], e["type"], e["start"], e["end"]) for e in body["entities"]] == [
        ("$.user.email", "EMAIL_ADDRESS", 0, len(EMAIL)),
        ("$.user.card", "CREDIT_CARD", 0, 16),
        ("$.notes[0]", "EMAIL_ADDRESS", 5, 5 + len(EMAIL)),
        ("$.notes[0]", "US_SSN", 5 + len(EMAIL) + 11, 5 + len(EMAIL) + 22),
        ("$['odd key']", "US_SSN", 0, len(SSN)),
    ]
    with admin_pool.connection() as conn:
        stored = conn.execute(
            "SELECT row_to_json(a)::text FROM audit_events a WHERE request_id = %s",
            (body["request_id"],),
        ).fetchone()[0]
    assert '"strings"' in stored  # how many strings were scanned; their paths are not kept
    assert "odd key" not in stored
    assert EMAIL not in stored


def test_a_documents_keys_label_their_values(client: Client) -> None:
    document = {
        "patient": {"dateOfBirth": "1990-07-23", "ssn": "536228174", "visit": "2024-03-01"},
        "phones": ["98450 12345"],  # a list's items stand under the list's key
        "sku": "536228174",
        "firstName": "Aroha",
        "companyName": "Globex",
    }
    reply = client.post("/v1/detect", {"document": document})
    assert reply.status == 200
    assert [(e["path"], e["type"]) for e in reply.json["entities"]] == [
        ("$.patient.dateOfBirth", "DATE_OF_BIRTH"),
        ("$.patient.ssn", "US_SSN"),
        ("$.phones[0]", "PHONE_NUMBER"),
        ("$.firstName", "PERSON"),
    ]


def test_fields_select_parts_of_a_document(client: Client) -> None:
    document = {"items": [{"note": f"ssn {SSN}", "sku": EMAIL}] * 2, "owner": EMAIL}
    reply = client.post("/v1/detect", {"document": document, "fields": ["$.items[*].note"]})
    assert reply.status == 200
    assert [(e["path"], e["type"]) for e in reply.json["entities"]] == [
        ("$.items[0].note", "US_SSN"),
        ("$.items[1].note", "US_SSN"),
    ]


def test_text_xor_document(client: Client) -> None:
    for body in (
        {"text": "x", "document": {"a": "b"}},
        {},
        {"text": "x", "fields": ["$.a"]},
        {"document": {"a": "b"}, "fields": ["user.email"]},  # not a selector
    ):
        reply = client.post("/v1/redact", body)
        assert reply.status == 422
        assert reply.headers["Content-Type"] == "application/problem+json"


def test_a_tenants_default_operators_apply_unless_the_request_names_the_type(
    client: Client, admin_pool: Pool
) -> None:
    from veil.tenants import TenantSettings

    def forget_cached_choices() -> None:
        from veil import tenants
        from veil.api.redaction_service import default_redaction_service

        tenants.default_tenant_settings.cache_clear()
        default_redaction_service.cache_clear()

    TenantSettings.set_operators(
        admin_pool,
        "tenant-a",
        {"CREDIT_CARD": {"type": "mask", "chars_to_mask": 15}, "DEFAULT": {"type": "redact"}},
    )
    forget_cached_choices()
    try:
        plain = client.post("/v1/redact", {"text": TEXT}).json["redacted_text"]
        assert plain == "Contact , card ***************1111, SSN ."
        # The request's DEFAULT replaces the tenant's DEFAULT, not its per-type choice.
        mixed = client.post(
            "/v1/redact", {"text": TEXT, "operators": {"DEFAULT": {"type": "replace"}}}
        ).json["redacted_text"]
        assert mixed == "Contact <EMAIL_ADDRESS>, card ***************1111, SSN <US_SSN>."
        named = client.post(
            "/v1/redact", {"text": TEXT, "operators": {"CREDIT_CARD": {"type": "replace"}}}
        ).json["redacted_text"]
        assert named == "Contact , card <CREDIT_CARD>, SSN ."
    finally:
        TenantSettings.set_operators(admin_pool, "tenant-a", {})
        forget_cached_choices()


def test_tenant_operators_are_validated_like_a_requests(admin_pool: Pool) -> None:
    import pytest
    from pydantic import ValidationError

    from veil.tenants import TenantSettings

    with pytest.raises(ValidationError):
        TenantSettings.set_operators(admin_pool, "tenant-a", {"US_SSN": {"type": "shred"}})
    with pytest.raises(ValueError, match="entity types or DEFAULT"):
        TenantSettings.set_operators(admin_pool, "tenant-a", {"NOPE": {"type": "redact"}})
