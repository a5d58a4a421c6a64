"""Drains the SQS audit spool into PostgreSQL. Idempotent by event id; a record that
fails is reported back (partial batch response) and retried, then dead-lettered."""

from typing import Any

from aws_lambda_powertools.utilities.batch import (
    BatchProcessor,
    EventType,
    process_partial_response,
)
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from veil.audit import AuditEvent
from veil.audit.wiring import default_audit_repository
from veil.observability import logger

processor = BatchProcessor(event_type=EventType.SQS)


def store(record: SQSRecord) -> None:
    default_audit_repository().append(AuditEvent.from_json(record.body))


@logger.inject_lambda_context(log_event=False)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return process_partial_response(
        event=event, record_handler=store, processor=processor, context=context
    )
