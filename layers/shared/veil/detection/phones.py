"""Phone-number validity, decided exactly as libphonenumber decides it, at a fraction of
the cost.

`phonenumbers.parse` then `is_valid_number` normalise Unicode digits one by one, try each
of a country's ten number types as its own regex and walk the 25 regions of +1, on every
phone-like candidate (the shared engine notes measured 30 µs a call). Here
each region's number types are folded into one regex per region, built from the same
metadata on first use, and the common shapes of input (no trunk prefix to strip, no
country code written twice) are decided without parsing. Everything else goes to
`phonenumbers` itself. tests/unit/test_phones.py holds both to the same answers.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import phonenumbers
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata
from phonenumbers.phonemetadata import PhoneNumberDesc

type Matcher = Callable[[str], re.Match[str] | None]

# libphonenumber's bounds on a national significant number and a country code.
_MIN_NSN, _MAX_NSN, _MAX_COUNTRY_CODE = 2, 17, 3


def valid_number(country_code: int, nsn: str) -> bool:
    """`is_valid_number` for the number with this country code and national significant
    number (digits, leading zeros included)."""
    region = _region_of(country_code, nsn)
    return region is not None and _valid_for(country_code, region)(nsn) is not None


def valid_international(digits: str) -> bool:
    """A number written after "+" (or an international "00"): its digits, country code first."""
    country_code, nsn = _split_country_code(digits)
    if not country_code or len(digits) <= _MIN_NSN:
        return False
    if _rules(country_code, _main_region(country_code)).strips_trunk(nsn):
        return _parsed_valid("+" + digits, "ZZ")
    return _MIN_NSN <= len(nsn) <= _MAX_NSN and valid_number(country_code, nsn)


def valid_national(digits: str, region: str) -> bool:
    """A number as written inside `region` (no "+"): the digits as `parse(digits, region)`
    reads them."""
    code = COUNTRY_CODES.get(region)
    if code is None:
        return False
    rules = _rules(code, region)
    if rules.dials_abroad(digits) or rules.strips_trunk(digits):
        return _parsed_valid(digits, region)
    nsn = digits
    if digits.startswith(rules.code_digits):
        # "34 612 345 678" written in Spain: the parser drops a leading country code when
        # the number fits the country's plan only without it, or is too long with it.
        rest = digits[len(rules.code_digits) :]
        if rules.strips_trunk(rest):
            return _parsed_valid(digits, region)
        too_long = rules.longest is not None and len(digits) > rules.longest
        if (not rules.fits(digits) and rules.fits(rest)) or too_long:
            nsn = rest
    return _MIN_NSN <= len(nsn) <= _MAX_NSN and valid_number(code, nsn)


@dataclass(frozen=True, slots=True)
class _Rules:
    """What the parser reads in a region's numbers, compiled once per region."""

    code_digits: str  # the country code, as written at the start of a number
    dials_abroad: Matcher  # the international prefix ("00", "011")
    strips_trunk: Callable[[str], bool]  # a national prefix the parser would try to drop
    fits: Matcher  # the general number pattern, any length
    longest: int | None  # beyond this length a number is too long for the region


@cache
def _rules(country_code: int, region: str) -> _Rules:
    metadata = _metadata(country_code, region)
    general = metadata.general_desc
    trunk = metadata.national_prefix_for_parsing
    lengths = general.possible_length if general is not None else ()
    return _Rules(
        code_digits=str(country_code),
        dials_abroad=re.compile(metadata.international_prefix or "NonMatch").match,
        strips_trunk=(lambda _: False) if not trunk else _matches(re.compile(trunk)),
        fits=re.compile(
            (general.national_number_pattern if general is not None else None) or "(?!)"
        ).fullmatch,
        longest=max(lengths) if lengths else None,
    )


def _matches(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda nsn: pattern.match(nsn) is not None


def _parsed_valid(number: str, region: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(number, region))
    except phonenumbers.NumberParseException:
        return False


def _split_country_code(digits: str) -> tuple[int, str]:
    if digits.startswith("0"):
        return 0, digits
    for width in range(1, min(len(digits), _MAX_COUNTRY_CODE) + 1):
        if int(digits[:width]) in COUNTRY_CODE_TO_REGION_CODE:
            return int(digits[:width]), digits[width:]
    return 0, digits


def _main_region(country_code: int) -> str:
    return COUNTRY_CODE_TO_REGION_CODE[country_code][0]


def _metadata(country_code: int, region: str) -> PhoneMetadata:
    metadata = PhoneMetadata.metadata_for_region_or_calling_code(country_code, region)
    if metadata is None:  # regions come from the country-code map, which has metadata
        raise LookupError(f"no phone metadata for {region}")
    return metadata


def _region_of(country_code: int, nsn: str) -> str | None:
    """`region_code_for_number`: the one region of the code, or the first that claims it."""
    claimants = _claimants(country_code)
    if len(claimants) == 1:
        return claimants[0][0]
    for region, leading_digits in claimants:
        if leading_digits is not None:
            if leading_digits.match(nsn):
                return region
        elif _valid_for(country_code, region)(nsn) is not None:
            return region
    return None


@cache
def _claimants(country_code: int) -> tuple[tuple[str, re.Pattern[str] | None], ...]:
    """The regions sharing a country code, in libphonenumber's order, with the leading
    digits that claim a number for each (None: any valid number of the region)."""
    regions = COUNTRY_CODE_TO_REGION_CODE.get(country_code, ())
    if len(regions) <= 1:
        return tuple((region, None) for region in regions)
    claimants = []
    for region in regions:
        metadata = PhoneMetadata.metadata_for_region(region)
        if metadata is not None:
            leading = metadata.leading_digits
            claimants.append((region, re.compile(leading) if leading is not None else None))
    return tuple(claimants)


@cache
def _valid_for(country_code: int, region: str) -> Matcher:
    """One fullmatch for "general description matches, and some number type matches"
    (`_number_type_helper(...) != UNKNOWN`), each part with its possible lengths."""
    metadata = _metadata(country_code, region)
    general = _desc_pattern(metadata.general_desc)
    types = [
        _desc_pattern(desc)
        for desc in (
            metadata.premium_rate,
            metadata.toll_free,
            metadata.shared_cost,
            metadata.voip,
            metadata.personal_number,
            metadata.pager,
            metadata.uan,
            metadata.voicemail,
            metadata.fixed_line,
            metadata.mobile,
        )
    ]
    alternatives = [t for t in types if t is not None]
    if general is None or not alternatives:
        return re.compile(r"(?!)").fullmatch
    return re.compile(f"(?=(?:{general})$)(?:{'|'.join(alternatives)})").fullmatch


def _desc_pattern(desc: PhoneNumberDesc | None) -> str | None:
    """The description as a regex over a whole number: its pattern, guarded by its lengths."""
    if desc is None or not desc.national_number_pattern:
        return None
    pattern = f"(?:{desc.national_number_pattern})"
    if desc.possible_length:
        lengths = "|".join(f"[0-9]{{{n}}}" for n in desc.possible_length if n > 0)
        if not lengths:
            return None
        pattern = f"(?=(?:{lengths})$){pattern}"
    return pattern


COUNTRY_CODES = {
    region: code for code, regions in COUNTRY_CODE_TO_REGION_CODE.items() for region in regions
}
