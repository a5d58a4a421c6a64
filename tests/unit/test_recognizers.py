"""Each recognizer: values it must find, and look-alikes it must leave alone."""

import pytest

from veil.detection import EntityType, default_engine

T = EntityType


def found(text: str) -> list[tuple[EntityType, str]]:
    return [(e.type, text[e.start : e.end]) for e in default_engine().analyze(text)]


@pytest.mark.parametrize(
    ("text", "entity_type", "value"),
    [
        ("mail jane.doe@example.com now", T.EMAIL_ADDRESS, "jane.doe@example.com"),
        ("écrire à émile@exemple.fr", T.EMAIL_ADDRESS, "émile@exemple.fr"),
        ("<a+tag@sub.example.co.uk>", T.EMAIL_ADDRESS, "a+tag@sub.example.co.uk"),
        ("visa 4111 1111 1111 1111.", T.CREDIT_CARD, "4111 1111 1111 1111"),
        ("mc 5555-5555-5555-4444", T.CREDIT_CARD, "5555-5555-5555-4444"),
        ("amex 378282246310005", T.CREDIT_CARD, "378282246310005"),
        ("ssn 536-22-8174", T.US_SSN, "536-22-8174"),
        ("ssn 536 22 8174", T.US_SSN, "536 22 8174"),
        ("IBAN DE89 3704 0044 0532 0130 00 AND MORE", T.IBAN_CODE, "DE89 3704 0044 0532 0130 00"),
        ("iban GB82WEST12345698765432", T.IBAN_CODE, "GB82WEST12345698765432"),
        ("call +44 20 7946 0958 today", T.PHONE_NUMBER, "+44 20 7946 0958"),
        ("call (415) 555-2671", T.PHONE_NUMBER, "(415) 555-2671"),
        ("ring 0049 30 901820", T.PHONE_NUMBER, "0049 30 901820"),
        ("from 203.0.113.42:443", T.IP_ADDRESS, "203.0.113.42"),
        ("v6 2001:db8::8a2e:370:7334 up", T.IP_ADDRESS, "2001:db8::8a2e:370:7334"),
        ("see https://example.com/a?b=c).", T.URL, "https://example.com/a?b=c"),
        ("key AKIAIOSFODNN7EXAMPLE", T.AWS_ACCESS_KEY, "AKIAIOSFODNN7EXAMPLE"),
        (
            "t ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
            T.API_TOKEN,
            "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
        ),
        ("slack xoxb-123456789012-abcdefABCDEF", T.API_TOKEN, "xoxb-123456789012-abcdefABCDEF"),
        (
            "stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc",
            T.API_TOKEN,
            "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
        ),
        (
            "auth eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl end",
            T.API_TOKEN,
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl",
        ),
        ("leaked veil_" + "a1B2" * 10, T.API_TOKEN, "veil_" + "a1B2" * 10),
    ],
)
def test_finds_value(text: str, entity_type: EntityType, value: str) -> None:
    assert (entity_type, value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "order 4111 1111 1111 1112 failed",  # fails Luhn
        "id 1234567812345678",  # no card network issues this and Luhn fails
        "ssn 000-12-3456 and 666-12-3456 and 912-12-3456",  # never-issued areas
        "ssn 536-00-8174 and 536-22-0000",  # zero group or serial
        "ref 078-05-1120",  # the SSA's voided wallet-card number
        "IBAN DE89 3704 0044 0532 0130 01",  # mod 97 fails
        "uuid 550e8400-e29b-41d4-a716-446655440000",
        "sha 3f786850e387550fdab836ed7e6dc881de23001b",
        "version 1.2.3.4.5 and 10.0.0.999",
        "at 12:30:45 on 2024-01-15",
        "price $1,234.56 and 99.99",
        "card_4111111111111111x",  # glued to letters
        "eyJub3QiOiJhIGp3dCJ9.eyJ4IjoxfQ.sig",  # header has no alg: not a JWT
        "local loopback ::1 and ::",
    ],
)
def test_ignores_decoy(text: str) -> None:
    assert found(text) == []
