"""A stand-in for a self-hosted Presidio analyzer on loopback, following its documented
contract: POST /analyze {"text", "language", "entities"?} -> [{"entity_type", "start",
"end", "score"}]. It can be told to be healthy, slow, failing or wrong."""

import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PATTERNS = {
    "EMAIL_ADDRESS": r"[\w.+-]+@[\w-]+\.[\w.]+",
    "US_SSN": r"\b\d{3}-\d{2}-\d{4}\b",
    "CREDIT_CARD": r"\b(?:\d{4} ){3}\d{4}\b",
    "PERSON": r"(?i)\bjordan avery\b",
    "PHONE_NUMBER": r"\+1 \d{3} \d{3} \d{4}",
    "IBAN_CODE": r"\bDE\d{2}(?: \d{4}){4} \d{2}\b",
    "IP_ADDRESS": r"\b\d{1,3}(?:\.\d{1,3}){3}\b",
    "URL": r"https?://\S+",
}


class Behaviour:
    mode = "healthy"  # healthy | slow | failing | wrong
    delay_s = 3.0
    calls = 0


def analyze(text: str, behaviour: type[Behaviour]) -> list[dict[str, Any]]:
    results = [
        {"entity_type": kind, "start": m.start(), "end": m.end(), "score": 0.85}
        for kind, pattern in PATTERNS.items()
        for m in re.finditer(pattern, text)
    ]
    if behaviour.mode == "wrong":  # answers, but finds nothing useful
        return [{"entity_type": "DATE_TIME", "start": 0, "end": 1, "score": 0.3}]
    return results


@contextmanager
def presidio_standin() -> Iterator[tuple[str, type[Behaviour]]]:
    behaviour = type("B", (Behaviour,), {})

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            behaviour.calls += 1
            body = json.loads(self.rfile.read(int(self.headers["content-length"])))
            if self.path != "/analyze" or behaviour.mode == "failing":
                self.send_response(500 if behaviour.mode == "failing" else 404)
                self.end_headers()
                return
            if behaviour.mode == "slow":
                time.sleep(behaviour.delay_s)
            payload = json.dumps(analyze(body["text"], behaviour)).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", behaviour
    finally:
        server.shutdown()
        server.server_close()
