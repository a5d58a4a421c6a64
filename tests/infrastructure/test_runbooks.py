"""Every command the runbooks tell ops to run exists and is well-formed: `veil` lines parse
with the real CLI, `make` targets exist, `sam` subcommands and options are real."""

import os
import re
import shlex
import subprocess
import sys
from functools import cache

import pytest

from tests.conftest import ROOT
from tests.infrastructure.test_template import SAM_CLI
from veil.cli import build_parser

DOCS = [
    *sorted((ROOT / "docs" / "runbooks").glob("*.md")),
    ROOT / "docs" / "PRODUCTION-SIGN-OFF.md",
]
TOOLS = ("veil", "make", "sam", "curl")


def commands() -> list[tuple[str, str]]:
    """(file, command line) for every command in a ```sh block, or in a table cell's code
    span (the sign-off sheet's commands). Code spans in prose only name commands."""
    found = []
    for doc in DOCS:
        text = doc.read_text()
        lines = [
            line
            for block in re.findall(r"```sh\n(.*?)```", text, re.S)
            for line in block.splitlines()
        ]
        table_rows = [row for row in text.splitlines() if row.startswith("|")]
        lines += [span for row in table_rows for span in re.findall(r"`([^`]+)`", row)]
        for line in lines:
            line = re.sub(r"\s+#.*$", "", line).strip()
            words = _words(line)
            if words and words[0] in TOOLS:
                found.append((doc.name, line))
    return found


def _words(line: str) -> list[str]:
    """The command's words: environment assignments and `uv run` dropped, `$VARS` filled."""
    try:
        words = shlex.split(line)
    except ValueError:
        return []
    while words and re.fullmatch(r"[A-Z_]+=.*", words[0]):
        words = words[1:]
    if words[:2] == ["uv", "run"]:
        words = words[2:]
    return [re.sub(r"\$\w+|\$\{\w+\}", "x", w) for w in words]


COMMANDS = commands()


def test_the_runbooks_name_commands() -> None:
    tools = {_words(line)[0] for _, line in COMMANDS}
    assert {"veil", "make", "sam"} <= tools
    assert len(COMMANDS) >= 25


@pytest.mark.parametrize(("doc", "line"), COMMANDS)
def test_command_is_well_formed(doc: str, line: str) -> None:
    words = _words(line)
    match words[0]:
        case "veil":
            try:
                build_parser().parse_args(words[1:])
            except SystemExit as error:
                pytest.fail(f"{doc}: `{line}` does not parse ({error})")
        case "make":
            targets = set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(), re.M))
            named = [w for w in words[1:] if "=" not in w]
            assert named, f"{doc}: `{line}` names no target"
            assert set(named) <= targets, f"{doc}: `{line}`: no such make target"
        case "sam":
            subcommand = [w for w in words[1:] if not w.startswith("-")][:2]
            help_text = _sam_help(tuple(subcommand))
            if "Usage: sam" not in help_text or "No such command" in help_text:
                subcommand = subcommand[:1]
                help_text = _sam_help(tuple(subcommand))
            assert "No such command" not in help_text, f"{doc}: `{line}`"
            for option in (w for w in words if w.startswith("--")):
                assert option in help_text, f"{doc}: `{line}`: sam has no {option}"
        case "curl":
            assert any(w.startswith(("http", "$API_URL", "x/")) for w in words), line


@cache
def _sam_help(subcommand: tuple[str, ...]) -> str:
    env = {**os.environ, "SAM_CLI_TELEMETRY": "0"}
    sam = [sys.executable, "-m", "uv", "tool", "run", "--from", SAM_CLI, "sam"]
    result = subprocess.run(
        [*sam, *subcommand, "--help"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    return result.stdout + result.stderr
