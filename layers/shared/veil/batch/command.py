"""`veil redact`: its arguments, options (validated by the API's own request model) and exit
codes; the work is in veil.batch.runner."""

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the engine and the API models load only when `veil redact` runs
    from collections.abc import Mapping

    from veil.api.models import RedactRequest
    from veil.redaction.operators import AnyOperator

# Exit codes of `veil redact`, for scripts (docs/cli.md).
EXIT_FOUND = 1  # with --fail-on-findings: personal data was found (and redacted)
EXIT_USAGE = 2  # argparse's own code for bad arguments
EXIT_INPUT = 3  # an input could not be read or parsed


def add_redact_command(
    commands: "argparse._SubParsersAction[argparse.ArgumentParser]",
) -> None:
    redact = commands.add_parser(
        "redact",
        help="redact text, JSON Lines and CSV files offline with the local engine",
        description="Redact files (standard input when none) with the local engine; the "
        "format follows the file's suffix (.jsonl, .ndjson, .csv; anything else is text).",
    )
    redact.add_argument("files", nargs="*", type=Path)
    redact.add_argument("--format", choices=["text", "jsonl", "csv"], help="override the suffix")
    redact.add_argument("-o", "--output", type=Path, help="output file (one input; default stdout)")
    redact.add_argument("--output-dir", type=Path, help="one redacted copy per input, same name")
    redact.add_argument("--operators", help='JSON as in the API ({"DEFAULT": …}), or @FILE')
    redact.add_argument("--entities", help="comma-separated types (default: all)")
    redact.add_argument("--score-threshold", type=float, default=0.0)
    redact.add_argument("--allow", action="append", default=[], help="a value never redacted")
    redact.add_argument("--workers", type=int, default=default_workers(), help="processes")
    redact.add_argument(
        "--key-file",
        type=Path,
        help="key for hash and stable pseudonyms (mode 0600); default: a new key per run",
    )
    redact.add_argument(
        "--fail-on-findings", action="store_true", help=f"exit {EXIT_FOUND} if anything was found"
    )
    redact.set_defaults(run=_redact_files)


def _redact_files(args: argparse.Namespace) -> int:
    from veil.batch.formats import Format, InputError
    from veil.batch.runner import run

    try:
        request = _redaction_options(args)
        inputs, outputs = _destinations(args.files, args.output, args.output_dir)
        key = _hash_key(args.key_file)
    except ValueError as error:
        print(f"veil redact: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        summary = run(
            inputs,
            outputs,
            Format(args.format) if args.format else None,
            request.options(),
            _across_chunks(request.operators),
            key,
            max(1, args.workers),
        )
    except (InputError, OSError, UnicodeDecodeError) as error:
        # Where, never what: the message of a decoding error quotes no text.
        print(f"veil redact: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_INPUT
    for line in summary.lines():
        print(line, file=sys.stderr)
    return EXIT_FOUND if args.fail_on_findings and summary.found else 0


def _redaction_options(args: argparse.Namespace) -> "RedactRequest":
    """The options as an API request body, validated by the same model."""
    from pydantic import ValidationError

    from veil.api.models import RedactRequest

    operators = args.operators or "{}"
    if operators.startswith("@"):
        operators = Path(operators[1:]).read_text()
    body = {
        "text": "",
        "operators": json.loads(operators),
        "score_threshold": args.score_threshold,
        "allow_list": args.allow,
    }
    if args.entities:
        body["entities"] = [e.strip() for e in args.entities.split(",") if e.strip()]
    try:
        return RedactRequest.model_validate(body)
    except ValidationError as error:
        where = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()
        )
        raise ValueError(f"invalid options: {where}") from None


def _destinations(
    files: list[Path], output: Path | None, output_dir: Path | None
) -> tuple[list[Path | None], list[Path | None]]:
    inputs: list[Path | None] = list(files) or [None]
    if len(inputs) > 1 and output_dir is None:
        raise ValueError("several inputs need --output-dir")
    if output_dir is not None:
        output_dir.mkdir(parents=True, exist_ok=True)
        names = [p.name if p else "stdin" for p in inputs]
        return inputs, [output_dir / name for name in names]
    return inputs, [output]


def _hash_key(path: Path | None) -> bytes:
    if path is None:
        return os.urandom(32)
    if path.stat().st_mode & 0o077:
        raise ValueError(f"{path} is readable by others: chmod 600 it")
    key = path.read_bytes().strip()
    if len(key) < 32:
        raise ValueError(f"{path} holds fewer than 32 bytes")
    return key


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _across_chunks(operators: "Mapping[str, AnyOperator]") -> "dict[str, AnyOperator]":
    """Files are redacted in chunks on several processes, each numbering from 1: counted
    pseudonyms (`<EMAIL_ADDRESS_1>`) would give two different values one token. Keyed
    tokens are the same for the same value in every chunk and differ between values."""
    from veil.redaction.operators import Pseudonymize

    return {
        kind: Pseudonymize(stable=True) if isinstance(op, Pseudonymize) else op
        for kind, op in operators.items()
    }
