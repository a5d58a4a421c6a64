"""Hard negatives: values that look personal and are not. None may be flagged."""

import string
import uuid

from stdnum import ean, isbn, luhn

from bench.corpus.values import Rng, digits, group


def order_number(rng: Rng) -> str:
    """16 digits grouped like a card, failing Luhn."""
    while True:
        number = rng.choice("3456") + digits(rng, 15)
        if not luhn.is_valid(number):
            return group(number, (4, 4, 4, 4), rng.choice((" ", "-", "")))


def uuid_(rng: Rng) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def git_sha(rng: Rng) -> str:
    sha = rng.randbytes(20).hex()
    return sha if rng.random() < 0.5 else sha[:7]


def version(rng: Rng) -> str:
    return rng.choice(
        (
            f"v{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 99)}",
            f"{rng.randint(1, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9999)}",
        )
    )


def timestamp(rng: Rng) -> str:
    return rng.choice(
        (
            f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:"
            f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z",
            f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
            f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/2024",
        )
    )


def price(rng: Rng) -> str:
    return rng.choice(
        (
            f"${rng.randint(1, 99999):,}.{rng.randint(0, 99):02d}",
            f"€{rng.randint(1, 9999)},{rng.randint(0, 99):02d}",
            f"{rng.randint(1, 9999)}.{rng.randint(0, 99):02d} USD",
        )
    )


def isbn_(rng: Rng) -> str:
    body = "978" + digits(rng, 9)
    number = body + ean.calc_check_digit(body)
    return isbn.format(number)


def tracking_number(rng: Rng) -> str:
    return rng.choice(
        (
            "1Z" + "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(16)),
            digits(rng, 12),  # FedEx
            "94" + digits(rng, 20),  # USPS
        )
    )


def invalid_ssn(rng: Rng) -> str:
    return rng.choice(
        (
            f"000-{rng.randint(10, 99)}-{digits(rng, 4)}",
            f"666-{rng.randint(10, 99)}-{digits(rng, 4)}",
            f"{rng.randint(100, 665)}-00-{digits(rng, 4)}",
            f"{rng.randint(100, 665)}-{rng.randint(10, 99)}-0000",
        )
    )


def common_words(rng: Rng) -> str:
    return rng.choice(
        (
            "Quarterly Business Review",
            "Customer Success Team",
            "Best Regards",
            "Happy New Year",
            "General Availability",
            "Service Level Agreement",
            "Black Friday",
            "Data Protection Officer",
            "Release Notes",
            "Grand Central Station",
            "Annual General Meeting",
            "Privacy Policy",
            "Christmas Eve",
            "North America",
            "United Kingdom",
            "New York Stock Exchange",
            "Product Manager",
            "Machine Learning",
            "Pull Request",
            "Code Review",
            "Sales Director",
        )
    )


def hex_digest(rng: Rng) -> str:
    return "sha256:" + rng.randbytes(32).hex()


def invoice_id(rng: Rng) -> str:
    return f"INV-{rng.randint(2020, 2026)}-{digits(rng, 6)}"


DECOYS = (
    order_number,
    uuid_,
    git_sha,
    version,
    timestamp,
    price,
    isbn_,
    tracking_number,
    invalid_ssn,
    common_words,
    hex_digest,
    invoice_id,
)
