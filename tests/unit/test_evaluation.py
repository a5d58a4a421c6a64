"""The evaluation corpus and its scoring: offsets that slice the text, and the arithmetic
of precision, recall and the F-scores."""

from itertools import pairwise
from pathlib import Path

import pytest

from bench import heldout, name_lists, sparse
from bench.corpus import DECOY, Span, generate
from bench.scoring import Counts, score
from veil.detection import EntityType
from veil.detection.names import DATA


def test_corpus_spans_slice_the_text_without_overlapping_and_are_deterministic() -> None:
    docs = generate(60, seed=5)
    assert [d.text for d in docs] == [d.text for d in generate(60, seed=5)]
    for doc in docs:
        spans = sorted(doc.spans, key=lambda s: s.start)
        for previous, current in pairwise(spans):
            assert previous.end <= current.start
        for span in spans:
            value = doc.text[span.start : span.end]
            assert value
            assert value == value.strip()
    assert {s.type for d in docs for s in d.spans} >= {"PERSON", "ADDRESS", "US_SSN", DECOY}


def test_scores_count_exact_and_overlapping_matches_and_flagged_decoys() -> None:
    gold = [[Span(0, 10, "US_SSN"), Span(20, 30, "PERSON"), Span(40, 50, DECOY)]]
    found = [[Span(0, 10, "US_SSN"), Span(22, 30, "PERSON"), Span(41, 45, "PHONE_NUMBER")]]
    report = score(gold, found)
    assert report.exact["US_SSN"] == Counts(1, 0, 0)
    assert report.exact["PERSON"] == Counts(0, 1, 1)
    assert report.overlap["PERSON"] == Counts(1, 0, 0)
    assert report.overlap["PHONE_NUMBER"] == Counts(0, 1, 0)
    assert (report.decoys, report.decoys_flagged) == (1, 1)


def test_f_scores_weigh_recall_by_beta() -> None:
    counts = Counts(tp=6, fp=2, fn=4)
    assert counts.precision == 0.75
    assert counts.recall == 0.6
    assert counts.f(1) == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert counts.f(2) == pytest.approx(5 * 0.75 * 0.6 / (4 * 0.75 + 0.6))


def test_held_out_markup_becomes_text_and_spans() -> None:
    doc = heldout.parse("Hi [[PERSON|Zoë Ng]], order {{A-17}} ok")
    assert doc.text == "Hi Zoë Ng, order A-17 ok"
    assert [(doc.text[s.start : s.end], s.type) for s in doc.spans] == [
        ("Zoë Ng", "PERSON"),
        ("A-17", DECOY),
    ]


@pytest.mark.parametrize("source", heldout.SETS.values(), ids=heldout.SETS.keys())
def test_held_out_documents_use_the_vocabulary_and_leave_no_markup(source: Path) -> None:
    docs = heldout.load(source)
    assert len(docs) >= 10
    types = {t.value for t in EntityType} | {DECOY}
    for doc in docs:
        assert not any(mark in doc.text for mark in ("[[", "]]", "{{", "}}"))
        assert {s.type for s in doc.spans} <= types
    assert sum(s.type == "PERSON" for d in docs for s in d.spans) >= 10


def test_the_committed_name_lists_are_what_make_name_lists_writes() -> None:
    for file, names in name_lists.lists().items():
        assert (DATA / file).read_text().split() == sorted(names)


def test_sparser_text_is_each_document_followed_by_four_times_its_length_of_prose() -> None:
    docs, texts = generate(4, seed=11), sparse.texts(4)
    assert texts == sparse.texts(4)
    for doc, text in zip(docs, texts, strict=True):
        assert text.startswith(doc.text + "\n\n")
        assert len(text) >= (1 + sparse.FILLER) * len(doc.text)
