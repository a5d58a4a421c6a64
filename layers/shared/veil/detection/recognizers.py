"""Pattern recognizers: one small, self-describing unit per pattern.

A recognizer is a linear-time RE2 pattern (no backreferences, no lookaround, bounded
repetitions), a base score, and a validator that confirms or trims each match. Word
boundaries are checked in code (`bounded`), not with a leading `\\b`, which would defeat
RE2's literal prefix acceleration.

To add one: append a `Recognizer` to `RECOGNIZERS`, with positive and negative examples in
tests/unit/test_recognizers.py.
"""

from dataclasses import dataclass

from veil.detection import validators
from veil.detection.entities import EntityType
from veil.detection.validators import Validator


@dataclass(frozen=True, slots=True)
class Recognizer:
    name: str
    entity_type: EntityType
    pattern: str
    score: float
    validate: Validator | None = None
    bounded: bool = True  # the match may not touch a letter or digit (any script) on either side


_DIGIT_SEP = r"[ -]?"

RECOGNIZERS: tuple[Recognizer, ...] = (
    Recognizer(
        "email",
        EntityType.EMAIL_ADDRESS,
        r"[\pL\pN._%+\-]{1,64}@[\pL\pN\-]{1,63}(?:\.[\pL\pN\-]{1,63}){0,8}\.\pL{2,24}",
        0.95,
        validators.email_address,
    ),
    Recognizer(
        "credit_card",
        EntityType.CREDIT_CARD,
        r"[2-6][0-9]{3}" + f"(?:{_DIGIT_SEP}[0-9]){{8,15}}",
        0.95,
        validators.credit_card,
    ),
    Recognizer(
        "us_ssn",
        EntityType.US_SSN,
        r"[0-8][0-9]{2}-[0-9]{2}-[0-9]{4}|[0-8][0-9]{2} [0-9]{2} [0-9]{4}",
        0.85,
        validators.us_ssn,
    ),
    Recognizer(
        "iban",
        EntityType.IBAN_CODE,
        r"[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}",
        0.95,
        validators.iban,
    ),
    Recognizer(
        "phone_international",
        EntityType.PHONE_NUMBER,
        r"(?:\+|00)[1-9][0-9 ().\-]{6,20}[0-9]",
        0.75,
        validators.phone_number("ZZ"),
    ),
    Recognizer(
        "phone_us",
        EntityType.PHONE_NUMBER,
        r"\(?[2-9][0-9]{2}\)?[ .\-]?[2-9][0-9]{2}[ .\-]?[0-9]{4}",
        0.7,
        validators.phone_number("US"),
    ),
    Recognizer(
        "ipv4",
        EntityType.IP_ADDRESS,
        r"[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}",
        0.85,
        validators.ip_address,
    ),
    Recognizer(
        "ipv6",
        EntityType.IP_ADDRESS,
        r"[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:]{1,34}(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3})?",
        0.85,
        validators.ip_address,
    ),
    Recognizer(
        "url",
        EntityType.URL,
        r"(?i:https?|ftp)://[^\s<>\"'`]+|www\.[A-Za-z0-9\-]{1,63}\.[^\s<>\"'`]{2,}",
        0.6,
        validators.url,
    ),
    Recognizer(
        "aws_access_key",
        EntityType.AWS_ACCESS_KEY,
        r"(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}",
        0.95,
    ),
    Recognizer("github_token", EntityType.API_TOKEN, r"gh[pousr]_[A-Za-z0-9]{36,255}", 0.95),
    Recognizer(
        "github_fine_grained_token",
        EntityType.API_TOKEN,
        r"github_pat_[A-Za-z0-9_]{82}",
        0.95,
    ),
    Recognizer("slack_token", EntityType.API_TOKEN, r"xox[abposr]-[A-Za-z0-9\-]{10,250}", 0.95),
    Recognizer(
        "stripe_key",
        EntityType.API_TOKEN,
        r"(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,247}",
        0.95,
    ),
    Recognizer("google_api_key", EntityType.API_TOKEN, r"AIza[0-9A-Za-z_\-]{35}", 0.9),
    Recognizer("veil_api_key", EntityType.API_TOKEN, r"veil_[A-Za-z0-9]{40}", 0.95),
    Recognizer(
        "jwt",
        EntityType.API_TOKEN,
        r"eyJ[A-Za-z0-9_\-]{4,}\.eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*",
        0.95,
        validators.jwt,
    ),
)
