"""sender_pool against requests-mock: resolve, plan, and the writes it sends."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from twilio_payloads import AUTH, NUMBERS_URL, SERVICES_URL, owned_number, page, page2010, pool_member, service

from ansible_collections.tendlc.twilio.plugins.modules import sender_pool

MG = "MG" + "a" * 32
OTHER = "MG" + "b" * 32
PN1, PN2, PN3, PN4 = ("PN%s" % (c * 32) for c in "1234")
SC1 = "SC" + "5" * 32
NUMBERS_URI = NUMBERS_URL.replace("https://api.twilio.com", "")


def pool_url(service_sid, kind):
    return "%s/%s/%s" % (SERVICES_URL, service_sid, kind)


@pytest.fixture(name="account")
def fixture_account(requests_mock):
    """MG holds PN1 and SC1; OTHER holds PN3; the account owns PN1-PN4 (PN4 cannot send SMS)."""
    requests_mock.get(SERVICES_URL, json=page("services", [service(MG, "Flex"), service(OTHER, "Other")]))
    requests_mock.get(SERVICES_URL + "/" + MG, json=service(MG, "Flex"))
    members = {
        (MG, "PhoneNumbers"): ("phone_numbers", [pool_member(MG, PN1, "phone_number", "+15550000001")]),
        (MG, "ShortCodes"): ("short_codes", [pool_member(MG, SC1, "short_code", "12345")]),
        (MG, "AlphaSenders"): ("alpha_senders", []),
        (OTHER, "PhoneNumbers"): ("phone_numbers", [pool_member(OTHER, PN3, "phone_number", "+15550000003")]),
        (OTHER, "ShortCodes"): ("short_codes", []),
        (OTHER, "AlphaSenders"): ("alpha_senders", []),
    }
    for (sid, kind), (key, items) in members.items():
        requests_mock.get(pool_url(sid, kind), json=page(key, items, url=pool_url(sid, kind)))
    requests_mock.get(NUMBERS_URL, json=page2010("incoming_phone_numbers", [
        owned_number(PN1, "+15550000001"), owned_number(PN2, "+15550000002"), owned_number(PN3, "+15550000003"),
        owned_number(PN4, "+15550000004", sms=False)], NUMBERS_URI))
    requests_mock.post(pool_url(MG, "PhoneNumbers"), status_code=201,
                       json=pool_member(MG, PN2, "phone_number", "+15550000002"))
    requests_mock.delete(pool_url(MG, "PhoneNumbers") + "/" + PN1, status_code=204)
    requests_mock.delete(pool_url(OTHER, "PhoneNumbers") + "/" + PN3, status_code=204)
    return requests_mock


def writes(mock):
    return [(r.method, r.path, {k: v[0] for k, v in parse_qs(r.text or "").items()}) for r in mock.request_history if r.method in ("POST", "DELETE")]


def test_adds_a_number_given_in_e164(account, run_module):
    result = run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": ["+15550000001", "+15550000002"]})
    assert result["changed"] is True
    assert result["added"] == [{"sid": PN2, "kind": "phone_number", "value": "+15550000002"}]
    assert writes(account) == [("POST", "/v1/services/%s/phonenumbers" % MG.lower(), {"PhoneNumberSid": PN2})]
    assert [m["value"] for m in result["senders"]] == ["+15550000001", "+15550000002", "12345"]


def test_numbers_already_in_the_pool_need_no_lookup_and_no_write(account, run_module):
    result = run_module(sender_pool, {**AUTH, "service": MG, "phone_numbers": [PN1]})
    assert result["changed"] is False
    assert writes(account) == []
    assert len(account.request_history) == 4
    assert not any("IncomingPhoneNumbers" in r.url for r in account.request_history)


def test_exclusive_purges_only_the_kinds_passed(account, run_module):
    result = run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": ["+15550000002"], "exclusive": True}, diff=True)
    assert [m["sid"] for m in result["removed"]] == [PN1]
    assert sorted(w[0] for w in writes(account)) == ["DELETE", "POST"]
    assert result["diff"]["before"] == {"phone_numbers": ["+15550000001"], "short_codes": ["12345"], "alpha_senders": []}
    assert result["diff"]["after"] == {"phone_numbers": ["+15550000002"], "short_codes": ["12345"], "alpha_senders": []}


def test_conflict_fails_before_any_write(account, run_module):
    result = run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": ["+15550000002", "+15550000003"]})
    assert result["failed"] is True
    assert "+15550000003 is in the pool of messaging service %s" % OTHER in result["msg"]
    assert writes(account) == []


def test_conflict_move_removes_there_then_adds_here(account, run_module):
    result = run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": ["+15550000003"], "on_conflict": "move"})
    assert result["moved"] == [{"sid": PN3, "kind": "phone_number", "value": "+15550000003", "from_service": OTHER}]
    assert result["added"] == []
    expected = [("DELETE", "/v1/services/%s/phonenumbers/%s" % (OTHER.lower(), PN3.lower())), ("POST", "/v1/services/%s/phonenumbers" % MG.lower())]
    assert [w[:2] for w in writes(account)] == expected


def test_every_problem_is_reported_at_once_with_zero_writes(account, run_module):
    args = {**AUTH, "service": "Flex", "phone_numbers": ["+15559999999", PN4, "+15550000003"], "pool_limit": 2}
    result = run_module(sender_pool, args)
    assert result["failed"] is True
    assert len(result["problems"]) == 4
    assert "'+15559999999' is not a phone number of account" in result["msg"]
    assert "has no SMS capability (Twilio error 21715)" in result["msg"]
    assert "Twilio error 21712" in result["msg"]
    assert "over pool_limit=2" in result["msg"]
    assert writes(account) == []


def test_check_mode_reports_the_same_plan_without_writing(account, run_module):
    args = {**AUTH, "service": "Flex", "phone_numbers": ["+15550000002", "+15550000003"], "on_conflict": "move", "exclusive": True}
    result = run_module(sender_pool, args, check_mode=True)
    assert result["changed"] is True
    assert [m["sid"] for m in result["added"]] == [PN2]
    assert [m["sid"] for m in result["moved"]] == [PN3]
    assert [m["sid"] for m in result["removed"]] == [PN1]
    assert writes(account) == []


def test_absent_removes_listed_members_only(account, run_module):
    result = run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": ["+15550000001", "+15550000002"], "state": "absent"})
    assert [m["sid"] for m in result["removed"]] == [PN1]
    assert [w[0] for w in writes(account)] == ["DELETE"]


@pytest.mark.parametrize("args, text", [
    ({"phone_numbers": ["5550000001"]}, "phone_numbers: '5550000001' is not an E.164 number"),
    ({"phone_numbers": ["PN123"]}, "phone_numbers: 'PN123' is not an E.164 number"),
    ({"short_codes": ["PN" + "1" * 32]}, "short_codes: 'PN1111"),
    ({"alpha_senders": ["TwelveLetter"]}, "alpha_senders: 'TwelveLetter' is not 1 to 11"),
    ({"alpha_senders": ["12345"]}, "alpha_senders: '12345' is not 1 to 11"),
    ({}, "Give at least one of phone_numbers"),
    ({"phone_numbers": [], "exclusive": True, "state": "absent"}, "exclusive=true applies to state=present only"),
    ({"phone_numbers": [], "concurrency": 0}, "concurrency must be between 1 and 32"),
])
def test_bad_input_fails_before_any_request(requests_mock, run_module, args, text):
    result = run_module(sender_pool, {**AUTH, "service": "Flex", **args})
    assert result["failed"] is True
    assert text in result["msg"]
    assert not requests_mock.request_history


def test_a_second_alpha_sender_is_refused_unless_the_first_goes(account, run_module):
    account.get(pool_url(MG, "AlphaSenders"), json=page("alpha_senders", [pool_member(MG, "AI" + "9" * 32, "alpha_sender", "ACME")],
                                                        url=pool_url(MG, "AlphaSenders")))
    refused = run_module(sender_pool, {**AUTH, "service": "Flex", "alpha_senders": ["ACME", "Globex"]})
    assert refused["failed"] is True
    assert "at most one alpha sender, the pool would hold 2 (ACME, Globex)" in refused["msg"]
    assert writes(account) == []
    account.delete(pool_url(MG, "AlphaSenders") + "/" + "AI" + "9" * 32, status_code=204)
    account.post(pool_url(MG, "AlphaSenders"), status_code=201, json=pool_member(MG, "AI" + "8" * 32, "alpha_sender", "Globex"))
    swapped = run_module(sender_pool, {**AUTH, "service": "Flex", "alpha_senders": ["Globex"], "exclusive": True})
    assert [m["value"] for m in swapped["removed"]] == ["ACME"]
    assert swapped["added"] == [{"sid": "AI" + "8" * 32, "kind": "alpha_sender", "value": "Globex"}]
