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


@pytest.mark.parametrize("changes, named", [
    ({"flex_a2p_phone_numbers": "+15550100001"}, "flex_a2p_phone_numbers='+15550100001' is not a list"),
    ({"flex_a2p_phone_numbers": [15550100001]}, "flex_a2p_phone_numbers: 15550100001 is not an E.164 number"),
    ({"flex_a2p_phone_numbers": ["+15550100001\n"]}, "flex_a2p_phone_numbers: '+15550100001\\n' is not an E.164 number"),
    ({"flex_a2p_phone_numbers": [], "flex_a2p_exclusive": True}, "flex_a2p_phone_numbers=[] with flex_a2p_exclusive=true would take every number"),
    ({"flex_a2p_phone_numbers": None, "flex_a2p_exclusive": "true"}, "flex_a2p_phone_numbers=None with flex_a2p_exclusive=true"),
    ({"flex_a2p_service_name": "   "}, "flex_a2p_service_name='   ' is blank"),
    ({"flex_a2p_service_name": "Flex\nA2P"}, "flex_a2p_service_name='Flex\\nA2P' contains a control character"),
    ({"flex_a2p_service_settings": "sticky_sender=true"}, "flex_a2p_service_settings='sticky_sender=true' is not a dict"),
    ({"flex_a2p_campaign": {**CAMPAIGN, "opt_out_keywords": ["STOP", "STOP-NOW"]}}, "flex_a2p_campaign.opt_out_keywords[1]='STOP-NOW' is not a keyword"),
    ({"flex_a2p_campaign": {**CAMPAIGN, "help_keywords": "HELP"}}, "flex_a2p_campaign.help_keywords='HELP' is not a list"),
    ({"flex_a2p_campaign": {**CAMPAIGN, "help_message": "Call us."}}, "flex_a2p_campaign.help_message must be 20 to 320 characters long, got 8"),
    ({"flex_a2p_campaign_poll_interval": float("nan")}, "flex_a2p_campaign_poll_interval must be between 1 and 1000000, got nan"),
    # A misspelled campaign key was ignored (the campaign registered without it); a brand type Twilio has not, found late.
    ({"flex_a2p_campaign": {**CAMPAIGN, "optin_message": "Reply YES to get texts from Example Co."}},
     "flex_a2p_campaign.optin_message is not an option the role passes on (usecase, description,"),
    ({"flex_a2p_service_settings": {"stickysender": True}}, "flex_a2p_service_settings.stickysender is not an option the role passes on "
     "(inbound_method, fallback_method, sticky_sender, mms_converter, smart_encoding, scan_message_content, area_code_geomatch, "
     "validity_period, synchronous_validation, fallback_to_long_code, inbound_request_url, fallback_url, status_callback)"),
    ({"flex_a2p_brand_sid": "", "flex_a2p_brand": {"customer_profile_bundle_sid": "BU" + "1" * 32, "a2p_profile_bundle_sid": "BU" + "2" * 32,
                                                   "brand_type": "STARTER"}},
     "flex_a2p_brand.brand_type='STARTER' is not one of STANDARD, SOLE_PROPRIETOR"),
])
def test_types_blanks_and_an_exclusive_pool_without_numbers(changes, named):
    problems = flex_a2p_input_problems({**GOOD, **changes})
    assert len(problems) == 1, problems
    assert problems[0].startswith(named), problems


def test_an_empty_exclusive_pool_only_on_purpose():
    assert flex_a2p_input_problems({**GOOD, "flex_a2p_phone_numbers": [], "flex_a2p_exclusive": True, "flex_a2p_allow_empty_pool": True}) == []
    assert flex_a2p_input_problems({**GOOD, "flex_a2p_phone_numbers": [], "flex_a2p_exclusive": False}) == []


def test_unknown_role_variables_are_refused_with_the_closest_one():
    defined = ["flex_a2p_phone_number", "flex_a2p_exclusive", "flex_a2p_summary", "flex_a2p_zzz"]
    assert flex_a2p_input_problems(GOOD, defined=defined) == [
        "flex_a2p_phone_number is not a variable of the flex_a2p role (did you mean flex_a2p_phone_numbers?); the role would leave the variable "
        "it meant at its default (rename it, or give your own variables another prefix)",
        "flex_a2p_zzz is not a variable of the flex_a2p role; the role would leave the variable it meant at its default (rename it, or give "
        "your own variables another prefix)"]


def test_the_known_variables_are_the_roles_argument_spec():
    import yaml  # pylint: disable=import-outside-toplevel
    from pathlib import Path  # pylint: disable=import-outside-toplevel

    from ansible_collections.tendlc.twilio.plugins.filter.flex_a2p_input_problems import ROLE_VARIABLES  # pylint: disable=import-outside-toplevel

    role = Path(__file__).resolve().parents[4] / "roles" / "flex_a2p"
    options = yaml.safe_load((role / "meta" / "argument_specs.yml").read_text(encoding="utf-8"))["argument_specs"]["main"]["options"]
    assert sorted(ROLE_VARIABLES) == sorted(options)
    assert sorted(yaml.safe_load((role / "defaults" / "main.yml").read_text(encoding="utf-8"))) == sorted(options)


BRAND = {"customer_profile_bundle_sid": "BU" + "1" * 32, "a2p_profile_bundle_sid": "BU" + "2" * 32}


@pytest.mark.parametrize("brand, usecase, named", [
    ({**BRAND, "brand_type": "SOLE_PROPRIETOR"}, "CUSTOMER_CARE",
     "flex_a2p_campaign.usecase='CUSTOMER_CARE' cannot be registered by a sole-proprietor brand (flex_a2p_brand.brand_type='SOLE_PROPRIETOR')"),
    ({**BRAND, "brand_type": "SOLE_PROPRIETOR"}, "LOW_VOLUME", "flex_a2p_campaign.usecase='LOW_VOLUME' cannot be registered by a sole-proprietor"),
    ({**BRAND, "brand_type": "STANDARD"}, "SOLE_PROPRIETOR",
     "flex_a2p_campaign.usecase='SOLE_PROPRIETOR' needs a sole-proprietor brand, but flex_a2p_brand.brand_type='STANDARD':"),
    (BRAND, "SOLE_PROPRIETOR", "flex_a2p_campaign.usecase='SOLE_PROPRIETOR' needs a sole-proprietor brand, but "
     "flex_a2p_brand.brand_type='STANDARD' (the default):"),
])
def test_a_use_case_the_brand_type_cannot_register_is_refused(brand, usecase, named):
    """F5: the role would register a billed brand whose only campaign Twilio refuses (spec: BrandType, UsAppToPersonUsecase)."""
    problems = flex_a2p_input_problems({**GOOD, "flex_a2p_brand_sid": "", "flex_a2p_brand": brand, "flex_a2p_campaign": {**CAMPAIGN, "usecase": usecase},
                                        "flex_a2p_phone_numbers": ["+15550100001"]})  # one number: a sole proprietor's limit
    assert len(problems) == 1 and problems[0].startswith(named) and "billed brand" in problems[0], problems


@pytest.mark.parametrize("brand_sid, brand, usecase", [
    ("", {**BRAND, "brand_type": "SOLE_PROPRIETOR"}, "SOLE_PROPRIETOR"),
    ("", {**BRAND, "brand_type": "STANDARD", "skip_automatic_sec_vet": True}, "LOW_VOLUME"),  # no source for a LOW_VOLUME rule
    ("", BRAND, "CUSTOMER_CARE"),
    ("BN" + "1" * 32, {}, "SOLE_PROPRIETOR"),  # a brand given by SID: its type is only known to Twilio, the module checks it
])
def test_use_cases_the_brand_type_registers_pass(brand_sid, brand, usecase):
    assert flex_a2p_input_problems({**GOOD, "flex_a2p_brand_sid": brand_sid, "flex_a2p_brand": brand, "flex_a2p_phone_numbers": ["+15550100001"],
                                    "flex_a2p_campaign": {**CAMPAIGN, "usecase": usecase}}) == []


def test_long_lists_of_bad_numbers_are_shortened():
    """F14: 300 bad numbers show as the first 10 and how many more, not 3,000 characters."""
    bad = ["555-%04d" % i for i in range(300)]
    problems = flex_a2p_input_problems({**GOOD, "flex_a2p_phone_numbers": bad + bad[:12]})
    assert problems[0].startswith("flex_a2p_phone_numbers: '555-0000', '555-0001'") and ", ... and 302 more are not" in problems[0], problems
    assert problems[1] == "flex_a2p_phone_numbers lists 12 numbers more than once: %s, ... and 2 more" % ", ".join(repr(v) for v in bad[:10]), problems
    assert "555-0010" not in problems[0] and len(problems[0]) < 300 and len(problems[1]) < 300, problems


def test_more_than_one_number_for_a_sole_proprietor_brand_is_refused():
    """Twilio lets a sole-proprietor campaign use one phone number: the role stops before it registers the billed brand."""
    sole = {**BRAND, "brand_type": "SOLE_PROPRIETOR"}
    variables = {**GOOD, "flex_a2p_brand_sid": "", "flex_a2p_brand": sole, "flex_a2p_campaign": {**CAMPAIGN, "usecase": "SOLE_PROPRIETOR"},
                 "flex_a2p_phone_numbers": ["+15550100001", "+15550100002"]}
    assert flex_a2p_input_problems(variables) == [
        "flex_a2p_phone_numbers lists 2 numbers, but flex_a2p_brand.brand_type='SOLE_PROPRIETOR' and Twilio allows one phone number per "
        "sole-proprietor campaign: list one number, or register a STANDARD brand"]
    assert flex_a2p_input_problems({**variables, "flex_a2p_phone_numbers": ["+15550100001"]}) == []
    assert flex_a2p_input_problems({**variables, "flex_a2p_campaign": {}}) == []  # no campaign: no number limit


def test_a_sole_proprietor_number_list_counts_identical_entries_once_and_mixed_forms_as_entries():
    """One number given twice is one number; a number and a PN... SID cannot be matched offline: they are counted as entries."""
    sole = {**BRAND, "brand_type": "SOLE_PROPRIETOR"}
    variables = {**GOOD, "flex_a2p_brand_sid": "", "flex_a2p_brand": sole, "flex_a2p_campaign": {**CAMPAIGN, "usecase": "SOLE_PROPRIETOR"}}
    twice = flex_a2p_input_problems({**variables, "flex_a2p_phone_numbers": ["+15550100001", "+15550100001"]})
    assert not any("SOLE_PROPRIETOR" in problem for problem in twice), twice
    mixed = flex_a2p_input_problems({**variables, "flex_a2p_phone_numbers": ["+15550100001", "PN" + "1" * 32]})
    assert mixed == [
        "flex_a2p_phone_numbers lists 2 entries (E.164 numbers and PN... SIDs, which cannot be matched before the numbers are read; give "
        "each number once, in one form), but flex_a2p_brand.brand_type='SOLE_PROPRIETOR' and Twilio allows one phone number per "
        "sole-proprietor campaign: list one number, or register a STANDARD brand"]


def test_the_ranges_and_options_are_the_modules():
    """The bounds are the modules' own (sender_pool's, the wait's, the service table's name length), and the service
    settings and brand options are the table fields the role passes on (plugin_utils/_role_options.py)."""
    # pylint: disable=import-outside-toplevel
    from ansible_collections.tendlc.twilio.plugins.module_utils._a2p import MIN_POLL_SECONDS, MIN_WAIT_SECONDS
    from ansible_collections.tendlc.twilio.plugins.module_utils._senders import CONCURRENCY, POOL_LIMIT
    from ansible_collections.tendlc.twilio.plugins.module_utils._service import SERVICE
    from ansible_collections.tendlc.twilio.plugins.plugin_utils._role_options import SETTINGS

    most = SERVICE.by_option()["friendly_name"].length[1]
    assert flex_a2p_input_problems({**GOOD, "flex_a2p_concurrency": CONCURRENCY[1], "flex_a2p_pool_limit": POOL_LIMIT[1],
                                    "flex_a2p_campaign_wait_timeout": MIN_WAIT_SECONDS, "flex_a2p_campaign_poll_interval": MIN_POLL_SECONDS,
                                    "flex_a2p_service_name": "F" * most}) == []
    assert flex_a2p_input_problems({**GOOD, "flex_a2p_concurrency": CONCURRENCY[1] + 1, "flex_a2p_pool_limit": POOL_LIMIT[0] - 1,
                                    "flex_a2p_campaign_wait_timeout": MIN_WAIT_SECONDS - 1, "flex_a2p_campaign_poll_interval": MIN_POLL_SECONDS / 2,
                                    "flex_a2p_service_name": "F" * (most + 1)}) == [
        "flex_a2p_service_name must be 1 to %d characters long, got %d: %r... (%d characters)" % (most, most + 1, "F" * 60, most + 1),
        "flex_a2p_concurrency must be between %d and %d, got %d" % (CONCURRENCY[0], CONCURRENCY[1], CONCURRENCY[1] + 1),
        "flex_a2p_pool_limit must be between %d and %d, got %d" % (POOL_LIMIT[0], POOL_LIMIT[1], POOL_LIMIT[0] - 1),
        "flex_a2p_campaign_wait_timeout must be between 1 and 1000000, got 0",
        "flex_a2p_campaign_poll_interval must be between 1 and 1000000, got 0.5"]
    every_setting = {option: None for option in SETTINGS["flex_a2p_service_settings"]}
    assert flex_a2p_input_problems({**GOOD, "flex_a2p_service_settings": every_setting}) == []
    assert flex_a2p_input_problems({**GOOD, "flex_a2p_service_settings": {"usecase": "marketing"}}) == [
        "flex_a2p_service_settings.usecase is not an option the role passes on (%s)"
        % ", ".join(SETTINGS["flex_a2p_service_settings"])]  # the keys the role sets are not listed: they are refused as such
