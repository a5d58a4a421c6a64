"""Veil: PII detection and redaction. Handlers in functions/ call into this package."""
