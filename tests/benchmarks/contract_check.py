"""Benchmark: how long the contract check takes for a 1,000-record log (prints figures; asserts nothing about speed).

    .venv/bin/python tests/benchmarks/contract_check.py [--records N] [--rounds R]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# pylint: disable=wrong-import-position
from contract.spec_examples import mixed_records  # noqa: E402
from contract.spec_fetch import fetch_spec  # noqa: E402
from contract.validator import validate_records  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    spec_dir = fetch_spec()
    records = mixed_records(spec_dir, args.records)
    timings = []
    for _round in range(args.rounds):
        started = time.perf_counter()
        problems = validate_records(records, spec_dir)
        timings.append(time.perf_counter() - started)
        if problems:
            print("contract problems: %s" % problems[:3])
            return 1
    print("contract check: %d records, %d rounds: median %.2f s, min %.2f s, max %.2f s (%.2f ms per record)"
          % (args.records, args.rounds, statistics.median(timings), min(timings), max(timings), 1000 * statistics.median(timings) / args.records))
    return 0


if __name__ == "__main__":
    sys.exit(main())
