"""Providers, breakers and stores, built once per execution environment from the settings."""

from functools import cache

from veil.database.pool import default_pool
from veil.detection.engine import default_engine
from veil.providers.base import Provider
from veil.providers.breakers import Breakers
from veil.providers.local import LocalProvider
from veil.providers.monitor import ProviderMonitor
from veil.providers.pipeline import DetectionPipeline
from veil.providers.store import CircuitRepository, ProbeRepository, TenantSettings
from veil.settings import Settings, get_settings


def configured_providers(settings: Settings) -> dict[str, Provider]:
    """The providers beside the local engine that this deployment is configured for."""
    others: dict[str, Provider] = {}
    if settings.presidio_url:
        from veil.providers.presidio import PresidioProvider

        others["presidio"] = PresidioProvider(settings.presidio_url)
    if settings.comprehend_enabled:
        from veil.providers.comprehend import ComprehendProvider, comprehend_client

        others["comprehend"] = ComprehendProvider(comprehend_client())
    return others


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
def default_tenant_settings() -> TenantSettings:
    return TenantSettings(default_pool())


@cache
def default_probe_repository() -> ProbeRepository:
    return ProbeRepository(default_pool())


@cache
def default_monitor() -> ProviderMonitor:
    return ProviderMonitor(
        default_probe_repository(), default_circuits(), default_pipeline().available
    )
