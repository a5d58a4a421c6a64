"""Locust users shared by the scenarios (abstract: each scenario's locustfile makes its
own concrete class with a pace). The key comes from VEIL_LOAD_KEY."""

import json
import os
from itertools import count
from typing import ClassVar

from locust import FastHttpUser, task

from tests.load.payloads import json_records, text

HEADERS = {"x-api-key": os.environ.get("VEIL_LOAD_KEY", ""), "content-type": "application/json"}
DOCUMENTS_1KB = [text(1024, seed) for seed in range(50)]
_sequence = count()


class VeilUser(FastHttpUser):
    abstract = True

    def redact(self, body: str, name: str = "/v1/redact") -> None:
        payload = '{"text": ' + json.dumps(body) + "}"
        with self.client.post("/v1/redact", data=payload, headers=HEADERS, name=name,
                              catch_response=True) as response:  # fmt: skip
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")

    def document(self) -> str:
        return DOCUMENTS_1KB[next(_sequence) % len(DOCUMENTS_1KB)]


class Redactor(VeilUser):
    """1 KB redactions."""

    abstract = True

    @task
    def one_kilobyte(self) -> None:
        self.redact(self.document())


class LargeDocuments(VeilUser):
    """10 to 100 KB texts and JSON Lines; named by size so each gets its own percentiles."""

    abstract = True

    sizes = (10_240, 51_200, 102_400)
    bodies: ClassVar = {size: (text(size, 7), json_records(size, 7)) for size in sizes}

    @task
    def large(self) -> None:
        for size in self.sizes:
            prose, records = self.bodies[size]
            self.redact(prose, name=f"/v1/redact {size // 1024} KB")
            self.redact(records, name=f"/v1/redact {size // 1024} KB")


class MixedTraffic(VeilUser):
    """Redact, detect, audit queries, provider status and health in proportion."""

    abstract = True

    @task(12)
    def redact_task(self) -> None:
        self.redact(self.document())

    @task(4)
    def detect(self) -> None:
        payload = '{"text": ' + json.dumps(self.document()) + "}"
        self.client.post("/v1/detect", data=payload, headers=HEADERS)

    @task(2)
    def audit_page(self) -> None:
        self.client.get("/v1/audit/events?limit=50", headers=HEADERS, name="/v1/audit/events")

    @task(1)
    def provider_status(self) -> None:
        self.client.get("/v1/providers/status", headers=HEADERS)

    @task(1)
    def health(self) -> None:
        self.client.get("/health")
