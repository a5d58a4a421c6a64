"""The SQS spool end to end on moto: events spooled, then drained by audit_writer with
partial-batch failure reporting; redelivery stores nothing twice."""

import json
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws

from tests.audit_helpers import make_event
from tests.conftest import ROOT
from veil.audit.spool import SqsSpool
from veil.database.pool import Pool
from veil.local.server import LocalApi

pytestmark = pytest.mark.usefixtures("service_environment")


@pytest.fixture
def queue(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Any, str]]:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
    with mock_aws():
        client = boto3.client("sqs", region_name="eu-west-1")
        yield client, client.create_queue(QueueName="veil-audit-spool")["QueueUrl"]


def sqs_event(messages: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "Records": [
            {
                "messageId": m["MessageId"],
                "receiptHandle": m["ReceiptHandle"],
                "body": m["Body"],
                "attributes": {"ApproximateReceiveCount": "1"},
                "messageAttributes": {},
                "md5OfBody": m["MD5OfBody"],
                "eventSource": "aws:sqs",
                "eventSourceARN": "arn:aws:sqs:eu-west-1:123456789012:veil-audit-spool",
                "awsRegion": "eu-west-1",
            }
            for m in messages
        ]
    }


def test_spooled_events_are_drained_once_and_bad_records_reported(
    queue: tuple[Any, str], admin_pool: Pool
) -> None:
    client, url = queue
    events = [make_event("spool-tenant") for _ in range(3)]
    for event in events:
        SqsSpool(client, url).put(event)
    client.send_message(QueueUrl=url, MessageBody="{not json")
    messages = client.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]
    assert len(messages) == 4
    writer = LocalApi(ROOT / "functions")

    response = writer.invoke("audit_writer", sqs_event(messages))
    bad = next(m["MessageId"] for m in messages if m["Body"] == "{not json")
    assert response == {"batchItemFailures": [{"itemIdentifier": bad}]}
    assert writer.invoke("audit_writer", sqs_event(messages)) == response  # redelivered

    with admin_pool.connection() as conn:
        stored = conn.execute(
            "SELECT event_id FROM audit_events WHERE tenant_id = 'spool-tenant'"
        ).fetchall()
    assert sorted(str(r[0]) for r in stored) == sorted(str(e.event_id) for e in events)


def test_sample_event_file_is_an_sqs_batch() -> None:
    sample = json.loads((ROOT / "events" / "audit_spool.json").read_text())
    assert sample["Records"][0]["eventSource"] == "aws:sqs"
