"""sender_pool against requests-mock: resolve, plan, and the writes it sends."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from twilio_payloads import AUTH, BRANDS_URL, NUMBERS_URL, SERVICES_URL, brand, campaign, error, owned_number, page, page2010, pool_member, service

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
    requests_mock.get(pool_url(MG, "Compliance/Usa2p"), json=page("compliance", [], pool_url(MG, "Compliance/Usa2p")))  # no campaign
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
    assert "has neither SMS nor MMS capability (Twilio error 21715)" in result["msg"]
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
    assert [w[0] for w in writes(account)] == ["DELETE", "POST"]  # one alpha sender per service: the old one goes first


PN5 = "PN" + "6" * 32
ADD_URL = pool_url(MG, "PhoneNumbers")


def order(mock):
    """The writes as (method, service SID, sender SID) (requests-mock lower-cases paths)."""
    def sid(segment):
        return segment[:2].upper() + segment[2:]
    return [(method, sid(path.split("/")[3]), form.get("PhoneNumberSid") or sid(path.split("/")[-1])) for method, path, form in writes(mock)]


def adds(outcomes):
    """A POST callback: each PhoneNumberSid answered with its own (status, body)."""
    def answer(request, context):
        sid = parse_qs(request.text)["PhoneNumberSid"][0]
        context.status_code, body = outcomes[sid]
        return body
    return answer


def refused(code, message):
    return (400, error(code, 400, message))


@pytest.fixture(name="five")
def fixture_five(account):
    """The account also owns PN5 (+15550000005)."""
    account.get(NUMBERS_URL, json=page2010("incoming_phone_numbers", [
        owned_number(PN1, "+15550000001"), owned_number(PN2, "+15550000002"), owned_number(PN3, "+15550000003"),
        owned_number(PN4, "+15550000004", sms=False), owned_number(PN5, "+15550000005")], NUMBERS_URI))
    return account


def test_exclusive_with_an_empty_list_is_refused_before_any_request(requests_mock, run_module):
    result = run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": [], "short_codes": ["12345"], "exclusive": True})
    assert result["failed"] is True and result["changed"] is False
    assert result["msg"].startswith("phone_numbers=[]: an empty list with exclusive=true would remove every sender of that kind")
    assert "allow_empty=true" in result["msg"] and result["field"] == "phone_numbers"
    assert not requests_mock.request_history


def test_allow_empty_lets_exclusive_empty_that_kind(account, run_module):
    result = run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": [], "exclusive": True, "allow_empty": True})
    assert result["changed"] is True and [m["sid"] for m in result["removed"]] == [PN1]
    assert order(account) == [("DELETE", MG, PN1)]
    assert [m["value"] for m in result["senders"]] == ["12345"]


def test_a_swap_adds_before_it_removes(account, run_module):
    run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": ["+15550000002"], "exclusive": True})
    assert order(account) == [("POST", MG, PN2), ("DELETE", MG, PN1)]


def test_a_swap_whose_addition_fails_keeps_the_old_numbers_and_says_what_it_did(five, run_module):
    five.post(ADD_URL, json=adds({PN2: (201, pool_member(MG, PN2, "phone_number", "+15550000002")),
                                  PN5: refused(21712, "Phone Number or Short Code is already in a Messaging Service.")}))
    result = run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": ["+15550000002", "+15550000005"], "exclusive": True})
    assert result["failed"] is True and result["changed"] is True
    assert result["writes"] == {"applied": 1, "unknown": 0}
    assert sorted(order(five)) == [("POST", MG, PN2), ("POST", MG, PN5)]
    assert result["added"] == [{"sid": PN2, "kind": "phone_number", "value": "+15550000002"}]
    assert result["removed"] == [] and result["moved"] == [] and result["in_no_pool"] == []
    assert [m["value"] for m in result["senders"]] == ["+15550000001", "+15550000002", "12345"]
    assert [(f["sid"], f["action"], f["error"]["code"]) for f in result["failed_changes"]] == [(PN5, "add", 21712)]
    assert result["not_attempted"] == [{"sid": PN1, "kind": "phone_number", "value": "+15550000001", "action": "remove"}]
    assert "Done: added +15550000002; removed none; moved none. Not attempted: remove +15550000001." in result["msg"]
    assert "still in the pool" in result["msg"]


def test_a_failure_before_any_write_reports_the_plan_unchanged(account, run_module):
    account.post(ADD_URL, status_code=400, json=error(21714, 400, "Messaging Service has reached its sender pool limit"))
    result = run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": ["+15550000002"], "exclusive": True})
    assert result["failed"] is True and result["changed"] is False
    assert order(account) == [("POST", MG, PN2)]
    assert result["added"] == [] and result["removed"] == [] and [f["error"]["code"] for f in result["failed_changes"]] == [21714]
    assert [m["value"] for m in result["senders"]] == ["+15550000001", "12345"]


def test_without_room_only_the_removals_needed_go_first(five, run_module):
    five.post(ADD_URL, json=adds({PN2: (201, pool_member(MG, PN2, "phone_number", "+15550000002")),
                                  PN5: (201, pool_member(MG, PN5, "phone_number", "+15550000005"))}))
    five.get(pool_url(MG, "PhoneNumbers"), json=page("phone_numbers", [pool_member(MG, PN1, "phone_number", "+15550000001"),
                                                                       pool_member(MG, PN4, "phone_number", "+15550000004")],
                                                     url=pool_url(MG, "PhoneNumbers")))
    five.delete(ADD_URL + "/" + PN4, status_code=204)
    args = {**AUTH, "service": "Flex", "phone_numbers": ["+15550000002", "+15550000005"], "exclusive": True, "pool_limit": 4, "concurrency": 1}
    result = run_module(sender_pool, args)
    assert result["changed"] is True and "failed" not in result
    assert order(five) == [("DELETE", MG, PN1), ("POST", MG, PN2), ("POST", MG, PN5), ("DELETE", MG, PN4)]


def test_a_move_counts_once_against_pool_limit(account, run_module):
    args = {**AUTH, "service": "Flex", "phone_numbers": ["+15550000003"], "on_conflict": "move", "pool_limit": 3}
    result = run_module(sender_pool, args)
    assert result["changed"] is True and [m["sid"] for m in result["moved"]] == [PN3]
    full = run_module(sender_pool, {**args, "phone_numbers": ["+15550000003"], "exclusive": True, "pool_limit": 2})
    assert full["changed"] is True and [m["sid"] for m in full["removed"]] == [PN1], full.get("msg")
    assert order(account)[-3:] == [("DELETE", MG, PN1), ("DELETE", OTHER, PN3), ("POST", MG, PN3)]


def test_a_move_whose_addition_fails_says_the_number_is_in_no_pool(account, run_module):
    account.post(ADD_URL, status_code=400, json=error(21714, 400, "Messaging Service has reached its sender pool limit"))
    # Putting it back fails too (another writer took the place): now it is in no pool.
    account.post(pool_url(OTHER, "PhoneNumbers"), status_code=400, json=error(21714, 400, "Messaging Service has reached its sender pool limit"))
    result = run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": ["+15550000003"], "on_conflict": "move"})
    assert result["failed"] is True and result["changed"] is True
    assert order(account) == [("DELETE", OTHER, PN3), ("POST", MG, PN3), ("POST", OTHER, PN3)]
    lost = {"sid": PN3, "kind": "phone_number", "value": "+15550000003", "from_service": OTHER}
    assert result["in_no_pool"] == [lost] and result["moved"] == []
    assert [(f["action"], f["in_no_pool"], f["from_service"]) for f in result["failed_changes"]] == [("move", True, OTHER)]
    assert ("+15550000003 (%s) was removed from messaging service %s but could not be added to %s: it is now in NO messaging service's pool"
            % (PN3, OTHER, MG)) in result["msg"]


def test_plan_new_service_plans_an_empty_pool_in_check_mode_only(account, run_module):
    args = {**AUTH, "service": "New", "phone_numbers": ["+15550000002", "+15550000003"], "plan_new_service": True}
    planned = run_module(sender_pool, {**args, "on_conflict": "move"}, check_mode=True)
    assert planned["changed"] is True and planned["service_sid"] is None
    assert [m["sid"] for m in planned["added"]] == [PN2] and [(m["sid"], m["from_service"]) for m in planned["moved"]] == [(PN3, OTHER)]
    assert "no such messaging service yet" in str(planned["warnings"])
    conflict = run_module(sender_pool, args, check_mode=True)
    assert conflict["failed"] is True and "Cannot update the sender pool of 'New'" in conflict["msg"] and "Twilio error 21712" in conflict["msg"]
    real = run_module(sender_pool, args)
    assert real["failed"] is True and real["changed"] is False
    assert writes(account) == []


def test_a_move_twilio_refuses_here_is_put_back_where_it_was(account, run_module):
    account.post(ADD_URL, status_code=400, json=error(21714, 400, "Messaging Service has reached its sender pool limit"))
    account.post(pool_url(OTHER, "PhoneNumbers"), status_code=201, json=pool_member(OTHER, PN3, "phone_number", "+15550000003"))
    result = run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": ["+15550000003"], "on_conflict": "move"})
    assert result["failed"] is True and result["changed"] is True
    assert order(account) == [("DELETE", OTHER, PN3), ("POST", MG, PN3), ("POST", OTHER, PN3)]
    assert result["in_no_pool"] == [] and result["moved"] == []
    assert "It was put back into the pool of messaging service %s, where it was before." % OTHER in result["msg"]
    assert "in NO messaging service's pool" not in result["msg"]


MMS_ONLY = {"voice": True, "sms": False, "mms": True, "fax": False}
SOLE = "BN" + "5" * 32
QE = "QE" + "5" * 32


def test_an_mms_only_number_may_join(account, run_module):
    """Error page 21715: a number needs SMS or MMS."""
    account.get(NUMBERS_URL, json=page2010("incoming_phone_numbers", [owned_number(PN2, "+15550000002", capabilities=MMS_ONLY)], NUMBERS_URI))
    result = run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": ["+15550000002"]})
    assert result["changed"] is True and "failed" not in result, result.get("msg")
    assert order(account) == [("POST", MG, PN2)]


def test_a_conflict_is_named_in_twilios_words(account, run_module):
    result = run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": ["+15550000003"]})
    assert ("phone number +15550000003 is in the pool of messaging service %s (Twilio error 21712: Phone Number or Short Code is "
            "associated with another Messaging Service; on_conflict=move moves it)" % OTHER) in result["msg"]


def test_twilios_21710_after_the_check_is_reported_in_its_words(account, run_module):
    account.post(ADD_URL, status_code=409, json=error(21710, 409, "Phone Number or Short Code is already in the Messaging Service."))
    result = run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": ["+15550000002"]})
    assert result["failed"] is True and [(f["error"]["code"], f["error"]["status"]) for f in result["failed_changes"]] == [(21710, 409)]
    assert "Twilio error 21710 (HTTP 409): Phone Number or Short Code is already in the Messaging Service" in result["msg"]


@pytest.fixture(name="sole")
def fixture_sole(account):
    """MG has an A2P campaign of a sole-proprietor brand (and holds PN1)."""
    account.get(SERVICES_URL, json=page("services", [service(MG, "Flex", us_app_to_person_registered=True), service(OTHER, "Other")]))
    usa2p = pool_url(MG, "Compliance/Usa2p")
    account.get(usa2p, json=page("compliance", [campaign(MG, QE, SOLE, us_app_to_person_usecase="SOLE_PROPRIETOR")], usa2p))
    account.get(BRANDS_URL + "/" + SOLE, json=brand(SOLE, brand_type="SOLE_PROPRIETOR"))
    return account


@pytest.mark.parametrize("check_mode", [False, True])
def test_a_second_number_for_a_sole_proprietor_campaign_is_refused_before_any_write(sole, run_module, check_mode):
    result = run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": ["+15550000002"]}, check_mode=check_mode)
    assert result["failed"] is True and result["changed"] is False
    assert ("messaging service %s carries A2P campaign %s of sole-proprietor brand %s, and Twilio allows one phone number per "
            "sole-proprietor campaign; the pool would hold 2 (+15550000001, +15550000002)" % (MG, QE, SOLE)) in result["msg"]
    assert writes(sole) == []


def test_the_one_number_of_a_sole_proprietor_campaign_is_replaced_removal_first(sole, run_module):
    result = run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": ["+15550000002"], "exclusive": True})
    assert result["changed"] is True and "failed" not in result, result.get("msg")
    assert order(sole) == [("DELETE", MG, PN1), ("POST", MG, PN2)]


def test_a_service_without_campaign_costs_one_campaign_listing_and_no_brand_read(account, run_module):
    result = run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": ["+15550000001", "+15550000002"]})
    assert result["changed"] is True and "failed" not in result, result.get("msg")
    assert [r.path for r in account.request_history if "Usa2p" in r.url or "BrandRegistrations" in r.url] == [
        "/v1/services/%s/compliance/usa2p" % MG.lower()]


def test_one_number_more_or_fewer_reads_no_campaign(account, run_module):
    """A pool that holds at most one phone number at any moment cannot break the one-number limit: no campaign read."""
    run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": ["+15550000001"], "short_codes": ["12345"]})
    run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": [], "exclusive": True, "allow_empty": True})
    assert not any("Usa2p" in r.url for r in account.request_history)


def test_a_sole_proprietor_campaign_is_found_when_the_service_does_not_say_it_is_registered(sole, run_module):
    """The spec only says us_app_to_person_registered is "Whether US A2P campaign is registered for this Service"; a campaign
    under review may not set it (unconfirmed), so the campaigns are listed whatever it says."""
    sole.get(SERVICES_URL, json=page("services", [service(MG, "Flex", us_app_to_person_registered=False), service(OTHER, "Other")]))
    result = run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": ["+15550000002"]})
    assert result["failed"] is True and result["changed"] is False
    assert "carries A2P campaign %s of sole-proprietor brand %s" % (QE, SOLE) in result["msg"]
    assert writes(sole) == []


RACE = (409, error(21712, 409, "Phone Number or Short Code is associated with another Messaging Service."))


def test_a_sole_proprietor_replacement_whose_addition_fails_puts_the_old_number_back(sole, run_module):
    sole.post(ADD_URL, json=adds({PN2: RACE, PN1: (201, pool_member(MG, PN1, "phone_number", "+15550000001"))}))
    result = run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": ["+15550000002"], "exclusive": True})
    assert result["failed"] is True and result["changed"] is True
    assert order(sole) == [("DELETE", MG, PN1), ("POST", MG, PN2), ("POST", MG, PN1)]
    assert result["removed"] == [] and result["added"] == []
    assert [m["value"] for m in result["senders"]] == ["+15550000001", "12345"]
    assert [(f["sid"], f["action"], f["error"]["code"]) for f in result["failed_changes"]] == [(PN2, "add", 21712)]
    assert ("+15550000001 (%s) was removed to make room for the new number of the sole-proprietor campaign and, as that could not "
            "be added, was put back into the pool of %s." % (PN1, MG)) in result["msg"]
    assert "now has no phone number" not in result["msg"]


def test_a_sole_proprietor_replacement_that_cannot_put_the_old_number_back_says_the_service_has_none(sole, run_module):
    sole.post(ADD_URL, json=adds({PN2: RACE, PN1: (503, error(20503, 503, "Service Unavailable"))}))
    sole.get(ADD_URL + "/" + PN1, status_code=404, json=error(20404, 404, "The requested resource was not found"))
    args = {**AUTH, "service": "Flex", "phone_numbers": ["+15550000002"], "exclusive": True, "max_retries": 0}
    result = run_module(sender_pool, args)
    assert result["failed"] is True and result["changed"] is True
    assert order(sole) == [("DELETE", MG, PN1), ("POST", MG, PN2), ("POST", MG, PN1)]
    assert result["removed"] == [{"sid": PN1, "kind": "phone_number", "value": "+15550000001"}] and result["added"] == []
    assert [m["value"] for m in result["senders"]] == ["12345"]
    assert ("The messaging service %s now has no phone number: +15550000001 (%s) was removed to make room for the new number of its "
            "sole-proprietor campaign, and putting it back failed (" % (MG, PN1)) in result["msg"]
    assert "Add +15550000001 back to %s, or run the task again." % MG in result["msg"]


def test_check_mode_returns_the_keys_a_real_run_returns(account, run_module):
    """One result shape: added, removed, moved and senders hold entries with the same keys in check mode as in a real run;
    only an alpha sender's SID is unknown (null) until Twilio adds it."""
    def added(request, context):
        sid = parse_qs(request.text)["PhoneNumberSid"][0]
        return pool_member(MG, sid, "phone_number", {PN2: "+15550000002", PN3: "+15550000003"}[sid])

    account.post(ADD_URL, status_code=201, json=added)
    account.post(pool_url(MG, "AlphaSenders"), status_code=201, json=pool_member(MG, "AI" + "8" * 32, "alpha_sender", "Globex"))
    args = {**AUTH, "service": "Flex", "phone_numbers": ["+15550000002", "+15550000003"], "alpha_senders": ["Globex"], "exclusive": True,
            "on_conflict": "move"}
    planned = run_module(sender_pool, args, check_mode=True)
    assert writes(account) == []
    real = run_module(sender_pool, args)
    assert "failed" not in real, real.get("msg")
    assert set(planned) - {"invocation", "warnings"} == set(real) - {"invocation", "warnings"} == {
        "changed", "service_sid", "added", "removed", "moved", "senders"}
    for key in ("added", "removed", "moved", "senders"):
        assert [set(m) for m in planned[key]] == [set(m) for m in real[key]], key
    alpha = {"kind": "alpha_sender", "value": "Globex"}
    assert [m for m in planned["added"] if m["kind"] == "alpha_sender"] == [{"sid": None, **alpha}]
    assert [m for m in real["added"] if m["kind"] == "alpha_sender"] == [{"sid": "AI" + "8" * 32, **alpha}]
    for key in ("removed", "moved"):
        assert planned[key] == real[key], key
    assert [m["value"] for m in planned["senders"]] == [m["value"] for m in real["senders"]] == ["Globex", "+15550000002", "+15550000003", "12345"]
    assert set(planned["moved"][0]) == {"sid", "kind", "value", "from_service"}


@pytest.mark.parametrize("args, text", [
    ({"concurrency": 33}, "concurrency must be between 1 and 32, got 33"),
    ({"pool_limit": 0}, "pool_limit must be between 1 and 1000000, got 0"),
    ({"pool_limit": 10 ** 6 + 1}, "pool_limit must be between 1 and 1000000, got 1000001"),
])
def test_the_pool_options_have_the_ranges_the_role_checks_too(requests_mock, run_module, args, text):
    """concurrency and pool_limit follow _senders.CONCURRENCY and POOL_LIMIT, the constants the role's input filter reads."""
    result = run_module(sender_pool, {**AUTH, "service": "Flex", "phone_numbers": ["+15550000002"], **args})
    assert result["failed"] is True and text in result["msg"] and result["field"] in args
    assert not requests_mock.request_history
