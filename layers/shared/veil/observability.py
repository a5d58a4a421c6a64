"""The logger for the whole service. Nothing that carries request content is ever logged:
no `log_event=True`, no bodies, no exception messages (they may quote input)."""

from aws_lambda_powertools import Logger

logger = Logger(service="veil")
