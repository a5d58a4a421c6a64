"""Release helpers for `make deploy`.

`python -m tools.release params ENV` prints the parameter overrides for `sam deploy`:
the environment's own from samconfig.toml, plus LayerContentHash — a SHA-256 over every
file of layers/shared. SAM publishes a function version only when the function's own
code or configuration changes; through AutoPublishCodeSha256 this hash makes a change to
the layer alone publish (and canary) a new version of every function.
"""

import hashlib
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYER = ROOT / "layers" / "shared"


def layer_hash(layer: Path = LAYER) -> str:
    digest = hashlib.sha256()
    for path in sorted(layer.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(layer).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def deploy_parameters(environment: str, config: Path = ROOT / "samconfig.toml") -> str:
    settings = tomllib.loads(config.read_text())
    overrides = settings[environment]["deploy"]["parameters"].get("parameter_overrides", "")
    return f"{overrides} LayerContentHash={layer_hash()}".strip()


if __name__ == "__main__":
    match sys.argv[1:]:
        case ["hash"]:
            print(layer_hash())
        case ["params", environment]:
            print(deploy_parameters(environment))
        case _:
            sys.exit("usage: python -m tools.release hash | params ENV")
