"""Engine behaviour: offsets, filters, overlap resolution, hostile input."""

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veil.detection import Engine, Entity, EntityType, default_engine
from veil.detection.engine import _searcher, resolve_overlaps
from veil.detection.options import DEFAULT_OPTIONS, DenyTerm, Options, PatternError, custom_pattern
from veil.detection.recognizers import RECOGNIZERS

T = EntityType


def test_offsets_are_code_points_after_astral_and_combining_characters() -> None:
    text = "😀 e\u0301 שלום jane@example.com"
    [entity] = default_engine().analyze(text)
    assert text[entity.start : entity.end] == "jane@example.com"


def test_entities_filter_limits_types() -> None:
    text = "jane@example.com 536-22-8174"
    types = {
        e.type for e in default_engine().analyze(text, Options(entities=frozenset({T.US_SSN})))
    }
    assert types == {T.US_SSN}


def test_score_threshold_drops_weaker_findings() -> None:
    text = "https://example.com and jane@example.com"
    types = {e.type for e in default_engine().analyze(text, Options(score_threshold=0.9))}
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


def spans(text: str, options: Options = DEFAULT_OPTIONS) -> list[tuple[EntityType, str]]:
    return [(e.type, text[e.start : e.end]) for e in default_engine().analyze(text, options)]


def test_explain_names_recognizer_pattern_validator_and_context_word() -> None:
    text = "SSN: 536-22-8174"
    [entity] = default_engine().analyze(text, Options(explain=True))
    why = entity.explanation
    assert why is not None
    assert (why.recognizer, why.validator, why.context_word) == ("us_ssn", "us_ssn", "ssn")
    assert why.base_score == 0.85
    assert why.score == entity.score == 1.0
    assert why.pattern.startswith("[0-8]")
    assert default_engine().analyze(text)[0].explanation is None


def test_context_raises_the_score_only_with_a_whole_word_nearby() -> None:
    plain, labeled = (
        default_engine().analyze("id 536-22-8174"),
        default_engine().analyze("ssn 536-22-8174"),
    )
    assert plain[0].score < labeled[0].score
    far = "ssn " + "word " * 10 + "536-22-8174"
    assert default_engine().analyze(far)[0].score == plain[0].score
    assert default_engine().analyze("assnt 536-22-8174")[0].score == plain[0].score


def test_context_is_read_on_the_value_line_only() -> None:
    assert spans("Passport number: 552220453\nDriver's license number: W6208304") == [
        (T.US_PASSPORT, "552220453"),
        (T.US_DRIVER_LICENSE, "W6208304"),
    ]
    assert spans("Passport\nref 552220453") == []
    # A value that begins its line reads the line above as its label.
    assert spans("Passport number:\n552220453") == [(T.US_PASSPORT, "552220453")]


def test_a_nearer_look_alike_word_beats_a_farther_supporting_one() -> None:
    assert spans("phone order 212 555 0123") == []
    assert spans("order, phone 212-555-0123") == [(T.PHONE_NUMBER, "212-555-0123")]


def test_a_value_found_once_is_found_wherever_it_recurs() -> None:
    text = "Card: 4111 1111 1111 1111. Order ref 4111 1111 1111 1111 was refunded"
    assert spans(text) == [(T.CREDIT_CARD, "4111 1111 1111 1111")] * 2


def test_a_person_found_once_is_found_where_a_part_of_the_name_recurs() -> None:
    text = "Attendees: Liam Byrne.\nAction: Liam to send it. Signed: L. Byrne. Will do."
    assert spans(text) == [(T.PERSON, "Liam Byrne"), (T.PERSON, "Liam"), (T.PERSON, "Byrne")]


def test_a_part_of_a_name_never_cuts_into_another_name() -> None:
    # "Jordan" of the first name scores higher than the second name, which has no label.
    text = "Dear Christina Q. Jordan,\n\nBest regards,\nJordan Powell"
    assert spans(text) == [(T.PERSON, "Christina Q. Jordan"), (T.PERSON, "Jordan Powell")]


def test_a_recurring_value_never_cuts_into_a_longer_finding() -> None:
    # "Anna" is a name in the name column; in "Anna Berg" it is part of another name.
    text = "Name;Vorname;Stadt\nMüller;Anna;Köln\n\nher colleague Anna Berg agreed"
    assert spans(text) == [(T.PERSON, "Müller"), (T.PERSON, "Anna"), (T.PERSON, "Anna Berg")]


def test_particles_of_a_name_are_no_mention_of_it() -> None:
    text = "Customer: Pieter van der Berg. The van is der Berg's; Berg will sign."
    assert spans(text) == [
        (T.PERSON, "Pieter van der Berg"),
        (T.PERSON, "Berg"),
        (T.PERSON, "Berg"),
    ]


def test_common_words_in_a_name_are_no_mention_of_it() -> None:
    assert spans("Customer: Will Park called. Will you call back? Park Avenue is closed.") == [
        (T.PERSON, "Will Park")
    ]


def test_a_documents_key_makes_a_single_word_a_name_only_as_the_whole_value() -> None:
    engine = default_engine()
    assert [(e.type, e.start, e.end) for e in engine.analyze("Jane", label="firstName")] == [
        (T.PERSON, 0, 4)
    ]
    assert engine.analyze("Globex", label="company_name") == []
    found = engine.analyze("Order from Berlin via Paris", label="name")  # not a whole value
    assert [e for e in found if e.recognizer == "person_in_name_field"] == []


def test_allow_list_drops_and_deny_list_adds_whole_tokens() -> None:
    text = "mail jane@example.com or ops@example.com about Project Bluebird, not Bluebirds"
    options = Options(
        allow_list=frozenset({"ops@example.com"}),
        deny_list=(DenyTerm("Bluebird", T.PERSON),),
    )
    assert spans(text, options) == [
        (T.EMAIL_ADDRESS, "jane@example.com"),
        (T.PERSON, "Bluebird"),
    ]


def test_custom_pattern_finds_its_type_and_respects_filters() -> None:
    employee = custom_pattern("employee", T.API_TOKEN, r"EMP-[0-9]{6}", 0.9)
    text = "badge EMP-004211 for jane@example.com"
    assert spans(text, Options(patterns=(employee,))) == [
        (T.API_TOKEN, "EMP-004211"),
        (T.EMAIL_ADDRESS, "jane@example.com"),
    ]
    only_email = Options(patterns=(employee,), entities=frozenset({T.EMAIL_ADDRESS}))
    assert spans(text, only_email) == [(T.EMAIL_ADDRESS, "jane@example.com")]


@pytest.mark.parametrize(
    "regex",
    [
        r"(a)\1",  # backreference: needs backtracking
        r"(?=x)y",  # lookaround
        r"[unclosed",
        r"a*",  # matches empty text
        "x" * 501,
        r"(?:[a-z]{1,100}){1,100}[0-9]{1,1000}",  # too large once compiled
    ],
)
def test_unsafe_or_invalid_custom_patterns_are_refused_without_echo(regex: str) -> None:
    with pytest.raises(PatternError) as refused:
        custom_pattern("p", T.PASSWORD, regex, 0.5)
    assert regex not in str(refused.value)


def test_custom_patterns_and_deny_lists_run_on_text_no_builtin_pattern_matches() -> None:
    zeros = custom_pattern("zeros", T.API_TOKEN, "0+", 0.8)
    assert spans("", Options(patterns=(zeros,))) == []
    assert spans("x 00 y", Options(patterns=(zeros,))) == [(T.API_TOKEN, "00")]
    assert spans("code red", Options(deny_list=(DenyTerm("red", T.PASSWORD),))) == [
        (T.PASSWORD, "red")
    ]


@given(st.text(alphabet="4a1 -.@é+0(", max_size=60), st.integers(0, 70))
def test_the_engines_search_finds_what_re2s_search_finds(text: str, start: int) -> None:
    encoded = text.encode()
    start = min(start, len(encoded))
    for recognizer, compiled in zip(RECOGNIZERS, default_engine()._compiled, strict=True):
        found = compiled.search(encoded, start)
        expected = found.span() if found else (-1, -1)
        assert _searcher(compiled)(encoded, start, len(encoded)) == expected, recognizer.name
