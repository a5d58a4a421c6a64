"""`make openapi`: regenerate the API's OpenAPI document from the handlers' routes.

Writes layers/shared/veil/http/openapi.json (served at GET /v1/openapi.json; docs/openapi.json
links to it). tests/infrastructure/test_openapi.py fails when the committed one is stale."""

import json
from pathlib import Path

from veil.http.openapi import merged_spec
from veil.local.routes import ROUTES
from veil.local.server import load_function

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "layers" / "shared" / "veil" / "http" / "openapi.json"


def generate() -> str:
    needs_key = {route.function: route.authorized for route in ROUTES}
    apps = [
        (load_function(ROOT / "functions", function).app, authorized)
        for function, authorized in sorted(needs_key.items())
    ]
    return json.dumps(merged_spec(apps), indent=2, sort_keys=False) + "\n"


if __name__ == "__main__":
    SPEC.write_text(generate())
    print(f"wrote {SPEC.relative_to(ROOT)}")
