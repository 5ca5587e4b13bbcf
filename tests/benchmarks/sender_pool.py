"""Benchmark: sender_pool against the local emulator, through real ansible-playbook runs.

Prints, per scenario, the HTTP requests by method and the wall seconds; asserts nothing about speed.

    .venv/bin/python tests/benchmarks/sender_pool.py [--latency-ms 50] [--json FILE]

Scenarios (the targets are in docs/performance.md):
  fresh-400         400 numbers into an empty pool
  noop-400          the same run again
  noop-50           a pool of 50 numbers, run again
  fresh-400-c1      400 numbers into an empty pool, every request delayed by --latency-ms, concurrency 1
  fresh-400-c4      the same at the default concurrency (4)
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))

# pylint: disable=wrong-import-position
from harness import account, auth_for, run_playbook, start_emulator  # noqa: E402

import yaml  # noqa: E402


def seed(char: str, count: int) -> dict[str, Any]:
    numbers = [{"phone_number": "+1555%07d" % i, "sid": "PN%032x" % (0x100000 * ord(char) + i)} for i in range(count)]
    return account(char, phone_numbers=numbers, services=[{"friendly_name": "Flex"}, {"friendly_name": "Marketing"}])


def playbook(workdir: Path, acc: dict[str, Any], numbers: list[str], concurrency: int | None) -> Path:
    options: dict[str, Any] = {"service": "Flex", "phone_numbers": numbers}
    if concurrency is not None:
        options["concurrency"] = concurrency
    auth_file = workdir / ("auth-%s.yml" % acc["sid"])
    auth_file.write_text(yaml.safe_dump({"twilio_auth": auth_for(acc)}), encoding="utf-8")
    play = [{
        "name": "Sender pool benchmark", "hosts": "localhost", "connection": "local", "gather_facts": False,
        "vars": {"ansible_python_interpreter": "{{ ansible_playbook_python }}"}, "vars_files": [str(auth_file)],
        "module_defaults": {"group/tendlc.twilio.twilio": "{{ twilio_auth }}"},
        "tasks": [{"name": "Pool", "tendlc.twilio.sender_pool": options}],
    }]
    path = workdir / ("pool-%s-%d-%s.yml" % (acc["sid"], len(numbers), concurrency))
    path.write_text(yaml.safe_dump(play, sort_keys=False), encoding="utf-8")
    return path


def measure(name: str, workdir: Path, emulator: Any, acc: dict[str, Any], count: int, concurrency: int | None = None) -> dict[str, Any]:
    numbers = [n["phone_number"] for n in acc["phone_numbers"][:count]]
    book = playbook(workdir, acc, numbers, concurrency)
    started = time.perf_counter()
    run = run_playbook(book, emulator, workdir / ("%s.jsonl" % name))
    seconds = time.perf_counter() - started
    if run.rc != 0:
        raise SystemExit("%s failed:\n%s" % (name, run.stdout[-3000:]))
    methods = Counter(r["method"] for r in run.requests)
    row = {"scenario": name, "requests": len(run.requests), "writes": len(run.writes), "by_method": dict(sorted(methods.items())),
           "seconds": round(seconds, 2), "changed": run.result("Pool")["changed"]}
    print("%-14s requests %4d  writes %4d  %-32s %7.2f s  changed=%s"
          % (name, row["requests"], row["writes"], " ".join("%s=%d" % kv for kv in row["by_method"].items()), seconds, row["changed"]))
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--latency-ms", type=int, default=50)
    parser.add_argument("--json", type=Path, help="also write the rows to this file")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        big, small = seed("a", 400), seed("b", 50)
        (workdir / "fast").mkdir()
        fast = start_emulator({"accounts": [big, small]}, workdir / "fast")
        try:
            rows.append(measure("fresh-400", workdir, fast, big, 400))
            rows.append(measure("noop-400", workdir, fast, big, 400))
            measure("setup-50", workdir, fast, small, 50)
            rows.append(measure("noop-50", workdir, fast, small, 50))
        finally:
            fast.process.terminate()
        for concurrency in (1, 4):
            slow_dir = workdir / ("slow%d" % concurrency)
            slow_dir.mkdir()
            slow = start_emulator({"accounts": [seed("c", 400)]}, slow_dir, "--latency-ms", str(args.latency_ms))
            try:
                rows.append(measure("fresh-400-c%d" % concurrency, slow_dir, slow, slow.seed["accounts"][0], 400, concurrency))
            finally:
                slow.process.terminate()
    by_name = {row["scenario"]: row for row in rows}
    ratio = by_name["fresh-400-c4"]["seconds"] / by_name["fresh-400-c1"]["seconds"]
    print("no-op requests: 400 numbers %d, 50 numbers %d; fresh 400 writes %d; at %d ms latency concurrency 4 takes %.2f of the time of concurrency 1"
          % (by_name["noop-400"]["requests"], by_name["noop-50"]["requests"], by_name["fresh-400"]["writes"], args.latency_ms, ratio))
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "latency_ms": args.latency_ms, "c4_over_c1": round(ratio, 3)}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
