"""steady: 1 KB redactions at a fixed rate (10 users x 5 requests/s = 50 requests/s)."""

from locust import constant_throughput

from tests.load.shapes import Constant, seconds
from tests.load.users import Redactor


class SteadyRedactor(Redactor):
    wait_time = constant_throughput(5)


class SteadyShape(Constant):
    users = 10
    duration = seconds(60)
