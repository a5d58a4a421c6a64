"""Properties of the engine and the operators on arbitrary Unicode text (hypothesis)."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from veil.detection import default_engine
from veil.detection.offsets import OffsetMap
from veil.redaction import redact

# Any code point but lone surrogates (refused at the API), with personal values mixed in
# so that the recognizers fire inside emoji, combining marks and right-to-left scripts.
VALUES = ["jane@example.com", "4111 1111 1111 1111", "536-22-8174", "203.0.113.7",
          "+44 20 7946 0958", "AKIAIOSFODNN7EXAMPLE"]  # fmt: skip
texts = st.lists(
    st.one_of(
        st.text(st.characters(exclude_categories=["Cs"]), max_size=40), st.sampled_from(VALUES)
    ),
    max_size=12,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_entities_are_ordered_disjoint_slices_that_map_across_encodings(text: str) -> None:
    entities = default_engine().analyze(text)
    offsets = OffsetMap(text, text.encode())
    previous_end = 0
    for entity in entities:
        assert previous_end <= entity.start < entity.end <= len(text)
        previous_end = entity.end
        value = text[entity.start : entity.end]
        utf16 = text.encode("utf-16-le")
        start16, end16 = offsets.utf16_of_char(entity.start), offsets.utf16_of_char(entity.end)
        assert utf16[start16 * 2 : end16 * 2].decode("utf-16-le") == value
        start8, end8 = offsets.byte_of_char(entity.start), offsets.byte_of_char(entity.end)
        assert text.encode()[start8:end8].decode() == value


@settings(max_examples=300, deadline=None)
@given(texts)
def test_redaction_leaves_no_detected_value_behind(text: str) -> None:
    entities = default_engine().analyze(text)
    redacted = redact(text, entities, {}, b"k" * 32)
    for entity in entities:
        value = text[entity.start : entity.end]
        # As a whole token: "+442000000000" inside another, longer number is not this value.
        whole = re.compile(r"(?<![^\W_])" + re.escape(value) + r"(?![^\W_])")
        assert not whole.search(redacted), (value, redacted)
