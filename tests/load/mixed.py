"""mixed: redact 60%, detect 20%, audit pages 10%, provider status 5%, health 5%."""

from locust import constant_throughput

from tests.load.shapes import Constant, seconds
from tests.load.users import MixedTraffic


class MixedUser(MixedTraffic):
    wait_time = constant_throughput(4)


class MixedShape(Constant):
    users = 10
    duration = seconds(60)
