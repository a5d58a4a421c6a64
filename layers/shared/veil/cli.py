"""The `veil` command: offline redaction of files, local server, database migrations, API
keys, tenants, the audit trail and traffic shifting."""

import argparse
import os
import re
import shlex
import signal
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from veil.auth import ApiKeyStore, Scope
from veil.batch.command import add_redact_command

if TYPE_CHECKING:
    from veil.tenant_keys import TenantKeys

EXAMPLE_TEXT = "Contact jane.doe@example.com, card 4111 1111 1111 1111, SSN 536-22-8174."


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.run(args)
    return result


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="veil", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    add_redact_command(commands)

    serve = commands.add_parser("serve", help="run the API locally on an HTTP port")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=3000)
    serve.add_argument(
        "--state-dir",
        type=Path,
        default=Path(".veil"),
        help="where the embedded database and local master key live",
    )
    serve.add_argument("--functions-dir", type=Path, default=Path("functions"))
    serve.add_argument(
        "--probe-interval",
        type=float,
        default=60.0,
        help="seconds between provider probes (the schedule in AWS: 60)",
    )
    serve.add_argument(
        "--rate-limit",
        type=float,
        default=20.0,
        help="requests/s per API key, as the stage's usage plan (0: no limit)",
    )
    serve.add_argument("--burst", type=float, default=40.0, help="requests a key may burst")
    serve.set_defaults(run=_serve)

    db = commands.add_parser("db", help="database schema").add_subparsers(dest="db", required=True)
    db.add_parser(
        "migrate", help="apply pending migrations (DATABASE_URL, owner role)"
    ).set_defaults(run=_migrate)

    keys = commands.add_parser("keys", help="API keys").add_subparsers(dest="keys", required=True)
    create = keys.add_parser("create", help="create a key and print it once")
    create.add_argument("--tenant", required=True)
    create.add_argument("--client", default="default")
    create.add_argument(
        "--scopes", required=True, type=_scopes, help=f"comma-separated: {','.join(Scope)}"
    )
    create.add_argument("--usage-plan-id",
                        help="deployed stages: register the key in this usage plan "
                        "(stack output UsagePlanId) so API Gateway throttles it")  # fmt: skip
    create.add_argument("--region")
    create.set_defaults(run=_create_key)
    revoke = keys.add_parser("revoke", help="revoke a key by its id")
    revoke.add_argument("key_id")
    revoke.set_defaults(run=_revoke_key)

    tenants = commands.add_parser("tenants", help="tenant settings (DATABASE_URL = owner role)")
    tenant_commands = tenants.add_subparsers(dest="tenants", required=True)
    providers = tenant_commands.add_parser(
        "providers", help="show or set the detection providers a tenant uses"
    )
    providers.add_argument("tenant")
    providers.add_argument(
        "--set",
        dest="providers",
        type=lambda v: v.split(","),
        help="comma-separated: local,presidio,comprehend",
    )
    providers.set_defaults(run=_tenant_providers)
    origins = tenant_commands.add_parser(
        "cors", help="show or set the browser origins whose pages may read a tenant's responses"
    )
    origins.add_argument("tenant")
    origins.add_argument(
        "--set",
        dest="origins",
        type=lambda v: [o for o in v.split(",") if o],
        help="comma-separated origins, e.g. https://app.example.com ('' for none)",
    )
    origins.set_defaults(run=_tenant_cors)
    reidentify = tenant_commands.add_parser(
        "reidentify", help="show, allow or forbid turning a tenant's encrypted values back"
    )
    reidentify.add_argument("tenant")
    switch = reidentify.add_mutually_exclusive_group()
    switch.add_argument("--enable", dest="enabled", action="store_true", default=None)
    switch.add_argument("--disable", dest="enabled", action="store_false")
    reidentify.set_defaults(run=_tenant_reidentify)
    policy = tenant_commands.add_parser(
        "operators", help="show or set a tenant's default operators (JSON, as in requests)"
    )
    policy.add_argument("tenant")
    policy.add_argument("--set", dest="operators", help='e.g. {"CREDIT_CARD": {"type": "mask"}}')
    policy.set_defaults(run=_tenant_operators)

    audit = commands.add_parser("audit", help="the audit trail (DATABASE_URL = owner role)")
    audit_commands = audit.add_subparsers(dest="audit", required=True)
    verify = audit_commands.add_parser("verify", help="check the hash chains; exit 1 if broken")
    verify.add_argument("--tenant")
    verify.add_argument(
        "--since",
        type=datetime.fromisoformat,
        help="only events recorded since (ISO 8601, with time zone)",
    )
    verify.set_defaults(run=_verify)
    retention = audit_commands.add_parser("retention", help="drop months past the window")
    retention.add_argument("--keep-days", type=int, required=True)
    retention.add_argument(
        "--force", action="store_true", help="drop even when a chain is broken (destroys evidence)"
    )
    retention.add_argument("--dry-run", action="store_true")
    retention.set_defaults(run=_retention)
    partitions = audit_commands.add_parser("partitions", help="prepare months ahead")
    partitions.add_argument("--ahead", type=int, default=3)
    partitions.set_defaults(run=_partitions)

    traffic = commands.add_parser("traffic", help="the live alias's traffic, by hand (AWS)")
    traffic_commands = traffic.add_subparsers(dest="traffic", required=True)
    for name, help_text in (
        ("status", "versions and weights, alarms, deployments in flight"),
        ("shift", "send a share of traffic to a version"),
        ("promote", "the version with the extra share takes all traffic"),
        ("rollback", "stop deployments in flight; all traffic to the previous version"),
    ):
        command = traffic_commands.add_parser(name, help=help_text)
        command.add_argument("--function", required=True, help="function name or ARN")
        command.add_argument("--alias", default="live")
        command.add_argument("--application", help="CodeDeploy application (to see deployments)")
        command.add_argument("--deployment-group", help="CodeDeploy deployment group")
        command.add_argument("--region")
        if name == "shift":
            command.add_argument("--version", required=True)
            command.add_argument("--weight", type=float, required=True, help="share, 0 to 1")
        if name != "status":
            command.add_argument("--dry-run", action="store_true", help="show, change nothing")
            command.add_argument("--yes", action="store_true", help="do not ask for confirmation")
        if name in ("shift", "promote"):
            command.add_argument(
                "--force",
                action="store_true",
                help="move traffic even while the function's alarms fire",
            )
        command.set_defaults(run=_traffic)
    return parser


def _scopes(value: str) -> list[Scope]:
    try:
        return [Scope(s.strip()) for s in value.split(",") if s.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"scopes are {', '.join(Scope)}") from None


def _database_url() -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        sys.exit("veil: set DATABASE_URL to the database (owner role)")
    return url


def _migrate(args: argparse.Namespace) -> int:
    from veil.database.migrations import migrate

    applied = migrate(_database_url())
    for migration in applied:
        print(f"applied {migration.version:04d}_{migration.name}")
    print("schema is current" if not applied else f"{len(applied)} migration(s) applied")
    return 0


def _create(
    url: str, tenant: str, client: str, scopes: list[Scope], usage_plan_id: str | None = None,
    region: str | None = None,
) -> tuple[str, str]:  # fmt: skip
    from veil.database.pool import open_pool

    register = None
    if usage_plan_id:
        import boto3

        from veil.auth.usage import usage_plan_registrar

        apigateway = boto3.session.Session(region_name=region).client("apigateway")
        register = usage_plan_registrar(apigateway, usage_plan_id)
    with open_pool(url, size=1) as pool:
        return ApiKeyStore(pool).create(tenant, client, scopes, register)


def _create_key(args: argparse.Namespace) -> int:
    key_id, key = _create(
        _database_url(), args.tenant, args.client, args.scopes, args.usage_plan_id, args.region
    )
    print(f"key id: {key_id}")
    print(f"key:    {key}")
    print("The key is shown only this once; Veil stores only its hash.")
    return 0


def _revoke_key(args: argparse.Namespace) -> int:
    from veil.database.pool import open_pool

    with open_pool(_database_url(), size=1) as pool:
        revoked = ApiKeyStore(pool).revoke(args.key_id)
    if revoked:
        print(f"revoked {args.key_id}")
        return 0
    print(f"veil: no active key with id {args.key_id}", file=sys.stderr)
    return 1


def _traffic(args: argparse.Namespace) -> int:
    import boto3

    from veil.ops.traffic import Traffic, TrafficError

    session = boto3.session.Session(region_name=args.region)
    traffic = Traffic(
        session.client("lambda"), session.client("cloudwatch"), session.client("codedeploy"),
        args.function, args.alias, args.application, args.deployment_group,
    )  # fmt: skip
    before = traffic.state()
    print(f"{before.function} alias {before.alias}")
    print(f"  now:   {before.routing()}")
    for name, state in sorted(before.alarms.items()):
        print(f"  alarm: {name} {state}")
    for deployment in before.deployments:
        print(f"  deployment in flight: {deployment}")
    for warning in before.warnings():
        print(f"  WARNING: {warning}")
    if args.traffic == "status":
        return 0
    try:
        if args.traffic == "shift":
            after = traffic.shift(before, args.version, args.weight, args.force)
        elif args.traffic == "promote":
            after = traffic.promote(before, args.force)
        else:
            after = traffic.rollback(before)
    except TrafficError as refused:
        print(f"veil: {refused}", file=sys.stderr)
        return 1
    for deployment in set(before.deployments) - set(after.deployments):
        print(f"  will stop deployment {deployment} (with rollback)")
    print(f"  after: {after.routing()}")
    if args.dry_run:
        print("dry run: nothing changed")
        return 0
    if not args.yes and not _confirm("apply?"):
        print("nothing changed")
        return 1
    done = traffic.apply(before, after)
    print(f"  done:  {done.routing()}")
    return 0


def _confirm(question: str) -> bool:
    try:
        return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:  # no terminal: never assume yes
        return False


def _tenant_providers(args: argparse.Namespace) -> int:
    from veil.tenants import TenantSettings

    known = {"local", "presidio", "comprehend"}
    if args.providers is not None and not set(args.providers) <= known:
        sys.exit(f"veil: providers are {', '.join(sorted(known))}")
    return _tenant_setting(
        args.tenant,
        args.providers,
        TenantSettings.set_providers,
        lambda chosen: chosen.providers(args.tenant),
        lambda enabled: ", ".join(sorted(enabled)),
    )


def _tenant_cors(args: argparse.Namespace) -> int:
    from veil.tenants import TenantSettings

    if args.origins and not all(re.fullmatch(r"https?://[^/\s]+", o) for o in args.origins):
        sys.exit("veil: an origin is scheme://host[:port], nothing more")
    return _tenant_setting(
        args.tenant,
        args.origins,
        TenantSettings.set_allowed_origins,
        lambda chosen: chosen.allowed_origins(args.tenant),
        lambda allowed: ", ".join(sorted(allowed)) or "no origins (no CORS)",
    )


def _tenant_reidentify(args: argparse.Namespace) -> int:
    from veil.tenants import TenantSettings

    return _tenant_setting(
        args.tenant,
        args.enabled,
        TenantSettings.set_reidentify,
        lambda chosen: chosen.reidentify_enabled(args.tenant),
        lambda enabled: f"re-identification {'on' if enabled else 'off'}",
    )


def _tenant_operators(args: argparse.Namespace) -> int:
    import json

    from pydantic import ValidationError

    from veil.tenants import TenantSettings

    try:
        return _tenant_setting(
            args.tenant,
            json.loads(args.operators) if args.operators is not None else None,
            TenantSettings.set_operators,
            lambda chosen: chosen.operators(args.tenant),
            lambda ops: (
                json.dumps({k: v.model_dump() for k, v in ops.items()})
                if ops
                else "no defaults (replace with <TYPE>)"
            ),
        )
    except (ValueError, ValidationError) as error:
        sys.exit(f"veil: invalid operators: {error}")


def _tenant_setting(
    tenant: str,
    new_value: Any,
    store: Callable[[Any, str, Any], None],
    read: Callable[[Any], Any],
    show: Callable[[Any], str],
) -> int:
    """Set one of a tenant's choices when a new value is given, then print what stands."""
    from veil.database.pool import open_pool
    from veil.tenants import TenantSettings

    with open_pool(_database_url(), size=1) as pool:
        if new_value is not None:
            store(pool, tenant, new_value)
        print(f"{tenant}: {show(read(TenantSettings(pool)))}")
    return 0


def _tenant_keys() -> "TenantKeys":
    from veil.settings import Settings
    from veil.tenant_keys import TenantKeys

    try:
        return TenantKeys(Settings().master_keys())
    except RuntimeError as error:
        sys.exit(f"veil: {error}")


def _verify(args: argparse.Namespace) -> int:
    import psycopg

    from veil.audit.verify import verify_chains

    with psycopg.connect(_database_url(), autocommit=True) as conn:
        report = verify_chains(conn, _tenant_keys(), tenant=args.tenant, since=args.since)
    print(f"verified {report.events} event(s) in {report.tenants} chain(s)")
    for broken in report.breaks:
        print(f"BROKEN tenant={broken.tenant_id} seq={broken.seq} {broken.kind}: {broken.detail}")
    return 0 if report.ok else 1


def _retention(args: argparse.Namespace) -> int:
    import psycopg

    from veil.audit import AuditRepository
    from veil.audit.retention import RetentionRefusedError, apply_retention
    from veil.database.pool import open_pool

    url, keys = _database_url(), _tenant_keys()
    with psycopg.connect(url, autocommit=True) as conn, open_pool(url, size=1) as pool:
        try:
            report = apply_retention(
                conn, AuditRepository(pool, keys), keys, args.keep_days,
                force=args.force, dry_run=args.dry_run,
            )  # fmt: skip
        except RetentionRefusedError as refused:
            for broken in refused.report.breaks:
                print(f"BROKEN tenant={broken.tenant_id} seq={broken.seq} {broken.kind}")
            print(f"veil: {refused}; nothing dropped (--force drops anyway)", file=sys.stderr)
            return 1
    verb = "would drop" if args.dry_run else "dropped"
    print(f"cutoff {report.cutoff:%Y-%m-%d}: {verb} {len(report.dropped)} partition(s)")
    for name in report.dropped:
        print(f"  {name}")
    for tenant_id, (seq, _) in sorted(report.anchors.items()):
        print(f"  tenant {tenant_id}: events through seq {seq}")
    return 0


def _partitions(args: argparse.Namespace) -> int:
    import psycopg

    from veil.audit.retention import ensure_partitions, monthly_partitions

    with psycopg.connect(_database_url(), autocommit=True) as conn:
        ensure_partitions(conn, args.ahead)
        names = sorted(monthly_partitions(conn))
    print(f"{len(names)} monthly partition(s): {names[0]} .. {names[-1]}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from veil.audit.spool import DirectorySpool
    from veil.audit.wiring import default_audit_repository
    from veil.database.pool import default_pool
    from veil.local.background import every
    from veil.local.environment import prepare
    from veil.local.rate_limit import RateLimiter
    from veil.local.server import LocalApi, make_server
    from veil.providers.wiring import default_monitor, default_pipeline

    environment = prepare(args.state_dir)
    environment.export()
    spool, pipeline = DirectorySpool(environment.spool_dir), default_pipeline()
    providers = {pipeline.local.name: pipeline.local, **pipeline.others}
    background = [
        every(1.0, lambda: spool.drain(default_audit_repository().append), "spool-drain"),
        every(args.probe_interval, lambda: default_monitor().run_probes(providers), "probes"),
    ]
    _, key = _create(environment.admin_url, "local", "developer", list(Scope))
    limiter = RateLimiter(args.rate_limit, args.burst) if args.rate_limit > 0 else None
    server = make_server(LocalApi(args.functions_dir.resolve(), limiter), args.host, args.port)
    host, port = args.host, server.server_address[1]
    body = shlex.quote(f'{{"text": "{EXAMPLE_TEXT}"}}')
    print(f"Veil is listening on http://{host}:{port}", flush=True)
    where = f"embedded, in {args.state_dir}" if environment.postgres else "DATABASE_URL"
    print(f"database: {where}")
    print(f"API key for this session (all scopes): {key}")
    print("Try:")
    print(f"  curl -s http://{host}:{port}/v1/redact -H 'x-api-key: {key}' \\")
    print(f"       -H 'content-type: application/json' -d {body}", flush=True)
    # SIGTERM (from a supervisor or `kill`) stops as cleanly as Ctrl-C.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        for task in background:
            task.set()
        server.server_close()
        if default_pool.cache_info().currsize:
            default_pool().close()
        if environment.postgres is not None:
            environment.postgres.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
