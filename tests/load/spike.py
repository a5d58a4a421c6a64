"""spike: 4 users, then 40 (ten times), then 4 again; each sends 2 redactions/s."""

from locust import constant_throughput

from tests.load.shapes import Spike, seconds
from tests.load.users import Redactor


class SpikeRedactor(Redactor):
    wait_time = constant_throughput(2)


class SpikeShape(Spike):
    base = 4
    duration = seconds(60)
