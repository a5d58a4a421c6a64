"""soak: the mixed traffic at a moderate rate for a long, bounded time (default 10 min);
the runner samples the server's memory and database connections meanwhile."""

from locust import constant_throughput

from tests.load.shapes import Constant, seconds
from tests.load.users import MixedTraffic


class SoakUser(MixedTraffic):
    wait_time = constant_throughput(3)


class SoakShape(Constant):
    users = 6
    duration = seconds(600)
