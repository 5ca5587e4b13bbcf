"""messaging_service against requests-mock at the HTTP layer: the real twilio SDK builds every request."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import pytest
from twilio_payloads import AUTH, AUTH_TOKEN, SERVICES_URL, campaign, error, mock_carried, page, service

from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._inputs import check_service_options
from ansible_collections.tendlc.twilio.plugins.modules import messaging_service

MG1 = "MG" + "a" * 32
MG2 = "MG" + "b" * 32


def writes(requests_mock):
    return [r for r in requests_mock.request_history if r.method in ("POST", "DELETE")]


def form(request) -> dict:
    return {k: v[0] for k, v in parse_qs(request.text or "").items()}


def test_creates_when_name_is_new(requests_mock, run_module):
    requests_mock.get(SERVICES_URL, json=page("services", [service(MG2, "Other")]))
    requests_mock.post(SERVICES_URL, status_code=201, json=service(MG1, "Flex", use_inbound_webhook_on_number=True))
    result = run_module(messaging_service, {**AUTH, "friendly_name": "Flex", "use_inbound_webhook_on_number": True})
    assert result["changed"] is True
    assert result["service"]["sid"] == MG1
    assert result["service"]["date_created"] == "2026-11-27T10:00:00Z"
    assert form(writes(requests_mock)[0]) == {"FriendlyName": "Flex", "UseInboundWebhookOnNumber": "true"}
    assert requests_mock.request_history[0].qs["pagesize"] == ["1000"]


def test_unchanged_service_sends_no_write(requests_mock, run_module):
    requests_mock.get(SERVICES_URL, json=page("services", [service(MG1, "Flex", use_inbound_webhook_on_number=True)]))
    result = run_module(messaging_service, {**AUTH, "friendly_name": "Flex", "use_inbound_webhook_on_number": True, "inbound_request_url": ""})
    assert result["changed"] is False
    assert not writes(requests_mock)


def test_updates_only_the_differing_options(requests_mock, run_module):
    requests_mock.get(SERVICES_URL, json=page("services", [service(MG1, "Flex", sticky_sender=True)]))
    requests_mock.post(SERVICES_URL + "/" + MG1, json=service(MG1, "Flex", use_inbound_webhook_on_number=True, validity_period=600))
    args = {**AUTH, "friendly_name": "Flex", "sticky_sender": True, "use_inbound_webhook_on_number": True, "validity_period": 600}
    result = run_module(messaging_service, args, diff=True)
    assert result["changed"] is True
    assert form(writes(requests_mock)[0]) == {"UseInboundWebhookOnNumber": "true", "ValidityPeriod": "600"}
    assert result["diff"]["before"]["use_inbound_webhook_on_number"] is False
    assert result["diff"]["after"]["use_inbound_webhook_on_number"] is True
    assert result["diff"]["after"]["validity_period"] == 600


def test_check_mode_reports_change_without_writing(requests_mock, run_module):
    requests_mock.get(SERVICES_URL, json=page("services", [service(MG1, "Flex")]))
    mock_carried(requests_mock, MG1)  # a new use case: the service's campaign is read (none here)
    result = run_module(messaging_service, {**AUTH, "friendly_name": "Flex", "usecase": "discussion"}, check_mode=True)
    assert result["changed"] is True
    assert result["service"]["usecase"] == "discussion"
    assert not writes(requests_mock)


@pytest.mark.parametrize("check_mode", [True, False])
def test_usecase_its_campaign_does_not_fit_is_refused_before_writing(requests_mock, run_module, check_mode):
    """Twilio answers 21719 to a service use case incompatible with the service's campaign: refused first, naming both."""
    requests_mock.get(SERVICES_URL, json=page("services", [service(MG1, "Flex", usecase="discussion")]))
    mock_carried(requests_mock, MG1, campaigns=[campaign(MG1, "QE" + "1" * 32, "BN" + "1" * 32)])
    result = run_module(messaging_service, {**AUTH, "friendly_name": "Flex", "usecase": "verification"}, check_mode=check_mode)
    assert result["failed"] is True
    assert "usecase='verification' does not fit the A2P campaign QE%s" % ("1" * 32) in result["msg"]
    assert "whose use case is CUSTOMER_CARE" in result["msg"] and "21719" in result["msg"] and "Nothing was changed" in result["msg"]
    assert (result["field"], result["campaign_usecase"], result["changed"]) == ("usecase", "CUSTOMER_CARE", False)
    assert not writes(requests_mock)


def test_usecase_its_campaign_fits_is_sent(requests_mock, run_module):
    requests_mock.get(SERVICES_URL, json=page("services", [service(MG1, "Flex", usecase="undeclared")]))
    mock_carried(requests_mock, MG1, campaigns=[campaign(MG1, "QE" + "1" * 32, "BN" + "1" * 32)])
    requests_mock.post(SERVICES_URL + "/" + MG1, json=service(MG1, "Flex", usecase="discussion"))
    result = run_module(messaging_service, {**AUTH, "friendly_name": "Flex", "usecase": "discussion"})
    assert result["changed"] is True and form(writes(requests_mock)[0]) == {"Usecase": "discussion"}


def test_check_mode_create_without_writing(requests_mock, run_module):
    requests_mock.get(SERVICES_URL, json=page("services", []))
    result = run_module(messaging_service, {**AUTH, "friendly_name": "Flex"}, check_mode=True, diff=True)
    assert result["changed"] is True
    assert result["diff"] == {"before": {}, "after": {"friendly_name": "Flex"}}
    assert not writes(requests_mock)


def test_check_mode_create_returns_what_a_real_create_returns_less_what_twilio_assigns(requests_mock, run_module):
    """One result shape: a check-mode create holds every field of a real create's result except sid, account, dates and
    links; the options set with their values, Twilio's defaults for the others (as the real create's record has them)."""
    args = {**AUTH, "friendly_name": "Flex", "use_inbound_webhook_on_number": True, "sticky_sender": False, "validity_period": 600,
            "inbound_request_url": "https://flex.example.com/sms"}
    sent = {key: value for key, value in args.items() if key not in AUTH}
    requests_mock.get(SERVICES_URL, json=page("services", []))
    requests_mock.post(SERVICES_URL, status_code=201, json=service(MG1, **sent))
    real = run_module(messaging_service, args)["service"]
    planned = run_module(messaging_service, args, check_mode=True)["service"]
    assigned = {"sid", "account_sid", "date_created", "date_updated", "url", "links"}
    assert assigned <= set(real) and set(planned) == set(real) - assigned
    assert {key: planned[key] for key in sent} == sent
    assert planned == {key: value for key, value in real.items() if key not in assigned}
    assert len(writes(requests_mock)) == 1  # the real run's create only


@pytest.mark.parametrize("option, value", [("inbound_method", "post"), ("usecase", "support"), ("scan_message_content", "on")])
def test_service_checks_refuse_a_value_outside_the_choices_with_the_prefix(option, value):
    """check_service_options (also the flex_a2p role's input filter, with its variable as prefix) holds the table's choices."""
    with pytest.raises(ModuleError) as refused:
        check_service_options({option: value}, "flex_a2p_service_settings.")
    assert refused.value.msg.startswith("flex_a2p_service_settings.%s=%r is not one of " % (option, value))
    assert refused.value.extra["field"] == "flex_a2p_service_settings." + option


def test_rename_by_sid(requests_mock, run_module):
    requests_mock.get(SERVICES_URL + "/" + MG1, json=service(MG1, "Old"))
    requests_mock.get(SERVICES_URL, json=page("services", [service(MG1, "Old"), service(MG2, "Other")]))
    requests_mock.post(SERVICES_URL + "/" + MG1, json=service(MG1, "New"))
    result = run_module(messaging_service, {**AUTH, "sid": MG1, "friendly_name": "New"})
    assert result["changed"] is True
    assert form(writes(requests_mock)[0]) == {"FriendlyName": "New"}


def test_rename_to_another_services_name_fails_without_writing(requests_mock, run_module):
    requests_mock.get(SERVICES_URL + "/" + MG1, json=service(MG1, "Old"))
    requests_mock.get(SERVICES_URL, json=page("services", [service(MG1, "Old"), service(MG2, "Other")]))
    result = run_module(messaging_service, {**AUTH, "sid": MG1, "friendly_name": "Other"})
    assert result["failed"] is True and result["field"] == "friendly_name" and result["sids"] == [MG2]
    assert "friendly_name='Other' is already the name of messaging service %s" % MG2 in result["msg"]
    assert not writes(requests_mock)


def test_absent_with_sid_of_a_service_of_another_name_deletes_nothing(requests_mock, run_module):
    requests_mock.get(SERVICES_URL + "/" + MG1, json=service(MG1, "Marketing"))
    result = run_module(messaging_service, {**AUTH, "sid": MG1, "friendly_name": "Flex", "state": "absent"})
    assert result["failed"] is True and result["field"] == "friendly_name"
    assert "sid='%s' is messaging service 'Marketing', not friendly_name='Flex'; nothing was deleted" % MG1 in result["msg"]
    assert not writes(requests_mock)


def test_unknown_sid_fails_without_creating(requests_mock, run_module):
    requests_mock.get(SERVICES_URL + "/" + MG1, status_code=404, json=error(20404, 404, "The requested resource /Services/%s was not found" % MG1))
    result = run_module(messaging_service, {**AUTH, "sid": MG1, "friendly_name": "Flex"})
    assert result["failed"] is True
    assert "No messaging service has sid='%s'" % MG1 in result["msg"]
    assert not writes(requests_mock)


def test_duplicate_names_fail_listing_sids(requests_mock, run_module):
    requests_mock.get(SERVICES_URL, json=page("services", [service(MG2, "Flex"), service(MG1, "Flex")]))
    result = run_module(messaging_service, {**AUTH, "friendly_name": "Flex", "state": "absent"})
    assert result["failed"] is True
    assert result["sids"] == [MG1, MG2]
    assert MG1 in result["msg"] and MG2 in result["msg"]
    assert not writes(requests_mock)


def test_absent_deletes_then_is_a_noop(requests_mock, run_module):
    requests_mock.get(SERVICES_URL, json=page("services", [service(MG1, "Flex")]))
    requests_mock.delete(SERVICES_URL + "/" + MG1, status_code=204)
    mock_carried(requests_mock, MG1)
    result = run_module(messaging_service, {**AUTH, "friendly_name": "Flex", "state": "absent"})
    assert result["changed"] is True and result["service"] == {}
    assert [r.method for r in writes(requests_mock)] == ["DELETE"]
    requests_mock.get(SERVICES_URL, json=page("services", []))
    assert run_module(messaging_service, {**AUTH, "friendly_name": "Flex", "state": "absent"})["changed"] is False


@pytest.mark.parametrize("check_mode", [False, True])
def test_absent_refuses_a_service_with_senders_and_a_campaign_unless_forced(requests_mock, run_module, check_mode):
    requests_mock.get(SERVICES_URL, json=page("services", [service(MG1, "Flex")]))
    requests_mock.delete(SERVICES_URL + "/" + MG1, status_code=204)
    mock_carried(requests_mock, MG1, phone_numbers=[("PN" + "1" * 32, "+15550001001")],
                 campaigns=[campaign(MG1, "QE" + "2" * 32, "BN" + "3" * 32, status="VERIFIED")])
    result = run_module(messaging_service, {**AUTH, "friendly_name": "Flex", "state": "absent"}, check_mode=check_mode)
    assert result["failed"] is True and result["changed"] is False and not writes(requests_mock)
    assert "holds 1 phone numbers (+15550001001) and the A2P campaign QE%s (VERIFIED, CUSTOMER_CARE)" % ("2" * 32) in result["msg"]
    assert "pass force=true" in result["msg"] and result["field"] == "force"
    forced = run_module(messaging_service, {**AUTH, "friendly_name": "Flex", "state": "absent", "force": True}, check_mode=check_mode, diff=True)
    assert forced["changed"] is True and "failed" not in forced
    assert forced["diff"]["before"]["senders"] == {"phone_numbers": ["+15550001001"]}
    assert forced["diff"]["before"]["campaign"]["sid"] == "QE" + "2" * 32 and forced["diff"]["after"] == {}
    assert [r.method for r in writes(requests_mock)] == ([] if check_mode else ["DELETE"])
    assert "verified A2P campaign" in json.dumps(forced["warnings"])


def test_follows_every_page(requests_mock, run_module):
    next_url = SERVICES_URL + "?PageSize=1000&Page=1&PageToken=PA" + MG2
    requests_mock.get(SERVICES_URL, [{"json": page("services", [service(MG2, "Other")], next_page_url=next_url)},
                                     {"json": page("services", [service(MG1, "Flex")])}])
    result = run_module(messaging_service, {**AUTH, "friendly_name": "Flex"})
    assert result["changed"] is False and result["service"]["sid"] == MG1
    assert len(requests_mock.request_history) == 2


def test_twilio_error_names_operation_code_and_message(requests_mock, run_module):
    requests_mock.get(SERVICES_URL, json=page("services", []))
    requests_mock.post(SERVICES_URL, status_code=400, json=error(21713, 400, "Invalid Messaging Service use case"))
    result = run_module(messaging_service, {**AUTH, "friendly_name": "Flex"})
    assert result["failed"] is True
    assert result["msg"] == "Failed to create messaging service 'Flex': Twilio error 21713 (HTTP 400): Invalid Messaging Service use case."
    assert result["error"] == {"code": 21713, "status": 400, "message": "Invalid Messaging Service use case",
                               "more_info": "https://www.twilio.com/docs/errors/21713"}


def test_bad_credentials_fail_clearly(requests_mock, run_module):
    requests_mock.get(SERVICES_URL, status_code=401, json=error(20003, 401, "Authenticate"))
    result = run_module(messaging_service, {**AUTH, "friendly_name": "Flex"})
    assert result["failed"] is True
    assert "Twilio error 20003 (HTTP 401): Authenticate" in result["msg"]
    assert "Check the credentials" in result["msg"]
    assert result["error"]["code"] == 20003
    assert AUTH_TOKEN not in str(result)


@pytest.mark.parametrize("args, field", [
    ({"sid": "MG123"}, "sid"),
    ({"sid": "PN" + "a" * 32}, "sid"),
    ({"friendly_name": "x" * 65}, "friendly_name"),
    ({"friendly_name": "Flex", "validity_period": 0}, "validity_period"),
    ({"friendly_name": "Flex", "status_callback": "not a url"}, "status_callback"),
    ({"friendly_name": "Flex", "account_sid": "AC123"}, "account_sid"),
    ({"friendly_name": "Flex", "api_url": "localhost:8080"}, "api_url"),
    # A key given as null passes Ansible's required_one_of: the module crashed on the create ('friendly_name').
    ({"friendly_name": None}, "friendly_name"),
    ({"friendly_name": None, "sid": "", "state": "absent"}, "friendly_name"),
])
def test_bad_input_fails_before_any_request(requests_mock, run_module, args, field):
    result = run_module(messaging_service, {**AUTH, **args})
    assert result["failed"] is True
    assert result["msg"].startswith(field)
    assert result["field"] == field
    assert not requests_mock.request_history


SECRET_URL = "https://alice:hunter2@hooks.example.com/sms?token=SECRET123"


def test_webhook_passwords_and_tokens_never_show_in_the_result_or_diff(requests_mock, run_module):
    # Twilio accepts user info in webhook URLs (HTTP authentication), and a query often carries a token.
    requests_mock.get(SERVICES_URL, json=page("services", [service(MG1, "Flex", inbound_request_url=SECRET_URL)]))
    args = {**AUTH, "friendly_name": "Flex", "use_inbound_webhook_on_number": True,
            "fallback_url": "https://bob:pw-0123@fallback.example.com/in?key=KEY456"}
    for check_mode in (True, False):
        requests_mock.post(SERVICES_URL + "/" + MG1, json=service(MG1, "Flex", inbound_request_url=SECRET_URL, use_inbound_webhook_on_number=True,
                                                                  fallback_url=args["fallback_url"]))
        result = run_module(messaging_service, args, check_mode=check_mode, diff=True)
        text = json.dumps(result)
        assert result["changed"] is True, result
        for secret in ("hunter2", "SECRET123", "pw-0123", "KEY456"):
            assert secret not in text, (check_mode, secret)
        assert "hooks.example.com/sms" in json.dumps(result["diff"]["before"])
