"""Operators that transform each detected value: replace, mask, redact (remove), hash,
pseudonymize, encrypt, keep.

The configuration models double as the request schema, so the API and the CLI accept the
same operator objects: `{"type": "mask", "chars_to_mask": 12, "from_end": false}`.
"""

from base64 import urlsafe_b64encode
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from veil.detection.entities import Entity, EntityType
from veil.fingerprint import fingerprint, normal_form

DEFAULT = "DEFAULT"


@dataclass
class RedactionContext:
    """What one redaction call shares between its operators: the tenant's hash key, and
    the pseudonyms handed out so far (one per distinct value and type)."""

    hash_key: bytes
    # Envelope encryption for the tenant (veil.redaction.encryption); None where the
    # deployment has no KMS key, and the service refuses `encrypt` before it gets here.
    encrypt: Callable[[EntityType, str], str] | None = None
    _pseudonyms: dict[tuple[EntityType, str], str] = field(default_factory=dict)
    _counts: Counter[EntityType] = field(default_factory=Counter)

    def pseudonym(self, entity: Entity, value: str, stable: bool) -> str:
        key = (entity.type, normal_form(entity.type, value))
        if key not in self._pseudonyms:
            if stable:  # the same across requests: a keyed hash of the value, shortened
                label = fingerprint(self.hash_key, entity.type, value)[:12]
            else:
                self._counts[entity.type] += 1
                label = str(self._counts[entity.type])
            self._pseudonyms[key] = f"<{entity.type}_{label}>"
        return self._pseudonyms[key]


class _OperatorModel(BaseModel):
    # strict: no `true` for a count, no 1 for a flag
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Replace(_OperatorModel):
    """Replace the value with `new_value`, by default `<TYPE>`."""

    type: Literal["replace"] = "replace"
    new_value: str | None = Field(default=None, max_length=256)

    def apply(self, entity: Entity, value: str, context: RedactionContext) -> str:
        return f"<{entity.type}>" if self.new_value is None else self.new_value


class Mask(_OperatorModel):
    """Overwrite `chars_to_mask` characters (all by default) from the start or the end."""

    type: Literal["mask"] = "mask"
    masking_char: str = Field(default="*", min_length=1, max_length=1)
    chars_to_mask: int | None = Field(default=None, ge=0)
    from_end: bool = False

    def apply(self, entity: Entity, value: str, context: RedactionContext) -> str:
        count = len(value) if self.chars_to_mask is None else min(self.chars_to_mask, len(value))
        if self.from_end:
            return value[: len(value) - count] + self.masking_char * count
        return self.masking_char * count + value[count:]


class Redact(_OperatorModel):
    """Remove the value."""

    type: Literal["redact"] = "redact"

    def apply(self, entity: Entity, value: str, context: RedactionContext) -> str:
        return ""


class Hash(_OperatorModel):
    """HMAC-SHA256 of the value with the tenant's key: equal values give equal digests.
    Hex (64 characters) or base64url (43), optionally cut to `length` characters."""

    type: Literal["hash"] = "hash"
    encoding: Literal["hex", "base64"] = "hex"
    length: int | None = Field(default=None, ge=8, le=64)

    def apply(self, entity: Entity, value: str, context: RedactionContext) -> str:
        digest = fingerprint(context.hash_key, entity.type, value)
        if self.encoding == "base64":
            digest = urlsafe_b64encode(bytes.fromhex(digest)).decode().rstrip("=")
        return digest[: self.length]


class Pseudonymize(_OperatorModel):
    """A token per distinct value: `<EMAIL_ADDRESS_1>`, the same value the same token within
    a request; with `stable`, a keyed-hash token that stays the same across the tenant's
    requests (`<EMAIL_ADDRESS_3fa2c1d9e0b4>`), so logs and prompts stay joinable."""

    type: Literal["pseudonymize"] = "pseudonymize"
    stable: bool = False

    def apply(self, entity: Entity, value: str, context: RedactionContext) -> str:
        return context.pseudonym(entity, value, self.stable)


class Encrypt(_OperatorModel):
    """Envelope-encrypt the value under the deployment's KMS key: `<ENCRYPTED:TYPE:…>`,
    which POST /v1/reidentify turns back for the same tenant, when the tenant allows it."""

    type: Literal["encrypt"] = "encrypt"

    def apply(self, entity: Entity, value: str, context: RedactionContext) -> str:
        if context.encrypt is None:
            raise RuntimeError("encrypt used where no encryptor was configured")
        return context.encrypt(entity.type, value)


class Keep(_OperatorModel):
    """Leave the value as it is (it is still reported, and audited)."""

    type: Literal["keep"] = "keep"

    def apply(self, entity: Entity, value: str, context: RedactionContext) -> str:
        return value


type AnyOperator = Replace | Mask | Redact | Hash | Pseudonymize | Encrypt | Keep
type Operator = Annotated[AnyOperator, Field(discriminator="type")]


@dataclass(frozen=True, slots=True)
class Replacement:
    """Where a value's replacement stands in the redacted text (offsets into the output)."""

    start: int
    end: int
    entity: Entity
    operator: str


def redaction(
    text: str,
    entities: Sequence[Entity],
    operators: Mapping[str, AnyOperator],
    hash_key: bytes,
    context: RedactionContext | None = None,
) -> tuple[str, list[Replacement]]:
    """`text` with every entity transformed by the operator for its type (or DEFAULT), and
    where each replacement landed. Pass one `context` to several calls to share pseudonyms
    between them (the strings of one document).

    `entities` must not overlap (the engine guarantees it); offsets refer to `text`.
    """
    default = operators.get(DEFAULT, Replace())
    context = context or RedactionContext(hash_key)
    pieces: list[str] = []
    replacements: list[Replacement] = []
    cursor = written = 0
    for entity in sorted(entities, key=lambda e: e.start):
        operator = operators.get(entity.type, default)
        before = text[cursor : entity.start]
        new = operator.apply(entity, text[entity.start : entity.end], context)
        written += len(before)
        replacements.append(Replacement(written, written + len(new), entity, operator.type))
        written += len(new)
        pieces += (before, new)
        cursor = entity.end
    pieces.append(text[cursor:])
    return "".join(pieces), replacements


def redact(
    text: str,
    entities: Sequence[Entity],
    operators: Mapping[str, AnyOperator],
    hash_key: bytes,
) -> str:
    """The redacted text alone (see `redaction`)."""
    return redaction(text, entities, operators, hash_key)[0]
