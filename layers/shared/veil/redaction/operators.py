"""Operators that transform each detected value: replace, mask, redact (remove), hash.

The configuration models double as the request schema, so the API and the CLI accept the
same operator objects: `{"type": "mask", "chars_to_mask": 12, "from_end": false}`.
"""

from collections.abc import Mapping, Sequence
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from veil.detection.entities import Entity
from veil.fingerprint import fingerprint

DEFAULT = "DEFAULT"


class _OperatorModel(BaseModel):
    # strict: no `true` for a count, no 1 for a flag
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Replace(_OperatorModel):
    """Replace the value with `new_value`, by default `<TYPE>`."""

    type: Literal["replace"] = "replace"
    new_value: str | None = Field(default=None, max_length=256)

    def apply(self, entity: Entity, value: str, hash_key: bytes) -> str:
        return f"<{entity.type}>" if self.new_value is None else self.new_value


class Mask(_OperatorModel):
    """Overwrite `chars_to_mask` characters (all by default) from the start or the end."""

    type: Literal["mask"] = "mask"
    masking_char: str = Field(default="*", min_length=1, max_length=1)
    chars_to_mask: int | None = Field(default=None, ge=0)
    from_end: bool = False

    def apply(self, entity: Entity, value: str, hash_key: bytes) -> str:
        count = len(value) if self.chars_to_mask is None else min(self.chars_to_mask, len(value))
        if self.from_end:
            return value[: len(value) - count] + self.masking_char * count
        return self.masking_char * count + value[count:]


class Redact(_OperatorModel):
    """Remove the value."""

    type: Literal["redact"] = "redact"

    def apply(self, entity: Entity, value: str, hash_key: bytes) -> str:
        return ""


class Hash(_OperatorModel):
    """HMAC-SHA256 of the value with the tenant's key: equal values give equal digests."""

    type: Literal["hash"] = "hash"

    def apply(self, entity: Entity, value: str, hash_key: bytes) -> str:
        return fingerprint(hash_key, entity.type, value)


type Operator = Annotated[Replace | Mask | Redact | Hash, Field(discriminator="type")]


def redact(
    text: str,
    entities: Sequence[Entity],
    operators: Mapping[str, Replace | Mask | Redact | Hash],
    hash_key: bytes,
) -> str:
    """`text` with every entity transformed by the operator for its type (or DEFAULT).

    `entities` must not overlap (the engine guarantees it); offsets refer to `text`.
    """
    default = operators.get(DEFAULT, Replace())
    pieces: list[str] = []
    cursor = 0
    for entity in sorted(entities, key=lambda e: e.start):
        operator = operators.get(entity.type, default)
        pieces.append(text[cursor : entity.start])
        pieces.append(operator.apply(entity, text[entity.start : entity.end], hash_key))
        cursor = entity.end
    pieces.append(text[cursor:])
    return "".join(pieces)
