"""Realistic generated payloads for load tests: support tickets, log lines and JSON records
with one synthetic personal value every ~300 characters, from tests/corpus.py (nothing
here is real data)."""

import json
import random

from tests.corpus import synthetic_value

FILLER = [
    "The customer reports that the export job fails after the second retry.",
    "Please escalate to the billing team if the refund is not visible by Friday.",
    "GET /api/v2/orders?page=3 200 0.041s user-agent=okhttp/4.12",
    "Attached are the logs from the last deployment window, nothing unusual.",
    "Order 88231-A shipped via ground, tracking 1Z999AA10123456784 pending.",
    "The dashboard shows latency within target for the third day in a row.",
]


def _value(rng: random.Random) -> str:
    return synthetic_value(rng).value


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
