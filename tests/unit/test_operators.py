from base64 import urlsafe_b64decode

import pytest

from veil.detection import Entity, EntityType, default_engine
from veil.fingerprint import fingerprint, normal_form
from veil.redaction import Hash, Keep, Mask, Pseudonymize, Redact, Replace, redact

KEY = b"k" * 32
TEXT = "card 4111 1111 1111 1111, mail jane@example.com."


@pytest.fixture
def entities() -> list[Entity]:
    return default_engine().analyze(TEXT)


def test_replace_defaults_to_type_label(entities: list[Entity]) -> None:
    assert redact(TEXT, entities, {}, KEY) == "card <CREDIT_CARD>, mail <EMAIL_ADDRESS>."


def test_replace_with_custom_label_and_default(entities: list[Entity]) -> None:
    operators = {"DEFAULT": Replace(new_value="[x]"), "EMAIL_ADDRESS": Redact()}
    assert redact(TEXT, entities, operators, KEY) == "card [x], mail ."


def test_mask_keeps_the_last_four(entities: list[Entity]) -> None:
    result = redact(TEXT, entities, {"CREDIT_CARD": Mask(chars_to_mask=15)}, KEY)
    assert result.startswith("card ***************1111,")


def test_mask_from_end_with_custom_char(entities: list[Entity]) -> None:
    operator = Mask(masking_char="#", chars_to_mask=11, from_end=True)
    result = redact(TEXT, entities, {"EMAIL_ADDRESS": operator}, KEY)
    assert result.endswith("mail jane@###########.")


def test_hash_is_keyed_and_format_independent() -> None:
    card = EntityType.CREDIT_CARD
    spaced, dashed = "4111 1111 1111 1111", "4111-1111-1111-1111"
    assert fingerprint(KEY, card, spaced) == fingerprint(KEY, card, dashed)
    assert fingerprint(KEY, card, spaced) != fingerprint(b"o" * 32, card, spaced)
    entity = Entity(card, 0, len(spaced), 1.0, "test")
    assert redact(spaced, [entity], {"DEFAULT": Hash()}, KEY) == fingerprint(KEY, card, spaced)


def test_normal_forms() -> None:
    assert normal_form(EntityType.EMAIL_ADDRESS, "Jane@Example.COM") == "jane@example.com"
    assert normal_form(EntityType.PHONE_NUMBER, "+44 (20) 7946-0958") == "+442079460958"
    assert normal_form(EntityType.IBAN_CODE, "de89 3704") == "DE893704"


def test_unicode_around_values_survives(entities: list[Entity]) -> None:
    text = "😀 jane@example.com מייל"
    result = redact(text, default_engine().analyze(text), {}, KEY)
    assert result == "😀 <EMAIL_ADDRESS> מייל"


def test_pseudonyms_are_consistent_within_a_request_and_numbered_per_type() -> None:
    text = "a@b.co wrote to c@d.co, then A@B.CO again; card 4111 1111 1111 1111"
    entities = default_engine().analyze(text)
    result = redact(text, entities, {"DEFAULT": Pseudonymize()}, KEY)
    assert result == (
        "<EMAIL_ADDRESS_1> wrote to <EMAIL_ADDRESS_2>, then <EMAIL_ADDRESS_1> again;"
        " card <CREDIT_CARD_1>"
    )


def test_stable_pseudonyms_are_the_same_across_requests_and_keyed() -> None:
    first, second = "mail a@b.co now", "a@b.co again"
    operators = {"DEFAULT": Pseudonymize(stable=True)}
    one = redact(first, default_engine().analyze(first), operators, KEY)
    two = redact(second, default_engine().analyze(second), operators, KEY)
    token = one.split()[1]
    assert token.startswith("<EMAIL_ADDRESS_")
    assert two.split()[0] == token
    other_tenant = redact(first, default_engine().analyze(first), operators, b"o" * 32)
    assert other_tenant.split()[1] != token


def test_keep_leaves_the_value(entities: list[Entity]) -> None:
    assert redact(TEXT, entities, {"EMAIL_ADDRESS": Keep()}, KEY) == (
        "card <CREDIT_CARD>, mail jane@example.com."
    )


def test_hash_encodings_and_truncation() -> None:
    text = "ssn 536-22-8174"
    entities = default_engine().analyze(text)
    full = redact(text, entities, {"DEFAULT": Hash()}, KEY)[4:]
    assert len(full) == 64
    assert int(full, 16) >= 0
    b64 = redact(text, entities, {"DEFAULT": Hash(encoding="base64")}, KEY)[4:]
    assert len(b64) == 43
    assert urlsafe_b64decode(b64 + "=") == bytes.fromhex(full)
    assert redact(text, entities, {"DEFAULT": Hash(length=16)}, KEY)[4:] == full[:16]
