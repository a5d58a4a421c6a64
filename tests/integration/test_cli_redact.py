"""`veil redact`: files and standard input, JSON Lines, CSV and text, in parallel, with
exit codes scripts can rely on and errors that say where, never what."""

import io
import json
import os
import re
from pathlib import Path

import pytest

from veil.batch import formats
from veil.batch.command import EXIT_FOUND, EXIT_INPUT, EXIT_USAGE
from veil.cli import main

SSN, CARD, EMAIL = "536-22-8174", "4111111111111111", "jane@example.com"


def test_jsonl_keeps_structure_and_key_order_and_redacts_numbers(tmp_path: Path) -> None:
    source = tmp_path / "events.jsonl"
    rows = [
        {"z": "ssn " + SSN, "card": int(CARD), "count": 123456789012, "nested": {"a": [EMAIL, 7]}},
        {"ok": True, "none": None, "price": 12.5},
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows))
    target = tmp_path / "out.jsonl"
    assert main(["redact", str(source), "-o", str(target), "--workers", "1"]) == 0
    first, second = (json.loads(line) for line in target.read_text().splitlines())
    assert list(first) == ["z", "card", "count", "nested"]
    assert first == {
        "z": "ssn <US_SSN>",
        "card": "<CREDIT_CARD>",
        "count": 123456789012,  # a long number that is no identifier stays a number
        "nested": {"a": ["<EMAIL_ADDRESS>", 7]},
    }
    assert second == rows[1]


def test_a_json_key_labels_its_value(tmp_path: Path) -> None:
    # Alone, a bare date or a nine-digit number is nothing; under "dob" or "ssn" it is.
    source = tmp_path / "people.jsonl"
    row = {"dob": "1990-07-23", "ssn": "536228174", "order_id": "536228174", "logins": ["x"]}
    source.write_text(json.dumps(row) + "\n")
    target = tmp_path / "out.jsonl"
    assert main(["redact", str(source), "-o", str(target), "--workers", "1"]) == 0
    assert json.loads(target.read_text()) == {
        "dob": "<DATE_OF_BIRTH>",
        "ssn": "<US_SSN>",
        "order_id": "536228174",
        "logins": ["x"],
    }


def test_a_csv_header_labels_its_column(tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text("name,dob,ssn,order\nJhalak Majumdar,1990-07-23,536228174,536228174\n")
    target = tmp_path / "out.csv"
    assert main(["redact", str(source), "-o", str(target), "--workers", "1"]) == 0
    assert target.read_text().splitlines() == [
        "name,dob,ssn,order",
        "<PERSON>,<DATE_OF_BIRTH>,<US_SSN>,536228174",
    ]
    headless = tmp_path / "rows.csv"  # a first row of values labels nothing
    headless.write_text("1990-07-23,536228174\n1990-07-23,536228174\n")
    assert main(["redact", str(headless), "-o", str(target), "--workers", "1"]) == 0
    assert target.read_text() == headless.read_text()


def test_csv_from_standard_input_with_the_api_operators(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    other = "omar@example.org"
    monkeypatch.setattr(
        "sys.stdin", io.StringIO(f"id,email,card\n1,{EMAIL},{CARD}\n2,{EMAIL},x\n3,{other},x\n")
    )
    operators = json.dumps({"DEFAULT": {"type": "pseudonymize"}})
    assert main(["redact", "--format", "csv", "--operators", operators, "--workers", "1"]) == 0
    captured = capsys.readouterr()
    rows = [line.split(",") for line in captured.out.splitlines()]
    assert rows[0] == ["id", "email", "card"]
    # Keyed tokens: the same value the same token in every cell, chunk and process, and
    # two values never one token (counted ones restart at 1 in each cell).
    assert rows[1][1] == rows[2][1] != rows[3][1]
    assert all(re.fullmatch(r"<EMAIL_ADDRESS_[0-9a-f]{12}>", r[1]) for r in rows[1:])
    assert re.fullmatch(r"<CREDIT_CARD_[0-9a-f]{12}>", rows[1][2])
    assert "EMAIL_ADDRESS: 3" in captured.err
    assert EMAIL not in captured.err


def test_parallel_run_equals_serial_run_and_keeps_multiline_values_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(formats, "CHUNK_BYTES", 2_000)  # many chunks from a small file
    key = "-----BEGIN PRIVATE KEY-----\nMIIabc\n+/9=\n-----END PRIVATE KEY-----"
    paragraphs = [f"Paragraph {n}: ssn {SSN}, mail {EMAIL}.\n{key}\n\n" for n in range(200)]
    source = tmp_path / "notes.txt"
    source.write_text("".join(paragraphs))
    serial, parallel = tmp_path / "serial.txt", tmp_path / "parallel.txt"
    assert main(["redact", str(source), "-o", str(serial), "--workers", "1"]) == 0
    assert main(["redact", str(source), "-o", str(parallel), "--workers", "2"]) == 0
    assert parallel.read_text() == serial.read_text()
    assert serial.read_text().count("<PRIVATE_KEY>") == 200
    assert SSN not in serial.read_text()


def test_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean, dirty, broken = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.jsonl"
    clean.write_text("nothing here\n")
    dirty.write_text(f"ssn {SSN}\n")
    broken.write_text(f'{{"ok": 1}}\n{{"ssn": "{SSN}"\n')
    out = tmp_path / "out"
    assert main(["redact", str(clean), "--fail-on-findings", "-o", str(out)]) == 0
    assert main(["redact", str(dirty), "--fail-on-findings", "-o", str(out)]) == EXIT_FOUND
    assert main(["redact", str(broken), "-o", str(out)]) == EXIT_INPUT
    assert "line 2 is not JSON" in capsys.readouterr().err
    assert main(["redact", str(clean), str(dirty)]) == EXIT_USAGE  # two inputs, no --output-dir
    bad_operator = json.dumps({"US_SSN": {"type": "shred"}})
    assert main(["redact", str(clean), "--operators", bad_operator]) == EXIT_USAGE
    assert SSN not in capsys.readouterr().err


def test_output_dir_and_a_key_file_make_hashes_repeatable(tmp_path: Path) -> None:
    key = tmp_path / "key"
    key.write_bytes(os.urandom(32).hex().encode())
    key.chmod(0o644)
    source = tmp_path / "in.txt"
    source.write_text(f"ssn {SSN}\n")
    hashing = ["--operators", json.dumps({"DEFAULT": {"type": "hash"}}), "--key-file", str(key)]
    assert main(["redact", str(source), "--output-dir", str(tmp_path / "x"), *hashing]) == (
        EXIT_USAGE  # a key others can read is refused
    )
    key.chmod(0o600)
    for run in ("one", "two"):
        assert main(["redact", str(source), "--output-dir", str(tmp_path / run), *hashing]) == 0
    one, two = ((tmp_path / run / "in.txt").read_text() for run in ("one", "two"))
    assert one == two
    assert SSN not in one


def test_a_progress_bar_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.txt"
    source.write_text(f"ssn {SSN}\n" * 1000)
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    assert main(["redact", str(source), "-o", str(tmp_path / "out.txt"), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "in.txt: 100%" in err  # tqdm's bar, labeled with the file
    assert SSN not in err
