"""veil.detection.phones gives libphonenumber's answers: on numbers of every region's
metadata (each example number as written at home and abroad, and altered one digit at a
time) and on every phone-like candidate of the evaluation corpus."""

import random
import re
from functools import cache

import phonenumbers
import pytest

from bench.corpus import generate
from veil.detection import phones, validators
from veil.detection.recognizers import RECOGNIZERS

NATIONAL = phonenumbers.PhoneNumberFormat.NATIONAL
INTERNATIONAL = phonenumbers.PhoneNumberFormat.INTERNATIONAL


def libphonenumber_says(value: str, region: str) -> bool:
    """What the validators asked before: parse as written ("00" read as "+"), then validity."""
    if len(validators.digits_of(value)) > 17:
        return False
    candidate = "+" + value[2:] if value.startswith("00") else value
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(candidate, region))
    except phonenumbers.NumberParseException:
        return False


def veil_says(value: str, region: str) -> bool:
    return validators._phone_in(value, region) is not None


def _altered(digits: str, rng: random.Random) -> list[str]:
    at = rng.randrange(len(digits))
    return [
        digits[:at] + str((int(digits[at]) + rng.randrange(1, 10)) % 10) + digits[at + 1 :],
        digits[:at] + digits[at + 1 :],
        digits[:at] + str(rng.randrange(10)) + digits[at:],
    ]


@cache
def _metadata_numbers() -> tuple[tuple[str, str], ...]:
    """(written number, region it is read in) for every region's example numbers."""
    rng = random.Random(9)
    cases = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in phonenumbers.PhoneNumberType.values():
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            national = phonenumbers.format_number(example, NATIONAL)
            written = [phonenumbers.format_number(example, INTERNATIONAL), national]
            code = str(example.country_code)
            for digits in _altered(re.sub(r"\D", "", national), rng):
                written += [digits, code + digits, "+" + code + " " + digits, "00" + code + digits]
            cases += [(w, region) for w in written if re.search(r"\d", w)]
    return tuple(sorted(set(cases)))


@pytest.mark.parametrize("region", ["ZZ", *validators.LABELED_REGIONS])
def test_every_regions_numbers_get_libphonenumbers_answer(region: str) -> None:
    cases = [(w, r) for w, r in _metadata_numbers() if r == region or w.startswith(("+", "00"))]
    read_in = {w: (region if region != "ZZ" or w.startswith(("+", "00")) else r) for w, r in cases}
    disagreements = [
        w for w in read_in if veil_says(w, read_in[w]) != libphonenumber_says(w, read_in[w])
    ]
    assert disagreements == []
    assert any(libphonenumber_says(w, read_in[w]) for w in read_in)


def test_national_numbers_of_their_home_region_get_libphonenumbers_answer() -> None:
    disagreements = [
        (w, r)
        for w, r in _metadata_numbers()
        if not w.startswith(("+", "00")) and veil_says(w, r) != libphonenumber_says(w, r)
    ]
    assert disagreements == []


@cache
def _corpus_candidates() -> tuple[str, ...]:
    phone_patterns = [re.compile(r.pattern) for r in RECOGNIZERS if r.name.startswith("phone_")]
    text = "\n".join(d.text for d in generate(1500, seed=3))
    return tuple(sorted({m.group() for p in phone_patterns for m in p.finditer(text)}))


def test_corpus_candidates_get_libphonenumbers_answer() -> None:
    candidates = _corpus_candidates()
    assert len(candidates) > 1000
    for region in ("ZZ", *validators.LABELED_REGIONS):
        runs = {run for c in candidates for run in validators.shorter_runs(c, 7)}
        if region == "ZZ":
            runs = {r for r in runs if r.startswith(("+", "00"))}
        assert [r for r in runs if veil_says(r, region) != libphonenumber_says(r, region)] == []


def national_before(value: str) -> validators.Span | None:
    """The national validator as it was: each region's number checked by libphonenumber
    (dates, which the validator refuses first, excepted)."""
    for run in validators.shorter_runs(value, 8):
        if validators.begins_with_date(run):
            continue
        digits = validators.digits_of(run)
        if len(digits) > 13:
            continue
        for region in validators.NATIONAL_REGIONS:
            italian = region == "IT"
            number = phonenumbers.PhoneNumber(
                country_code=phonenumbers.country_code_for_region(region),
                national_number=int(digits if italian else digits[1:]),
                italian_leading_zero=italian or None,
            )
            if phonenumbers.is_valid_number(number):
                return (0, len(run))
    return None


def test_national_numbers_are_valid_where_libphonenumber_says_so() -> None:
    national = [c for c in _corpus_candidates() if re.fullmatch(r"0[1-9][0-9 ()\-]{6,14}[0-9]", c)]
    assert len(national) > 100
    assert any(national_before(c) for c in national)
    assert [c for c in national if validators.national_phone_number(c) != national_before(c)] == []


def test_labeled_numbers_are_valid_where_libphonenumber_says_so() -> None:
    labeled = [c for c in _corpus_candidates() if c[0] in "123456789"]
    assert len(labeled) > 100

    def before(value: str) -> validators.Span | None:
        for run in validators.shorter_runs(value, 8):
            if validators.begins_with_date(run):
                continue
            if any(libphonenumber_says(run, r) for r in validators.LABELED_REGIONS):
                return (0, len(run))
        return None

    assert [c for c in labeled if validators.labeled_phone_number(c) != before(c)] == []


def test_an_unknown_country_code_or_too_few_digits_is_no_number() -> None:
    assert not phones.valid_international("99912345678")
    assert not phones.valid_international("44")
    assert not phones.valid_national("2025550100", "XX")
