"""Providers, breakers and stores, built once per execution environment from the settings."""

from collections.abc import Callable
from functools import cache

from veil.database.pool import default_pool
from veil.detection.engine import default_engine
from veil.providers.base import Provider
from veil.providers.breakers import Breakers
from veil.providers.local import LocalProvider
from veil.providers.monitor import ProviderMonitor
from veil.providers.pipeline import DetectionPipeline
from veil.providers.store import CircuitRepository, ProbeRepository
from veil.settings import Settings, get_settings


def _presidio(url: str) -> Provider:
    from veil.providers.presidio import PresidioProvider

    return PresidioProvider(url)


def _comprehend() -> Provider:
    from veil.providers.comprehend import ComprehendProvider, comprehend_client

    return ComprehendProvider(comprehend_client())


def _configured(settings: Settings) -> dict[str, Callable[[], Provider]]:
    """The providers beside the local engine that this deployment is configured for, as
    factories: listing them (health, status) builds nothing."""
    factories: dict[str, Callable[[], Provider]] = {}
    if url := settings.presidio_url:
        factories["presidio"] = lambda: _presidio(url)
    if settings.comprehend_enabled:
        factories["comprehend"] = _comprehend
    return factories


def provider_names(settings: Settings) -> frozenset[str]:
    return frozenset({LocalProvider.name, *_configured(settings)})


def configured_providers(settings: Settings) -> dict[str, Provider]:
    return {name: build() for name, build in _configured(settings).items()}


@cache
def default_circuits() -> CircuitRepository:
    return CircuitRepository(default_pool())


@cache
def default_pipeline() -> DetectionPipeline:
    return DetectionPipeline(
        LocalProvider(default_engine()),
        configured_providers(get_settings()),
        Breakers(on_change=default_circuits().record),
    )


@cache
def default_probe_repository() -> ProbeRepository:
    return ProbeRepository(default_pool())


@cache
def default_monitor() -> ProviderMonitor:
    # Names only: the health and status functions never compile the engine for this.
    names = provider_names(get_settings())
    return ProviderMonitor(default_probe_repository(), default_circuits(), names)
