"""The held-out documents of bench/heldout.txt: written by hand, outside the generator, so
they test what the corpus cannot — names, layouts and formats the generator never makes.
`make eval` scores Veil on them separately (docs/accuracy.md)."""

import argparse
import json
import re
from dataclasses import asdict
from pathlib import Path

from bench.corpus import DECOY, Document

SOURCE = Path(__file__).with_name("heldout.txt")
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


def load(source: Path = SOURCE) -> list[Document]:
    body = source.read_text().split("\n===\n", 1)[1]
    return [parse(part.strip("\n")) for part in body.split("\n===\n") if part.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description="write the held-out documents as JSON Lines")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    with open(args.out, "w", encoding="utf-8") as out:
        for doc in load():
            out.write(json.dumps(asdict(doc), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
