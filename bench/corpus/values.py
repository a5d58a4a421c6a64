"""Valid personal values of every canonical type, and look-alikes that are none.

Everything is invented: checksums are computed (Luhn, mod 97, mod 11, Verhoeff, base58check,
bech32), names and places come from Faker in several locales, numbers from documentation
ranges where such ranges exist. A generator takes a seeded `random.Random` and a Faker.
"""

import hashlib
import random
import string
from base64 import b64encode, urlsafe_b64encode

import phonenumbers
from faker import Faker
from stdnum import luhn, verhoeff
from stdnum.gb import nhs
from stdnum.us import rtn

type Rng = random.Random

FAKERS = {loc: Faker(loc) for loc in ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "en_IN")}


def seed_fakers(seed: int) -> None:
    for n, faker in enumerate(FAKERS.values()):
        faker.seed_instance(seed + n)


def digits(rng: Rng, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def group(value: str, sizes: tuple[int, ...], sep: str) -> str:
    parts, at = [], 0
    for size in sizes:
        parts.append(value[at : at + size])
        at += size
    if at < len(value):
        parts.append(value[at:])
    return sep.join(p for p in parts if p)


# --- people and places -------------------------------------------------------------------


def person(rng: Rng) -> str:
    faker = FAKERS[
        rng.choice(
            ("en_US", "en_US", "en_US", "en_GB", "en_GB", "de_DE", "fr_FR", "es_ES", "en_IN")
        )
    ]
    first, last = faker.first_name(), faker.last_name()
    if rng.random() < 0.1:
        return f"{first} {rng.choice(string.ascii_uppercase)}. {last}"
    return f"{first} {last}"


def address(rng: Rng) -> str:
    kind = rng.choice(("us", "us", "us", "us_line", "gb", "de", "fr"))
    if kind.startswith("us"):
        f = FAKERS["en_US"]
        street = f"{rng.randint(1, 9999)} {f.street_name()}"
        if rng.random() < 0.25:
            street += f" {rng.choice(('Apt', 'Suite', 'Unit'))} {rng.randint(1, 999)}"
        sep = "\n" if kind == "us_line" else ", "
        return f"{street}{sep}{f.city()}, {f.state_abbr()} {f.zipcode()}"
    if kind == "gb":
        f = FAKERS["en_GB"]
        return f"{rng.randint(1, 300)} {f.street_name()}, {f.city()} {f.postcode()}"
    if kind == "de":
        f = FAKERS["de_DE"]
        return f"{f.street_name()} {rng.randint(1, 200)}, {f.postcode()} {f.city()}"
    f = FAKERS["fr_FR"]
    return f"{rng.randint(1, 200)} {f.street_name()}, {f.postcode()} {f.city()}"


# --- contact -----------------------------------------------------------------------------


def email(rng: Rng) -> str:
    faker = FAKERS[rng.choice(("en_US", "en_GB", "de_DE", "fr_FR"))]
    return rng.choice((faker.email, faker.company_email, faker.free_email))()


_PHONE_REGIONS = ("US", "US", "US", "GB", "GB", "DE", "FR", "IN", "AU", "ES", "IT", "NL")


def phone(rng: Rng) -> str:
    region = rng.choice(_PHONE_REGIONS)
    example = phonenumbers.example_number_for_type(
        region,
        rng.choice((phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE)),
    )
    assert example is not None
    national = str(example.national_number)
    number = example
    for _ in range(1000):  # vary all but the area or mobile prefix until the number is valid
        candidate = national[:3] + digits(rng, len(national) - 3)
        parsed = phonenumbers.parse(candidate, region)
        if phonenumbers.is_valid_number(parsed):
            number = parsed
            break
    style = rng.random()
    if region == "US" and style < 0.5:
        n = str(number.national_number)
        return rng.choice(
            (
                f"({n[:3]}) {n[3:6]}-{n[6:]}",
                f"{n[:3]}-{n[3:6]}-{n[6:]}",
                f"{n[:3]}.{n[3:6]}.{n[6:]}",
                f"+1 {n[:3]} {n[3:6]} {n[6:]}",
            )
        )
    fmt = (
        phonenumbers.PhoneNumberFormat.INTERNATIONAL
        if style < 0.75 or region in ("US", "IN")
        else phonenumbers.PhoneNumberFormat.NATIONAL
    )
    return phonenumbers.format_number(number, fmt)


def url(rng: Rng) -> str:
    f = FAKERS["en_US"]
    base = f.url().rstrip("/")
    return rng.choice(
        (
            base,
            f"{base}/{f.uri_path()}",
            f"{base}/{f.uri_path()}?id={rng.randint(1, 99999)}&ref={f.word()}",
        )
    )


def ip_address(rng: Rng) -> str:
    if rng.random() < 0.7:
        return ".".join(str(rng.randint(1, 254)) for _ in range(4))
    full = FAKERS["en_US"].ipv6()
    if rng.random() < 0.4:
        return f"2001:db8::{rng.randint(1, 0xFFFF):x}:{rng.randint(1, 0xFFFF):x}"
    return full


def mac_address(rng: Rng) -> str:
    octets = [f"{rng.randint(0, 255):02x}" for _ in range(6)]
    octets[0] = f"{int(octets[0], 16) | 0x02:02x}"
    style = rng.choice(("colon", "colon", "dash", "cisco"))
    if rng.random() < 0.5:
        octets = [o.upper() for o in octets]
    if style == "cisco":
        joined = "".join(octets).lower()
        return f"{joined[:4]}.{joined[4:8]}.{joined[8:]}"
    return (":" if style == "colon" else "-").join(octets)


# --- payment and banking -----------------------------------------------------------------

_CARD_PREFIXES = (
    ("4", 16),
    ("51", 16),
    ("55", 16),
    ("2221", 16),
    ("34", 15),
    ("37", 15),
    ("6011", 16),
    ("65", 16),
    ("3528", 16),
)


def credit_card(rng: Rng) -> str:
    prefix, length = rng.choice(_CARD_PREFIXES)
    body = prefix + digits(rng, length - len(prefix) - 1)
    number = body + luhn.calc_check_digit(body)
    sep = rng.choice(("", " ", " ", "-"))
    sizes = (4, 6, 5) if length == 15 else (4, 4, 4, 4)
    return group(number, sizes, sep) if sep else number


def iban(rng: Rng) -> str:
    value: str = FAKERS[rng.choice(("de_DE", "fr_FR", "en_GB", "es_ES"))].iban()
    return group(value, (4,) * 8, " ") if rng.random() < 0.5 else value


def swift_code(rng: Rng) -> str:
    faker = FAKERS[rng.choice(("de_DE", "fr_FR", "en_GB", "en_US"))]
    return str(faker.swift8() if rng.random() < 0.5 else faker.swift11())


def us_bank_account(rng: Rng) -> str:
    return digits(rng, rng.randint(8, 14))


def us_routing_number(rng: Rng) -> str:
    while True:
        body = rng.choice("0123") + digits(rng, 7)
        for check in string.digits:
            if rtn.is_valid(body + check):
                return body + check


# --- government identifiers --------------------------------------------------------------


def us_ssn(rng: Rng, sep: str = "-") -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    return sep.join((f"{area:03d}", f"{rng.randint(1, 99):02d}", f"{rng.randint(1, 9999):04d}"))


def us_itin(rng: Rng) -> str:
    group_ = rng.choice([*range(50, 66), *range(70, 89), *range(90, 93), *range(94, 100)])
    return f"9{digits(rng, 2)}-{group_}-{digits(rng, 4)}"


def us_passport(rng: Rng) -> str:
    return (
        digits(rng, 9)
        if rng.random() < 0.6
        else rng.choice("ACEFGHJKLMNPRSTUVWXYZ") + digits(rng, 8)
    )


def us_driver_license(rng: Rng) -> str:
    return rng.choice(
        (
            rng.choice(string.ascii_uppercase) + digits(rng, 7),  # California
            digits(rng, 9),  # New York
            rng.choice(string.ascii_uppercase) + digits(rng, 12),  # Florida
            digits(rng, 8),  # Texas
        )
    )


def uk_nino(rng: Rng) -> str:
    first = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    while first + second in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}:
        second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    body = digits(rng, 6)
    suffix = rng.choice("ABCD")
    if rng.random() < 0.5:
        return f"{first}{second} {body[:2]} {body[2:4]} {body[4:]} {suffix}"
    return f"{first}{second}{body}{suffix}"


def uk_nhs(rng: Rng) -> str:
    while True:
        number = rng.choice("456789") + digits(rng, 9)
        if nhs.is_valid(number):  # mod 11: about one draw in eleven
            return group(number, (3, 3, 4), " ") if rng.random() < 0.7 else number


def ca_sin(rng: Rng) -> str:
    body = rng.choice("1234567") + digits(rng, 7)
    number = body + luhn.calc_check_digit(body)
    return group(number, (3, 3, 3), rng.choice((" ", "-"))) if rng.random() < 0.7 else number


def in_aadhaar(rng: Rng) -> str:
    body = rng.choice("23456789") + digits(rng, 10)
    number = body + verhoeff.calc_check_digit(body)
    return group(number, (4, 4, 4), " ") if rng.random() < 0.7 else number


def in_pan(rng: Rng) -> str:
    letters = string.ascii_uppercase
    return (
        "".join(rng.choice(letters) for _ in range(3))
        + rng.choice("ABCFGHLJPT")
        + rng.choice(letters)
        + digits(rng, 4)
        + rng.choice(letters)
    )


def birth_date(rng: Rng) -> str:
    year, month, day = rng.randint(1935, 2008), rng.randint(1, 12), rng.randint(1, 28)
    months = (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    )
    return rng.choice(
        (
            f"{year}-{month:02d}-{day:02d}",
            f"{month:02d}/{day:02d}/{year}",
            f"{day:02d}.{month:02d}.{year}",
            f"{day} {months[month - 1]} {year}",
            f"{months[month - 1]} {day}, {year}",
        )
    )


# --- crypto and secrets ------------------------------------------------------------------

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def _base58check(payload: bytes) -> str:
    data = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n, out = int.from_bytes(data), ""
    while n:
        n, r = divmod(n, 58)
        out = _B58[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _bech32_polymod(values: list[int]) -> int:
    generator = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= generator[i] if (top >> i) & 1 else 0
    return chk


def _bech32(hrp: str, program: bytes) -> str:
    bits, acc, data = 0, 0, [0]  # witness version 0
    for byte in program:
        acc, bits = (acc << 8) | byte, bits + 8
        while bits >= 5:
            bits -= 5
            data.append((acc >> bits) & 31)
    if bits:
        data.append((acc << (5 - bits)) & 31)
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    polymod = _bech32_polymod(expanded + data + [0] * 6) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_BECH32[d] for d in data + checksum)


def crypto(rng: Rng) -> str:
    payload = rng.randbytes(20)
    kind = rng.choice(("p2pkh", "p2sh", "bech32", "eth"))
    if kind == "p2pkh":
        return _base58check(b"\x00" + payload)
    if kind == "p2sh":
        return _base58check(b"\x05" + payload)
    if kind == "bech32":
        return _bech32("bc", payload)
    return "0x" + payload.hex()


def aws_access_key(rng: Rng) -> str:
    return rng.choice(("AKIA", "ASIA")) + "".join(
        rng.choice(string.ascii_uppercase + "234567") for _ in range(16)
    )


def aws_secret_key(rng: Rng) -> str:
    while True:
        value = b64encode(rng.randbytes(30)).decode()
        if (
            any(c.isupper() for c in value)
            and any(c.islower() for c in value)
            and any(c.isdigit() for c in value)
        ):
            return value


def api_token(rng: Rng) -> str:
    alnum = string.ascii_letters + string.digits
    pick = lambda n: "".join(rng.choice(alnum) for _ in range(n))  # noqa: E731
    kind = rng.choice(("github", "slack", "stripe", "google", "jwt"))
    if kind == "github":
        return "ghp_" + pick(36)
    if kind == "slack":
        return f"xoxb-{digits(rng, 12)}-{digits(rng, 12)}-{pick(24)}"
    if kind == "stripe":
        return "sk_live_" + pick(24)
    if kind == "google":
        return "AIza" + pick(35)
    header = urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")
    claims = urlsafe_b64encode(f'{{"sub":"{rng.randint(1, 10**6)}"}}'.encode()).decode().rstrip("=")
    return f"{header}.{claims}.{pick(43)}"


def private_key(rng: Rng) -> str:
    kind = rng.choice(("RSA ", "EC ", "", "OPENSSH "))
    body = b64encode(rng.randbytes(rng.randint(90, 300))).decode()
    lines = "\n".join(body[i : i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN {kind}PRIVATE KEY-----\n{lines}\n-----END {kind}PRIVATE KEY-----"


def password(rng: Rng) -> str:
    alphabet = string.ascii_letters + string.digits + "!#%^*()_+-"
    while True:
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(8, 20)))
        if value[0] not in "<$%{*":
            return value
