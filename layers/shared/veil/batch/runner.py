"""Run `veil redact`: read inputs, redact chunks on every core, write in order, report.

Each worker process builds the engine once (RE2 programs cannot be sent between
processes); chunks go out and come back in input order through `Pool.imap`. A progress
bar (tqdm) is drawn on standard error when it is a terminal.
"""

import itertools
import sys
import time
from collections import Counter
from collections.abc import Mapping
from contextlib import AbstractContextManager, ExitStack, nullcontext
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import IO, Any

from veil.batch.formats import Format, chunks, csv_header, redact_chunk
from veil.detection.engine import Engine, default_engine
from veil.detection.entities import Entity
from veil.detection.options import Options
from veil.redaction.operators import AnyOperator, redact

_worker: tuple[Engine, Options, Mapping[str, AnyOperator], bytes] | None = None


def _start_worker(options: Options, operators: Mapping[str, AnyOperator], key: bytes) -> None:
    global _worker
    _worker = (default_engine(), options, operators, key)


def _redact(job: tuple[Format, int, str, tuple[str, ...]]) -> tuple[str, Counter[str], int]:
    if _worker is None:
        raise RuntimeError("the worker was not started")
    engine, options, operators, key = _worker
    kind, first_line, chunk, header = job

    def analyze(text: str, key: str) -> list[Entity]:
        return engine.analyze(text, options, key)

    def transform(text: str, entities: list[Entity]) -> str:
        return redact(text, entities, operators, key)

    out, found = redact_chunk(kind, first_line, chunk, analyze, transform, header)
    return out, found, len(chunk.encode())


@dataclass
class Summary:
    files: int = 0
    bytes_in: int = 0
    seconds: float = 0.0
    found: Counter[str] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        rate = self.bytes_in / 1e6 / self.seconds if self.seconds else 0.0
        head = (
            f"{self.files} input(s), {self.bytes_in / 1e6:.1f} MB in {self.seconds:.1f} s "
            f"({rate:.2f} MB/s); {sum(self.found.values())} value(s) redacted"
        )
        return [head, *(f"  {kind}: {n}" for kind, n in sorted(self.found.items()))]


def run(
    inputs: list[Path | None],
    outputs: list[Path | None],
    kind: Format | None,
    options: Options,
    operators: Mapping[str, AnyOperator],
    key: bytes,
    workers: int,
) -> Summary:
    """Redact each input (None: standard input) to its output (None: standard output)."""
    summary = Summary()
    started = time.perf_counter()
    # Not fork: a process with threads (a test runner, a library's pool) may deadlock a
    # forked child. Workers start clean and build their own engine.
    context = get_context("forkserver" if sys.platform == "linux" else "spawn")
    with ExitStack() as stack:
        pool = None
        if workers > 1:
            pool = stack.enter_context(
                context.Pool(workers, _start_worker, (options, operators, key))
            )
        else:
            _start_worker(options, operators, key)
        for source, target in zip(inputs, outputs, strict=True):
            fmt = kind or Format.of(source)
            reader = stack.enter_context(_open_in(source))
            writer = stack.enter_context(_open_out(target))
            bar = stack.enter_context(_progress(source))
            lines = iter(reader)
            head = next(lines, "")
            header = csv_header(head) if fmt is Format.CSV else ()
            jobs = (
                (fmt, first, chunk, header)
                for first, chunk in chunks(itertools.chain([head] if head else [], lines), fmt)
            )
            results = pool.imap(_redact, jobs) if pool else map(_redact, jobs)
            for out, found, size in results:
                writer.write(out)
                summary.found.update(found)
                summary.bytes_in += size
                bar.update(size)
            summary.files += 1
    sys.stdout.flush()
    summary.seconds = time.perf_counter() - started
    return summary


def _open_in(source: Path | None) -> AbstractContextManager[IO[str]]:
    if source is None:
        return nullcontext(sys.stdin)  # used, not closed
    return source.open(encoding="utf-8", newline="")


def _open_out(target: Path | None) -> AbstractContextManager[IO[str]]:
    if target is None:
        return nullcontext(sys.stdout)
    return target.open("w", encoding="utf-8", newline="")


def _progress(source: Path | None) -> Any:
    from tqdm import tqdm  # imported only by the CLI, never by a Lambda function

    total = source.stat().st_size if source is not None else None
    return tqdm(
        total=total,
        unit="B",
        unit_scale=True,
        desc=source.name if source else "stdin",
        disable=not sys.stderr.isatty(),
        file=sys.stderr,
    )
