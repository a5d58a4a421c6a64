"""Realistic generated payloads for load tests: support tickets, log lines and JSON records
with one synthetic personal value every ~300 characters. Nothing here is real data: names
come from short lists, card numbers are computed to pass Luhn, SSNs use valid ranges."""

import json
import random

FIRST = ["Avery", "Jordan", "Casey", "Riley", "Morgan", "Quinn", "Harper", "Rowan", "Emerson"]
LAST = ["Lindqvist", "Okafor", "Moreau", "Tanaka", "Novak", "Haddad", "Brennan", "Silva"]
FILLER = [
    "The customer reports that the export job fails after the second retry.",
    "Please escalate to the billing team if the refund is not visible by Friday.",
    "GET /api/v2/orders?page=3 200 0.041s user-agent=okhttp/4.12",
    "Attached are the logs from the last deployment window, nothing unusual.",
    "Order 88231-A shipped via ground, tracking 1Z999AA10123456784 pending.",
    "The dashboard shows latency within target for the third day in a row.",
]


def _luhn_card(rng: random.Random) -> str:
    digits = [4] + [rng.randrange(10) for _ in range(14)]
    total = sum(d if i % 2 else (d * 2 - 9 if d * 2 > 9 else d * 2)
                for i, d in enumerate(reversed(digits)))  # fmt: skip
    digits.append((10 - total % 10) % 10)
    text = "".join(map(str, digits))
    return " ".join(text[i : i + 4] for i in range(0, 16, 4))


def _value(rng: random.Random) -> str:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return rng.choice([
        f"{name.split()[0].lower()}.{name.split()[1].lower()}@example.com",
        f"+1 415 555 {rng.randrange(1000, 9999)}",
        _luhn_card(rng),
        f"{rng.randrange(100, 665)}-{rng.randrange(10, 99)}-{rng.randrange(1000, 9999)}",
        f"203.0.113.{rng.randrange(1, 254)}",
        "DE89 3704 0044 0532 0130 00",
    ])  # fmt: skip


def text(size: int, seed: int) -> str:
    """About `size` characters of prose and log lines with a personal value every ~300."""
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        chunk = " ".join(rng.choice(FILLER) for _ in range(4))
        parts.append(f"{chunk} Contact: {_value(rng)}.")
        length += len(parts[-1]) + 1
    return " ".join(parts)[:size]


def json_records(size: int, seed: int) -> str:
    """JSON Lines log records of about `size` characters, as text to redact."""
    rng = random.Random(seed)
    lines: list[str] = []
    length = 0
    while length < size:
        record = {"level": "info", "msg": rng.choice(FILLER), "user": _value(rng),
                  "request_id": f"{rng.getrandbits(64):016x}"}  # fmt: skip
        lines.append(json.dumps(record))
        length += len(lines[-1]) + 1
    return "\n".join(lines)
