"""The flex_a2p rollout killed at 5 points mid-run; the re-run converges to the same final state, with no duplicates.

A reference run counts the requests of a whole rollout (3 accounts x 100 numbers); each interrupted run is killed
(SIGKILL, its whole process tree: see process_tree.py) once the emulator has logged 1/6, 2/6, ... 5/6 of that count.
Prints per point: requests before the kill, requests and writes of the re-run. docs/reliability.md quotes them.
"""

from __future__ import annotations

import subprocess
import time

from harness import playbook_invocation
from process_tree import kill_tree
from rollout_kit import RETRY_VARS, ROLLOUT, departures, duplicates, fleet_seed, write_inventory

NUMBERS = 100
POINTS = 5


def report(capsys, line: str) -> None:
    with capsys.disabled():
        print("\n[rollout-killed] " + line)


def logged(emulator) -> int:
    """Requests the emulator has logged so far (lines of its log, without parsing them)."""
    return emulator.log_path.read_bytes().count(b"\n") if emulator.log_path.exists() else 0


def start_and_kill(emulator, inventory, results_file, after_requests: int) -> tuple[int, int]:
    """Start the rollout, SIGKILL it once the emulator logged after_requests requests; (requests before the kill, processes killed)."""
    command, env = playbook_invocation(ROLLOUT, emulator, results_file, "-i", str(inventory))
    with subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True) as process:
        deadline = time.monotonic() + 300
        while logged(emulator) < after_requests:
            assert process.poll() is None, "the rollout ended (rc %s) before %d requests" % (process.returncode, after_requests)
            assert time.monotonic() < deadline, "no progress"
            time.sleep(0.02)
        killed = kill_tree(process.pid)
        process.wait(timeout=10)
    time.sleep(0.3)  # a request the emulator was still answering is logged now
    return logged(emulator), len(killed)


def test_rollout_killed_mid_run_converges_on_the_rerun(emulator_factory, ansible_playbook, tmp_path, capsys):
    seed = fleet_seed(NUMBERS)
    inventory = write_inventory(tmp_path / "inventory", seed, **RETRY_VARS)
    reference = emulator_factory(seed)
    whole = ansible_playbook(ROLLOUT, reference, "-i", str(inventory))
    assert whole.rc == 0, whole.stdout[-3000:]
    assert departures(reference) == {acc["sid"]: [] for acc in seed["accounts"]}
    total = len(whole.requests)
    report(capsys, "uninterrupted rollout: %d requests (%d writes)" % (total, len(whole.writes)))

    rows = []
    for point in range(1, POINTS + 1):
        emulator = emulator_factory(seed)
        target = total * point // (POINTS + 1)
        before, killed = start_and_kill(emulator, inventory, tmp_path / ("killed%d.jsonl" % point), target)
        midway = departures(emulator)
        rerun = ansible_playbook(ROLLOUT, emulator, "-i", str(inventory))
        rows.append((point, before, rerun, departures(emulator), duplicates(emulator)))
        report(capsys, "kill %d at %d of %d requests (%d processes killed; %d of 3 accounts not yet right): re-run rc %d, %d requests, "
                       "%d writes; final state as wanted: %s; duplicates %s"
               % (point, before, total, killed, sum(1 for problems in midway.values() if problems), rerun.rc, len(rerun.requests),
                  len(rerun.writes), not any(rows[-1][3].values()), rows[-1][4]))
    for point, before, rerun, off, extra in rows:
        assert before < total, "kill %d came after the rollout's last request" % point
        assert rerun.rc == 0, rerun.stdout[-3000:]
        assert off == {acc["sid"]: [] for acc in seed["accounts"]}, (point, off)
        assert extra == {"services": 0, "senders": 0, "campaigns": 0}, (point, extra)
