"""Bodies of the provider-status routes."""

from datetime import datetime

from pydantic import BaseModel

from veil.providers.status import ProviderStatus
from veil.providers.store import ProbeResult


class ProviderStatusView(BaseModel):
    name: str
    status: str
    reason: str
    probes: int
    latency_p50_ms: float | None
    latency_p95_ms: float | None
    recall: float | None
    last_success: datetime | None
    last_failure: datetime | None
    circuit: str

    @classmethod
    def of(cls, status: ProviderStatus) -> "ProviderStatusView":
        return cls.model_validate(status, from_attributes=True)


class ProbeView(BaseModel):
    observed_at: datetime
    ok: bool
    latency_ms: float
    recall: float | None
    error: str | None

    @classmethod
    def of(cls, result: ProbeResult) -> "ProbeView":
        return cls.model_validate(result, from_attributes=True)


class ProvidersStatus(BaseModel):
    providers: list[ProviderStatusView]
    request_id: str


class ProviderHistory(BaseModel):
    provider: ProviderStatusView
    probes: list[ProbeView]
    request_id: str
