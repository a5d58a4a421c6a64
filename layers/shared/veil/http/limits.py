"""Request limits, one place for all handlers (documented in docs/api.md)."""

MAX_BODY_BYTES = 1_048_576  # 1 MiB of UTF-8 JSON; API Gateway's own cap is 10 MB
MAX_ENTITY_FILTERS = 64
MAX_OPERATORS = 64
