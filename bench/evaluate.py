"""`make eval`: Veil's engine on the labeled corpus and on each set of hand-written held-out
documents (bench/heldout.py); prints the accuracy tables and writes them into
docs/accuracy.md. With `--predictions FILE --speed-of JSON [--heldout-dir DIR]` (as `make
eval-presidio` runs it) it scores another system's answers instead (one JSON list of
{start, end, type} per line, in corpus order; DIR/presidio-NAME.jsonl for each held-out
set) and compares its speed with Veil's, measured in the same run."""

import argparse
import json
import statistics
import time
from pathlib import Path

from bench import heldout
from bench.corpus import Span, generate
from bench.documents import fixed_size_documents
from bench.scoring import score, table
from veil.detection import default_engine

CORPUS_SIZE = 2600
ACCURACY_DOC = Path(__file__).parent.parent / "docs" / "accuracy.md"


def veil_predictions(texts: list[str]) -> tuple[list[list[Span]], float]:
    engine = default_engine()
    engine.analyze("warm up: jane@example.com Dr. Okafor")
    started = time.perf_counter()
    found = [[Span(e.start, e.end, e.type.value) for e in engine.analyze(t)] for t in texts]
    return found, time.perf_counter() - started


def veil_kilobyte_latency(texts: list[str]) -> tuple[float, float]:
    engine = default_engine()
    samples = []
    for document in fixed_size_documents(texts, 1000, 300):
        started = time.perf_counter()
        engine.analyze(document)
        samples.append(time.perf_counter() - started)
    cuts = statistics.quantiles(samples, n=100)
    return cuts[49] * 1000, cuts[98] * 1000


def replace_section(document: Path, name: str, content: str) -> None:
    """Put `content` between the document's `<!-- NAME:begin -->` and `:end` markers."""
    text = document.read_text()
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    head, rest = text.split(begin, 1)
    tail = rest.split(end, 1)[1]
    document.write_text(f"{head}{begin}\n{content}\n{end}{tail}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--predictions", type=Path, help="score these instead of Veil's")
    parser.add_argument("--speed-of", type=Path, help="the other system's speed (JSON)")
    parser.add_argument(
        "--heldout-dir", type=Path, help="its answers on the held-out sets (presidio-NAME.jsonl)"
    )
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    docs = generate(CORPUS_SIZE)
    texts = [d.text for d in docs]
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    veil_found, seconds = veil_predictions(texts)
    veil_mb_s = megabytes / seconds
    kb_p50, kb_p99 = veil_kilobyte_latency(texts)
    speed = (
        f"Veil: {len(docs)} documents, {megabytes:.2f} MB in {seconds:.2f} s = "
        f"{veil_mb_s:.2f} MB/s; 1 KB documents p50 {kb_p50:.2f} ms, p99 {kb_p99:.2f} ms "
        "(one process, one core)."
    )
    if args.predictions:
        predicted = _read_predictions(args.predictions)
        other = json.loads(args.speed_of.read_text())
        speed += (
            f"\n\n{other['system']}: {other['mb_per_s']:.4f} MB/s; 1 KB documents p50 "
            f"{other['kb_p50_ms']:.1f} ms, p99 {other['kb_p99_ms']:.1f} ms.\n\n"
            f"Veil's throughput is {veil_mb_s / other['mb_per_s']:.0f}x Presidio's; its 1 KB "
            f"p99 is {100 * kb_p99 / other['kb_p99_ms']:.2f}% of Presidio's."
        )
        section = "presidio"
    else:
        predicted, section = veil_found, "veil"
    output = f"{table(score([d.spans for d in docs], predicted))}\n\n{speed}"
    print(output)
    if not args.no_write:
        replace_section(ACCURACY_DOC, section, output)
    if args.predictions and not args.heldout_dir:
        return
    for name, source in heldout.SETS.items():
        held_out = heldout.load(source)
        found = (
            _read_predictions(args.heldout_dir / f"presidio-{name}.jsonl")
            if args.heldout_dir
            else veil_predictions([d.text for d in held_out])[0]
        )
        held_out_table = table(score([d.spans for d in held_out], found))
        print(f"\n{source.name} ({len(held_out)} documents):\n\n{held_out_table}")
        if not args.no_write:
            replace_section(ACCURACY_DOC, f"{name}-{section}", held_out_table)


def _read_predictions(path: Path) -> list[list[Span]]:
    return [[Span(**s) for s in json.loads(line)] for line in path.read_text().splitlines()]


if __name__ == "__main__":
    main()
