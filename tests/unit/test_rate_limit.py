from veil.local.rate_limit import RateLimiter


class Clock:
    now = 100.0

    def __call__(self) -> float:
        return self.now


def test_bursts_then_paces_each_key_on_its_own() -> None:
    clock = Clock()
    limiter = RateLimiter(rate=2, burst=3, clock=clock)
    assert [limiter.admit("veil_a") for _ in range(3)] == [None, None, None]
    assert limiter.admit("veil_a") == 1  # empty: retry in a second
    assert limiter.admit("veil_b") is None  # another key has its own bucket
    clock.now += 0.5  # one token back at 2/s
    assert limiter.admit("veil_a") is None
    assert limiter.admit("veil_a") == 1
    clock.now += 60
    assert [limiter.admit("veil_a") for _ in range(4)] == [None, None, None, 1]  # capped


def test_slow_rates_ask_for_a_longer_wait() -> None:
    limiter = RateLimiter(rate=0.1, burst=1, clock=Clock())
    assert limiter.admit("veil_a") is None
    assert limiter.admit("veil_a") == 10
