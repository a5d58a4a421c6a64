"""`make bench`: the detection engine's speed. Throughput over ~10 MB of the evaluation
corpus's genres, latency percentiles for 1 KB, 10 KB and 100 KB documents, hostile 100 KB
inputs against ordinary text of that size, where the time goes (prefilter, scans, the
rest), one RE2 Set of every pattern against the engine's packed Sets, and cold starts.
One process, one core; prints markdown.
"""

import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from bench.corpus import generate
from bench.documents import fixed_size_documents
from veil.detection import default_engine
from veil.detection.engine import Engine, _search_set, _searcher


def _timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def _percentiles(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=100)
    return cuts[49], cuts[98]


ADVERSARIAL: dict[str, str] = {
    "digits": "1" * 100_000,
    "digits with separators": "1-" * 50_000,
    "spaced digit groups": "4111 " * 20_000,
    "at signs": "a@" * 50_000,
    "dots": "a." * 50_000,
    "repeated key prefix": "AKIA" * 25_000,
    "capitalised words": "Mary Ann " * 11_111,
    "capitalised words, then an address": "Ann Lee Bo " * 9_000 + "<ann@x.io>",
    "unclosed PEM blocks": "-----BEGIN PRIVATE KEY-----\n" * 3_600,
    "password keywords": "password=" * 11_111,
    "URL userinfo": "ftp://a:" * 12_500,
    "HL7 segment names": "PID|" * 25_000,
}


def main() -> None:
    engine = default_engine()
    engine.analyze("warm up: Dr. Okafor, jane@example.com, +44 20 7946 0958")
    texts = [d.text for d in generate(33_000, seed=7)]
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    seconds = _timed(lambda: [engine.analyze(t) for t in texts])
    print(f"Throughput: {megabytes:.1f} MB in {seconds:.1f} s = {megabytes / seconds:.2f} MB/s\n")
    print("| document | count | p50 ms | p99 ms |\n|---|---:|---:|---:|")
    typical_100k = 0.0
    for size, count in ((1_000, 2_000), (10_000, 300), (100_000, 40)):
        docs = fixed_size_documents(texts, size, count)
        p50, p99 = _percentiles([_timed(lambda d=d: engine.analyze(d)) for d in docs])
        print(f"| {size // 1000} KB | {count} | {p50 * 1000:.2f} | {p99 * 1000:.2f} |")
        typical_100k = p50
    print("\n| hostile 100 KB input | ms | x ordinary 100 KB p50 |\n|---|---:|---:|")
    for name, text in ADVERSARIAL.items():
        best = min(_timed(lambda t=text: engine.analyze(t)) for _ in range(3))
        print(f"| {name} | {best * 1000:.1f} | {best / typical_100k:.2f} |")
    where_the_time_goes(engine, texts[:3000])
    cold_starts()


def where_the_time_goes(engine: Engine, texts: list[str]) -> None:
    encoded = [t.encode() for t in texts]
    megabytes = sum(map(len, encoded)) / 1e6
    prefilter = _timed(lambda: [engine._matching(e) for e in encoded])
    matched = [engine._matching(e) for e in encoded]

    searchers = [_searcher(c) for c in engine._compiled]
    matches = 0

    def scans() -> None:
        nonlocal matches
        for text, indices in zip(encoded, matched, strict=True):
            for i in indices:
                search, position = searchers[i], 0
                while (span := search(text, position, len(text)))[0] >= 0:
                    start, end = span
                    position = end if end > start else start + 1
                    matches += 1

    scanning = _timed(scans)
    whole = _timed(lambda: [engine.analyze(t) for t in texts])
    print(f"\nWhere the time goes over {megabytes:.1f} MB ({whole:.2f} s in all):\n")
    print("| part | s | share |\n|---|---:|---:|")
    rest = whole - prefilter - scanning
    for name, seconds in (("prefilter Sets", prefilter), ("pattern scans", scanning),
                          ("validation, context, entities (Python)", rest)):  # fmt: skip
        print(f"| {name} | {seconds:.2f} | {seconds / whole:.0%} |")
    print(
        f"\n{matches:,} pattern matches, one per {megabytes * 1e6 / matches:.0f} bytes; "
        f"{whole / matches * 1e6:.1f} µs per match in all, {rest / matches * 1e6:.1f} µs of "
        "it in Python."
    )
    one_set = _search_set(r.pattern for r in engine._recognizers)
    single = _timed(lambda: [one_set.Match(e) for e in encoded])
    print(
        f"\nPrefilter: one RE2 Set of all {len(engine._recognizers)} patterns "
        f"{megabytes / single:.2f} MB/s; the engine's {len(engine._prefilters)} packed Sets "
        f"{megabytes / prefilter:.2f} MB/s ({len(engine._unfiltered)} patterns scanned "
        "without a Set)."
    )


def cold_starts(runs: int = 3) -> None:
    print("\nCold start, each in a new interpreter (ms):\n")
    print("| import | build | first call | first name |\n|---:|---:|---:|---:|")
    for _ in range(runs):
        subprocess.run([sys.executable, "-m", "bench.cold_start"], check=True)


if __name__ == "__main__":
    main()
