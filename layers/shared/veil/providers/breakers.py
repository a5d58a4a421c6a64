"""One circuit breaker per provider (pybreaker): after `fail_max` failures in a row the
provider is skipped for `reset_timeout_s`, then one trial call decides whether it is back.

Breakers live in the execution environment's memory; their transitions are also reported
(`on_change`) so that the provider-status endpoint, in another environment, can see them.
"""

from collections.abc import Callable
from typing import Any

import pybreaker

from veil.observability import logger

type StateListener = Callable[[str, str], None]


class _Reporter(pybreaker.CircuitBreakerListener):
    def __init__(self, on_change: StateListener | None) -> None:
        self._on_change = on_change

    def state_change(self, breaker: pybreaker.CircuitBreaker, old: Any, new: Any) -> None:
        logger.warning("provider circuit", extra={"provider": breaker.name, "state": new.name})
        if self._on_change is not None:
            self._on_change(str(breaker.name), str(new.name))


class Breakers:
    def __init__(
        self,
        fail_max: int = 3,
        reset_timeout_s: float = 30.0,
        on_change: StateListener | None = None,
    ) -> None:
        self._fail_max = fail_max
        self._reset_timeout_s = reset_timeout_s
        self._reporter = _Reporter(on_change)
        self._breakers: dict[str, pybreaker.CircuitBreaker] = {}

    def call[R](self, name: str, function: Callable[..., R], *args: Any) -> R:
        """Call through the provider's breaker; raises pybreaker.CircuitBreakerError while
        it is open (or when this call opens it), else whatever `function` raises."""
        result: R = self._breaker(name).call(function, *args)
        return result

    def state(self, name: str) -> str:
        return str(self._breaker(name).current_state)

    def _breaker(self, name: str) -> pybreaker.CircuitBreaker:
        if name not in self._breakers:
            self._breakers[name] = pybreaker.CircuitBreaker(
                fail_max=self._fail_max,
                reset_timeout=self._reset_timeout_s,
                listeners=[self._reporter],
                name=name,
            )
        return self._breakers[name]
