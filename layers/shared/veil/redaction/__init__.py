"""Redaction: operators that replace detected values in text."""

from veil.redaction.operators import Hash, Mask, Operator, Redact, Replace, redact

__all__ = ["Hash", "Mask", "Operator", "Redact", "Replace", "redact"]
