"""The flex_a2p_input_problems filter: every problem of the role's variables, naming the variable and the value."""

from __future__ import annotations

import pytest

from ansible_collections.tendlc.twilio.plugins.filter.flex_a2p_input_problems import FilterModule, flex_a2p_input_problems

CAMPAIGN = {"usecase": "CUSTOMER_CARE", "description": "Customer care conversations between agents and customers who wrote first.",
            "message_flow": "Customers text our published support number, or opt in on the web form.",
            "message_samples": ["Hi Dana, this is Sam from support.", "Your case 4411 is resolved. Reply STOP to opt out."],
            "has_embedded_links": False, "has_embedded_phone": False}
GOOD = {"flex_a2p_service_name": "Flex", "flex_a2p_service_sid": "", "flex_a2p_service_settings": {"sticky_sender": True},
        "flex_a2p_phone_numbers": ["+15550100001", "PN" + "1" * 32], "flex_a2p_concurrency": 4, "flex_a2p_pool_limit": 400,
        "flex_a2p_brand_sid": "BN" + "1" * 32, "flex_a2p_brand": {}, "flex_a2p_campaign": CAMPAIGN, "flex_a2p_external_campaign_id": "",
        "flex_a2p_campaign_wait_timeout": 600, "flex_a2p_campaign_poll_interval": 10.0}


def test_good_variables_have_no_problem():
    assert flex_a2p_input_problems(GOOD) == []
    assert FilterModule().filters()["flex_a2p_input_problems"] is flex_a2p_input_problems


@pytest.mark.parametrize("changes, named", [
    ({"flex_a2p_service_name": ""}, "flex_a2p_service_name must be 1 to 64 characters long, got 0: ''"),
    ({"flex_a2p_service_sid": "MG1"}, "flex_a2p_service_sid='MG1' is not a messaging service SID"),
    ({"flex_a2p_service_settings": {"status_callback": "nope"}}, "flex_a2p_service_settings.status_callback='nope' is not an absolute"),
    ({"flex_a2p_service_settings": {"use_inbound_webhook_on_number": False}},
     "flex_a2p_service_settings.use_inbound_webhook_on_number=False: the role sets it"),
    ({"flex_a2p_service_settings": {"stickysender": True}}, "flex_a2p_service_settings.stickysender is not an option the role passes on"),
    ({"flex_a2p_phone_numbers": ["+1555", "5550100"]}, "flex_a2p_phone_numbers: '5550100' is not an E.164 number"),
    ({"flex_a2p_phone_numbers": ["+15550100001", "+15550100001"]}, "flex_a2p_phone_numbers lists '+15550100001' more than once"),
    ({"flex_a2p_concurrency": 0}, "flex_a2p_concurrency must be between 1 and 32, got 0"),
    ({"flex_a2p_brand_sid": "BU" + "1" * 32}, "flex_a2p_brand_sid='BU%s' is not an A2P brand SID" % ("1" * 32)),
    ({"flex_a2p_brand_sid": "", "flex_a2p_brand": {"customer_profile_bundle_sid": "BU" + "1" * 32}}, "flex_a2p_brand.a2p_profile_bundle_sid is missing"),
    ({"flex_a2p_brand_sid": "", "flex_a2p_brand": {"customer_profile_bundle_sid": "BU1", "a2p_profile_bundle_sid": "BU" + "2" * 32}},
     "flex_a2p_brand.customer_profile_bundle_sid='BU1' is not a bundle SID"),
    ({"flex_a2p_campaign": {**CAMPAIGN, "message_samples": ["Only one, long enough though."]}},
     "flex_a2p_campaign.message_samples must hold 2 to 5 samples, got 1: ['Only one, long enough though.']"),
    ({"flex_a2p_campaign": {**CAMPAIGN, "service": "Flex"}}, "flex_a2p_campaign.service='Flex': the role sets it"),
    ({"flex_a2p_external_campaign_id": "CABC123"}, "flex_a2p_campaign and flex_a2p_external_campaign_id='CABC123' are both given"),
    ({"flex_a2p_campaign": {}, "flex_a2p_external_campaign_id": "c1"}, "flex_a2p_external_campaign_id='c1' is not a Campaign Registry campaign ID"),
    ({"flex_a2p_brand_sid": ""}, "flex_a2p_campaign needs flex_a2p_brand_sid or flex_a2p_brand, both are empty"),
    ({"flex_a2p_campaign_poll_interval": 0.5}, "flex_a2p_campaign_poll_interval must be between 1 and 1000000, got 0.5"),
    ({"flex_a2p_service_settings": {"validity_period": "ten"}}, "flex_a2p_service_settings.validity_period='ten' is not a whole number"),
    ({"flex_a2p_service_settings": {"validity_period": "0"}}, "flex_a2p_service_settings.validity_period must be between 1 and 36000, got 0"),
    ({"flex_a2p_campaign": {**CAMPAIGN, "message_samples": "one"}}, "flex_a2p_campaign.message_samples='one' is not a list"),
    ({"flex_a2p_campaign": {**CAMPAIGN, "description": 42}}, "flex_a2p_campaign.description=42 is not a text"),
])
def test_each_problem_names_the_variable_and_the_value(changes, named):
    problems = flex_a2p_input_problems({**GOOD, **changes})
    assert len(problems) == 1, problems
    assert problems[0].startswith(named), problems
