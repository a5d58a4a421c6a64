"""`make eval`: Veil's engine on the labeled corpus; prints the accuracy table and writes
docs/accuracy.md. `--predictions FILE` scores another system's answers instead (one JSON
list of {start, end, type} per line, in corpus order), as `make eval-presidio` does."""

import argparse
import json
import time
from pathlib import Path

from bench.corpus import Span, generate
from bench.scoring import Report, table
from veil.detection import default_engine

CORPUS_SIZE = 2600


def veil_predictions(texts: list[str]) -> tuple[list[list[Span]], float]:
    engine = default_engine()
    engine.analyze("warm up: jane@example.com Dr. Okafor")
    started = time.perf_counter()
    found = [[Span(e.start, e.end, e.type.value) for e in engine.analyze(t)] for t in texts]
    return found, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--predictions", type=Path, help="score these instead of Veil's")
    parser.add_argument("--write", type=Path, help="write the report (markdown) here")
    args = parser.parse_args()
    docs = generate(CORPUS_SIZE)
    texts = [d.text for d in docs]
    if args.predictions:
        predicted = [
            [Span(**s) for s in json.loads(line)]
            for line in args.predictions.read_text().splitlines()
        ]
        seconds = None
    else:
        predicted, seconds = veil_predictions(texts)
    from bench.scoring import score

    report: Report = score([d.spans for d in docs], predicted)
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    lines = [table(report), ""]
    if seconds is not None:
        lines.append(
            f"{len(docs)} documents, {megabytes:.2f} MB in {seconds:.2f} s: "
            f"{megabytes / seconds:.2f} MB/s (one process, one core)."
        )
    output = "\n".join(lines)
    print(output)
    if args.write:
        args.write.write_text(output + "\n")


if __name__ == "__main__":
    main()
