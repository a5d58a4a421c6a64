"""Recognizers of HL7 v2 messages: a field's place in its segment says what it holds."""

from veil.detection import validators
from veil.detection.entities import EntityType
from veil.detection.recognizers.recognizer import Recognizer


def _hl7_field(pid: int, nk1: int | None = None) -> str:
    """An HL7 segment from its name up to field PID-`pid` (or NK1-`nk1`), which follows."""
    segments = [("PID", pid)] + ([("NK1", nk1)] if nk1 else [])
    fields = "|".join(f"{name}(?:\\|[^|\\r\\n]*){{{number - 1}}}" for name, number in segments)
    return f"(?:{fields})\\|"


RECOGNIZERS: tuple[Recognizer, ...] = (
    # HL7 v2 messages: a field's place in its segment says what it holds (PID-5 the
    # patient's name, PID-7 the birth date, PID-11 the address, PID-19 the SSN; NK1-2 and
    # NK1-4 the next of kin's name and address).
    Recognizer(
        "hl7_person",
        EntityType.PERSON,
        _hl7_field(5, nk1=2) + r"[^|\r\n]+",
        0.9,
        validators.last_field(validators.hl7_name),
    ),
    Recognizer(
        "hl7_birth_date",
        EntityType.DATE_OF_BIRTH,
        _hl7_field(7) + r"[0-9]{8}(?:[0-9]{2,6})?",
        0.9,
        validators.last_field(validators.hl7_date),
    ),
    Recognizer(
        "hl7_address",
        EntityType.ADDRESS,
        _hl7_field(11, nk1=4) + r"[^|\r\n]+",
        0.9,
        validators.last_field(validators.hl7_address),
    ),
    Recognizer(
        "hl7_ssn",
        EntityType.US_SSN,
        _hl7_field(19) + r"[0-9]{3}-?[0-9]{2}-?[0-9]{4}",
        0.9,
        validators.last_field(validators.us_ssn),
    ),
)
