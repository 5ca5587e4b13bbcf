"""sender_pool and phone_number_info: real ansible-playbook runs against the emulator, judged by its log and state."""

from __future__ import annotations

import pytest
from harness import account, auth_for

NUMBERS = ["+1555010%04d" % i for i in range(12)]


def numbered(i: int) -> str:
    return "PN%032x" % (0x7000 + i)


@pytest.fixture(name="pool_emulator")
def fixture_pool_emulator(emulator_factory):
    """Account e owns 12 numbers (the last cannot send SMS) and 2 short codes; services Flex and Other exist."""
    numbers = [{"phone_number": n, "sid": numbered(i)} for i, n in enumerate(NUMBERS)]
    numbers[-1]["capabilities"] = {"voice": True, "sms": False, "mms": False, "fax": False}
    acc = account("e", phone_numbers=numbers, short_codes=[{"short_code": "12345", "sid": "SC" + "1" * 32}, {"short_code": "67890", "sid": "SC" + "2" * 32}],
                  services=[{"friendly_name": "Flex"}, {"friendly_name": "Other"}])
    return emulator_factory({"accounts": [acc]})


def run_pool(make_playbook, ansible_playbook, emulator, *args, **options):
    acc = emulator.seed["accounts"][0]
    playbook = make_playbook(auth_for(acc), ("Pool", "sender_pool", {"service": "Flex", **options}))
    return ansible_playbook(playbook, emulator, *args)


def test_adds_numbers_then_second_run_writes_nothing(pool_emulator, make_playbook, ansible_playbook):
    wanted = [NUMBERS[0], numbered(1), NUMBERS[2]]
    first = run_pool(make_playbook, ansible_playbook, pool_emulator, phone_numbers=wanted)
    assert first.rc == 0, first.stdout
    result = first.result("Pool")
    assert result["changed"] is True
    assert sorted(m["value"] for m in result["added"]) == NUMBERS[:3]
    assert sorted(w["form"]["PhoneNumberSid"] for w in first.writes) == [numbered(i) for i in range(3)]

    second = run_pool(make_playbook, ansible_playbook, pool_emulator, phone_numbers=wanted)
    assert second.result("Pool")["changed"] is False
    assert second.writes == []
    assert len(second.requests) <= 6
    assert sorted(m["value"] for m in second.result("Pool")["senders"]) == NUMBERS[:3]


def test_exclusive_purges_only_the_kinds_passed(pool_emulator, make_playbook, ansible_playbook):
    run_pool(make_playbook, ansible_playbook, pool_emulator, phone_numbers=NUMBERS[:3], short_codes=["12345"], alpha_senders=["ACME"])
    run = run_pool(make_playbook, ansible_playbook, pool_emulator, "--diff", phone_numbers=[NUMBERS[3]], exclusive=True)
    result = run.result("Pool")
    assert sorted(m["value"] for m in result["removed"]) == NUMBERS[:3]
    assert [m["value"] for m in result["added"]] == [NUMBERS[3]]
    assert sorted(m["value"] for m in result["senders"]) == sorted([NUMBERS[3], "12345", "ACME"])
    assert result["diff"]["after"] == {"phone_numbers": [NUMBERS[3]], "short_codes": ["12345"], "alpha_senders": ["ACME"]}
    assert [w["method"] for w in run.writes] == ["POST", "DELETE", "DELETE", "DELETE"]  # the pool has room: add first
    assert all("/PhoneNumbers" in w["path"] for w in run.writes)


def test_absent_removes_the_listed_senders(pool_emulator, make_playbook, ansible_playbook):
    run_pool(make_playbook, ansible_playbook, pool_emulator, phone_numbers=NUMBERS[:2])
    run = run_pool(make_playbook, ansible_playbook, pool_emulator, phone_numbers=[NUMBERS[0], NUMBERS[5]], state="absent")
    assert [m["value"] for m in run.result("Pool")["removed"]] == [NUMBERS[0]]
    assert [w["method"] for w in run.writes] == ["DELETE"]
    again = run_pool(make_playbook, ansible_playbook, pool_emulator, phone_numbers=[NUMBERS[0], NUMBERS[5]], state="absent")
    assert again.result("Pool")["changed"] is False and again.writes == []


def test_conflict_fails_with_zero_writes_then_moves(pool_emulator, make_playbook, ansible_playbook):
    acc = pool_emulator.seed["accounts"][0]
    other = make_playbook(auth_for(acc), ("Other pool", "sender_pool", {"service": "Other", "phone_numbers": [NUMBERS[4]]}))
    assert ansible_playbook(other, pool_emulator).rc == 0

    failed = run_pool(make_playbook, ansible_playbook, pool_emulator, phone_numbers=[NUMBERS[3], NUMBERS[4]])
    assert failed.rc != 0 and failed.status("Pool") == "failed"
    assert "%s is in the pool of messaging service MG" % NUMBERS[4] in failed.result("Pool")["msg"]
    assert failed.writes == []

    moved = run_pool(make_playbook, ansible_playbook, pool_emulator, phone_numbers=[NUMBERS[3], NUMBERS[4]], on_conflict="move")
    assert moved.rc == 0, moved.stdout
    result = moved.result("Pool")
    assert [m["value"] for m in result["moved"]] == [NUMBERS[4]]
    assert [m["value"] for m in result["added"]] == [NUMBERS[3]]
    other_sid = result["moved"][0]["from_service"]
    assert ("DELETE", "/v1/Services/%s/PhoneNumbers/%s" % (other_sid, numbered(4))) in [(w["method"], w["path"]) for w in moved.writes]


def test_unknown_and_smsless_numbers_fail_together_with_zero_writes(pool_emulator, make_playbook, ansible_playbook):
    run = run_pool(make_playbook, ansible_playbook, pool_emulator, phone_numbers=[NUMBERS[0], "+15559999999", NUMBERS[11], "PN" + "f" * 32])
    assert run.rc != 0
    result = run.result("Pool")
    assert len(result["problems"]) == 3
    assert "'+15559999999' is not a phone number of account" in result["msg"]
    assert "has neither SMS nor MMS capability" in result["msg"]
    assert run.writes == []


def test_pool_limit_fails_before_writing(pool_emulator, make_playbook, ansible_playbook):
    run = run_pool(make_playbook, ansible_playbook, pool_emulator, phone_numbers=NUMBERS[:5], pool_limit=4)
    assert run.rc != 0
    assert "the pool would hold 5 senders, over pool_limit=4" in run.result("Pool")["msg"]
    assert run.writes == []


def test_check_mode_reports_what_the_real_run_does(pool_emulator, make_playbook, ansible_playbook):
    acc = pool_emulator.seed["accounts"][0]
    setup = make_playbook(auth_for(acc), ("Flex", "sender_pool", {"service": "Flex", "phone_numbers": NUMBERS[:3]}),
                          ("Other", "sender_pool", {"service": "Other", "phone_numbers": [NUMBERS[5]]}))
    assert ansible_playbook(setup, pool_emulator).rc == 0
    options = {"phone_numbers": [NUMBERS[0], NUMBERS[4], NUMBERS[5]], "exclusive": True, "on_conflict": "move"}
    check = run_pool(make_playbook, ansible_playbook, pool_emulator, "--check", "--diff", **options)
    assert check.writes == []
    real = run_pool(make_playbook, ansible_playbook, pool_emulator, "--diff", **options)
    planned, done = check.result("Pool"), real.result("Pool")
    for key in ("added", "removed", "moved", "senders", "diff", "changed"):
        assert planned[key] == done[key], key
    assert len(real.writes) == 2 + 1 + 2


def test_phone_number_info_reports_pool_membership(pool_emulator, make_playbook, ansible_playbook):
    acc = pool_emulator.seed["accounts"][0]
    run_pool(make_playbook, ansible_playbook, pool_emulator, phone_numbers=NUMBERS[:2])
    playbook = make_playbook(auth_for(acc), ("All", "phone_number_info", {}),
                             ("Some", "phone_number_info", {"phone_numbers": [NUMBERS[1], NUMBERS[2], "+15559999999"]}))
    run = ansible_playbook(playbook, pool_emulator)
    assert run.rc == 0, run.stdout
    every = run.result("All")["phone_numbers"]
    assert len(every) == 12
    held = {n["phone_number"]: n["messaging_service_sid"] for n in every}
    assert held[NUMBERS[0]] is not None and held[NUMBERS[0]] == held[NUMBERS[1]] and held[NUMBERS[2]] is None
    some = run.result("Some")
    assert [n["phone_number"] for n in some["phone_numbers"]] == [NUMBERS[1], NUMBERS[2]]
    assert some["missing"] == ["+15559999999"]
    assert {"sid", "capabilities", "sms_url", "sms_method", "sms_application_sid"} <= set(some["phone_numbers"][0])
    assert run.writes == []
