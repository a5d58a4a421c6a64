"""What a caller may ask of one analysis: types, threshold, allow and deny lists, its own
patterns, and an explanation of each decision.

Ad-hoc patterns are compiled with the same linear-time engine (RE2) as the built-in ones,
within limits of count, size and compiled memory; a pattern that is invalid, needs
backtracking features (backreferences, lookaround) or matches empty text is refused.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import re2

from veil.detection.boundaries import is_bounded
from veil.detection.entities import Entity, EntityType, Explanation
from veil.detection.recognizers import Recognizer

MAX_PATTERNS = 10
MAX_PATTERN_LENGTH = 500
MAX_LIST_TERMS = 1000
MAX_TERM_LENGTH = 200
_PATTERN_MAX_MEM = 1 << 20  # bytes of compiled program per ad-hoc pattern


class PatternError(ValueError):
    """An ad-hoc pattern that cannot be used; the message never repeats the pattern."""


@dataclass(frozen=True, slots=True)
class CustomPattern:
    recognizer: Recognizer
    compiled: re2._Regexp


@dataclass(frozen=True, slots=True)
class DenyTerm:
    value: str
    type: EntityType


@dataclass(frozen=True, slots=True)
class Options:
    entities: frozenset[EntityType] | None = None  # None: every type
    score_threshold: float = 0.0
    allow_list: frozenset[str] = frozenset()
    deny_list: tuple[DenyTerm, ...] = ()
    patterns: tuple[CustomPattern, ...] = ()
    explain: bool = False

    def wants(self, entity_type: EntityType) -> bool:
        return self.entities is None or entity_type in self.entities


DEFAULT_OPTIONS = Options()


def custom_pattern(
    name: str, entity_type: EntityType, regex: str, score: float, context: Sequence[str] = ()
) -> CustomPattern:
    if len(regex) > MAX_PATTERN_LENGTH:
        raise PatternError(f"longer than {MAX_PATTERN_LENGTH} characters")
    options = re2.Options()
    options.max_mem = _PATTERN_MAX_MEM
    options.log_errors = False
    try:
        compiled = re2.compile(regex.encode(), options)
    except re2.error:
        raise PatternError(
            "not a valid linear-time pattern (RE2 syntax: no backreferences or lookaround) "
            "or too large once compiled"
        ) from None
    if compiled.search(b"") is not None:
        raise PatternError("matches empty text")
    recognizer = Recognizer(
        f"custom:{name}",
        entity_type,
        regex,
        score,
        bounded=False,  # the caller's pattern says where a value begins and ends
        context=frozenset(w.lower() for w in context),
    )
    return CustomPattern(recognizer, compiled)


def deny_list_matches(text: str, terms: Iterable[DenyTerm], explain: bool) -> list[Entity]:
    """Every whole-token occurrence of each term."""
    found = []
    for term in terms:
        why = Explanation("deny_list", "", None, 1.0, None, 1.0) if explain else None
        start = text.find(term.value)
        while start != -1:
            end = start + len(term.value)
            if is_bounded(text, start, end):
                found.append(Entity(term.type, start, end, 1.0, "deny_list", why))
            start = text.find(term.value, start + 1)
    return found


def drop_allowed(text: str, entities: Iterable[Entity], allow_list: frozenset[str]) -> list[Entity]:
    return [e for e in entities if text[e.start : e.end] not in allow_list]
