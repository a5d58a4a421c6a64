"""The API over HTTP: a local server (the same one `veil serve` runs) on an ephemeral port."""

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from tests.conftest import ROOT, Database, throwaway_postgres
from veil.auth import ApiKeyStore, Scope
from veil.database.pool import Pool
from veil.local.postgres import EmbeddedPostgres
from veil.local.server import LocalApi, make_server


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    raw: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.raw)


@dataclass
class Client:
    base_url: str
    key: str

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        key: str | None = "default",
    ) -> Reply:
        sent = {"content-type": "application/json", **(headers or {})}
        if key is not None:
            sent["x-api-key"] = self.key if key == "default" else key
        request = urllib.request.Request(  # noqa: S310 (an http URL on loopback)
            self.base_url + path, data=body, method=method, headers=sent
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback)
                return Reply(response.status, dict(response.headers.items()), response.read())
        except urllib.error.HTTPError as error:
            return Reply(error.code, dict(error.headers.items()), error.read())

    def post(self, path: str, document: Any, **kwargs: Any) -> Reply:
        return self.request("POST", path, json.dumps(document).encode(), **kwargs)


@pytest.fixture(scope="session")
def server_url(service_environment: Database) -> Iterator[str]:
    server = make_server(LocalApi(ROOT / "functions"), "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def keys(admin_pool: Pool) -> ApiKeyStore:
    return ApiKeyStore(admin_pool)


@pytest.fixture(scope="session")
def client(server_url: str, keys: ApiKeyStore) -> Client:
    _, key = keys.create("tenant-a", "api-tests", [Scope.REDACT, Scope.DETECT])
    return Client(server_url, key)


@pytest.fixture
def postgres() -> Iterator[EmbeddedPostgres]:
    """A PostgreSQL server of this test's own, which it may stop and start."""
    with throwaway_postgres() as server:
        server.start()
        yield server
