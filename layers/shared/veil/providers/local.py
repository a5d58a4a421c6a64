"""The in-process engine as a provider: always enabled, never behind a breaker."""

from collections.abc import Collection

from veil.detection.engine import Engine
from veil.detection.entities import Entity, EntityType
from veil.detection.options import Options


class LocalProvider:
    name = "local"

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self.supported_types = engine.supported_types

    def detect(self, text: str, entities: Collection[EntityType] | None) -> list[Entity]:
        return self.analyze(text, Options(None if entities is None else frozenset(entities)))

    def analyze(self, text: str, options: Options, label: str = "") -> list[Entity]:
        """With everything a request may ask of the engine (lists, patterns, explain)."""
        return self._engine.analyze(text, options, label)
