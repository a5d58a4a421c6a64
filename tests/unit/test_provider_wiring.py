"""Listing the configured providers (health, status) builds none of them."""

import pytest

from veil.providers import comprehend
from veil.providers.wiring import configured_providers, provider_names
from veil.settings import Settings


def test_names_come_from_the_settings_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_client() -> None:
        raise AssertionError("a Comprehend client was created just to list names")

    monkeypatch.setattr(comprehend, "comprehend_client", no_client)
    settings = Settings(presidio_url="http://127.0.0.1:9", comprehend_enabled=True)
    assert provider_names(settings) == {"local", "presidio", "comprehend"}
    assert provider_names(Settings()) == {"local"}


def test_the_pipeline_gets_the_same_providers() -> None:
    settings = Settings(presidio_url="http://127.0.0.1:9")
    assert set(configured_providers(settings)) == provider_names(settings) - {"local"}
