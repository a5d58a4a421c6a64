"""CodeDeploy BeforeAllowTraffic hook: smoke-check the new versions, report the verdict."""

from functools import cache
from typing import Any

import boto3
from aws_lambda_powertools.utilities.typing import LambdaContext

from veil.observability import logger
from veil.ops.smoke import SmokeTargets, lambda_invoker, run_pre_traffic_hook


@cache
def _clients() -> tuple[Any, Any]:
    return boto3.client("lambda"), boto3.client("codedeploy")


@logger.inject_lambda_context(log_event=False)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    lambda_client, codedeploy = _clients()
    verdict = run_pre_traffic_hook(
        event, lambda_invoker(lambda_client), SmokeTargets.from_env(), codedeploy
    )
    logger.info("pre-traffic verdict", extra=verdict)
    return verdict
