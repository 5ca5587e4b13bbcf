"""flex_a2p_plan: each step is its module run in check mode with --diff (same result), in one module run that never
writes, reads each URL once, and lets a step fail without stopping the others."""

from __future__ import annotations

from typing import Any

from twilio_payloads import (
    API_ACCOUNT_URL, AUTH, BRANDS_URL, NUMBERS_URL, SERVICES_URL, brand, error, mock_carried, owned_number, page, page2010, service,
)

from ansible_collections.tendlc.twilio.plugins.modules import a2p_brand_info, flex_a2p_plan, messaging_service, phone_number_info, sender_pool

MG1 = "MG" + "1" * 32
PN1, PN2 = "PN" + "1" * 32, "PN" + "2" * 32
BN1 = "BN" + "1" * 32
SERVICE = {"friendly_name": "Flex", "use_inbound_webhook_on_number": True}
POOL = {"phone_numbers": ["+15550000001"], "exclusive": True}
IGNORED = ("invocation", "warnings", "deprecations")


def _account(requests_mock: Any) -> None:
    """One service (not deferring to the numbers' webhooks) with PN2 in its pool; the account owns PN1 and PN2; brand BN1."""
    requests_mock.get(SERVICES_URL, json=page("services", [service(MG1, "Flex")]))
    requests_mock.get(SERVICES_URL + "/" + MG1, json=service(MG1, "Flex"))
    mock_carried(requests_mock, MG1, phone_numbers=[(PN2, "+15550000002")])
    numbers = [owned_number(PN1, "+15550000001"), owned_number(PN2, "+15550000002")]
    requests_mock.get(NUMBERS_URL, json=page2010("incoming_phone_numbers", numbers, NUMBERS_URL))
    requests_mock.get(BRANDS_URL + "/" + BN1, json=brand(BN1))
    requests_mock.get(BRANDS_URL, json=page("data", [brand(BN1)], BRANDS_URL))
    requests_mock.get(API_ACCOUNT_URL + ".json", json={"sid": AUTH["account_sid"], "friendly_name": "Unit", "status": "active", "type": "Full"})


def _bare(result: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in result.items() if key not in IGNORED}


def test_each_step_is_what_its_module_returns_in_check_mode_with_diff(requests_mock, run_module):
    _account(requests_mock)
    plan = run_module(flex_a2p_plan, {**AUTH, "phone_numbers": ["+15550000001"], "messaging_service": SERVICE, "sender_pool": POOL,
                                      "brand_sid": BN1})
    alone = {
        "numbers": run_module(phone_number_info, {**AUTH, "phone_numbers": ["+15550000001"]}),
        "service": run_module(messaging_service, {**AUTH, **SERVICE}, check_mode=True, diff=True),
        "pool": run_module(sender_pool, {**AUTH, **POOL, "service": MG1, "plan_new_service": False}, check_mode=True, diff=True),
        "brand_read": run_module(a2p_brand_info, {**AUTH, "sid": BN1}),
    }
    for step, result in alone.items():
        assert _bare(plan[step]) == _bare(result), step
    assert plan["steps_changed"] == ["service", "pool"] and plan["changed"] is True
    assert plan["service_sid"] == MG1 and plan["brand_sid"] == BN1 and plan["brand_status"] == "APPROVED"
    assert plan["routing"]["skipped"] and plan["campaign"]["skipped"] and plan["brand"]["skipped"]


def test_it_never_writes_and_reads_each_url_once(requests_mock, run_module):
    _account(requests_mock)
    run_module(flex_a2p_plan, {**AUTH, "phone_numbers": ["+15550000001"], "messaging_service": SERVICE, "sender_pool": POOL,
                               "brand_sid": BN1, "audit": True}, diff=True)
    requests = [(r.method, r.url) for r in requests_mock.request_history]
    assert {method for method, _url in requests} == {"GET"}
    assert len(requests) == len(set(requests)), "a URL was read twice: %s" % sorted(requests)


def test_the_diff_lists_each_changing_step_under_its_header(requests_mock, run_module):
    _account(requests_mock)
    plan = run_module(flex_a2p_plan, {**AUTH, "messaging_service": SERVICE, "sender_pool": POOL}, diff=True)
    assert [d["before_header"] for d in plan["diff"]] == ["messaging service", "sender pool"]
    assert plan["diff"][0]["after"]["use_inbound_webhook_on_number"] is True


def test_a_step_whose_options_are_refused_fails_alone_and_before_its_requests(requests_mock, run_module):
    _account(requests_mock)
    plan = run_module(flex_a2p_plan, {**AUTH, "messaging_service": SERVICE, "sender_pool": {**POOL, "concurrency": 0, "colour": "red"}})
    assert plan.get("failed") is not True and plan["steps_failed"] == ["pool"]
    assert "colour" in plan["pool"]["msg"]
    assert "service" in plan["service"]
    plan = run_module(flex_a2p_plan, {**AUTH, "messaging_service": SERVICE, "sender_pool": {**POOL, "concurrency": 0}})
    assert plan["steps_failed"] == ["pool"] and "concurrency" in plan["pool"]["msg"]
    assert not any("PhoneNumbers" in r.url for r in requests_mock.request_history if r.method != "GET")


def test_a_list_given_for_a_text_option_of_a_step_is_refused(requests_mock, run_module):
    _account(requests_mock)
    plan = run_module(flex_a2p_plan, {**AUTH, "messaging_service": {**SERVICE, "friendly_name": ["Flex"]}, "sender_pool": POOL})
    assert plan["steps_failed"] == ["service"]
    assert "friendly_name is a list, not a text" in plan["service"]["msg"]
    assert plan["pool"]["skipped"]  # no service to plan the pool of


def test_refused_credentials_fail_each_step_that_runs_and_not_the_module(requests_mock, run_module):
    refused = {"status_code": 401, "json": error(20003, 401, "Authenticate")}
    for url in (SERVICES_URL, NUMBERS_URL, BRANDS_URL + "/" + BN1, API_ACCOUNT_URL + ".json"):
        requests_mock.get(url, **refused)
    plan = run_module(flex_a2p_plan, {**AUTH, "phone_numbers": ["+15550000001"], "messaging_service": SERVICE, "sender_pool": POOL,
                                      "brand_sid": BN1})
    assert plan.get("failed") is not True
    assert plan["steps_failed"] == ["numbers", "service", "brand_read"]
    assert all("Check the credentials" in plan[step]["msg"] for step in plan["steps_failed"])
    assert AUTH["auth_token"] not in str(plan)


def test_a_fault_in_a_step_fails_that_step_only_and_warnings_name_their_step(requests_mock, run_module, monkeypatch):
    from ansible_collections.tendlc.twilio.plugins.module_utils import _sender_pool  # pylint: disable=import-outside-toplevel

    def broken(self):
        raise KeyError("oops")

    _account(requests_mock)
    monkeypatch.setattr(_sender_pool.SenderPool, "execute", broken)
    requests_mock.get(BRANDS_URL, json=page("data", [], BRANDS_URL))  # no brand yet for these bundles: a registration is planned
    bundles = {"customer_profile_bundle_sid": "BU" + "c" * 32, "a2p_profile_bundle_sid": "BU" + "d" * 32}
    plan = run_module(flex_a2p_plan, {**AUTH, "a2p_brand": bundles, "messaging_service": SERVICE})
    assert plan["steps_changed"] == ["service", "brand"]
    assert any(str(w).find("a2p_brand: An A2P brand would be registered") >= 0 for w in plan["warnings"]), plan["warnings"]
    plan = run_module(flex_a2p_plan, {**AUTH, "messaging_service": SERVICE, "sender_pool": POOL})
    assert plan["steps_failed"] == ["pool"] and plan["pool"]["msg"] == "sender_pool failed: KeyError: 'oops'"
    assert "service" in plan["service"] and "Traceback" in plan["pool"]["exception"]


def test_ansible_knows_the_personal_data_among_the_toll_free_options_before_the_module_runs():
    """AnsibleModule masks no_log values in the invocation it logs on the host at its start, before any step runs."""
    from ansible_collections.tendlc.twilio.plugins.module_utils._flex_a2p_plan import FlexA2PPlan  # pylint: disable=import-outside-toplevel
    from ansible_collections.tendlc.twilio.plugins.module_utils._tollfree_verification import TollfreeVerification  # pylint: disable=import-outside-toplevel

    suboptions = FlexA2PPlan.argument_spec["tollfree_verification"]["options"]
    personal = {name for name, option in TollfreeVerification.argument_spec.items() if option.get("no_log")}
    assert personal and {name for name, option in suboptions.items() if option["no_log"]} == personal
    assert set(suboptions) == set(TollfreeVerification.argument_spec) - {"phone_number"}


def test_a_short_personal_value_is_masked_in_its_step_and_the_invocation_only(requests_mock, run_module):
    """A toll-free contact's suite "5", masked in the whole result, made every SID and number the role reads garbled."""
    _account(requests_mock)
    plan = run_module(flex_a2p_plan, {**AUTH, "phone_numbers": ["+15550000001"], "messaging_service": SERVICE, "sender_pool": POOL,
                                      "tollfree_verification": {"business_name": "Owl", "business_street_address2": "5"}})
    assert plan["service_sid"] == MG1 and plan["numbers"]["phone_numbers"][0]["phone_number"] == "+15550000001"
    assert plan["invocation"]["module_args"]["tollfree_verification"]["business_street_address2"] != "5"
    assert plan["invocation"]["module_args"]["tollfree_verification"]["business_name"] == "Owl"
