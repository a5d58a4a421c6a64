"""large: 10, 50 and 100 KB texts and JSON Lines, each size reported on its own."""

from locust import constant_throughput

from tests.load.shapes import Constant, seconds
from tests.load.users import LargeDocuments


class LargeSender(LargeDocuments):
    wait_time = constant_throughput(0.5)


class LargeShape(Constant):
    users = 4
    duration = seconds(60)
