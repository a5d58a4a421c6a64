"""One cold start of the engine, in this fresh process: import, build, first call, and the
first name-like candidate (which reads the name lists). `make bench` runs it three
times, each in a new interpreter."""

import time

started = time.perf_counter()
from veil.detection import default_engine  # noqa: E402 - the import is what is timed

imported = time.perf_counter()
engine = default_engine()
built = time.perf_counter()
engine.analyze("Contact jane@example.com, SSN 536-22-8174")
first = time.perf_counter()
engine.analyze("Thanks, Jordan Lee")
named = time.perf_counter()
print(
    f"| {1000 * (imported - started):.0f} | {1000 * (built - imported):.0f} "
    f"| {1000 * (first - built):.1f} | {1000 * (named - first):.0f} |"
)
