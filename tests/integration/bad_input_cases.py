"""The table of bad inputs: each must fail naming its field and value, with no traceback and no write request.

MODULE_CASES: (name, module, args, field, value); args hold no credentials but may override them with AUTH_* below;
  args["_check_mode"] runs the task in check mode. SETUP_TASKS run first: their writes are the only ones allowed.
ROLE_CASES: (name, role variables over ROLE_VARS, field, value), one inventory host each; those in ROLE_INPUT_CASES must
  stop at the role's argument or input check, before the host's first request.
NOT_SHOWN: case name -> texts (secrets) that must not appear in its result nor in the run's output.
Long values are shortened in messages to their first 60 characters: a case's value is then that prefix.
"""

from __future__ import annotations

from typing import Any

from harness import account

NUMBERS = [{"phone_number": "+1555000100%d" % i, "sid": "PN%032x" % (0xA100 + i), "sms_url": ""} for i in (1, 2)]
FLEX_SID, MARKETING_SID, REPLACED_SID = "MG" + "f" * 32, "MG" + "e" * 32, "MG" + "d" * 32
SEED = {"accounts": [
    account("a", phone_numbers=NUMBERS,
            address_configurations=[{"type": "sms", "address": n["phone_number"], "sid": "IG" + n["sid"][2:]} for n in NUMBERS],
            brands=[{"sid": "BN" + "a" * 32, "customer_profile_bundle_sid": "BU" + "a" * 32, "a2p_profile_bundle_sid": "BU" + "b" * 32,
                     "status": "APPROVED"}],
            services=[{"sid": FLEX_SID, "friendly_name": "Flex"}, {"sid": MARKETING_SID, "friendly_name": "Marketing"},
                      {"friendly_name": "Twin"}, {"friendly_name": "Twin"}, {"sid": REPLACED_SID, "friendly_name": "Replaced"}]),
    account("b", phone_numbers=[{"phone_number": "+15550002001", "sid": "PN%032x" % 0xB001}],
            brands=[{"sid": "BN" + "b" * 32, "customer_profile_bundle_sid": "BU" + "c" * 32, "a2p_profile_bundle_sid": "BU" + "d" * 32,
                     "status": "APPROVED"}]),
]}
A, B = SEED["accounts"]
URL_PASSWORD = "hunter2-url-password"
# A token in api_url's query or fragment: refused, never shown (in the vars file: ansible-playbook quotes a failed task's text).
URL_TOKEN, URL_FRAGMENT = "PASSW0RD-XYZ-query", "SECRET-XYZ-fragment"
# Credentials come from the vars file (the test writes CREDENTIALS there), never from the playbook's text.
AUTH = {"account_sid": "{{ creds.a_sid }}", "auth_token": "{{ creds.a_token }}"}
AUTH_WRONG_TOKEN = {"account_sid": "{{ creds.a_sid }}", "auth_token": "{{ creds.wrong_token }}"}
AUTH_OTHER_KEY = {"account_sid": "{{ creds.a_sid }}", "api_key_sid": "{{ creds.b_key_sid }}", "api_key_secret": "{{ creds.b_key_secret }}"}
AUTH_OTHER_TOKEN = {"account_sid": "{{ creds.a_sid }}", "auth_token": "{{ creds.b_token }}"}
CREDENTIALS = {"a_sid": A["sid"], "b_sid": B["sid"], "a_token": A["auth_token"], "b_token": B["auth_token"], "wrong_token": "wrong-token-bad-input-test",
               "b_key_sid": B["api_keys"][0]["sid"], "b_key_secret": B["api_keys"][0]["secret"],
               "url_with_user_info": "http://flexops:%s@127.0.0.1:9/base" % URL_PASSWORD,
               "url_with_query": "http://127.0.0.1:9/?token=%s" % URL_TOKEN, "url_with_fragment": "https://proxy.example.com/#%s" % URL_FRAGMENT}

SAMPLES = ["Hi Dana, this is Sam from Example Co support. Your replacement ships today.",
           "Example Co: your case 4411 is resolved. Reply HELP for help, STOP to opt out."]
CAMPAIGN = {"service": "Flex", "brand_registration_sid": A["brands"][0]["sid"], "usecase": "CUSTOMER_CARE",
            "description": "Customer care conversations between Example Co agents and customers who wrote first.",
            "message_flow": "Customers text our published support number, or opt in on https://example.com/sms.",
            "message_samples": SAMPLES, "has_embedded_links": False, "has_embedded_phone": False}
SHORT = "Support chat with our customers, 39 chars"[:39]
LONG_FLOW = "Customers opt in on our web form. " * 61
ONE = ["Only one sample, but long enough to count."]
SIX = ["Sample message number %d from Example Co support." % i for i in range(6)]


def campaign(**changes: Any) -> dict[str, Any]:
    return {**CAMPAIGN, **changes}


def replacing(**changes: Any) -> dict[str, Any]:
    """The campaign of service Replaced (SETUP_TASKS registers it) with a fixed field changed and replace=true: refused before its delete."""
    return {**CAMPAIGN, "service": "Replaced", "usecase": "MIXED", "replace": True, **changes}


SETUP_TASKS = [("register the campaign that bad replaces must keep", "a2p_campaign", {**CAMPAIGN, "service": "Replaced"})]
SETUP_WRITES = [("POST", "/v1/Services/%s/Compliance/Usa2p" % REPLACED_SID)]
BAD_KEY_SECRET = B["api_keys"][0]["secret"]
AUTH_SWAPPED_KEY = {"account_sid": "{{ creds.b_sid }}", "api_key_sid": "{{ creds.b_key_secret }}", "api_key_secret": "{{ creds.b_key_sid }}"}
AUTH_SID_AS_SECRET = {"account_sid": "{{ creds.b_sid }}", "api_key_sid": "{{ creds.b_key_sid }}", "api_key_secret": "{{ creds.b_key_sid }}"}


MODULE_CASES: list[tuple[str, str, dict[str, Any], str, str]] = [
    ("service sid malformed", "messaging_service", {"sid": "MG12", "friendly_name": "Flex"}, "sid", "MG12"),
    ("service sid of the wrong kind", "messaging_service", {"sid": NUMBERS[0]["sid"]}, "sid", NUMBERS[0]["sid"]),
    ("service sid unknown", "messaging_service", {"sid": "MG" + "0" * 32}, "sid", "MG" + "0" * 32),
    ("service name too long", "messaging_service", {"friendly_name": "F" * 65}, "friendly_name", "'%s'... (65 characters)" % ("F" * 60)),
    ("validity period out of range", "messaging_service", {"friendly_name": "Flex", "validity_period": 0}, "validity_period", "0"),
    ("callback not an http URL", "messaging_service", {"friendly_name": "Flex", "status_callback": "ftp://example.com/cb"}, "status_callback",
     "ftp://example.com/cb"),
    ("service use case unknown", "messaging_service", {"friendly_name": "Flex", "usecase": "chat"}, "usecase", "chat"),
    ("sid and another service's name", "messaging_service", {"sid": FLEX_SID, "friendly_name": "Marketing"}, "friendly_name", "Marketing"),
    ("delete by sid naming another service", "messaging_service", {"sid": MARKETING_SID, "friendly_name": "Flex", "state": "absent"},
     "friendly_name", "Flex"),
    ("duplicate service names", "messaging_service", {"friendly_name": "Twin", "sticky_sender": False}, "friendly_name", "Twin"),
    ("number not E.164", "sender_pool", {"service": "Flex", "phone_numbers": ["5550100"]}, "phone_numbers", "5550100"),
    ("number not owned", "sender_pool", {"service": "Flex", "phone_numbers": ["+15550009999"]}, "phone_numbers", "+15550009999"),
    ("number SID malformed", "sender_pool", {"service": "Flex", "phone_numbers": ["PN12"]}, "phone_numbers", "PN12"),
    ("short code SID as a number", "sender_pool", {"service": "Flex", "phone_numbers": ["SC" + "1" * 32]}, "phone_numbers", "SC" + "1" * 32),
    ("alpha sender too long", "sender_pool", {"service": "Flex", "alpha_senders": ["ExampleCoSupport"]}, "alpha_senders", "ExampleCoSupport"),
    ("short code too short", "sender_pool", {"service": "Flex", "short_codes": ["12"]}, "short_codes", "12"),
    ("exclusive with state=absent", "sender_pool", {"service": "Flex", "phone_numbers": [NUMBERS[0]["phone_number"]], "exclusive": True,
                                                    "state": "absent"}, "exclusive", "true"),
    ("concurrency out of range", "sender_pool", {"service": "Flex", "phone_numbers": [NUMBERS[0]["phone_number"]], "concurrency": 0},
     "concurrency", "0"),
    ("pool limit out of range", "sender_pool", {"service": "Flex", "phone_numbers": [NUMBERS[0]["phone_number"]], "pool_limit": 0},
     "pool_limit", "0"),
    ("pool of an unknown service", "sender_pool", {"service": "MG" + "0" * 32, "phone_numbers": [NUMBERS[0]["phone_number"]]}, "service",
     "MG" + "0" * 32),
    ("pool of a duplicated name", "sender_pool", {"service": "Twin", "phone_numbers": [NUMBERS[0]["phone_number"]]}, "service", "Twin"),
    ("campaign description too short", "a2p_campaign", campaign(description=SHORT), "description", SHORT),
    ("campaign message flow too long", "a2p_campaign", campaign(message_flow=LONG_FLOW), "message_flow",
     "%r... (%d characters)" % (LONG_FLOW[:60], len(LONG_FLOW))),
    ("one message sample", "a2p_campaign", campaign(message_samples=ONE), "message_samples", ONE[0]),
    ("six message samples", "a2p_campaign", campaign(message_samples=SIX), "message_samples", SIX[0]),
    ("message sample too short", "a2p_campaign", campaign(message_samples=["Hi there", SAMPLES[1]]), "message_samples[0]", "Hi there"),
    ("brand SID malformed", "a2p_campaign", campaign(brand_registration_sid="BN12"), "brand_registration_sid", "BN12"),
    ("bundle SID as brand SID", "a2p_campaign", campaign(brand_registration_sid="BU" + "a" * 32), "brand_registration_sid", "BU" + "a" * 32),
    ("campaign use case unknown", "a2p_campaign", campaign(usecase="CHITCHAT"), "usecase", "CHITCHAT"),
    ("campaign use case empty", "a2p_campaign", campaign(usecase=" "), "usecase", "' '"),
    ("opt-out message too long", "a2p_campaign", campaign(opt_out_message="STOP received. " * 22), "opt_out_message",
     "%r... (330 characters)" % ("STOP received. " * 22)[:60]),
    ("privacy policy not a URL", "a2p_campaign", campaign(privacy_policy_url="example.com/privacy"), "privacy_policy_url",
     "example.com/privacy"),
    ("poll interval under a second", "a2p_campaign", campaign(poll_interval=0.5), "poll_interval", "0.5"),
    ("campaign ID malformed", "a2p_external_campaign", {"service": "Flex", "campaign_id": "CAB12"}, "campaign_id", "CAB12"),
    ("link without a campaign ID", "a2p_external_campaign", {"service": "Flex"}, "campaign_id", "present"),
    ("bundle SID malformed", "a2p_brand", {"customer_profile_bundle_sid": "BU12", "a2p_profile_bundle_sid": "BU" + "b" * 32},
     "customer_profile_bundle_sid", "BU12"),
    ("brand SID as bundle SID", "a2p_brand", {"customer_profile_bundle_sid": "BU" + "a" * 32, "a2p_profile_bundle_sid": "BN" + "a" * 32},
     "a2p_profile_bundle_sid", "BN" + "a" * 32),
    ("sole proprietor without secondary vetting", "a2p_brand",
     {"customer_profile_bundle_sid": "BU" + "a" * 32, "a2p_profile_bundle_sid": "BU" + "b" * 32, "brand_type": "SOLE_PROPRIETOR",
      "skip_automatic_sec_vet": True}, "skip_automatic_sec_vet", "SOLE_PROPRIETOR"),
    ("brand type unknown", "a2p_brand", {"customer_profile_bundle_sid": "BU" + "a" * 32, "a2p_profile_bundle_sid": "BU" + "b" * 32,
                                         "brand_type": "ENTERPRISE"}, "brand_type", "ENTERPRISE"),
    ("info service sid malformed", "messaging_service_info", {"sid": "MGxyz"}, "sid", "MGxyz"),
    ("campaign SID as brand SID", "a2p_brand_info", {"sid": "QE" + "a" * 32}, "sid", "QE" + "a" * 32),
    ("info number not E.164", "phone_number_info", {"phone_numbers": ["+0123"]}, "phone_numbers", "+0123"),
    ("routing number without +", "flex_routing_info", {"phone_numbers": ["15550001001"], "inbound_routing": "conversations"}, "phone_numbers",
     "15550001001"),
    ("routing kind unknown", "flex_routing_info", {"phone_numbers": [NUMBERS[0]["phone_number"]], "inbound_routing": "studio"},
     "inbound_routing", "studio"),
    # A credential field's value is described (length, whether it starts with the SID prefix), never repeated: it may be a
    # misplaced secret.
    ("account SID malformed", "messaging_service_info", {"account_sid": "AC12"}, "account_sid", "4 characters, starting with 'AC'"),
    ("API key SID malformed", "messaging_service_info", {"auth": {"account_sid": "{{ creds.a_sid }}", "api_key_sid": "SKxyz",
                                                                  "api_key_secret": "{{ creds.b_key_secret }}"}}, "api_key_sid",
     "5 characters, starting with 'SK'"),
    ("API key secret given as its SID", "messaging_service_info", {"auth": AUTH_SWAPPED_KEY}, "api_key_sid",
     "%d characters, not starting with 'SK'" % len(BAD_KEY_SECRET)),
    ("API key SID given as its secret", "messaging_service_info", {"auth": AUTH_SID_AS_SECRET}, "api_key_secret", "swapped"),
    ("api_url not a URL", "messaging_service_info", {"api_url": "localhost:8080"}, "api_url", "localhost:8080"),
    ("api_url with user info", "messaging_service_info", {"api_url": "{{ creds.url_with_user_info }}"}, "api_url",
     "http://***@127.0.0.1:9/base"),
    ("api_url with a query", "messaging_service_info", {"api_url": "{{ creds.url_with_query }}"}, "api_url", "'http://127.0.0.1:9/'"),
    ("api_url with a fragment", "messaging_service_info", {"api_url": "{{ creds.url_with_fragment }}"}, "api_url",
     "'https://proxy.example.com/'"),
    ("api_url with a trailing newline", "messaging_service_info", {"api_url": "http://127.0.0.1:9\n"}, "api_url", "'http://127.0.0.1:9\\n'"),
    ("edge not a host label", "messaging_service_info", {"edge": "a/b"}, "edge", "'a/b'"),
    ("region not a host label", "messaging_service_info", {"region": "ie1.example.com"}, "region", "'ie1.example.com'"),
    ("timeout nan", "messaging_service_info", {"timeout": "nan"}, "timeout", "nan"),
    ("timeout inf", "messaging_service_info", {"timeout": "inf"}, "timeout", "inf"),
    ("retry_deadline inf", "messaging_service_info", {"retry_deadline": "inf"}, "retry_deadline", "inf"),
    ("retry_backoff nan", "messaging_service_info", {"retry_backoff": "nan"}, "retry_backoff", "nan"),
    ("poll interval nan", "a2p_campaign", campaign(poll_interval="nan"), "poll_interval", "nan"),
    ("service name blank", "messaging_service", {"friendly_name": "   "}, "friendly_name", "'   '"),
    ("service name with NUL", "messaging_service", {"friendly_name": "Flex\x00"}, "friendly_name", "'Flex\\x00'"),
    ("service name with CR LF", "messaging_service", {"friendly_name": "Flex\r\nA2P"}, "friendly_name", "'Flex\\r\\nA2P'"),
    ("pool of a blank service name", "sender_pool", {"service": " ", "phone_numbers": [NUMBERS[0]["phone_number"]]}, "service", "' '"),
    ("campaign of a service name with LF", "a2p_campaign", campaign(service="Flex\n"), "service", "'Flex\\n'"),
    ("alpha sender with a trailing newline", "sender_pool", {"service": "Flex", "alpha_senders": ["Acme\n"]}, "alpha_senders", "'Acme\\n'"),
    ("number with a trailing newline", "sender_pool", {"service": "Flex", "phone_numbers": ["+15550001001\n"]}, "phone_numbers",
     "'+15550001001\\n'"),
    ("callback with a trailing newline", "messaging_service", {"friendly_name": "Flex", "status_callback": "https://example.com/cb\n"},
     "status_callback", "'https://example.com/cb\\n'"),
    # Item 1: the spec's field rules, before the delete of a replace (service Replaced has a campaign) and in check mode.
    ("replace: opt-out keyword not alphanumeric", "a2p_campaign", replacing(opt_out_keywords=["STOP", "STOP-NOW"]), "opt_out_keywords[1]",
     "'STOP-NOW'"),
    ("replace: help message of 10 characters", "a2p_campaign", replacing(help_message="Reply HELP"), "help_message", "'Reply HELP'"),
    ("replace in check mode: opt-in message too short", "a2p_campaign", replacing(opt_in_message="You are in.", _check_mode=True),
     "opt_in_message", "'You are in.'"),
    ("replace in check mode: keywords too long together", "a2p_campaign",
     replacing(help_keywords=["HELP%03d" % i for i in range(40)], _check_mode=True), "help_keywords", "319 characters"),
    ("replace: blank message sample", "a2p_campaign", replacing(message_samples=[SAMPLES[0], " " * 30]), "message_samples[1]", "blank"),
    ("timeout zero", "messaging_service_info", {"timeout": 0}, "timeout", "0"),
    ("max_retries negative", "messaging_service_info", {"max_retries": -1}, "max_retries", "-1"),
    ("retry_backoff negative", "messaging_service_info", {"retry_backoff": -1}, "retry_backoff", "-1"),
    ("wrong auth token", "messaging_service", {"friendly_name": "Flex", "sticky_sender": False, "auth": AUTH_WRONG_TOKEN}, "account_sid", A["sid"]),
    ("auth token of another account", "sender_pool", {"service": "Flex", "phone_numbers": [NUMBERS[0]["phone_number"]], "auth": AUTH_OTHER_TOKEN},
     "account_sid", A["sid"]),
    ("API key of another account", "messaging_service", {"friendly_name": "Flex", "sticky_sender": False, "auth": AUTH_OTHER_KEY}, "api_key_sid",
     B["api_keys"][0]["sid"]),
]

ROLE_VARS = {
    "twilio_account_sid": "{{ creds.a_sid }}", "twilio_auth_token": "{{ creds.a_token }}",
    "flex_a2p_service_name": "Flex", "flex_a2p_inbound_routing": "conversations",
    "flex_a2p_phone_numbers": [n["phone_number"] for n in NUMBERS], "flex_a2p_brand_sid": A["brands"][0]["sid"],
    "flex_a2p_campaign": {key: value for key, value in CAMPAIGN.items() if key not in ("service", "brand_registration_sid")},
}
ROLE_INPUT_CASES: list[tuple[str, dict[str, Any], str, str]] = [
    ("numbers given as one text", {"flex_a2p_phone_numbers": "+15550001001"}, "flex_a2p_phone_numbers", "'+15550001001'"),
    ("exclusive pool without numbers", {"flex_a2p_exclusive": True, "flex_a2p_phone_numbers": None}, "flex_a2p_phone_numbers",
     "[] with flex_a2p_exclusive=true"),
    ("misspelled numbers variable", {"flex_a2p_exclusive": True, "flex_a2p_phone_numbers": None, "flex_a2p_phone_number": ["+15550001001"]},
     "flex_a2p_phone_number", "did you mean flex_a2p_phone_numbers?"),
    ("service name blank", {"flex_a2p_service_name": "  "}, "flex_a2p_service_name", "'  '"),
    ("service name with LF", {"flex_a2p_service_name": "Flex\nA2P"}, "flex_a2p_service_name", "'Flex\\nA2P'"),
    ("keywords given as one text", {"flex_a2p_campaign": {**ROLE_VARS["flex_a2p_campaign"], "opt_out_keywords": "STOP"}},
     "flex_a2p_campaign.opt_out_keywords", "'STOP'"),
    ("message samples given as one text", {"flex_a2p_campaign": {**ROLE_VARS["flex_a2p_campaign"], "message_samples": SAMPLES[0]}},
     "flex_a2p_campaign.message_samples", SAMPLES[0][:60]),
    ("opt-out keyword not alphanumeric", {"flex_a2p_campaign": {**ROLE_VARS["flex_a2p_campaign"], "opt_out_keywords": ["STOP", "STOP-NOW"]}},
     "flex_a2p_campaign.opt_out_keywords[1]", "'STOP-NOW'"),
    ("help message of 10 characters", {"flex_a2p_campaign": {**ROLE_VARS["flex_a2p_campaign"], "help_message": "Reply HELP"}},
     "flex_a2p_campaign.help_message", "'Reply HELP'"),
    ("poll interval nan", {"flex_a2p_campaign_poll_interval": "nan"}, "flex_a2p_campaign_poll_interval", "nan"),
    ("service settings given as one text", {"flex_a2p_service_settings": "sticky_sender=true"}, "flex_a2p_service_settings",
     "'sticky_sender=true'"),
]
ROLE_CASES: list[tuple[str, dict[str, Any], str, str]] = ROLE_INPUT_CASES + [
    ("campaign and external campaign ID", {"flex_a2p_external_campaign_id": "CABC123"}, "flex_a2p_external_campaign_id", "CABC123"),
    ("external campaign ID malformed", {"flex_a2p_campaign": {}, "flex_a2p_external_campaign_id": "ext-1"}, "flex_a2p_external_campaign_id",
     "ext-1"),
    ("a number listed twice", {"flex_a2p_phone_numbers": [NUMBERS[0]["phone_number"]] * 2}, "flex_a2p_phone_numbers", NUMBERS[0]["phone_number"]),
    ("a number not E.164", {"flex_a2p_phone_numbers": ["555-0100"]}, "flex_a2p_phone_numbers", "555-0100"),
    ("a number the account does not own", {"flex_a2p_phone_numbers": ["+15550009999"]}, "flex_a2p_phone_numbers", "+15550009999"),
    ("brand SID of the wrong kind", {"flex_a2p_brand_sid": "BU" + "a" * 32}, "flex_a2p_brand_sid", "BU" + "a" * 32),
    ("campaign description too short", {"flex_a2p_campaign": {**ROLE_VARS["flex_a2p_campaign"], "description": SHORT}},
     "flex_a2p_campaign.description", SHORT),
    ("one message sample", {"flex_a2p_campaign": {**ROLE_VARS["flex_a2p_campaign"], "message_samples": ONE}},
     "flex_a2p_campaign.message_samples", ONE[0]),
    ("service setting out of range", {"flex_a2p_service_settings": {"validity_period": 0}}, "flex_a2p_service_settings.validity_period", "0"),
    ("service SID malformed", {"flex_a2p_service_sid": "MG12"}, "flex_a2p_service_sid", "MG12"),
    ("conflict policy unknown", {"flex_a2p_on_conflict": "keep"}, "flex_a2p_on_conflict", "keep"),
    ("service name shared by two services", {"flex_a2p_service_name": "Twin"}, "friendly_name", "Twin"),
    ("wrong auth token", {"twilio_auth_token": "{{ creds.wrong_token }}"}, "account_sid", A["sid"]),
    ("API key of another account", {"twilio_auth_token": None, "twilio_api_key_sid": "{{ creds.b_key_sid }}",
                                    "twilio_api_key_secret": "{{ creds.b_key_secret }}"}, "api_key_sid", B["api_keys"][0]["sid"]),
]

NOT_SHOWN: dict[str, list[str]] = {
    "api_url with user info": [URL_PASSWORD, "flexops"],
    "api_url with a query": [URL_TOKEN],
    "api_url with a fragment": [URL_FRAGMENT],
    "API key secret given as its SID": [BAD_KEY_SECRET, BAD_KEY_SECRET[2:]],
    "API key SID given as its secret": [BAD_KEY_SECRET],
}
