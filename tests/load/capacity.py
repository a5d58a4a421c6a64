"""capacity: as many requests as the server takes, from users that never wait; the runner
runs HealthHammer and RedactHammer in turn and compares their rates (the steady target)."""

from locust import constant, task

from tests.load.shapes import Constant, seconds
from tests.load.users import Redactor, VeilUser


class HealthHammer(VeilUser):
    wait_time = constant(0)

    @task
    def health(self) -> None:
        self.client.get("/health")


class RedactHammer(Redactor):
    wait_time = constant(0)


class CapacityShape(Constant):
    users = 8
    duration = seconds(30)
