"""Redaction: operators that replace detected values in text."""

from veil.redaction.operators import (
    Hash,
    Keep,
    Mask,
    Operator,
    Pseudonymize,
    Redact,
    Replace,
    redact,
)

__all__ = ["Hash", "Keep", "Mask", "Operator", "Pseudonymize", "Redact", "Replace", "redact"]
