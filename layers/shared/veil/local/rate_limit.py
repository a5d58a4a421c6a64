"""Per-key rate limit for `veil serve`, the local stand-in for the stage's usage plan:
a token bucket per API key (`rate` requests a second, bursts up to `burst`)."""

import hashlib
import math
import threading
import time
from collections.abc import Callable


class RateLimiter:
    def __init__(
        self, rate: float, burst: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._rate = rate
        self._burst = burst
        self._clock = clock
        self._buckets: dict[bytes, tuple[float, float]] = {}  # key hash -> (tokens, time)
        self._lock = threading.Lock()

    def admit(self, api_key: str) -> int | None:
        """None when the request may go; otherwise the seconds to wait (Retry-After)."""
        bucket = hashlib.sha256(api_key.encode()).digest()  # never keep keys in memory
        with self._lock:
            now = self._clock()
            tokens, then = self._buckets.get(bucket, (self._burst, now))
            tokens = min(self._burst, tokens + (now - then) * self._rate)
            if tokens >= 1:
                self._buckets[bucket] = (tokens - 1, now)
                return None
            self._buckets[bucket] = (tokens, now)
            return max(1, math.ceil((1 - tokens) / self._rate))
