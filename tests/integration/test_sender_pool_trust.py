"""sender_pool keeps the pool working when changes fail: real ansible-playbook runs against the emulator, judged by its log and state.

One playbook runs every case in turn; between cases a marker task reads how many requests the emulator has logged, so
each case's writes are the log records between its two markers. The emulator's pool limit and fault rules are changed
by the playbook itself, through the emulator's admin routes (not logged, never faulted).
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from harness import account, auth_for

NUMBERS = ["+1555020%04d" % i for i in range(20)]
SERVICES = ("Empty", "Swap", "Limit", "Full", "Other")
ADMIN = "{{ lookup('env', 'TWILIO_API_URL') }}/_emulator/"


def pn(i: int) -> str:
    return "PN%032x" % (0x8000 + i)


def mg(name: str) -> str:
    return "MG%032x" % (0xE000 + SERVICES.index(name))


def pool(name: str, *indexes: int, **options: Any) -> dict[str, Any]:
    return {"tendlc.twilio.sender_pool": {"service": name, "phone_numbers": [NUMBERS[i] for i in indexes], **options}}


def admin(route: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"ansible.builtin.uri": {"url": ADMIN + route, "method": "POST", "body_format": "json", "body": body}}


def mark(name: str) -> dict[str, Any]:
    return {"name": "mark " + name, "ansible.builtin.uri": {"url": ADMIN + "requests", "return_content": True}}


FAULT_503 = {"rules": [{"product": "messaging", "method": "POST", "path": "/v1/Services/*/PhoneNumbers", "503": 1}]}
CASES: list[tuple[str, dict[str, Any]]] = [
    # (a) an empty list with exclusive=true: refused before any request; allowed with allow_empty=true
    ("Empty refused", pool("Empty", exclusive=True)),
    ("Empty allowed", pool("Empty", exclusive=True, allow_empty=True)),
    # Twilio's limit is 4 from here on; (b) a swap that outgrows it (pool_limit left at 400): one addition works, two fail
    ("Limit 4", admin("pool-limit", {"limit": 4})),
    ("Limit swap", pool("Limit", 10, 11, 12, exclusive=True)),
    # the same swap with pool_limit=4: only the removals needed for room go first
    ("Limit swap with room", pool("Limit", 10, 11, 12, exclusive=True, pool_limit=4)),
    # (c) a move into a full pool (item 7: the moved number was counted twice)
    ("Move into full", pool("Full", 7, 8, 9, 14, exclusive=True, on_conflict="move", pool_limit=4)),
    # (b) every addition answered 503: the swap keeps the old numbers; a move whose addition fails says the number is in no pool
    ("Faults on", admin("faults", FAULT_503)),
    ("Swap 503", pool("Swap", 16, 17, exclusive=True, max_retries=1)),
    ("Move 503", pool("Empty", 18, on_conflict="move", max_retries=1)),
    ("Faults off", admin("faults", {"rules": []})),
]
FAILING = {"Empty refused", "Limit swap", "Swap 503", "Move 503"}


@pytest.fixture(name="cases")
def fixture_cases(emulator_factory, ansible_playbook, tmp_path):
    """Seed the pools, run every case in one playbook, and return (run, writes of each case, the emulator's final pools)."""
    numbers = [{"phone_number": n, "sid": pn(i)} for i, n in enumerate(NUMBERS)]
    acc = account("d", phone_numbers=numbers, services=[{"friendly_name": name, "sid": mg(name)} for name in SERVICES])
    emulator = emulator_factory({"accounts": [acc]})
    setup = [pool("Empty", 0, 1), pool("Swap", 2, 3), pool("Limit", 4, 5, 6), pool("Full", 7, 8, 9, 13), pool("Other", 14, 18)]
    tasks: list[dict[str, Any]] = [{"name": "setup %d" % i, **task} for i, task in enumerate(setup)] + [mark("setup")]
    for name, task in CASES:
        tasks += [{"name": name, **task, **({"ignore_errors": True} if name in FAILING else {})}, mark(name)]
    auth_file = tmp_path / "trust-auth.yml"
    auth_file.write_text(yaml.safe_dump({"twilio_auth": auth_for(acc)}), encoding="utf-8")
    play = {"name": "sender_pool trust", "hosts": "localhost", "connection": "local", "gather_facts": False,
            "vars": {"ansible_python_interpreter": "{{ ansible_playbook_python }}"}, "vars_files": [str(auth_file)],
            "module_defaults": {"group/tendlc.twilio.twilio": "{{ twilio_auth }}"}, "tasks": tasks}
    path = tmp_path / "trust.yml"
    path.write_text(yaml.safe_dump([play], sort_keys=False), encoding="utf-8")
    run = ansible_playbook(path, emulator)
    assert run.rc == 0, run.stdout[-4000:]
    records = emulator.records()
    counts = {"setup": len(run.result("mark setup")["json"]["requests"])}
    writes = {}
    for name, _task in CASES:
        counts[name] = len(run.result("mark " + name)["json"]["requests"])
        start = counts[list(counts)[-2]]
        writes[name] = [(r["method"], r["path"], r["status"]) for r in records[start:counts[name]] if r["method"] in ("POST", "DELETE")]
    [state] = emulator.state()["accounts"].values()
    pools = {name: sorted(m["phone_number"] for m in state.get("service_phone_numbers", []) if m["service_sid"] == mg(name))
             for name in SERVICES}
    return run, writes, pools


def values(members: list[dict[str, Any]]) -> list[str]:
    return sorted(m["value"] for m in members)


def test_sender_pool_keeps_the_pool_working_when_changes_fail(cases):
    run, writes, pools = cases

    # (a) exclusive + [] refused, nothing sent; allowed with allow_empty=true
    refused = run.result("Empty refused")
    assert run.status("Empty refused") == "failed" and refused["changed"] is False
    assert "phone_numbers=[]: an empty list with exclusive=true would remove every sender" in refused["msg"]
    assert "allow_empty=true" in refused["msg"]
    assert writes["Empty refused"] == []
    allowed = run.result("Empty allowed")
    assert run.status("Empty allowed") == "ok" and allowed["changed"] is True
    assert values(allowed["removed"]) == NUMBERS[:2] and sorted(w[0] for w in writes["Empty allowed"]) == ["DELETE", "DELETE"]

    # (b) Twilio's pool limit (21714) stops two of three additions: nothing removed, changed=true, what was done listed
    swap = run.result("Limit swap")
    assert run.status("Limit swap") == "failed" and swap["changed"] is True
    assert swap["writes"] == {"applied": 1, "unknown": 0}
    assert [w[0] for w in writes["Limit swap"]] == ["POST"] * 3 and sorted(w[2] for w in writes["Limit swap"]) == [201, 400, 400]
    [new] = swap["added"]
    assert new["value"] in NUMBERS[10:13] and swap["removed"] == [] and swap["moved"] == []
    assert sorted(f["error"]["code"] for f in swap["failed_changes"]) == [21714, 21714]
    assert values(swap["not_attempted"]) == NUMBERS[4:7] and {m["action"] for m in swap["not_attempted"]} == {"remove"}
    assert values(swap["senders"]) == sorted(NUMBERS[4:7] + [new["value"]])
    assert "Not attempted: remove " in swap["msg"] and "The senders not removed are still in the pool." in swap["msg"]
    assert "1 write request(s) had been applied before this failure" in swap["msg"]

    # the same swap with pool_limit=4: two removals make room, then the additions, then the last removal
    room = run.result("Limit swap with room")
    assert run.status("Limit swap with room") == "ok"
    assert [w[0] for w in writes["Limit swap with room"]] == ["DELETE", "DELETE", "POST", "POST", "DELETE"]
    assert writes["Limit swap with room"][-1][1] == "/v1/Services/%s/PhoneNumbers/%s" % (mg("Limit"), pn(6))
    assert pools["Limit"] == NUMBERS[10:13] and values(room["senders"]) == NUMBERS[10:13]

    # (c) a move into a full pool is accepted: one removal makes room, then out of Other, into Full
    full = run.result("Move into full")
    assert run.status("Move into full") == "ok", full.get("msg")
    assert [m["value"] for m in full["moved"]] == [NUMBERS[14]] and values(full["removed"]) == [NUMBERS[13]]
    assert writes["Move into full"] == [("DELETE", "/v1/Services/%s/PhoneNumbers/%s" % (mg("Full"), pn(13)), 204),
                                        ("DELETE", "/v1/Services/%s/PhoneNumbers/%s" % (mg("Other"), pn(14)), 204),
                                        ("POST", "/v1/Services/%s/PhoneNumbers" % mg("Full"), 201)]
    assert pools["Full"] == sorted(NUMBERS[i] for i in (7, 8, 9, 14))

    # (b) every addition answered 503: the old numbers stay, changed=true (the outcome of the creates is unknown)
    outage = run.result("Swap 503")
    assert run.status("Swap 503") == "failed" and outage["changed"] is True
    assert {w[0] for w in writes["Swap 503"]} == {"POST"} and {w[2] for w in writes["Swap 503"]} == {503}
    assert outage["added"] == [] and outage["removed"] == []
    assert sorted((f["value"], f["action"], f["error"]["ambiguous"]) for f in outage["failed_changes"]) == [
        (NUMBERS[16], "add", True), (NUMBERS[17], "add", True)]
    assert values(outage["not_attempted"]) == NUMBERS[2:4]
    assert pools["Swap"] == NUMBERS[2:4] and values(outage["senders"]) == NUMBERS[2:4]

    # a move whose addition fails: the number left Other and is in no pool; the result and the message say so
    lost = run.result("Move 503")
    assert run.status("Move 503") == "failed" and lost["changed"] is True
    assert [w[:2] for w in writes["Move 503"]][0] == ("DELETE", "/v1/Services/%s/PhoneNumbers/%s" % (mg("Other"), pn(18)))
    assert lost["moved"] == [] and lost["in_no_pool"] == [{"sid": pn(18), "kind": "phone_number", "value": NUMBERS[18], "from_service": mg("Other")}]
    assert ("%s (%s) was removed from messaging service %s but could not be added to %s: it is now in NO messaging service's pool"
            % (NUMBERS[18], pn(18), mg("Other"), mg("Empty"))) in lost["msg"]
    assert NUMBERS[18] not in sum(pools.values(), [])
