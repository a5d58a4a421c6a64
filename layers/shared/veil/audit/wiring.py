"""The audit log, built once per execution environment from the settings."""

from functools import cache

from veil.audit.log import AuditLog
from veil.audit.repository import AuditRepository
from veil.audit.spool import DirectorySpool, Spool, SqsSpool
from veil.database.pool import default_pool
from veil.settings import Settings, get_settings
from veil.tenant_keys import TenantKeys


@cache
def default_tenant_keys() -> TenantKeys:
    return TenantKeys(get_settings().master_keys)  # read through the cache on each use


@cache
def default_audit_repository() -> AuditRepository:
    return AuditRepository(default_pool(), default_tenant_keys())


@cache
def default_audit_log() -> AuditLog:
    return AuditLog(default_audit_repository(), spool_from(get_settings()))


def spool_from(settings: Settings) -> Spool | None:
    if settings.audit_spool_queue_url:
        import boto3  # only the AWS path pays for it at cold start

        return SqsSpool(boto3.client("sqs"), settings.audit_spool_queue_url)
    if settings.audit_spool_dir:
        return DirectorySpool(settings.audit_spool_dir)
    return None
