"""What a recognizer is, and the words more than one family of them reads."""

from dataclasses import dataclass

from veil.detection.context import WORDS_BEFORE
from veil.detection.entities import EntityType
from veil.detection.validators import Validator


@dataclass(frozen=True, slots=True)
class Recognizer:
    name: str
    entity_type: EntityType
    pattern: str
    score: float
    validate: Validator | None = None
    bounded: bool = True  # the match may not touch a letter or digit (any script) on either side
    # Words near the value that raise its score (veil.detection.context); with
    # `needs_context`, a value without one of them is not reported at all.
    context: frozenset[str] = frozenset()
    needs_context: bool = False
    context_reach: int = WORDS_BEFORE  # how many words away a supporting word may be
    # Words that mark a look-alike ("order 0123 456 789"): the value is dropped when one of
    # them, no further than `against_reach` words away, is nearer than any supporting word.
    against: frozenset[str] = frozenset()
    against_reach: int = WORDS_BEFORE
    # Context only from structure: the header of the value's table column or the key of
    # the document it is the value of, never the words around it; and the match must be
    # the whole field ("Jane" under `first_name`, not "Order" inside a name's sentence).
    label_only: bool = False


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Look-alikes of identifiers: numbers that order, ship, version or count things.
NOT_PERSONAL = words(
    "order orders invoice tracking isbn sku serial ref reference ticket case build version po "
    "shipment parcel item product transaction txn confirmation receipt part model batch lot"
)
