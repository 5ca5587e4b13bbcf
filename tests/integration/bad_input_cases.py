"""The table of bad inputs: each must fail naming its field and value, with no traceback and no write request.

MODULE_CASES: (name, module, args, field, value); args hold no credentials but may override them with AUTH_* below;
  args["_check_mode"] runs the task in check mode. SETUP_TASKS run first: their writes are the only ones allowed.
ROLE_CASES: (name, role variables over ROLE_VARS, field, value), one inventory host each; those in ROLE_INPUT_CASES must
  stop at the role's argument or input check, before the host's first request.
NOT_SHOWN: case name ("role: <name>" for a role case) -> texts (secrets, personal data) that must not appear in its result
  nor in the run's output.
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
# Trust Hub (issue 13): account a holds the ISV's approved primary profile, one still in review, an approved and a draft
# secondary profile, a PENDING brand and an APPROVED sole-proprietor brand; account b a secondary profile of its own.
PRIMARY, PRIMARY_IN_REVIEW, SECONDARY, SECONDARY_DRAFT, OTHER_SECONDARY = ("BU" + c * 32 for c in "13462")
SECONDARY_POLICY = "RNdfbf3fae0e1107f8aded0e7cead80bf5"
PENDING_BRAND, SOLE_BRAND = "BN" + "c" * 32, "BN" + "d" * 32
A["customer_profiles"] = [
    {"sid": PRIMARY, "primary": True}, {"sid": PRIMARY_IN_REVIEW, "primary": True, "status": "in-review"},
    {"sid": SECONDARY, "friendly_name": "Existing Co", "email": "existing.q7@example.com", "policy_sid": SECONDARY_POLICY},
    {"sid": SECONDARY_DRAFT, "friendly_name": "Draft Co", "email": "draft.q7@example.com", "policy_sid": SECONDARY_POLICY, "status": "draft"},
]
B["customer_profiles"] = [{"sid": OTHER_SECONDARY, "friendly_name": "Other Co", "email": "other.q7@example.com", "policy_sid": SECONDARY_POLICY}]
A["brands"] += [{"sid": PENDING_BRAND, "customer_profile_bundle_sid": "BU" + "7" * 32, "a2p_profile_bundle_sid": "BU" + "8" * 32,
                 "status": "PENDING"},
                {"sid": SOLE_BRAND, "customer_profile_bundle_sid": "BU" + "9" * 32, "a2p_profile_bundle_sid": "BU" + "5" * 32,
                 "brand_type": "SOLE_PROPRIETOR"}]
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

# The Trust Hub modules' bad inputs (issue 13). Personal data (no_log options: emails, the registration number, the
# representatives' names and phone numbers, the street, the vetting token): the message names the field and what is
# wrong, never the value (NOT_SHOWN holds the values, or the part of them a message would quote).
BAD_EMAIL, BAD_PHONE = "dana.q7-at-example.com", "(555) 734-0199"
LONG_EIN = "9" * 70  # a misplaced value (70 digits): a message may not quote it, not even its first 60 characters
LONG_NAME = "Bartholomew-Quillfeather-" * 3
LONG_STREET = "4417 Juniper Orchard Lane, behind the old mill " * 6
TOKEN_NO_PIPES, TOKEN_WITH_SPACE = "cv-1.0-tcr-10dlc-q7SECRETq7token", "cv|1.0|q7 SECRET|x"
# Personal data comes from the vars file, as users keep it (vaulted): ansible-playbook quotes a failed task's text.
PII = {"ein": "12-3456789", "email": "dana.q7@example.com", "phone": "+15557340100", "first_name": "Dana", "last_name": "Example",
       "street": "1 Example Way", "bad_email": BAD_EMAIL, "bad_phone": BAD_PHONE, "long_ein": LONG_EIN, "long_name": LONG_NAME,
       "long_street": LONG_STREET, "token_no_pipes": TOKEN_NO_PIPES, "token_with_space": TOKEN_WITH_SPACE}
CREDENTIALS["pii"] = PII
BUSINESS = {"business_name": "Bad Input Co LLC", "business_type": "Limited Liability Corporation", "business_industry": "TECHNOLOGY",
            "business_registration_identifier": "EIN", "business_registration_number": "{{ creds.pii.ein }}",
            "business_identity": "direct_customer", "business_regions_of_operation": ["USA_AND_CANADA"], "website_url": "https://example.com"}
REPRESENTATIVE = {"first_name": "{{ creds.pii.first_name }}", "last_name": "{{ creds.pii.last_name }}", "email": "{{ creds.pii.email }}",
                  "phone_number": "{{ creds.pii.phone }}", "business_title": "Head of Support", "job_position": "Director"}
ADDRESS = {"customer_name": "Bad Input Co LLC", "street": "{{ creds.pii.street }}", "city": "Springfield", "region": "IL",
           "postal_code": "62704"}
PROFILE = {"friendly_name": "Bad Input Co", "email": "{{ creds.pii.email }}", "primary_profile_sid": PRIMARY, "business": BUSINESS,
           "representatives": [REPRESENTATIVE], "address": ADDRESS}
TRUST = {"friendly_name": "Bad Input Co A2P", "email": "{{ creds.pii.email }}", "customer_profile_sid": SECONDARY, "company_type": "private"}
VET = {"brand_sid": A["brands"][0]["sid"], "vetting_provider": "aegis"}


def profile(**changes: Any) -> dict[str, Any]:
    return {**PROFILE, **changes}


def business(**changes: Any) -> dict[str, Any]:
    return profile(business={**BUSINESS, **changes})


def representative(**changes: Any) -> dict[str, Any]:
    return profile(representatives=[{**REPRESENTATIVE, **changes}])


def address(**changes: Any) -> dict[str, Any]:
    return profile(address={key: value for key, value in {**ADDRESS, **changes}.items() if value is not None})


def trust(**changes: Any) -> dict[str, Any]:
    return {key: value for key, value in {**TRUST, **changes}.items() if value is not None}


def vet(**changes: Any) -> dict[str, Any]:
    return {**VET, **changes}


TRUSTHUB_CASES: list[tuple[str, str, dict[str, Any], str, str]] = [
    ("profile name blank", "customer_profile", profile(friendly_name="  "), "friendly_name", "'  '"),
    ("profile name with LF", "customer_profile", profile(friendly_name="Bad\nInput"), "friendly_name", "'Bad\\nInput'"),
    ("profile email not an email", "customer_profile", profile(email="{{ creds.pii.bad_email }}"), "email", "not an email address"),
    ("profile callback not http", "customer_profile", profile(status_callback="ftp://example.com/cb"), "status_callback", "ftp://example.com/cb"),
    ("primary profile SID malformed", "customer_profile", profile(primary_profile_sid="BU12"), "primary_profile_sid", "BU12"),
    ("policy SID as primary profile", "customer_profile", profile(primary_profile_sid=SECONDARY_POLICY), "primary_profile_sid", SECONDARY_POLICY),
    # The primary profile is in the same account (Twilio's "API: Create a Secondary Customer Profile", Prerequisites):
    # one the account cannot read is a wrong SID, to be refused before the bundle and its parts are made.
    ("primary profile unknown", "customer_profile", profile(primary_profile_sid="BU" + "0" * 32), "primary_profile_sid", "BU" + "0" * 32),
    ("secondary profile as primary", "customer_profile", profile(primary_profile_sid=SECONDARY), "primary_profile_sid", SECONDARY),
    ("primary profile in review", "customer_profile", profile(primary_profile_sid=PRIMARY_IN_REVIEW), "in-review", PRIMARY_IN_REVIEW),
    ("business type unknown", "customer_profile", business(business_type="LLC"), "business_type", "LLC"),
    ("business industry unknown", "customer_profile", business(business_industry="LOGISTICS"), "business_industry", "LOGISTICS"),
    ("registration identifier unknown", "customer_profile", business(business_registration_identifier="SSN"),
     "business_registration_identifier", "SSN"),
    ("business identity unknown", "customer_profile", business(business_identity="reseller"), "business_identity", "reseller"),
    ("region unknown", "customer_profile", business(business_regions_of_operation=["NORTH_AMERICA"]), "business.business_regions_of_operation",
     "NORTH_AMERICA"),
    ("no region", "customer_profile", business(business_regions_of_operation=[]), "business.business_regions_of_operation", "got 0"),
    ("website not a URL", "customer_profile", business(website_url="example.com"), "business.website_url", "example.com"),
    ("social media URLs too long", "customer_profile", business(social_media_profile_urls="https://example.com/" + "s" * 1010),
     "business.social_media_profile_urls", "1030"),
    ("registration number blank", "customer_profile", business(business_registration_number="   "), "business.business_registration_number",
     "blank"),
    ("registration number too long", "customer_profile", business(business_registration_number="{{ creds.pii.long_ein }}"),
     "business.business_registration_number", "70"),
    # Ansible would turn the list into its text "['12-3456789']", which Twilio would then review as the EIN.
    ("registration number as a list", "customer_profile", business(business_registration_number=["{{ creds.pii.ein }}"]),
     "business.business_registration_number", "is a list, not a text"),
    ("business name missing", "customer_profile", profile(business={k: v for k, v in BUSINESS.items() if k != "business_name"}),
     "business_name", "missing"),
    ("no representative", "customer_profile", profile(representatives=[]), "representatives", "got 0"),
    ("three representatives", "customer_profile", profile(representatives=[REPRESENTATIVE] * 3), "representatives", "got 3"),
    ("representative email not an email", "customer_profile", representative(email="{{ creds.pii.bad_email }}"), "representatives[0].email",
     "not an email address"),
    ("representative phone not E.164", "customer_profile", representative(phone_number="{{ creds.pii.bad_phone }}"),
     "representatives[0].phone_number", "E.164"),
    ("representative first name too long", "customer_profile", representative(first_name="{{ creds.pii.long_name }}"), "representatives[0].first_name", "75"),
    ("representative last name blank", "customer_profile", representative(last_name=" "), "representatives[0].last_name", "blank"),
    ("representative title blank", "customer_profile", representative(business_title="  "), "representatives[0].business_title", "'  '"),
    ("job position unknown", "customer_profile", representative(job_position="Manager"), "job_position", "Manager"),
    ("representative without last name", "customer_profile", profile(representatives=[{k: v for k, v in REPRESENTATIVE.items() if k != "last_name"}]),
     "last_name", "missing"),
    ("street too long", "customer_profile", address(street="{{ creds.pii.long_street }}"), "address.street", "282"),
    ("second street line too long", "customer_profile", address(street_secondary="{{ creds.pii.long_street }}"), "address.street_secondary",
     "282"),
    ("country of three letters", "customer_profile", address(iso_country="USA"), "address.iso_country", "'USA'"),
    ("postal code blank", "customer_profile", address(postal_code=" "), "address.postal_code", "' '"),
    ("address without city", "customer_profile", address(city=None), "city", "missing"),
    ("address name with CR LF", "customer_profile", address(customer_name="Bad\r\nInput"), "address.customer_name", "'Bad\\r\\nInput'"),
    ("submit not a boolean", "customer_profile", profile(submit="maybe"), "submit", "maybe"),
    ("profile wait timeout zero", "customer_profile", profile(wait=True, wait_timeout=0), "wait_timeout", "0"),
    ("profile poll interval under a second", "customer_profile", profile(poll_interval=0.5), "poll_interval", "0.5"),
    ("profile poll interval nan in check mode", "customer_profile", profile(poll_interval="nan", _check_mode=True), "poll_interval", "nan"),
    ("trust product name too long", "trust_product", trust(friendly_name="F" * 65), "friendly_name", "'%s'... (65 characters)" % ("F" * 60)),
    ("trust product email not an email", "trust_product", trust(email="{{ creds.pii.bad_email }}"), "email", "not an email address"),
    ("trust product ticker as a mapping", "trust_product", trust(company_type="public", stock_exchange="NASDAQ", stock_ticker={"symbol": "ACME"}),
     "stock_ticker", "is a mapping, not a text"),
    ("trust product callback with LF", "trust_product", trust(status_callback="https://example.com/cb\n"), "status_callback",
     "'https://example.com/cb\\n'"),
    ("customer profile SID malformed", "trust_product", trust(customer_profile_sid="BU12"), "customer_profile_sid", "BU12"),
    ("brand SID as customer profile", "trust_product", trust(customer_profile_sid=A["brands"][0]["sid"]), "customer_profile_sid",
     A["brands"][0]["sid"]),
    ("customer profile unknown", "trust_product", trust(customer_profile_sid="BU" + "0" * 32), "customer_profile_sid", "BU" + "0" * 32),
    ("primary profile as customer profile", "trust_product", trust(customer_profile_sid=PRIMARY), "customer_profile_sid", PRIMARY),
    ("customer profile of another account", "trust_product", trust(customer_profile_sid=OTHER_SECONDARY), "customer_profile_sid", OTHER_SECONDARY),
    ("customer profile still draft", "trust_product", trust(customer_profile_sid=SECONDARY_DRAFT), "draft", SECONDARY_DRAFT),
    ("company type unknown", "trust_product", trust(company_type="nonprofit"), "company_type", "nonprofit"),
    ("public company without a ticker", "trust_product", trust(company_type="public"), "stock_ticker", "public"),
    ("stock exchange too long", "trust_product", trust(company_type="public", stock_exchange="X" * 65, stock_ticker="EXCO"), "stock_exchange",
     "65"),
    ("stock ticker too long", "trust_product", trust(company_type="public", stock_exchange="NYSE", stock_ticker="T" * 33), "stock_ticker", "33"),
    ("brand contact email not an email", "trust_product", trust(brand_contact_email="{{ creds.pii.bad_email }}"), "brand_contact_email",
     "not an email address"),
    ("trust product submit not a boolean", "trust_product", trust(submit="soon"), "submit", "soon"),
    ("trust product wait not a boolean", "trust_product", trust(wait="later"), "wait", "later"),
    ("trust product poll interval nan", "trust_product", trust(poll_interval="nan"), "poll_interval", "nan"),
    ("trust product wait timeout negative in check mode", "trust_product", trust(wait_timeout=-5, _check_mode=True), "wait_timeout", "-5"),
    ("vetting brand SID malformed", "brand_vetting", vet(brand_sid="BN12"), "brand_sid", "BN12"),
    ("vetting of a bundle SID", "brand_vetting", vet(brand_sid="BU" + "a" * 32), "brand_sid", "BU" + "a" * 32),
    ("vetting of an unknown brand", "brand_vetting", vet(brand_sid="BN" + "0" * 32), "BN" + "0" * 32, "does not exist"),
    ("vetting of a PENDING brand", "brand_vetting", vet(brand_sid=PENDING_BRAND), PENDING_BRAND, "PENDING"),
    ("vetting of a sole-proprietor brand", "brand_vetting", vet(brand_sid=SOLE_BRAND), SOLE_BRAND, "SOLE_PROPRIETOR"),
    ("vetting of another account's brand", "brand_vetting", vet(brand_sid=B["brands"][0]["sid"]), B["brands"][0]["sid"], "does not exist"),
    ("vetting provider unknown", "brand_vetting", vet(vetting_provider="tcr"), "vetting_provider", "tcr"),
    ("campaign verify without a token", "brand_vetting", vet(vetting_provider="campaign-verify"), "vetting_id", "campaign-verify"),
    ("campaign verify token without pipes", "brand_vetting", vet(vetting_provider="campaign-verify", vetting_id="{{ creds.pii.token_no_pipes }}"), "vetting_id",
     "pipe-delimited"),
    ("vetting token with a space", "brand_vetting", vet(vetting_id="{{ creds.pii.token_with_space }}"), "vetting_id", "white space"),
    ("vetting token blank in check mode", "brand_vetting", vet(vetting_id="   ", _check_mode=True), "vetting_id", "blank"),
    ("vetting poll interval under a second", "brand_vetting", vet(poll_interval=0.2), "poll_interval", "0.2"),
    ("vetting wait not a boolean", "brand_vetting", vet(wait="sometimes"), "wait", "sometimes"),
    ("vetting wait timeout zero", "brand_vetting", vet(wait=True, wait_timeout=0), "wait_timeout", "0"),
]
MODULE_CASES += TRUSTHUB_CASES

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
# flex_a2p_onboarding (issue 13): checked by the main entry point too, before any request; personal data never repeated.
ONBOARDING = {"primary_profile_sid": PRIMARY, "profile": {key: value for key, value in PROFILE.items() if key != "primary_profile_sid"},
              "trust_product": {"company_type": "private"}}


def onboarding(part: str | None = None, **changes: Any) -> dict[str, Any]:
    """flex_a2p_onboarding with changes at the top or in one of its dicts (a value None drops the key)."""
    value = {**ONBOARDING, **({part: {**ONBOARDING.get(part, {}), **changes}} if part else changes)}
    if part:
        value[part] = {key: item for key, item in value[part].items() if item is not None}
    return {"flex_a2p_onboarding": value}


ROLE_INPUT_CASES += [
    ("onboarding without the profile's email", onboarding("profile", email=None), "flex_a2p_onboarding.profile.email", "missing"),
    ("onboarding profile email not an email", onboarding("profile", email="{{ creds.pii.bad_email }}"), "flex_a2p_onboarding.profile.email",
     "not an email address"),
    ("onboarding phone not E.164", onboarding("profile", representatives=[{**REPRESENTATIVE, "phone_number": "{{ creds.pii.bad_phone }}"}]),
     "flex_a2p_onboarding.profile.representatives[0].phone_number", "E.164"),
    ("onboarding registration number too long", onboarding("profile", business={**BUSINESS, "business_registration_number": "{{ creds.pii.long_ein }}"}),
     "flex_a2p_onboarding.profile.business.business_registration_number", "70"),
    ("onboarding misspelled key", onboarding("profile", buisness=BUSINESS), "flex_a2p_onboarding.profile.buisness", "business"),
    ("onboarding primary profile SID malformed", onboarding(primary_profile_sid="BU12"), "flex_a2p_onboarding.primary_profile_sid", "BU12"),
    ("onboarding company type unknown", onboarding("trust_product", company_type="nonprofit"), "flex_a2p_onboarding.trust_product.company_type",
     "nonprofit"),
    ("onboarding vetting provider unknown", onboarding(vetting={"provider": "tcr"}), "flex_a2p_onboarding.vetting.provider", "tcr"),
    ("onboarding vetting token without pipes", onboarding(vetting={"provider": "campaign-verify", "vetting_id": "{{ creds.pii.token_no_pipes }}"}),
     "flex_a2p_onboarding.vetting.vetting_id", "pipe"),
    ("onboarding poll interval under a second", {**onboarding(), "flex_a2p_onboarding_poll_interval": 0.5}, "flex_a2p_onboarding_poll_interval",
     "0.5"),
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
    "profile email not an email": [BAD_EMAIL],
    "trust product email not an email": [BAD_EMAIL],
    "representative email not an email": [BAD_EMAIL],
    "brand contact email not an email": [BAD_EMAIL],
    "representative phone not E.164": [BAD_PHONE, "734-0199"],
    "registration number too long": [LONG_EIN[:20]],
    "representative first name too long": [LONG_NAME[:20]],
    "street too long": [LONG_STREET[:20]],
    "second street line too long": [LONG_STREET[:20]],
    "campaign verify token without pipes": [TOKEN_NO_PIPES],
    "vetting token with a space": ["q7 SECRET", TOKEN_WITH_SPACE],
    "role: onboarding profile email not an email": [BAD_EMAIL],
    "role: onboarding phone not E.164": [BAD_PHONE, "734-0199"],
    "role: onboarding registration number too long": [LONG_EIN[:20]],
    "role: onboarding vetting token without pipes": [TOKEN_NO_PIPES],
}

# Toll-free verification's bad inputs (issue 14). Personal data (the notification and contact emails, the contact's names and
# phone, the street) comes from the vars file; a message names the field and what is wrong, never the value.
TOLLFREE_FORM = {"phone_number": "+18005550100", "business_name": "Bad Input Co LLC", "business_website": "https://example.com",
                 "notification_email": "{{ creds.pii.email }}", "use_case_categories": ["ACCOUNT_NOTIFICATIONS"],
                 "use_case_summary": "Order notices to customers who opted in at checkout.",
                 "production_message_sample": "Bad Input Co: your order ships today. Reply STOP to opt out.",
                 "opt_in_image_urls": ["https://example.com/optin.png"], "opt_in_type": "WEB_FORM", "message_volume": "1,000"}


def tollfree(**changes: Any) -> dict[str, Any]:
    return {**TOLLFREE_FORM, **changes}


TOLLFREE_CASES: list[tuple[str, str, dict[str, Any], str, str]] = [
    ("toll-free number not E.164", "tollfree_verification", tollfree(phone_number="800-555-0100"), "phone_number", "800-555-0100"),
    ("toll-free number that is local", "tollfree_verification", tollfree(phone_number=NUMBERS[0]["phone_number"]), "phone_number",
     NUMBERS[0]["phone_number"]),
    ("toll-free number not owned", "tollfree_verification", tollfree(phone_number="+18885550199"), "+18885550199", "does not own"),
    ("toll-free business name blank", "tollfree_verification", tollfree(business_name="  "), "business_name", "blank"),
    ("toll-free website without scheme", "tollfree_verification", tollfree(business_website="example.com"), "business_website", "example.com"),
    ("toll-free notification email not an email", "tollfree_verification", tollfree(notification_email="{{ creds.pii.bad_email }}"),
     "notification_email", "not an email address"),
    ("toll-free category lower case", "tollfree_verification", tollfree(use_case_categories=["account notifications"]), "use_case_categories",
     "account notifications"),
    ("toll-free no category", "tollfree_verification", tollfree(use_case_categories=[]), "use_case_categories", "at least one"),
    ("toll-free summary empty", "tollfree_verification", tollfree(use_case_summary=""), "use_case_summary", "1 to 4096"),
    ("toll-free sample too long", "tollfree_verification", tollfree(production_message_sample="x" * 4097), "production_message_sample", "4097"),
    ("toll-free image URL not http", "tollfree_verification", tollfree(opt_in_image_urls=["ftp://example.com/a.png"]), "opt_in_image_urls[0]",
     "ftp://example.com/a.png"),
    ("toll-free opt-in type unknown", "tollfree_verification", tollfree(opt_in_type="EMAIL"), "opt_in_type", "EMAIL"),
    ("toll-free volume not a number", "tollfree_verification", tollfree(message_volume="lots"), "message_volume", "lots"),
    ("toll-free customer profile SID malformed", "tollfree_verification", tollfree(customer_profile_sid="BU12"), "customer_profile_sid", "BU12"),
    ("toll-free street too long", "tollfree_verification", tollfree(business_street_address="{{ creds.pii.long_street }}"),
     "business_street_address", "not shown"),
    ("toll-free second street line too long", "tollfree_verification", tollfree(business_street_address2="{{ creds.pii.long_street }}"),
     "business_street_address2", "not shown"),
    ("toll-free city empty", "tollfree_verification", tollfree(business_city=""), "business_city", "1 to 255"),
    ("toll-free region too long", "tollfree_verification", tollfree(business_state_province_region="x" * 256), "business_state_province_region",
     "256"),
    ("toll-free postal code too long", "tollfree_verification", tollfree(business_postal_code="P" * 33), "business_postal_code", "33"),
    ("toll-free country empty", "tollfree_verification", tollfree(business_country=""), "business_country", "1 to 64"),
    ("toll-free information empty", "tollfree_verification", tollfree(additional_information=""), "additional_information", "1 to 4096"),
    ("toll-free contact first name too long", "tollfree_verification", tollfree(business_contact_first_name="{{ creds.pii.long_street }}"),
     "business_contact_first_name", "not shown"),
    ("toll-free contact last name blank", "tollfree_verification", tollfree(business_contact_last_name="  "), "business_contact_last_name",
     "not blank"),
    ("toll-free contact email not an email", "tollfree_verification", tollfree(business_contact_email="{{ creds.pii.bad_email }}"),
     "business_contact_email", "not an email address"),
    ("toll-free contact phone not E.164", "tollfree_verification", tollfree(business_contact_phone="{{ creds.pii.bad_phone }}"),
     "business_contact_phone", "E.164"),
    ("toll-free reference empty", "tollfree_verification", tollfree(external_reference_id=""), "external_reference_id", "1 to 255"),
    ("toll-free edit reason empty", "tollfree_verification", tollfree(edit_reason=""), "edit_reason", "1 to 1024"),
    ("toll-free state unknown", "tollfree_verification", tollfree(state="gone"), "state", "gone"),
    ("toll-free poll interval under a second", "tollfree_verification", tollfree(wait=True, poll_interval=0.5), "poll_interval", "0.5"),
    ("toll-free info number not E.164", "tollfree_verification_info", {"phone_numbers": ["800-555-0100"]}, "phone_numbers", "800-555-0100"),
]
MODULE_CASES += TOLLFREE_CASES
NOT_SHOWN.update({
    "toll-free notification email not an email": [BAD_EMAIL],
    "toll-free street too long": [LONG_STREET[:20]],
    "toll-free second street line too long": [LONG_STREET[:20]],
    "toll-free contact first name too long": [LONG_STREET[:20]],
    "toll-free contact email not an email": [BAD_EMAIL],
    "toll-free contact phone not E.164": [BAD_PHONE, "734-0199"],
})
