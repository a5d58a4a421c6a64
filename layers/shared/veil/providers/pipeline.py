"""Run the providers a tenant has enabled and merge what they find.

The local engine always runs. Other providers run through their circuit breakers; one that
fails, times out or is skipped while its breaker is open makes the answer `degraded`, and
redaction goes on with the rest. Findings are merged with the engine's overlap rules.
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import pybreaker

from veil.detection.engine import resolve_overlaps
from veil.detection.entities import Entity
from veil.detection.options import Options, drop_allowed
from veil.providers.base import Provider, ProviderError
from veil.providers.breakers import Breakers
from veil.providers.local import LocalProvider


@dataclass(frozen=True, slots=True)
class Detection:
    entities: list[Entity]
    providers: tuple[str, ...]  # those that answered
    degraded: bool  # an enabled provider did not answer


class DetectionPipeline:
    def __init__(
        self, local: LocalProvider, others: Mapping[str, Provider], breakers: Breakers
    ) -> None:
        self.local = local
        self.others = dict(others)
        self.breakers = breakers

    def detect(
        self, text: str, options: Options, enabled: Collection[str], label: str = ""
    ) -> Detection:
        """`label`: what the text is the value of (a document's key), read as context by
        the engine. The engine has applied the whole of `options`; other providers know
        only the types, so their findings get the threshold and the allow list here."""
        found = self.local.analyze(text, options, label)
        answered, degraded = [self.local.name], False
        others: list[Entity] = []
        for name in sorted(set(enabled) & self.others.keys()):
            try:
                others += self.breakers.call(name, self.others[name].detect, text, options.entities)
                answered.append(name)
            except (ProviderError, pybreaker.CircuitBreakerError):
                degraded = True
        if others:
            kept = [e for e in others if e.score >= options.score_threshold]
            found = resolve_overlaps(found + drop_allowed(text, kept, options.allow_list))
        return Detection(found, tuple(answered), degraded)
