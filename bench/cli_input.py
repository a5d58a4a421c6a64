"""A JSON Lines file of about SIZE MB for `make bench-cli`: log records whose messages are
the evaluation corpus's documents (several distinct thousands, cycled with fresh ids).

    python -m bench.cli_input OUT.jsonl [SIZE_MB]
"""

import json
import sys
from itertools import cycle

from bench.corpus import generate


def main() -> None:
    out, size_mb = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 100.0
    texts = [d.text for d in generate(6_000, seed=11)]
    limit, written = int(size_mb * 1e6), 0
    with open(out, "w", encoding="utf-8") as target:
        for n, text in enumerate(cycle(texts)):
            record = {"id": n, "level": "INFO", "service": "support", "message": text}
            line = json.dumps(record, ensure_ascii=False) + "\n"
            target.write(line)
            written += len(line.encode())
            if written >= limit:
                return


if __name__ == "__main__":
    main()
