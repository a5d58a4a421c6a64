"""Load shapes: how many users over time. Durations come from LOAD_SECONDS (bounded)."""

import os

from locust import LoadTestShape


def seconds(default: int) -> int:
    return int(os.environ.get("LOAD_SECONDS", default))


class Constant(LoadTestShape):
    abstract = True
    users = 10
    duration = 60

    def tick(self) -> tuple[int, float] | None:
        if self.get_run_time() >= self.duration:
            return None
        return self.users, float(self.users)


class Spike(LoadTestShape):
    """Base load, then ten times as many users, then back: a third of the run each."""

    abstract = True
    base = 4
    duration = 60

    def tick(self) -> tuple[int, float] | None:
        elapsed = self.get_run_time()
        if elapsed >= self.duration:
            return None
        spiking = self.duration / 3 <= elapsed < 2 * self.duration / 3
        users = self.base * 10 if spiking else self.base
        return users, float(users)  # all at once: a spike, not a ramp
