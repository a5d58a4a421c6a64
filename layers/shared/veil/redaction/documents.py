"""Redaction of JSON values: every string, and numbers that are personal data (a card
number stored as a number), transformed in place; keys, structure and key order kept.

Keys are not scanned: they are the document's schema, chosen by the program that wrote it.
A number whose digits are found to be a value becomes a string (its redacted form).
"""

from collections import Counter
from collections.abc import Callable
from typing import Any

from veil.detection.entities import Entity

type Analyze = Callable[[str], list[Entity]]
type Transform = Callable[[str, list[Entity]], str]

# Shorter numbers are amounts, counts and ids; no canonical type is written in fewer digits.
_MIN_PERSONAL_DIGITS = 9


def redact_document(value: Any, analyze: Analyze, transform: Transform, found: Counter[str]) -> Any:
    """`value` with personal data transformed; `found` counts what was found, by type."""
    if isinstance(value, str):
        return _redact_string(value, analyze, transform, found)
    if isinstance(value, dict):
        return {k: redact_document(v, analyze, transform, found) for k, v in value.items()}
    if isinstance(value, list):
        return [redact_document(v, analyze, transform, found) for v in value]
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and abs(value) >= 10 ** (_MIN_PERSONAL_DIGITS - 1)
    ):
        text = str(value)
        redacted = _redact_string(text, analyze, transform, found)
        return value if redacted == text else redacted
    return value


def _redact_string(text: str, analyze: Analyze, transform: Transform, found: Counter[str]) -> str:
    entities = analyze(text)
    if not entities:
        return text
    found.update(e.type.value for e in entities)
    return transform(text, entities)
