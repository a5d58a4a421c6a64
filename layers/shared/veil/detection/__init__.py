"""PII detection: the entity vocabulary, recognizers, validators and the engine."""

from veil.detection.engine import Engine, default_engine
from veil.detection.entities import Entity, EntityType

__all__ = ["Engine", "Entity", "EntityType", "default_engine"]
