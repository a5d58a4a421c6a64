"""`veil traffic`: see and move the traffic of a function's `live` alias by hand.

- status: the alias's versions and weights, the function's alarms, CodeDeploy deployments
  in flight, and a warning when the alias is split with no deployment running (a stopped
  deployment can leave it so, and later deployments then fail until it is repaired);
- shift: send a share of traffic to a version (refused onto a function in ALARM unless
  forced);
- promote: the version carrying the extra share takes all traffic;
- rollback: stop deployments in flight (with CodeDeploy's own rollback), then all traffic
  to the previous version — the primary when split, else the one published before it.

Each command computes the alias's next state first, so the CLI can show before and after,
and apply it only on confirmation.
"""

from dataclasses import dataclass, field, replace
from typing import Any

IN_FLIGHT = ["Created", "Queued", "InProgress", "Baking", "Ready"]


class TrafficError(Exception):
    """The move is refused; nothing was changed."""


@dataclass(frozen=True)
class AliasState:
    function: str
    alias: str
    primary: str
    weights: dict[str, float] = field(default_factory=dict)  # extra version -> share
    alarms: dict[str, str] = field(default_factory=dict)  # alarm name -> state
    deployments: tuple[str, ...] = ()

    @property
    def split(self) -> bool:
        return any(weight > 0 for weight in self.weights.values())

    @property
    def alarming(self) -> list[str]:
        return sorted(name for name, state in self.alarms.items() if state == "ALARM")

    def routing(self) -> str:
        shares = {self.primary: 1.0 - sum(self.weights.values()), **self.weights}
        return ", ".join(f"version {v} at {share:.0%}" for v, share in shares.items() if share > 0)

    def warnings(self) -> list[str]:
        found = []
        if self.split and not self.deployments:
            found.append(
                "the alias is split with no deployment in flight (a stopped deployment left "
                "it so; deployments fail until it is repaired): run rollback or promote"
            )
        if self.alarming:
            found.append(f"in ALARM: {', '.join(self.alarming)}")
        return found


class Traffic:
    def __init__(
        self,
        lambda_client: Any,
        cloudwatch: Any,
        codedeploy: Any,
        function: str,
        alias: str = "live",
        application: str | None = None,
        deployment_group: str | None = None,
    ) -> None:
        self._lambda = lambda_client
        self._cloudwatch = cloudwatch
        self._codedeploy = codedeploy
        self._function = function
        self._alias = alias
        self._application = application
        self._group = deployment_group

    def state(self) -> AliasState:
        alias = self._lambda.get_alias(FunctionName=self._function, Name=self._alias)
        weights = (alias.get("RoutingConfig") or {}).get("AdditionalVersionWeights") or {}
        return AliasState(
            function=self._function,
            alias=self._alias,
            primary=alias["FunctionVersion"],
            weights={str(v): float(w) for v, w in weights.items()},
            alarms=self._alarms(),
            deployments=tuple(self._deployments()),
        )

    def shift(self, before: AliasState, version: str, weight: float, force: bool) -> AliasState:
        if not 0.0 <= weight <= 1.0:
            raise TrafficError("the weight is a share between 0 and 1")
        self._require_version(version)
        if version == before.primary:
            raise TrafficError(f"version {version} is already the primary; use rollback or promote")
        more = weight > before.weights.get(version, 0.0)
        if more and before.alarming and not force:
            raise TrafficError(
                f"refused: {', '.join(before.alarming)} in ALARM (--force overrides)"
            )
        if weight == 1.0:
            return replace(before, primary=version, weights={})
        return replace(before, weights={version: weight} if weight > 0 else {})

    def promote(self, before: AliasState, force: bool) -> AliasState:
        if not before.split:
            raise TrafficError("nothing to promote: all traffic is on one version")
        if before.alarming and not force:
            raise TrafficError(
                f"refused: {', '.join(before.alarming)} in ALARM (--force overrides)"
            )
        [version] = [v for v, w in before.weights.items() if w > 0]
        return replace(before, primary=version, weights={})

    def rollback(self, before: AliasState) -> AliasState:
        if before.split:
            return replace(before, weights={}, deployments=())
        previous = self._previous_version(before.primary)
        if previous is None:
            raise TrafficError(f"no version before {before.primary} to roll back to")
        return replace(before, primary=previous, weights={}, deployments=())

    def apply(self, before: AliasState, after: AliasState) -> AliasState:
        """Stop deployments that `after` no longer has (with rollback), then set the alias."""
        for deployment in set(before.deployments) - set(after.deployments):
            self._codedeploy.stop_deployment(deploymentId=deployment, autoRollbackEnabled=True)
        self._lambda.update_alias(
            FunctionName=self._function,
            Name=self._alias,
            FunctionVersion=after.primary,
            RoutingConfig={"AdditionalVersionWeights": after.weights},
        )
        return self.state()

    def _require_version(self, version: str) -> None:
        if version not in self._versions():
            raise TrafficError(f"{self._function} has no published version {version}")

    def _versions(self) -> list[str]:
        versions: list[str] = []
        for page in self._lambda.get_paginator("list_versions_by_function").paginate(
            FunctionName=self._function
        ):
            versions += [v["Version"] for v in page["Versions"] if v["Version"] != "$LATEST"]
        return versions

    def _previous_version(self, version: str) -> str | None:
        older = [int(v) for v in self._versions() if int(v) < int(version)]
        return str(max(older)) if older else None

    def _alarms(self) -> dict[str, str]:
        name = self._lambda.get_function(FunctionName=self._function)["Configuration"][
            "FunctionName"
        ]
        found = {}
        for page in self._cloudwatch.get_paginator("describe_alarms").paginate():
            for alarm in page["MetricAlarms"]:
                dimensions = {d["Name"]: d["Value"] for d in alarm.get("Dimensions", [])}
                if dimensions.get("FunctionName") == name:
                    found[alarm["AlarmName"]] = alarm["StateValue"]
        return found

    def _deployments(self) -> list[str]:
        if not (self._application and self._group):
            return []
        reply = self._codedeploy.list_deployments(
            applicationName=self._application,
            deploymentGroupName=self._group,
            includeOnlyStatuses=IN_FLIGHT,
        )
        return list(reply.get("deployments", []))
