"""The example inventory's credentials go only to a local emulator: TWILIO_API_URL when set, else the address where
`make emulator` starts one; with nothing listening there the rollout stops, naming that address, with nothing sent.
An account with a real SID (a copy of the inventory) gets no local address."""

from __future__ import annotations

import socket

import yaml
from harness import REPO

INVENTORY = REPO / "playbooks" / "inventory"
ROLLOUT = REPO / "playbooks" / "flex_a2p.yml"
HOSTS = ("staging-us", "production-east", "production-west")
MAKE_EMULATOR_URL = "http://127.0.0.1:8089"


def closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def api_urls(run) -> dict[str, str]:
    return {r["host"]: r["result"]["twilio_api_url"] for r in run.results if r["task"] == "Where the requests go"}


def test_example_credentials_go_to_an_emulator_or_nowhere(tmp_path, ansible_playbook):
    where = tmp_path / "where.yml"
    where.write_text(yaml.safe_dump([{
        "name": "Where the example inventory sends its requests", "hosts": "twilio_accounts", "gather_facts": False,
        "tasks": [{"name": "Where the requests go", "ansible.builtin.debug": {"var": "twilio_api_url"}}],
    }]), encoding="utf-8")
    nowhere = "http://127.0.0.1:%d" % closed_port()

    # The harness drops every TWILIO_* variable of the caller: the first run sees none.
    default = ansible_playbook(where, None, "-i", str(INVENTORY))
    chosen = ansible_playbook(where, None, "-i", str(INVENTORY), env={"TWILIO_API_URL": nowhere})
    rollout = ansible_playbook(ROLLOUT, None, "-i", str(INVENTORY), "--check", env={"TWILIO_API_URL": nowhere})
    # A copy of the inventory given a real account's SID: no local address at all, whatever TWILIO_API_URL says.
    real = ansible_playbook(where, None, "-i", str(INVENTORY), "-e", "twilio_account_sid=AC" + "f" * 32, env={"TWILIO_API_URL": nowhere})

    assert default.rc == 0 and api_urls(default) == dict.fromkeys(HOSTS, MAKE_EMULATOR_URL), default.stdout[-2000:]
    assert chosen.rc == 0 and api_urls(chosen) == dict.fromkeys(HOSTS, nowhere), chosen.stdout[-2000:]
    assert real.rc == 0 and api_urls(real) == dict.fromkeys(HOSTS, ""), real.stdout[-2000:]
    assert rollout.rc != 0
    failed = {r["host"]: r["result"]["msg"] for r in rollout.results if r["status"] == "failed"}
    assert set(failed) == set(HOSTS), rollout.stdout[-3000:]
    for host, message in failed.items():
        assert message.startswith("flex_a2p: nothing was changed;"), (host, message)
        assert "could not reach %s: connection refused" % nowhere in message, (host, message)
        assert "api.twilio.com" not in message and "messaging.twilio.com" not in message, (host, message)
