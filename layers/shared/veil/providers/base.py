"""What a detection provider is: a name, the types it can find, and `detect`."""

from collections.abc import Collection
from typing import Protocol

from veil.detection.entities import Entity, EntityType


class ProviderError(Exception):
    """The provider did not answer usefully (timeout, error, malformed reply).
    The message names the cause's class only, never text from the request."""


class Provider(Protocol):
    name: str
    supported_types: frozenset[EntityType]

    def detect(self, text: str, entities: Collection[EntityType] | None) -> list[Entity]:
        """Entities in `text` with code-point offsets; raise ProviderError on failure."""
        ...
