"""The inventory plugin tendlc.twilio.accounts against the emulator: a parent's active subaccounts become the hosts (a
suspended one is left out), no token shows in `ansible-inventory --list` or in a -vvvv rollout, and the flex_a2p rollout
runs for each subaccount found, with its own credentials read through the parent: each service is created in its
subaccount, none in the parent."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from harness import REPO, account, playbook_invocation
from rollout_kit import ROLLOUT, SERVICE, departures, fleet_seed

EXAMPLE = REPO / "playbooks" / "inventory-subaccounts"
PARENT = account("a", friendly_name="Fleet parent")


def fleet() -> dict:
    """The parent and three subaccounts of it (Account 1, 2: active, Account 3: suspended), each with numbers and a brand."""
    subaccounts = fleet_seed(2, accounts=3)["accounts"]
    for sub in subaccounts:
        sub["parent"] = PARENT["sid"]
    subaccounts[2]["status"] = "suspended"
    return {"accounts": [PARENT, *subaccounts]}


def plain(value):
    return value["__ansible_unsafe"] if isinstance(value, dict) and "__ansible_unsafe" in value else value


def write_inventory(directory: Path, seed: dict, api_url: str) -> Path:
    """The example inventory's group_vars, a plugin configuration for the emulator, and each active subaccount's numbers and brand."""
    shutil.copytree(EXAMPLE / "group_vars", directory / "group_vars")
    (directory / "fleet.twilio.yml").write_text(yaml.safe_dump({
        "plugin": "tendlc.twilio.accounts", "parent_account_sid": PARENT["sid"], "api_url": api_url, "max_retries": 0}), encoding="utf-8")
    (directory / "host_vars").mkdir()
    for index, sub in enumerate(seed["accounts"][1:3]):
        host_vars = {"flex_a2p_phone_numbers": [n["phone_number"] for n in sub["phone_numbers"]], "flex_a2p_brand_sid": sub["brands"][0]["sid"]}
        (directory / "host_vars" / ("account-%d.yml" % (index + 1))).write_text(yaml.safe_dump(host_vars), encoding="utf-8")
    return directory


def test_the_rollout_runs_for_the_parents_active_subaccounts(tmp_path, emulator_factory, ansible_playbook):
    seed = fleet()
    emulator = emulator_factory(seed)
    inventory = write_inventory(tmp_path / "inventory", seed, emulator.url)
    secrets = [acc["auth_token"] for acc in seed["accounts"]]
    env = {"TWILIO_PARENT_AUTH_TOKEN": PARENT["auth_token"]}
    _command, run_env = playbook_invocation(ROLLOUT, emulator, tmp_path / "unused.jsonl", env=env)

    listed = subprocess.run([str(Path(sys.executable).parent / "ansible-inventory"), "-i", str(inventory), "--list"], env=run_env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert listed.returncode == 0, listed.stderr
    hostvars = json.loads(listed.stdout)["_meta"]["hostvars"]
    assert sorted(hostvars) == ["account-1", "account-2"], listed.stdout  # not the suspended Account 3, nor the parent
    for index, host in enumerate(("account-1", "account-2")):
        sub = seed["accounts"][index + 1]
        # ansible-inventory marks the values read from Twilio as unsafe (never templated): {"__ansible_unsafe": value}.
        keys = ("twilio_account_sid", "twilio_parent_account_sid", "twilio_account_status", "twilio_account_friendly_name", "twilio_api_url")
        assert {key: plain(hostvars[host][key]) for key in keys} == {
            "twilio_account_sid": sub["sid"], "twilio_parent_account_sid": PARENT["sid"], "twilio_account_status": "active",
            "twilio_account_friendly_name": sub["friendly_name"], "twilio_api_url": emulator.url}
    assert not [secret for secret in secrets if secret in listed.stdout + listed.stderr]

    rollout = ansible_playbook(ROLLOUT, emulator, "-i", str(inventory), "-vvvv", env=env)
    assert rollout.rc == 0, rollout.stdout[-4000:]
    assert not [secret for secret in secrets if secret in rollout.stdout + rollout.stderr]

    found = departures(emulator)
    assert found[seed["accounts"][1]["sid"]] == [] and found[seed["accounts"][2]["sid"]] == [], found
    state = emulator.state()["accounts"]
    assert state[PARENT["sid"]].get("services", []) == [] and state[seed["accounts"][3]["sid"]].get("services", []) == []
    assert [s["friendly_name"] for s in state[seed["accounts"][1]["sid"]]["services"]] == [SERVICE]
    # The parent's credentials only listed the subaccounts and read each one (its token); every other request, every
    # write among them, was the subaccount's own.
    by_parent = {(r["method"], r["path"]) for r in rollout.requests if r["account_sid"] == PARENT["sid"]}
    assert by_parent == {("GET", "/2010-04-01/Accounts.json")} | {("GET", "/2010-04-01/Accounts/%s.json" % sub["sid"])
                                                                  for sub in seed["accounts"][1:3]}, by_parent
    assert {r["account_sid"] for r in rollout.requests if r["method"] == "POST"} == {sub["sid"] for sub in seed["accounts"][1:3]}
