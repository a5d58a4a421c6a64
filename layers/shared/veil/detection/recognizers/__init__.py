"""Pattern recognizers: one small, self-describing unit per pattern, kept with its family.

A recognizer is a linear-time RE2 pattern (no backreferences, no lookaround, bounded
repetitions), a base score, and a validator that confirms or trims each match. Word
boundaries are checked in code (`bounded`), not with a leading `\\b`, which would defeat
RE2's literal prefix acceleration.

To add one: append a `Recognizer` to its family's `RECOGNIZERS` (contact, finance,
identity, secrets, people, places, hl7), with positive and negative examples in
tests/unit/test_recognizers.py. The order of recognizers decides nothing: overlaps are
resolved by score, length and position.
"""

from veil.detection.recognizers import contact, finance, hl7, identity, people, places, secrets
from veil.detection.recognizers.recognizer import Recognizer

RECOGNIZERS: tuple[Recognizer, ...] = (
    *contact.RECOGNIZERS,
    *finance.RECOGNIZERS,
    *identity.RECOGNIZERS,
    *secrets.RECOGNIZERS,
    *people.RECOGNIZERS,
    *hl7.RECOGNIZERS,
    *places.RECOGNIZERS,
)

__all__ = ["RECOGNIZERS", "Recognizer"]
