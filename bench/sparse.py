"""Sparser text for a second speed comparison: each corpus document followed by four times
its length of plain English (Faker's en_US sentences), so labeled values stand five times
further apart than in the corpus. `make eval-presidio` runs Presidio on it and
this module's `--compare` measures Veil on the same texts and prints the ratio.

    python -m bench.sparse --out FILE            # the texts, as JSON Lines
    python -m bench.sparse --compare SPEED.json  # Veil on them, against Presidio's speed
"""

import argparse
import json
import random
import time

from faker import Faker

from bench.corpus import generate
from bench.documents import fixed_size_documents
from veil.detection import default_engine

COUNT, FILLER = 600, 4


def texts(count: int = COUNT, seed: int = 11) -> list[str]:
    faker = Faker("en_US")
    faker.seed_instance(seed)
    rng = random.Random(seed)
    out = []
    for doc in generate(count, seed=seed):
        prose: list[str] = []
        while sum(map(len, prose)) < FILLER * len(doc.text):
            prose.append(faker.paragraph(nb_sentences=rng.randint(2, 6)))
        out.append(doc.text + "\n\n" + "\n\n".join(prose))
    return out


def compare(presidio: dict[str, float]) -> str:
    engine = default_engine()
    sample = texts()
    engine.analyze(sample[0])
    started = time.perf_counter()
    for text in sample:
        engine.analyze(text)
    seconds = time.perf_counter() - started
    megabytes = sum(len(t.encode()) for t in sample) / 1e6
    one_kb = []
    for document in fixed_size_documents(sample, 1000, 300):
        t = time.perf_counter()
        engine.analyze(document)
        one_kb.append(time.perf_counter() - t)
    one_kb.sort()
    p99 = one_kb[int(len(one_kb) * 0.99) - 1] * 1000
    veil = megabytes / seconds
    return (
        f"Sparser text ({len(sample)} documents, {megabytes:.2f} MB): Veil {veil:.2f} MB/s, "
        f"1 KB p99 {p99:.2f} ms; Presidio {presidio['mb_per_s']:.4f} MB/s, 1 KB p99 "
        f"{presidio['kb_p99_ms']:.1f} ms: {veil / presidio['mb_per_s']:.0f}x the throughput, "
        f"{100 * p99 / presidio['kb_p99_ms']:.2f}% of the 1 KB p99."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", help="write the texts as JSON Lines")
    parser.add_argument("--compare", help="Presidio's speed (JSON from bench.presidio_run)")
    args = parser.parse_args()
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            for text in texts():
                out.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    if args.compare:
        with open(args.compare, encoding="utf-8") as speed:
            print(compare(json.load(speed)))


if __name__ == "__main__":
    main()
