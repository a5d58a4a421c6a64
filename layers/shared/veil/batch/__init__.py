"""Offline redaction of files for `veil redact`: text, JSON Lines and CSV, in parallel."""
