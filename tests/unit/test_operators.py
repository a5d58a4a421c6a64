import pytest

from veil.detection import Entity, EntityType, default_engine
from veil.fingerprint import fingerprint, normal_form
from veil.redaction import Hash, Mask, Redact, Replace, redact

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
