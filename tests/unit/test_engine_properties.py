"""Properties of the engine and the operators on arbitrary Unicode text (hypothesis)."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from veil.detection import default_engine
from veil.detection.boundaries import is_bounded
from veil.detection.engine import _INDEX_ABOVE, _Occurrences
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


# Fragments that reach every recognizer's validator, glued in any order: month names and
# their look-alikes, labels, separators, keywords, digit groups, capitalised words.
FRAGMENTS = ["Augusta", "March", "Sept", "of", "3rd", "born", "DOB:", "SSN", "passport", "NHS",
             "password=", "pwd:", "://", "password=ftp://", "a:b@", "@", "0x",
             "-----BEGIN PRIVATE KEY-----",
             "bc1", "1Bv", "AKIA", "ghp_", "Dr.", "Mary", "O'Brien", "Street", "Apt", "rue",
             "straße", " ", "-", ".", "/", ",", "\n", "0", "00", "4111", "536", "22", "8174",
             "1984", "12", "+44", "020", "ABCPE", "1234F", "DE89", "ff:", "::", "é",
             "\N{GRINNING FACE}"]  # fmt: skip
fragments = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join)
safe_texts = st.one_of(fragments, st.text(st.characters(exclude_categories=["Cs"]), max_size=60))


@settings(max_examples=500, deadline=None)
@given(st.lists(safe_texts, max_size=4).map(" ".join))
def test_analysis_never_raises_and_every_span_is_bounded(text: str) -> None:
    for entity in default_engine().analyze(text):
        assert 0 <= entity.start < entity.end <= len(text)


def _bounded_occurrences(text: str, value: str) -> set[int]:
    """The reference: every start of a whole-token occurrence."""
    return {
        start
        for start in range(len(text))
        if text.startswith(value, start) and is_bounded(text, start, start + len(value))
    }


# Enough distinct words to make `_Occurrences` index the text instead of searching it.
_MANY = [f"w{i}" for i in range(_INDEX_ABOVE + 1)]


@settings(max_examples=400, deadline=None)
@given(st.text("ab1é -.+_'\n", max_size=40), st.data())
def test_occurrences_indexed_or_searched_hold_every_whole_token_occurrence(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text)))
    value = text[start : data.draw(st.integers(start + 1, len(text) + 1))] or "a"
    expected = _bounded_occurrences(text, value)
    for values in ([value], [value, *_MANY]):
        candidates = list(_Occurrences(text, values).starts(value))
        assert candidates == sorted(candidates)
        assert expected <= set(candidates)
