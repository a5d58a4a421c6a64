"""Translate template.yaml with the SAM translator, offline, and print the CloudFormation.

Runs inside aws-sam-cli's own tool environment (its translator pins pydantic < 2.14, so it
cannot live in the project's), e.g.
  uv tool run --from aws-sam-cli==1.170.0 python tests/infrastructure/translate.py Name=Value
CodeUri/ContentUri folders are replaced by S3 URIs, as `sam package` would.
"""

import json
import sys
from pathlib import Path

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    def load(self) -> dict[str, str]:
        return {}


def main() -> None:
    template = yaml_parse((Path(__file__).resolve().parents[2] / "template.yaml").read_text())
    for resource in template["Resources"].values():
        properties = resource.get("Properties", {})
        for key in ("CodeUri", "ContentUri"):
            if isinstance(properties.get(key), str):
                properties[key] = f"s3://veil-artifacts/{properties[key].strip('/')}.zip"
    parameters = dict(arg.split("=", 1) for arg in sys.argv[1:])
    parameters.setdefault("DatabaseSecretArn", "arn:aws:secretsmanager:eu-west-1:1:secret:db")
    parameters.setdefault("MasterKeySecretArn", "arn:aws:secretsmanager:eu-west-1:1:secret:key")
    print(json.dumps(transform(template, parameters, NoManagedPolicies())))


if __name__ == "__main__":
    main()
