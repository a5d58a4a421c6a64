"""Libraries log models (Powertools does at DEBUG): no request or response model's repr may
show a value the caller sent."""

from veil.api import presidio_compat as presidio
from veil.api.models import RedactRequest, ReidentifyRequest

SECRET = "536-22-8174"


def test_request_reprs_hide_text_lists_patterns_and_documents() -> None:
    shown = [
        RedactRequest.model_validate(
            {
                "document": {"note": SECRET},
                "allow_list": [SECRET],
                "deny_list": [{"value": SECRET, "type": "US_SSN"}],
                "patterns": [{"name": "p", "type": "US_SSN", "regex": SECRET}],
            }
        ),
        RedactRequest.model_validate({"text": SECRET}),
        ReidentifyRequest.model_validate({"text": SECRET}),
        presidio.AnalyzeRequest.model_validate(
            {
                "text": SECRET,
                "allow_list": [SECRET],
                "ad_hoc_recognizers": [
                    {
                        "name": "r",
                        "supported_entity": "US_SSN",
                        "patterns": [{"name": "p", "regex": SECRET}],
                        "deny_list": [SECRET],
                    }
                ],
            }
        ),
        presidio.AnonymizeRequest.model_validate({"text": SECRET, "analyzer_results": []}),
    ]
    for model in shown:
        assert SECRET not in repr(model)
        assert SECRET.replace("-", "") not in repr(model)
