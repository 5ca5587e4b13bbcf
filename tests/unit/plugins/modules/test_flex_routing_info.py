"""flex_routing_info: each number as Twilio routes it, its own settings and the Messaging Service whose pool holds it.

Twilio's spec (messaging v1 Service): with use_inbound_webhook_on_number false the service's inbound_request_url gets a
pooled number's inbound messages, and a null inbound_request_url drops them; with it true the number's own webhook does.
"""

from __future__ import annotations

import json

from twilio_payloads import ACCOUNT_SID, AUTH, NUMBERS_URL, SERVICES_URL, owned_number, page, page2010, pool_member, service

from ansible_collections.tendlc.twilio.plugins.modules import flex_routing_info

ADDRESSES_URL = "https://conversations.twilio.com/v1/Configuration/Addresses"
FLOWS_URL = "https://flex-api.twilio.com/v1/FlexFlows"
PROXY_WEBHOOK = "https://webhooks.twilio.com/v1/Accounts/%s/Proxy/KS%s/Webhooks/Message" % (ACCOUNT_SID, "4" * 32)
MARKETING, DROPPER, FLEX = "MG" + "a" * 32, "MG" + "b" * 32, "MG" + "c" * 32
NUMBERS = [("PN%032d" % i, "+1555000100%d" % i) for i in range(1, 5)]
HOLDERS = {MARKETING: [NUMBERS[0]], DROPPER: [NUMBERS[1]], FLEX: [NUMBERS[2]]}  # the fourth number is in no pool


def mock_account(requests_mock, services, numbers=tuple(NUMBERS), holders=None, **number_fields):
    """The account's numbers, its services and their phone number pools (HOLDERS unless given), an sms address and an SMS
    Flex Flow per number."""
    holders = HOLDERS if holders is None else holders
    requests_mock.get(NUMBERS_URL, json=page2010("incoming_phone_numbers", [owned_number(sid, value, **number_fields.get(value, {}))
                                                                            for sid, value in numbers], "/numbers"))
    requests_mock.get(SERVICES_URL, json=page("services", services))
    for item in services:
        url = "%s/%s/PhoneNumbers" % (SERVICES_URL, item["sid"])
        members = [pool_member(item["sid"], sid, "phone_number", value) for sid, value in holders.get(item["sid"], [])]
        requests_mock.get(url, json=page("phone_numbers", members, url))
    requests_mock.get(ADDRESSES_URL, json=page("address_configurations", [
        {"sid": "IG" + sid[2:], "account_sid": ACCOUNT_SID, "type": "sms", "address": value} for sid, value in numbers], ADDRESSES_URL))
    requests_mock.get(FLOWS_URL, json=page("flex_flows", [
        {"sid": "FO" + sid[2:], "account_sid": ACCOUNT_SID, "channel_type": "sms", "contact_identity": value, "enabled": True}
        for sid, value in numbers], FLOWS_URL))


def by_number(result):
    return {entry["phone_number"]: entry for entry in result["phone_numbers"]}


def test_a_number_in_a_service_that_does_not_defer_is_broken_and_says_where_its_messages_go(requests_mock, run_module):
    mock_account(requests_mock, [service(MARKETING, "Marketing", inbound_request_url="https://example.com/marketing"),
                                 service(DROPPER, "Old", inbound_request_url=None), service(FLEX, "Flex", use_inbound_webhook_on_number=True)])
    result = run_module(flex_routing_info, {**AUTH, "phone_numbers": [value for _sid, value in NUMBERS], "inbound_routing": "conversations"})
    entries = by_number(result)
    marketing, dropped, deferring, unpooled = (entries[value] for _sid, value in NUMBERS)
    assert marketing["messaging_service_sid"] == MARKETING and marketing["service_defers"] is False
    assert marketing["service_inbound_request_url"] == "https://example.com/marketing"
    assert marketing["number_problems"] == [] and marketing["routes_to_flex"] is False
    assert marketing["service_problem"] == (
        "its messaging service %s does not defer to the number's webhook (use_inbound_webhook_on_number false): inbound SMS go to the "
        "service's inbound_request_url https://example.com/marketing, not to Flex" % MARKETING)
    assert marketing["problems"] == [marketing["service_problem"]]
    assert dropped["service_inbound_request_url"] is None
    assert dropped["service_problem"].endswith("inbound SMS are dropped (no inbound_request_url)")
    assert (deferring["messaging_service_sid"], deferring["service_defers"], deferring["service_problem"]) == (FLEX, True, None)
    assert deferring["routes_to_flex"] is True and deferring["problems"] == []
    assert (unpooled["messaging_service_sid"], unpooled["service_defers"], unpooled["service_inbound_request_url"]) == (None, None, None)
    assert unpooled["service_problem"] is None and unpooled["routes_to_flex"] is True
    assert [entry["phone_number"] for entry in result["broken"]] == [NUMBERS[0][1], NUMBERS[1][1]]
    assert result["changed"] is False


def test_the_numbers_own_problems_come_first_and_a_service_sending_to_flexs_proxy_webhook_routes_legacy_numbers(requests_mock, run_module):
    own = {NUMBERS[0][1]: {"sms_url": PROXY_WEBHOOK}, NUMBERS[1][1]: {"sms_url": "https://example.com/own"}}
    mock_account(requests_mock, [service(MARKETING, "Proxy", inbound_request_url=PROXY_WEBHOOK),
                                 service(DROPPER, "Elsewhere", inbound_request_url="https://example.com/elsewhere")],
                 numbers=NUMBERS[:2], holders={MARKETING: [NUMBERS[0]], DROPPER: [NUMBERS[1]]}, **own)
    result = run_module(flex_routing_info, {**AUTH, "phone_numbers": [NUMBERS[0][0], NUMBERS[1][1]], "inbound_routing": "legacy"})
    proxy, elsewhere = (by_number(result)[value] for _sid, value in NUMBERS[:2])
    assert proxy["service_defers"] is False and proxy["service_problem"] is None and proxy["routes_to_flex"] is True
    # the service does not defer: the number's own sms_url is unused now, a latent problem, not one of its problems
    assert elsewhere["number_problems"] == [] and len(elsewhere["latent_problems"]) == 1
    assert elsewhere["latent_problems"][0].startswith("sms_url is 'https://example.com/own'")
    assert elsewhere["latent_problems"][0].endswith("; this matters once the service defers to the number's webhook")
    assert "inbound_request_url https://example.com/elsewhere" in elsewhere["service_problem"]
    assert elsewhere["problems"] == [elsewhere["service_problem"]]


def test_legacy_a_number_reaching_flex_through_its_services_proxy_webhook_routes_and_its_own_empty_webhook_is_latent(requests_mock, run_module):
    """The service does not defer and its inbound_request_url is Flex's Proxy webhook, the Flex Flow is enabled, the
    number's own sms_url is empty: Twilio sends its inbound SMS to Flex through the service."""
    app = {NUMBERS[0][1]: {"sms_application_sid": "AP" + "5" * 32}}
    mock_account(requests_mock, [service(MARKETING, "Proxy", inbound_request_url=PROXY_WEBHOOK)], numbers=NUMBERS[:2],
                 holders={MARKETING: list(NUMBERS[:2])}, **app)
    requests_mock.get(FLOWS_URL, json=page("flex_flows", [{"sid": "FO" + "6" * 32, "account_sid": ACCOUNT_SID, "channel_type": "sms",
                                                           "contact_identity": NUMBERS[0][1], "enabled": True}], FLOWS_URL))
    result = run_module(flex_routing_info, {**AUTH, "phone_numbers": [value for _sid, value in NUMBERS[:2]], "inbound_routing": "legacy"})
    with_app, without_flow = (by_number(result)[value] for _sid, value in NUMBERS[:2])
    assert with_app["routes_to_flex"] is True and with_app["problems"] == [] and with_app["number_problems"] == []
    assert with_app["latent_problems"] == [
        "sms_application_sid is AP%s, which takes inbound SMS away from Flex; this matters once the service defers to the number's webhook" % ("5" * 32),
        "sms_url is '', not Flex's Proxy webhook (https://webhooks.twilio.com/v1/Accounts/AC.../Proxy/KS.../Webhooks/Message); this matters "
        "once the service defers to the number's webhook"]
    # the Flex Flow is Flex's side, used through the Proxy webhook either way: a current problem
    assert without_flow["routes_to_flex"] is False and without_flow["problems"] == ["no SMS Flex Flow has contact identity %s" % NUMBERS[1][1]]
    assert [entry["phone_number"] for entry in result["broken"]] == [NUMBERS[1][1]]


def test_no_password_or_token_of_a_webhook_url_is_returned(requests_mock, run_module):
    """Twilio accepts user:password@ in webhook URLs (HTTP authentication); a query often carries a token."""
    secret_url = "https://alice:hunter2@example.com/mkt?token=SECRET123#frag"
    own = {NUMBERS[0][1]: {"sms_url": secret_url}, NUMBERS[2][1]: {"sms_url": "https://bob:pa55word@example.org:8443/own?key=SECRET456"}}
    mock_account(requests_mock, [service(MARKETING, "Marketing", inbound_request_url=secret_url),
                                 service(FLEX, "Flex", use_inbound_webhook_on_number=True)], **own)
    for routing in ("conversations", "legacy"):
        result = run_module(flex_routing_info, {**AUTH, "phone_numbers": [NUMBERS[0][1], NUMBERS[2][1]], "inbound_routing": routing})
        text = json.dumps(result)
        assert not [word for word in ("hunter2", "SECRET", "pa55word", "alice", "bob", "frag") if word in text], text
        marketing, own_webhook = (by_number(result)[NUMBERS[i][1]] for i in (0, 2))
        assert marketing["service_inbound_request_url"] == marketing["sms_url"] == "https://***@example.com/mkt?..."
        assert "inbound_request_url https://***@example.com/mkt?..., not to Flex" in marketing["service_problem"]
        assert own_webhook["sms_url"] == "https://***@example.org:8443/own?..."
        assert own_webhook["problems"][0].startswith("sms_url is 'https://***@example.org:8443/own?...'")


def test_a_number_given_as_e164_and_as_its_sid_is_one_entry_in_the_order_first_given(requests_mock, run_module):
    mock_account(requests_mock, [service(FLEX, "Flex", use_inbound_webhook_on_number=True)])
    given = [NUMBERS[1][1], NUMBERS[0][0], NUMBERS[1][0], NUMBERS[0][1], NUMBERS[1][1]]
    result = run_module(flex_routing_info, {**AUTH, "phone_numbers": given, "inbound_routing": "conversations"})
    assert [entry["sid"] for entry in result["phone_numbers"]] == [NUMBERS[1][0], NUMBERS[0][0]]
    assert result["missing"] == []


def test_one_list_of_services_and_their_pools_only_when_a_listed_number_is_found(requests_mock, run_module):
    mock_account(requests_mock, [service(MARKETING, "Marketing"), service(FLEX, "Flex", use_inbound_webhook_on_number=True)])
    run_module(flex_routing_info, {**AUTH, "phone_numbers": [NUMBERS[0][1], NUMBERS[2][1]], "inbound_routing": "conversations"}, check_mode=True)
    paths = [r.path for r in requests_mock.request_history]
    assert all(r.method == "GET" for r in requests_mock.request_history)
    assert paths.count("/v1/services") == 1
    assert sorted(p for p in paths if p.endswith("/phonenumbers")) == sorted("/v1/services/%s/phonenumbers" % s.lower() for s in (MARKETING, FLEX))
    assert len(paths) == 5  # numbers, address configurations, services, two pools

    requests_mock.reset_mock()
    result = run_module(flex_routing_info, {**AUTH, "phone_numbers": ["+15559990000"], "inbound_routing": "conversations"})
    assert result["missing"] == ["+15559990000"] and result["phone_numbers"] == []
    assert [r.path for r in requests_mock.request_history] == ["/2010-04-01/accounts/%s/incomingphonenumbers.json" % ACCOUNT_SID.lower()]
