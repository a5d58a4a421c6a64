"""Engine behaviour: offsets, filters, overlap resolution, hostile input."""

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from veil.detection import Engine, Entity, EntityType, default_engine
from veil.detection.engine import resolve_overlaps
from veil.detection.recognizers import RECOGNIZERS

T = EntityType


def test_offsets_are_code_points_after_astral_and_combining_characters() -> None:
    text = "😀 e\u0301 שלום jane@example.com"
    [entity] = default_engine().analyze(text)
    assert text[entity.start : entity.end] == "jane@example.com"


def test_entities_filter_limits_types() -> None:
    text = "jane@example.com 536-22-8174"
    types = {e.type for e in default_engine().analyze(text, entities={T.US_SSN})}
    assert types == {T.US_SSN}


def test_score_threshold_drops_weaker_findings() -> None:
    text = "https://example.com and jane@example.com"
    types = {e.type for e in default_engine().analyze(text, score_threshold=0.9)}
    assert types == {T.EMAIL_ADDRESS}


def test_overlap_keeps_higher_score_then_longer_span() -> None:
    url = Entity(T.URL, 0, 30, 0.6, "url")
    email = Entity(T.EMAIL_ADDRESS, 10, 25, 0.95, "email")
    longer = Entity(T.PHONE_NUMBER, 40, 52, 0.7, "a")
    shorter = Entity(T.US_SSN, 41, 50, 0.7, "b")
    assert resolve_overlaps([url, email, shorter, longer]) == [email, longer]


def test_overlap_resolution_ignores_input_order() -> None:
    candidates = [
        Entity(T.PHONE_NUMBER, 0, 10, 0.7, "x"),
        Entity(T.US_SSN, 0, 10, 0.7, "y"),
        Entity(T.URL, 5, 20, 0.7, "z"),
    ]
    assert resolve_overlaps(candidates) == resolve_overlaps(reversed(candidates))


def test_no_two_entities_overlap_in_dense_text() -> None:
    text = " ".join(
        ["a@b.co", "4111111111111111", "+44 20 7946 0958", "10.0.0.1", "http://a.io/x@y.z"] * 20
    )
    entities = default_engine().analyze(text)
    assert all(a.end <= b.start for a, b in pairwise(entities))


def test_hostile_repetitions_complete_with_correct_answers() -> None:
    # Inputs that make backtracking engines take quadratic or exponential time.
    engine = default_engine()
    assert engine.analyze("a-" * 25_000 + "@x") == []
    assert engine.analyze("1-" * 25_000) == []
    assert engine.analyze("a" * 50_000 + "!") == []
    dots = "." * 30_000 + "jane@example.com"
    assert [dots[e.start : e.end] for e in engine.analyze(dots)] == ["jane@example.com"]


def test_every_recognizer_has_a_unique_name_and_compiles() -> None:
    names = [r.name for r in RECOGNIZERS]
    assert len(names) == len(set(names))
    assert Engine(RECOGNIZERS).supported_types == {r.entity_type for r in RECOGNIZERS}


@given(
    st.lists(
        st.tuples(
            st.integers(0, 60),
            st.integers(1, 12),
            st.sampled_from([0.5, 0.7, 0.9]),
            st.sampled_from([T.EMAIL_ADDRESS, T.US_SSN, T.URL]),
        ),
        max_size=40,
    )
)
def test_overlap_resolution_equals_the_plain_greedy_definition(
    spans: list[tuple[int, int, float, EntityType]],
) -> None:
    candidates = [
        Entity(kind, start, start + length, score, "r") for start, length, score, kind in spans
    ]
    ranked = sorted(
        set(candidates), key=lambda e: (-e.score, -(e.end - e.start), e.start, e.type, e.recognizer)
    )
    expected: list[Entity] = []
    for entity in ranked:  # keep each unless it overlaps one already kept
        if not any(entity.start < k.end and k.start < entity.end for k in expected):
            expected.append(entity)
    assert resolve_overlaps(candidates) == sorted(expected, key=lambda e: e.start)
