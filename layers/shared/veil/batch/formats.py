"""The file formats `veil redact` reads, cut into chunks that can be redacted apart.

A chunk is a run of whole records (lines of JSON Lines, rows of CSV, paragraphs of text),
so no value is split between two chunks: text is cut only at blank lines, which no
personal value spans.
"""

import csv
import io
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path

from veil.detection.context import is_header_row
from veil.detection.entities import Entity
from veil.redaction.documents import walk

type Analyze = Callable[[str, str], list[Entity]]  # the text, and the key it stands under
type Transform = Callable[[str, list[Entity]], str]

CHUNK_BYTES = 1 << 20


class Format(StrEnum):
    TEXT = "text"
    JSONL = "jsonl"
    CSV = "csv"

    @classmethod
    def of(cls, path: Path | None) -> "Format":
        suffix = path.suffix.lower() if path else ""
        return {".jsonl": cls.JSONL, ".ndjson": cls.JSONL, ".csv": cls.CSV}.get(suffix, cls.TEXT)


class InputError(Exception):
    """A record that cannot be read; the message names where, never what."""


def chunks(lines: Iterable[str], kind: Format) -> Iterator[tuple[int, str]]:
    """(first line number, chunk) of about CHUNK_BYTES, cut where `kind` allows."""
    buffer: list[str] = []
    size, first, number = 0, 1, 0
    for number, line in enumerate(lines, start=1):
        buffer.append(line)
        size += len(line)
        at_boundary = kind is not Format.TEXT or not line.strip()
        if size >= CHUNK_BYTES and at_boundary:
            yield first, "".join(buffer)
            buffer, size, first = [], 0, number + 1
    if buffer:
        yield first, "".join(buffer)


def csv_header(first_line: str) -> tuple[str, ...]:
    """The labels of a CSV file's columns, when its first line reads as a header row; its
    cells then label the cells under them, as a document's keys do."""
    cells = next(csv.reader([first_line]), [])
    return tuple(cells) if len(cells) > 1 and is_header_row(cells) else ()


def redact_chunk(
    kind: Format,
    first_line: int,
    chunk: str,
    analyze: Analyze,
    transform: Transform,
    header: tuple[str, ...] = (),
) -> tuple[str, Counter[str]]:
    found: Counter[str] = Counter()

    def visit(_: str, key: str, text: str) -> str:
        entities = analyze(text, key)
        found.update(e.type.value for e in entities)
        return transform(text, entities) if entities else text

    if kind is Format.TEXT:
        return visit("$", "", chunk), found
    if kind is Format.JSONL:
        out = []
        for offset, line in enumerate(chunk.splitlines(keepends=True)):
            if not line.strip():
                out.append(line)
                continue
            try:
                document = json.loads(line)
            except json.JSONDecodeError:
                raise InputError(f"line {first_line + offset} is not JSON") from None
            redacted = walk(document, visit, _everything)
            out.append(json.dumps(redacted, ensure_ascii=False) + "\n")
        return "".join(out), found
    rows = io.StringIO()
    writer = csv.writer(rows, lineterminator="\n")
    try:
        for row in csv.reader(io.StringIO(chunk)):
            labels = header or ("",) * len(row)
            writer.writerow(
                [visit("$", labels[i] if i < len(labels) else "", c) for i, c in enumerate(row)]
            )
    except csv.Error:
        raise InputError(f"a CSV row from line {first_line} on cannot be parsed") from None
    return rows.getvalue(), found


def _everything(_: str) -> bool:
    return True
