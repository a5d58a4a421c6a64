"""Checks that turn a pattern match into a detection: checksums and structure rules.

Each validator takes the matched text and answers with the part of it that is the value,
as (start, end) offsets within the match, or None to reject it. Most accept all or nothing
(`whole`); some trim (an IBAN followed by more capitals, a phone number inside a longer run).
Cheap checks come first; the phone-number parser only sees what survives them.
"""

import ipaddress
import json
import re
from base64 import urlsafe_b64decode
from binascii import Error as Base64Error
from collections.abc import Callable, Iterator
from datetime import date
from functools import wraps

from veil.detection import phones

type Span = tuple[int, int]
type Validator = Callable[[str], Span | None]


def whole(check: Callable[[str], bool]) -> Validator:
    """A validator that accepts the entire match when `check` holds."""

    @wraps(check)
    def validate(value: str) -> Span | None:
        return (0, len(value)) if check(value) else None

    return validate


def digits_of(value: str) -> str:
    return _NOT_DIGITS.sub("", value)


# Patterns match ASCII digits only (RE2 on bytes), so validators never see other digits.
_NOT_DIGITS = re.compile(r"[^0-9]+")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


# Issuer prefixes of the card networks (IIN ranges), with the lengths each issues.
_CARD_NETWORKS: tuple[tuple[tuple[int, int], frozenset[int]], ...] = (
    ((4, 4), frozenset({13, 16, 19})),  # Visa
    ((51, 55), frozenset({16})),  # Mastercard
    ((2221, 2720), frozenset({16})),  # Mastercard 2-series
    ((34, 34), frozenset({15})),  # Amex
    ((37, 37), frozenset({15})),  # Amex
    ((6011, 6011), frozenset({16, 17, 18, 19})),  # Discover
    ((644, 649), frozenset({16, 17, 18, 19})),  # Discover
    ((65, 65), frozenset({16, 17, 18, 19})),  # Discover
    ((3528, 3589), frozenset({16, 17, 18, 19})),  # JCB
    ((300, 305), frozenset({14, 16, 17, 18, 19})),  # Diners Club
    ((36, 36), frozenset({14, 16, 17, 18, 19})),  # Diners Club
    ((38, 39), frozenset({16, 17, 18, 19})),  # Diners Club
    ((62, 62), frozenset({16, 17, 18, 19})),  # UnionPay
    ((50, 50), frozenset(range(12, 20))),  # Maestro
    ((56, 58), frozenset(range(12, 20))),  # Maestro
    ((63, 63), frozenset(range(12, 20))),  # Maestro
    ((67, 67), frozenset(range(12, 20))),  # Maestro
)


def _known_network(digits: str) -> bool:
    for (low, high), lengths in _CARD_NETWORKS:
        width = len(str(low))
        if low <= int(digits[:width]) <= high and len(digits) in lengths:
            return True
    return False


def shorter_runs(value: str, min_digits: int) -> Iterator[str]:
    """The match, then the match without its trailing groups: candidate patterns are
    greedy, so "4111 1111 1111 1111 000" holds a card followed by another number."""
    while len(digits_of(value)) >= min_digits:
        yield value
        cut = max(value.rfind(" "), value.rfind("-"), value.rfind("."))
        if cut <= 0:
            return
        value = value[:cut].rstrip(" -.")


def _is_card(value: str) -> bool:
    separators = {c for c in value if not c.isdigit()}
    if len(separators) > 1:  # "4111 1111-1111 1111" is not how a card is written
        return False
    digits = digits_of(value)
    return 12 <= len(digits) <= 19 and _known_network(digits) and luhn_ok(digits)


def credit_card(value: str) -> Span | None:
    for run in shorter_runs(value, 12):
        if _is_card(run):
            return (0, len(run))
    return None


# Numbers the Social Security Administration never issues or has voided after publication.
_VOID_SSNS = frozenset({"078051120", "219099999", "123456789"})


@whole
def us_ssn(value: str) -> bool:
    digits = digits_of(value)
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    if area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000":
        return False
    return digits not in _VOID_SSNS and len(set(digits)) > 1


# ITIN middle groups the IRS issues (50-65 since 2011, which python-stdnum still refuses).
_ITIN_GROUPS = frozenset({*range(50, 66), *range(70, 89), *range(90, 93), *range(94, 100)})


@whole
def us_itin(value: str) -> bool:
    digits = digits_of(value)
    return len(digits) == 9 and digits[0] == "9" and int(digits[3:5]) in _ITIN_GROUPS


# IBAN length per country (ISO 13616 registry): SEPA members and other common issuers.
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22,
    "BH": 22, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27,
    "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28,
    "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
    "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24,
    "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24,
    "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SC": 31,
    "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24,
    "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip


def iban_mod97_ok(compact: str) -> bool:
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(c, 36)) for c in rearranged)
    return int(number) % 97 == 1


def iban(value: str) -> Span | None:
    """Take exactly the country's IBAN length (spaces allowed between groups), then mod 97."""
    expected = IBAN_LENGTHS.get(value[:2])
    if expected is None:
        return None
    taken = 0
    for end, ch in enumerate(value, start=1):
        if ch != " ":
            taken += 1
            if taken == expected:
                return (0, end) if iban_mod97_ok(value[:end].replace(" ", "")) else None
    return None


@whole
def ip_address(value: str) -> bool:
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return False
    # "::" and "::1"-style loopback/unspecified addresses identify no one.
    return not (address.is_unspecified or (address.version == 6 and address.is_loopback))


_URL_TRAILING = ".,;:!?'\")]}>"


def url(value: str) -> Span | None:
    """Drop trailing punctuation that belongs to the sentence, keeping balanced parentheses."""
    end = len(value)
    while end and value[end - 1] in _URL_TRAILING:
        if value[end - 1] == ")" and value[:end].count("(") >= value[:end].count(")"):
            break
        end -= 1
    host_start = value.find("//") + 2 if "//" in value else 0
    return (0, end) if end - host_start >= 4 else None


def email_address(value: str) -> Span | None:
    """Trim punctuation the match took from before the address ("...jane@x.io"); the
    local part, each domain label and the top-level domain within RFC 5321's lengths."""
    local, domain = value.split("@", 1)
    start = len(local) - len(local.lstrip("._%+-"))
    if start == len(local) or local.endswith(".") or ".." in value[start:]:
        return None
    labels = domain.split(".")
    if len(local) - start > 64 or len(labels[-1]) > 24 or any(len(x) > 63 for x in labels):
        return None
    return (start, len(value))


@whole
def jwt(value: str) -> bool:
    header = value.split(".", 1)[0]
    try:
        decoded = json.loads(urlsafe_b64decode(header + "=" * (-len(header) % 4)))
    except (Base64Error, ValueError):
        return False
    return isinstance(decoded, dict) and "alg" in decoded


def phone_number(region: str) -> Validator:
    """A validator that finds a number valid for its country (international form, or `region`)."""

    def validate(value: str) -> Span | None:
        for run in shorter_runs(value, 7):
            found = _phone_in(run, region)
            if found is not None:
                return found
        return None

    validate.__name__ = f"phone_number_{region}"
    return validate


# Countries whose national format starts with a trunk 0, most populous in our users' data
# first; the first country for which the number is valid wins, so a number is found once.
NATIONAL_REGIONS = ("GB", "DE", "FR", "IT", "NL", "AU", "IN", "BE", "CH", "AT", "IE")


def begins_with_date(value: str) -> bool:
    """Whether the first three numbers read as a real date with a four-digit year
    ("2025-09-10", "01-02-2025 10:30"): near "call" or "contact" far more often a date, or
    a date and time, than a phone number."""
    parts = re.split(r"[ ./\-]", value)[:3]
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return False
    if len(parts[0]) == 4:
        year, readings = parts[0], [(parts[1], parts[2])]
    elif len(parts[2]) == 4:
        year, readings = parts[2], [(parts[1], parts[0]), (parts[0], parts[1])]
    else:
        return False
    return 1900 <= int(year) <= 2099 and any(
        _calendar_date(int(year), int(m), int(d)) is not None for m, d in readings
    )


def _phone_runs(value: str) -> Iterator[tuple[str, str]]:
    """The runs a phone validator tries (`shorter_runs`), with their digits; a run that
    begins with a date is none."""
    for run in shorter_runs(value, 8):
        if not begins_with_date(run):
            yield run, digits_of(run)


def national_phone_number(value: str) -> Span | None:
    for run, digits in _phone_runs(value):
        if len(digits) > 13:
            continue
        for region in NATIONAL_REGIONS:
            # The trunk 0 dropped, as a caller abroad would dial it; Italy keeps its 0.
            nsn = digits if region == "IT" else digits[1:]
            if phones.valid_number(phones.COUNTRY_CODES[region], nsn):
                return (0, len(run))
    return None


# Countries whose numbers are written without a trunk prefix, or whose mobiles are.
LABELED_REGIONS = ("ES", "IT", "US", "PT", "PL", "GR", "DK", "NO", "IN")


def labeled_phone_number(value: str) -> Span | None:
    for run, digits in _phone_runs(value):  # the pattern starts with 1-9: never "+" or "00"
        if len(digits) <= 17 and any(phones.valid_national(digits, r) for r in LABELED_REGIONS):
            return (0, len(run))
    return None


def _phone_in(value: str, region: str) -> Span | None:
    """The whole run, when it is a valid number of its country."""
    digits = digits_of(value)
    if len(digits) > 17:
        return None
    # "00" is the international prefix of most countries; read as "+".
    if value.startswith("+"):
        valid = phones.valid_international(digits)
    elif value.startswith("00"):
        valid = phones.valid_international(digits[2:])
    else:
        valid = phones.valid_national(digits, region)
    return (0, len(value)) if valid else None


def last_field(validator: Validator) -> Validator:
    """`validator` on the last `|`-separated field of the match: an HL7 segment is matched
    from its name up to the field that holds the value."""

    @wraps(validator)
    def validate(value: str) -> Span | None:
        start = value.rfind("|") + 1
        span = validator(value[start:])
        return None if span is None else (start + span[0], start + span[1])

    return validate


@whole
def hl7_name(field: str) -> bool:
    """An HL7 person name: components split by "^", family name first ("DOE^JANE^Q")."""
    return "^" in field and _HL7_NAME.fullmatch(field) is not None


@whole
def hl7_address(field: str) -> bool:
    """An HL7 address: street, other, city, state, postcode … split by "^"."""
    return sum(1 for part in field.split("^") if part.strip()) >= 2 and field[0].isalnum()


@whole
def hl7_date(field: str) -> bool:
    """An HL7 date (YYYYMMDD, perhaps followed by a time) that can be a birth date."""
    return _plausible_birth_date(int(field[:4]), int(field[4:6]), int(field[6:8]))


_HL7_NAME = re.compile(r"[^\W\d_][^\W\d_'\- .]*(?:[\^'\- .]+[^\W\d_]*)*")


@whole
def varied(value: str) -> bool:
    """Not a placeholder ("glpat-xxxxxxxxxxxxxxxxxxxx", "npm_0000…"): a real token is
    random, so its characters vary."""
    return len(set(value)) >= 10


@whole
def one_separator(value: str) -> bool:
    """Digit groups split by one kind of separator, or none ("046 454-286" is no identifier)."""
    return len({c for c in value if not c.isalnum()}) <= 1


def all_of(*validators: Validator) -> Validator:
    """Whole-match validators combined: every one must accept."""

    def validate(value: str) -> Span | None:
        return (0, len(value)) if all(v(value) is not None for v in validators) else None

    return validate


@whole
def mac_address(value: str) -> bool:
    digits = "".join(c for c in value.lower() if c not in ":-.")
    return digits not in ("000000000000", "ffffffffffff")


# National insurance prefixes HMRC never issues (and "temporary" ones).
_NINO_BAD_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


@whole
def uk_nino(value: str) -> bool:
    return value[:2] not in _NINO_BAD_PREFIXES


@whole
def ethereum_address(value: str) -> bool:
    body = value[2:]
    return len(set(body.lower())) > 4  # 0x000…0 and the like are placeholders, not accounts


@whole
def aws_secret_key(value: str) -> bool:
    """40 base64 characters with upper, lower and digits: git SHAs and hex digests have no
    capitals, placeholder runs have no variety."""
    return (
        any(c.isupper() for c in value)
        and any(c.islower() for c in value)
        and any(c.isdigit() for c in value)
    )


_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}  # fmt: skip


def _plausible_birth_date(year: int, month: int, day: int) -> bool:
    if year < 100:
        year += 1900 if year > 30 else 2000
    born = _calendar_date(year, month, day)
    return born is not None and date(1900, 1, 1) <= born <= date.today()


def _calendar_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@whole
def birth_date(value: str) -> bool:
    """A real calendar date in a plausible range: numeric (year first, or day and month in
    either order) or with the month's name."""
    words = [w for w in re.split(r"[\s,./\-]+", value.lower()) if w]
    named = [w for w in words if w.isalpha() and w != "of"]
    if named:
        # Only a month's name or its abbreviation: "Augusta 12, 1990" is no date.
        if len(named) != 1 or named[0] not in _MONTHS:
            return False
        month = _MONTHS[named[0]]
        numbers = [int(re.sub(r"\D", "", w)) for w in words if any(c.isdigit() for c in w)]
        if len(numbers) != 2:
            return False
        day, year = sorted(numbers)
        return _plausible_birth_date(year, month, day)
    parts = [int(w) for w in words]
    if len(parts) != 3:
        return False
    if len(words[0]) == 4:
        return _plausible_birth_date(parts[0], parts[1], parts[2])
    # 03/04/1985 is the 3rd of April in most of the world and March 4th in the US: either
    # reading being a real date makes it a date.
    return _plausible_birth_date(parts[2], parts[1], parts[0]) or _plausible_birth_date(
        parts[2], parts[0], parts[1]
    )


_ASSIGNMENT = re.compile(r"[:=]")
_PLACEHOLDERS = frozenset(
    {"null", "none", "nil", "true", "false", "undefined", "redacted", "changeme", "secret",
     "password", "xxx", "xxxx", "xxxxxx", "xxxxxxxx", "string", "required", "optional",
     "hidden", "masked", "empty"}
)  # fmt: skip


def password_value(value: str) -> Span | None:
    """The value after `password:`/`pwd=`/…; placeholders (`****`, `<redacted>`,
    `${VAR}`, `null`) are not passwords."""
    keyword_end = _ASSIGNMENT.search(value, 1)  # past the character before the keyword
    if keyword_end is None:
        return None
    start = keyword_end.end()
    while start < len(value) and value[start] in " \t\"'":
        start += 1
    return _secret(value, start, len(value))


def password_in_prose(value: str) -> Span | None:
    """The word after "password is" that looks like a password — a digit, a symbol other
    than a hyphen, or a capital inside it ("is Kx9!mQ2#vL") — not an ordinary word ("is
    incorrect", "was reset-required"). A full stop or comma after it ends the sentence."""
    start = value.rfind(" ") + 1
    secret = value[start:].rstrip(".,;)")
    unlike_a_word = (
        any(c.isdigit() for c in secret)
        or any(not c.isalnum() and c not in "-'" for c in secret)
        or any(c.isupper() for c in secret[1:])
    )
    if len(secret) < 6 or not unlike_a_word:
        return None
    return _secret(value, start, start + len(secret))


def url_password(value: str) -> Span | None:
    """The secret in a URL's `user:secret@` (the match ends at the @)."""
    userinfo_start = value.find("://") + 3
    colon = value.find(":", userinfo_start)
    if userinfo_start < 3 or colon < 0:
        return None
    return _secret(value, colon + 1, len(value) - 1)


def _secret(value: str, start: int, end: int) -> Span | None:
    secret = value[start:end]
    if (
        not secret
        or len(set(secret)) == 1
        or secret.lower().strip("<>[]{}()") in _PLACEHOLDERS
        or secret[0] in "<$%{*"
    ):
        return None
    return (start, end)
