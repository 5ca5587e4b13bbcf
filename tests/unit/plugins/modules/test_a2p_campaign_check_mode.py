"""Issue 12: a check-mode create of a2p_campaign and a2p_external_campaign returns the fields of a real create's result,
less what only Twilio assigns (_fields.ASSIGNED), with the values Twilio would hold (the table's defaults and initial
values). requests-mock answers; the real twilio SDK builds the real run's result."""

from __future__ import annotations

from twilio_payloads import AUTH, BRANDS_URL, SERVICES_URL, brand, campaign, mock_carried, page, service

from ansible_collections.tendlc.twilio.plugins.filter.flex_a2p_summary import flex_a2p_summary
from ansible_collections.tendlc.twilio.plugins.module_utils._campaign import DEFAULT_HELP_KEYWORDS, DEFAULT_OPT_OUT_MESSAGE, planned_campaign
from ansible_collections.tendlc.twilio.plugins.module_utils._fields import ASSIGNED
from ansible_collections.tendlc.twilio.plugins.modules import a2p_campaign, a2p_external_campaign

MG = "MG" + "a" * 32
BN = "BN" + "b" * 32
QE = "QE" + "c" * 32
USA2P = "%s/%s/Compliance/Usa2p" % (SERVICES_URL, MG)
EXTERNAL_URL = "https://messaging.twilio.com/v1/Services/PreregisteredUsa2p"
FIELDS = {
    "service": MG, "brand_registration_sid": BN, "usecase": "CUSTOMER_CARE",
    "description": "Customer care conversations between agents and customers.",
    "message_flow": "Customers text our published support number first.",
    "message_samples": ["Hi, this is support. Your replacement ships today.", "Your case is resolved. Reply STOP to opt out."],
    "has_embedded_links": False, "has_embedded_phone": True, "opt_in_keywords": ["START"], "privacy_policy_url": "https://example.com/p",
}


def without_assigned(result: dict) -> set:
    return set(result) - set(ASSIGNED)


def test_a_check_mode_create_returns_what_a_real_create_returns_less_what_twilio_assigns(requests_mock, run_module):
    requests_mock.get(SERVICES_URL + "/" + MG, json=service(MG, "Flex"))
    requests_mock.get(BRANDS_URL + "/" + BN, json=brand(BN, mock=True))
    requests_mock.get(USA2P + "/Usecases", json={"us_app_to_person_usecases": [
        {"code": "CUSTOMER_CARE", "name": "Customer Care", "description": "x", "post_approval_required": False}]})
    requests_mock.get(USA2P, json=page("compliance", [], url=USA2P))
    requests_mock.post(USA2P, status_code=201, json=campaign(MG, QE, BN, status="PENDING", mock=True))
    planned = run_module(a2p_campaign, {**AUTH, **FIELDS}, check_mode=True)["campaign"]
    real = run_module(a2p_campaign, {**AUTH, **FIELDS})["campaign"]
    assert [r.method for r in requests_mock.request_history].count("POST") == 1  # the real run's create only
    assert set(planned) == without_assigned(real) and not set(planned) & set(ASSIGNED)
    assert planned["us_app_to_person_usecase"] == "CUSTOMER_CARE" and planned["messaging_service_sid"] == MG
    assert planned["message_samples"] == FIELDS["message_samples"] and planned["has_embedded_phone"] is True
    assert (planned["opt_in_keywords"], planned["privacy_policy_url"]) == (["START"], "https://example.com/p")
    # What Twilio fills in itself: its default texts and keywords, false flags, PENDING, and a mock campaign under a mock brand.
    assert planned["opt_out_message"] == DEFAULT_OPT_OUT_MESSAGE and planned["help_keywords"] == list(DEFAULT_HELP_KEYWORDS)
    assert planned["opt_in_message"] is None and (planned["age_gated"], planned["direct_lending"], planned["subscriber_opt_in"]) == (False,) * 3
    assert (planned["campaign_status"], planned["is_externally_registered"], planned["errors"], planned["mock"]) == ("PENDING", False, [], True)


def test_a_check_mode_link_returns_what_a_real_link_returns_less_what_twilio_assigns(requests_mock, run_module):
    link = campaign(MG, QE, None, is_externally_registered=True, campaign_id="CABC123")
    requests_mock.get(SERVICES_URL, json=page("services", [service(MG, "Flex")]))
    mock_carried(requests_mock, MG)
    options = {**AUTH, "service": "Flex", "campaign_id": "CABC123"}
    planned = run_module(a2p_external_campaign, options, check_mode=True)["campaign"]
    assert not [r for r in requests_mock.request_history if r.method != "GET"]
    requests_mock.post(EXTERNAL_URL, status_code=201, json={"sid": QE, "account_sid": AUTH["account_sid"], "campaign_id": "CABC123",
                                                            "messaging_service_sid": MG, "date_created": "2026-11-27T10:00:00Z"})
    requests_mock.get(USA2P, [{"json": page("compliance", [], url=USA2P)}, {"json": page("compliance", [link], url=USA2P)}])
    real = run_module(a2p_external_campaign, options)["campaign"]
    assert real["sid"] == QE
    assert set(planned) == without_assigned(real) and "reattach" not in planned
    assert (planned["campaign_id"], planned["is_externally_registered"], planned["messaging_service_sid"]) == ("CABC123", True, MG)
    assert planned["brand_registration_sid"] is None and planned["campaign_status"] is None  # The Campaign Registry's and Twilio's to say


def test_the_rollout_summary_of_a_planned_campaign_still_says_to_be_registered():
    """The planned campaign now holds Twilio's first status (PENDING); the role's summary of a check-mode run says the
    campaign is to be registered, as it did when the planned result held only what was sent."""
    planned = {"changed": True, "replaced": False, "campaign": planned_campaign({"usecase": "CUSTOMER_CARE"}, MG, None),
               "diff": {"before": {}, "after": {"usecase": "CUSTOMER_CARE"}}}
    summary = flex_a2p_summary({"campaign": planned}, {}, {"account": "acct", "check_mode": True})
    assert (summary["campaign_action"], summary["campaign_status"], summary["campaign_usecase"]) == ("register", "to be registered", "CUSTOMER_CARE")
    done = flex_a2p_summary({"campaign": planned}, {"campaign": {**planned, "campaign": {**planned["campaign"], "sid": QE}}},
                            {"account": "acct", "check_mode": False})
    assert (done["campaign_action"], done["campaign_status"]) == ("register", "PENDING")


SECRET_URL = "https://alice:hunter2@example.com/privacy?token=SECRET123"


def test_url_passwords_and_tokens_never_show_in_the_result_or_diff(requests_mock, run_module):
    # The privacy policy URL given with user info and a token, and the campaign's terms URL as Twilio holds it: both were
    # shown as they are in the campaign, its diff and the invocation (messaging_service masked its webhooks already).
    held = "https://bob:letmein@example.com/terms?key=HELD456"
    requests_mock.get(SERVICES_URL + "/" + MG, json=service(MG, "Flex"))
    requests_mock.get(USA2P, json=page("compliance", [campaign(MG, QE, BN, terms_and_conditions_url=held, opt_in_keywords=["START"])], url=USA2P))
    requests_mock.post(USA2P + "/" + QE, json=campaign(MG, QE, BN, terms_and_conditions_url=held, privacy_policy_url=SECRET_URL,
                                                       opt_in_keywords=["START"], has_embedded_phone=True))
    result = run_module(a2p_campaign, {**AUTH, **FIELDS, "privacy_policy_url": SECRET_URL}, diff=True)
    shown = str(result)
    for secret in ("hunter2", "SECRET123", "letmein", "HELD456"):
        assert secret not in shown, secret
    assert result["changed"] is True and result["diff"]["after"]
