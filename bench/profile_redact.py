"""make profile: where the time of a 1 KB redact call goes, through the whole local path
(HTTP request -> API Gateway event -> authorizer -> handler -> engine -> audit append),
500 calls in process on a PostgreSQL cluster of its own, under pyinstrument."""

import json
import logging
import os
import time
from pathlib import Path

from pyinstrument import Profiler

from bench.cluster import own_cluster
from tests.load.payloads import text
from veil.auth import ApiKeyStore, Scope
from veil.database.pool import default_pool, open_pool

ROOT = Path(__file__).resolve().parent.parent
CALLS = 500


def main() -> None:
    with own_cluster() as (admin_url, app_url):
        os.environ.update(DATABASE_URL=app_url, VEIL_MASTER_KEY="ab" * 32)
        logging.getLogger("veil").setLevel(logging.WARNING)  # the request log is noise here
        with open_pool(admin_url, size=1) as pool:
            _, key = ApiKeyStore(pool).create("profile", "bench", [Scope.REDACT])
        from veil.local.server import LocalApi  # after the environment is set

        api = LocalApi(ROOT / "functions")
        headers = {"x-api-key": key, "content-type": "application/json"}
        bodies = [json.dumps({"text": text(1024, seed)}).encode() for seed in range(50)]
        for body in bodies[:20]:  # warm: modules loaded, pools open, engine compiled
            api.dispatch("POST", "/v1/redact", headers, body)
        profiler = Profiler(interval=0.0005)
        began = time.perf_counter()
        with profiler:
            for n in range(CALLS):
                status, _, _ = api.dispatch("POST", "/v1/redact", headers, bodies[n % len(bodies)])
                assert status == 200
        elapsed = time.perf_counter() - began
        print(f"{CALLS} calls, {elapsed / CALLS * 1000:.2f} ms each on average (profiler on)\n")
        print(profiler.output_text(unicode=False, color=False, show_all=False))
        default_pool().close()


if __name__ == "__main__":
    main()
