"""playbooks/onboard.yml killed mid-run (SIGKILL of its whole process tree, see process_tree.py) at five points of the
onboarding; the re-run completes it without a second profile, trust product, end user, supporting document, address,
brand or vetting (each created exactly once over both runs, as the emulator's log shows).

The points: as soon as the emulator logged (each request takes 20 ms, so the kill lands within a request or two) the
address's create (no document yet), the first end user's create (not yet assigned), the profile's evaluation (not yet
submitted), the trust product's create, and the brand's registration.
Prints per point: requests before the kill, processes killed, the re-run's requests, writes and seconds.
"""

from __future__ import annotations

import collections
import json
import re
import subprocess
import time

from harness import playbook_invocation
from onboarding_kit import ONBOARD, VETTING, counts, duplicates, live, onboarding, report, seed, timers, write_inventory
from process_tree import kill_tree

# (point, what the emulator's log shows just before the kill): method POST and a path pattern, answered 2xx.
POINTS = [
    ("address created", r"/2010-04-01/Accounts/AC\w+/Addresses\.json"),
    ("first end user created", r"/v1/EndUsers"),
    ("profile evaluated", r"/v1/CustomerProfiles/BU\w+/Evaluations"),
    ("trust product created", r"/v1/TrustProducts"),
    ("brand registered", r"/v1/a2p/BrandRegistrations"),
]
# What a whole onboarding creates, each exactly once (the path of the create, answered 201).
CREATES = {
    "customer profile": r"/v1/CustomerProfiles",
    "trust product": r"/v1/TrustProducts",
    "end user": r"/v1/EndUsers",
    "supporting document": r"/v1/SupportingDocuments",
    "address": r"/2010-04-01/Accounts/AC\w+/Addresses\.json",
    "brand": r"/v1/a2p/BrandRegistrations",
    "vetting": r"/v1/a2p/BrandRegistrations/BN\w+/Vettings",
}
ONCE = {"customer profile": 1, "trust product": 1, "end user": 4, "supporting document": 1, "address": 1, "brand": 1, "vetting": 1}


def creates(records) -> dict[str, int]:
    made = collections.Counter()
    for record in records:
        for kind, pattern in CREATES.items():
            if record["method"] == "POST" and record["status"] == 201 and re.fullmatch(pattern, record["path"]):
                made[kind] += 1
    return dict(made)


def start_and_kill(emulator, inventory, results_file, pattern: str) -> tuple[int, int]:
    """Start the onboarding and SIGKILL its process tree as soon as the emulator logged a 2xx POST on pattern."""
    command, env = playbook_invocation(ONBOARD, emulator, results_file, "-i", str(inventory))
    offset = 0
    with subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True) as process:
        deadline = time.monotonic() + 120
        while True:
            data = emulator.log_path.read_bytes()[offset:] if emulator.log_path.exists() else b""
            complete = data[:data.rfind(b"\n") + 1]
            offset += len(complete)
            if any(r["method"] == "POST" and 200 <= (r["status"] or 0) < 300 and re.fullmatch(pattern, r["path"])
                   for r in map(json.loads, complete.splitlines())):
                break
            assert process.poll() is None, "the onboarding ended (rc %s) before a POST on %s" % (process.returncode, pattern)
            assert time.monotonic() < deadline, "no POST on %s" % pattern
            time.sleep(0.005)
        killed = kill_tree(process.pid)
        process.wait(timeout=10)
    time.sleep(0.3)  # a request the emulator was still answering is logged now
    return len(emulator.records()), len(killed)


def test_onboarding_killed_mid_run_resumes_without_duplicates(emulator_factory, ansible_playbook, tmp_path, capsys):
    the_seed = seed()
    [acc] = the_seed["accounts"]
    inventory = write_inventory(tmp_path / "inventory", the_seed, flex_a2p_onboarding=onboarding(vetting=VETTING))
    rows = []
    for index, (point, pattern) in enumerate(POINTS):
        # 20 ms per request: the kill lands within a request or two of the point, not half a dozen later.
        emulator = emulator_factory(the_seed, *timers(review=1, brand=1), "--latency-ms", "20")
        before, killed = start_and_kill(emulator, inventory, tmp_path / ("killed%d.jsonl" % index), pattern)
        midway = creates(emulator.records())
        started = time.monotonic()
        rerun = ansible_playbook(ONBOARD, emulator, "-i", str(inventory))
        seconds = time.monotonic() - started
        state = live(emulator, acc)
        statuses = ([p["status"] for p in state.get("customer_profiles") or []], [t["status"] for t in state.get("trust_products") or []],
                    [b["status"] for b in state.get("brands") or []])
        rows.append((point, rerun, creates(emulator.records()), duplicates(emulator, acc), statuses, counts(emulator, acc)))
        report(capsys, "onboarding-killed", "kill after %s: %d requests before the kill (%d processes killed; made so far %s); re-run rc %d, "
               "%d requests, %d writes, %.1f s; made over both runs %s; duplicates %s"
               % (point, before, killed, midway, rerun.rc, len(rerun.requests), len(rerun.writes), seconds, rows[-1][2], rows[-1][3]))
    for point, rerun, made, extra, statuses, held in rows:
        assert rerun.rc == 0, (point, (rerun.stdout + rerun.stderr)[-3000:])
        assert made == ONCE, (point, made)
        assert extra == {}, (point, extra)
        assert statuses == (["twilio-approved", "twilio-approved"], ["twilio-approved"], ["APPROVED"]), (point, statuses)
        assert (held["customer_profiles"], held["trust_products"], held["end_users"], held["addresses"], held["brands"]) == (2, 1, 4, 1, 1), \
            (point, held)
