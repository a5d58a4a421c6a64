"""The held-out documents (bench/heldout.txt, bench/heldout-2.txt …): written by hand,
outside the generator, so they test what the corpus cannot — names, layouts and formats
the generator never makes. `make eval` scores Veil on each set separately, `make
eval-presidio` Presidio (docs/accuracy.md)."""

import argparse
import json
import re
from dataclasses import asdict
from pathlib import Path

from bench.corpus import DECOY, Document

HERE = Path(__file__).parent
# Each set by the name of its section in docs/accuracy.md.
SETS = {
    "heldout": HERE / "heldout.txt",
    "heldout2": HERE / "heldout-2.txt",
    "heldout3": HERE / "heldout-3.txt",
    "heldout4": HERE / "heldout-4.txt",
    "heldout5": HERE / "heldout-5.txt",
    "heldout6": HERE / "heldout-6.txt",
}
_MARK = re.compile(r"\[\[([A-Z_]+)\|(.*?)\]\]|\{\{(.*?)\}\}", re.DOTALL)


def parse(document: str) -> Document:
    """Text and spans of one document: [[TYPE|value]] labels a value, {{value}} a
    look-alike that must not be flagged."""
    doc = Document(genre="held-out")
    position = 0
    for mark in _MARK.finditer(document):
        doc.add(document[position : mark.start()])
        kind, value, decoy = mark.groups()
        doc.add((kind, value) if kind else (DECOY, decoy))
        position = mark.end()
    doc.add(document[position:])
    return doc


def load(source: Path) -> list[Document]:
    body = source.read_text().split("\n===\n", 1)[1]
    return [parse(part.strip("\n")) for part in body.split("\n===\n") if part.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description="write each held-out set as JSON Lines")
    parser.add_argument("--out-dir", type=Path, required=True, help="writes NAME.jsonl")
    args = parser.parse_args()
    for name, source in SETS.items():
        with open(args.out_dir / f"{name}.jsonl", "w", encoding="utf-8") as out:
            for doc in load(source):
                out.write(json.dumps(asdict(doc), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
