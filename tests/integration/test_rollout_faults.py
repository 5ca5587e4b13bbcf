"""The flex_a2p rollout of 3 accounts x 100 numbers under injected faults converges in one run, for 10 of 10 fault seeds.

Prints per seed: requests, faults injected by kind, wall seconds; then the totals. docs/reliability.md quotes them.
"""

from __future__ import annotations

import collections
import time

from rollout_kit import FAULTS, RETRY_VARS, ROLLOUT, departures, duplicates, faults_of, fleet_seed, write_inventory

SEEDS = range(1, 11)
NUMBERS = 100


def report(capsys, line: str) -> None:
    with capsys.disabled():
        print("\n[rollout-faults] " + line)


def test_role_rollout_converges_in_one_run_for_every_fault_seed(emulator_factory, ansible_playbook, tmp_path, capsys):
    seed = fleet_seed(NUMBERS)
    totals: collections.Counter[str] = collections.Counter()
    outcomes = {}
    for fault_seed in SEEDS:
        emulator = emulator_factory(seed, "--fault", FAULTS, "--fault-seed", str(fault_seed))
        inventory = write_inventory(tmp_path / ("inventory%d" % fault_seed), seed, **RETRY_VARS)
        started = time.monotonic()
        run = ansible_playbook(ROLLOUT, emulator, "-i", str(inventory))
        seconds = time.monotonic() - started
        off, extra = departures(emulator), duplicates(emulator)
        faults = faults_of(run.requests)
        refused = [r for r in run.writes if r["status"] is not None and 400 <= r["status"] < 429]
        converged = run.rc == 0 and not any(off.values()) and not any(extra.values()) and not refused
        outcomes[fault_seed] = (converged, run.rc, off, extra, refused[:3], run.stdout[-2000:] if run.rc else "")
        totals.update(requests=len(run.requests), writes=len(run.writes), seconds=seconds, converged=int(converged), **faults,
                      **{"duplicate " + kind: n for kind, n in extra.items()})
        report(capsys, "seed %2d: %s, %d requests (%d writes), faults %s, %.1f s, duplicates %s"
               % (fault_seed, "converged in 1 run" if converged else "NOT converged (rc %d)" % run.rc, len(run.requests), len(run.writes),
                  faults, seconds, extra))
    report(capsys, "all %d seeds: converged %d of %d, %d requests (%d writes), faults %s, %.0f s; duplicate services %d, senders %d, campaigns %d"
           % (len(SEEDS), totals["converged"], len(SEEDS), totals["requests"], totals["writes"],
              {k: v for k, v in sorted(totals.items()) if k.startswith(("429", "503", "500", "reset"))}, totals["seconds"],
              totals["duplicate services"], totals["duplicate senders"], totals["duplicate campaigns"]))
    failed = {seed: outcome[1:] for seed, outcome in outcomes.items() if not outcome[0]}
    assert not failed, failed
    assert totals["reset-after"] > 0 and totals["503"] > 0 and totals["429"] + totals["429-no-retry-after"] > 0
