"""Every operator on every entity type, inside arbitrary Unicode (hypothesis): nothing
detected survives (unless the operator keeps it), the text around the values is untouched
while replacements shrink or grow it, every replacement's reported span slices the output,
and every entity's span slices the original to its value."""

from hypothesis import given, settings
from hypothesis import strategies as st

from veil.detection import default_engine
from veil.redaction.operators import (
    AnyOperator,
    Encrypt,
    Hash,
    Keep,
    Mask,
    Pseudonymize,
    Redact,
    RedactionContext,
    Replace,
    redaction,
)

from .test_recognizers import FINDS

OPERATORS: list[AnyOperator] = [
    Replace(),
    Replace(new_value="a much longer replacement than the value ever was, 😀 عربى"),
    Redact(),
    Mask(),
    Mask(masking_char="#", chars_to_mask=4, from_end=True),
    Hash(),
    Pseudonymize(),
    Pseudonymize(stable=True),
    Encrypt(),  # a stand-in cipher here; the KMS path is tests/api/test_reidentify.py
    Keep(),
]
KEY = b"k" * 32
# Separators that keep each example sentence's context intact: a line of its own.
noise = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\n"), max_size=12)
sentences = st.lists(st.tuples(noise, st.sampled_from(FINDS)), min_size=1, max_size=5)


@settings(max_examples=300, deadline=None)
@given(sentences, st.sampled_from(OPERATORS))
def test_each_operator_on_every_type_keeps_offsets_and_surroundings(
    parts: list[tuple[str, tuple[str, object, str]]], operator: AnyOperator
) -> None:
    # Each example its own paragraph, as a table under its header row must be.
    text = "\n\n".join(f"{n}\n\n{sentence}" for n, (sentence, _, _) in parts)
    entities = default_engine().analyze(text)
    context = RedactionContext(KEY, encrypt=lambda kind, value: f"<ENCRYPTED:{kind}:{value[::-1]}>")
    redacted, replacements = redaction(text, entities, {"DEFAULT": operator}, KEY, context)
    # Entities slice the original; replacements slice the output, in the same order.
    assert [r.entity for r in replacements] == sorted(entities, key=lambda e: e.start)
    out_cursor = in_cursor = 0
    for r in replacements:
        value = text[r.entity.start : r.entity.end]
        assert value
        # The text between values is carried over unchanged, whatever the lengths.
        assert redacted[out_cursor : r.start] == text[in_cursor : r.entity.start]
        new = redacted[r.start : r.end]
        if isinstance(operator, Keep):
            assert new == value
        elif isinstance(operator, Encrypt):
            assert new == f"<ENCRYPTED:{r.entity.type}:{value[::-1]}>"
        elif not isinstance(operator, Mask) or operator.chars_to_mask is None:
            assert value not in new
        out_cursor, in_cursor = r.end, r.entity.end
    assert redacted[out_cursor:] == text[in_cursor:]


@settings(max_examples=150, deadline=None)
@given(sentences)
def test_every_example_value_is_found_with_its_type_inside_noise(
    parts: list[tuple[str, tuple[str, object, str]]],
) -> None:
    # Each example its own paragraph, as a table under its header row must be.
    text = "\n\n".join(f"{n}\n\n{sentence}" for n, (sentence, _, _) in parts)
    found = {(e.type, text[e.start : e.end]) for e in default_engine().analyze(text)}
    for _, (_, kind, value) in parts:
        assert (kind, value) in found
