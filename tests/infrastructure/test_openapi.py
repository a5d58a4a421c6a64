"""The committed OpenAPI document is the one the handlers describe today."""

import json

from tests.conftest import ROOT
from tools.openapi import SPEC, generate


def test_committed_spec_is_current() -> None:
    assert SPEC.read_text() == generate(), "run `make openapi` and commit the result"


def test_docs_link_to_the_served_spec() -> None:
    assert (ROOT / "docs" / "openapi.json").resolve() == SPEC.resolve()
    spec = json.loads(SPEC.read_text())
    assert spec["paths"]["/health"]["get"]["security"] == []
    assert spec["paths"]["/v1/redact"]["post"]["security"] == [{"ApiKey": []}]
    problem = spec["paths"]["/v1/redact"]["post"]["responses"]["415"]["content"]
    assert "application/problem+json" in problem
