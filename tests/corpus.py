"""A labeled synthetic corpus: documents in several genres with the personal values they
hold, by type. Every value is invented (names from short lists, card numbers computed to
pass Luhn, SSNs in issued ranges, documentation IP ranges)."""

import json
import random
from dataclasses import dataclass

from veil.detection.entities import EntityType

T = EntityType
FIRST = ["Avery", "Jordan", "Casey", "Riley", "Morgan", "Quinn", "Harper", "Rowan", "Emerson"]
LAST = ["Lindqvist", "Okafor", "Moreau", "Tanaka", "Novak", "Haddad", "Brennan", "Silva"]


@dataclass(frozen=True)
class Labeled:
    type: EntityType
    value: str


@dataclass(frozen=True)
class Document:
    genre: str
    text: str
    values: tuple[Labeled, ...]


def _card(rng: random.Random) -> str:
    digits = [4] + [rng.randrange(10) for _ in range(14)]
    total = sum(d if i % 2 else (d * 2 - 9 if d * 2 > 9 else d * 2)
                for i, d in enumerate(reversed(digits)))  # fmt: skip
    digits.append((10 - total % 10) % 10)
    text = "".join(map(str, digits))
    return " ".join(text[i : i + 4] for i in range(0, 16, 4))


def synthetic_value(rng: random.Random) -> Labeled:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    ssn = f"{rng.randrange(100, 665)}-{rng.randrange(10, 99)}-{rng.randrange(1000, 9999)}"
    return rng.choice([
        Labeled(T.EMAIL_ADDRESS, f"{first.lower()}.{last.lower()}{rng.randrange(99)}@example.com"),
        Labeled(T.PHONE_NUMBER, f"+1 415 555 {rng.randrange(1000, 9999)}"),
        Labeled(T.CREDIT_CARD, _card(rng)),
        Labeled(T.US_SSN, ssn),
        Labeled(T.IP_ADDRESS, f"198.51.100.{rng.randrange(1, 254)}"),
        Labeled(T.AWS_ACCESS_KEY, "AKIA" + "".join(rng.choice(alphabet) for _ in range(16))),
    ])  # fmt: skip


def documents(count: int, seed: int) -> list[Document]:
    rng = random.Random(seed)
    found = []
    for n in range(count):
        values = tuple(synthetic_value(rng) for _ in range(3))
        a, b, c = (v.value for v in values)
        genre = ("ticket", "chat", "log", "json", "csv")[n % 5]
        text = {
            "ticket": f"Ticket {n}: customer writes from {a}; callback {b}. Ref {c}.",
            "chat": f"agent: can you confirm?\nuser: sure, it is {a}\nuser: also {b} and {c}",
            "log": f"2026-11-27T03:00:0{n % 10}Z INFO login ok id={a} from={b} meta={c}",
            "json": json.dumps({"event": "signup", "contact": a, "phone": b, "note": c}),
            "csv": f"{n},{a},{b},{c},active",
        }[genre]
        found.append(Document(genre, text, values))
    return found
