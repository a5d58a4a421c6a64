"""Scheduled (EventBridge, every minute): probe each provider with canary texts, record
the results in PostgreSQL and as CloudWatch metrics."""

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from veil.observability import logger
from veil.providers.probes import record_probe_metrics
from veil.providers.wiring import default_monitor, default_pipeline


@logger.inject_lambda_context(log_event=False)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    pipeline = default_pipeline()
    results = default_monitor().run_probes({pipeline.local.name: pipeline.local, **pipeline.others})
    record_probe_metrics(results)
    return {
        "probed": [r.provider for r in results],
        "failed": [r.provider for r in results if not r.ok],
    }
