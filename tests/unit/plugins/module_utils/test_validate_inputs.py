"""Input checks (_validate.py, _inputs.py, the sender patterns): whole values only, names not blank, finite numbers,
api_url without user info, region/edge as host labels, credential values never repeated, long values shortened."""

from __future__ import annotations

from typing import Any

import pytest

from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._inputs import check_campaign_id, check_campaign_options, check_service_options
from ansible_collections.tendlc.twilio.plugins.module_utils._senders import KINDS
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import api_url_warning, check_auth, check_url, hidden_values, shown

ACCOUNT = "AC" + "a" * 32
KEY = "SK" + "b" * 32
SECRET = "Zq8pW3nR7tY1uI5oP9aS2dF6gH0jK4lX"  # an API key secret's shape: 32 letters and digits
AUTH = {"account_sid": ACCOUNT, "auth_token": "t" * 32, "timeout": 30.0, "max_retries": 5, "retry_deadline": 120.0, "retry_backoff": 1.0}


def refusal(check: Any, *args: Any) -> ModuleError:
    with pytest.raises(ModuleError) as caught:
        check(*args)
    return caught.value


@pytest.mark.parametrize("changes, field, named", [
    ({"api_url": "http://127.0.0.1:8080\n"}, "api_url", "'http://127.0.0.1:8080\\n'"),
    ({"api_url": "http://127.0.0.1:8080?debug=1"}, "api_url", "query"),
    ({"api_url": "https://proxy.example.com/twilio#top"}, "api_url", "fragment"),
    ({"api_url": "http://127.0.0.1:99999"}, "api_url", "127.0.0.1:99999"),
    ({"edge": "a/b"}, "edge", "'a/b'"),
    ({"edge": "Dublin"}, "edge", "'Dublin'"),
    ({"region": "ie1.evil.example"}, "region", "'ie1.evil.example'"),
    ({"region": "ie1\n"}, "region", "'ie1\\n'"),
    ({"timeout": float("nan")}, "timeout", "nan"),
    ({"timeout": float("inf")}, "timeout", "inf"),
    ({"retry_deadline": float("nan")}, "retry_deadline", "nan"),
    ({"retry_backoff": float("inf")}, "retry_backoff", "inf"),
    ({"service": "  "}, "service", "'  '"),
    ({"service": "Flex\x00"}, "service", "'Flex\\x00'"),
    ({"service": "Flex\r\nX-Header: 1"}, "service", "'Flex\\r\\nX-Header: 1'"),
])
def test_auth_and_shared_options_are_refused_naming_field_and_value(changes: dict[str, Any], field: str, named: str) -> None:
    error = refusal(check_auth, {**AUTH, **changes})
    assert error.extra["field"] == field and field in error.msg and named in error.msg, error.msg


@pytest.mark.parametrize("changes", [{"api_url": "http://127.0.0.1:8080"}, {"api_url": "https://proxy.example.com/twilio/"},
                                     {"edge": "sydney", "region": "au1"}, {"edge": "ashburn-ix"}, {"edge": "", "region": ""},
                                     {"service": "MG" + "1" * 32}, {"service": "Flex contact center"}, {"retry_backoff": 0.0}])
def test_good_auth_and_shared_options_pass(changes: dict[str, Any]) -> None:
    check_auth({**AUTH, **changes})


def test_api_url_user_info_is_refused_without_repeating_it() -> None:
    error = refusal(check_auth, {**AUTH, "api_url": "http://flexops:hunter2-secret@twilio-proxy.internal:8080/base"})
    assert "user info" in error.msg and "http://***@twilio-proxy.internal:8080/base" in error.msg, error.msg
    assert "hunter2" not in error.msg and "flexops" not in error.msg


@pytest.mark.parametrize("field, value", [("api_key_sid", SECRET), ("api_key_sid", SECRET + "\n"), ("account_sid", SECRET), ("api_key_sid", "SKxyz")])
def test_malformed_credential_sids_are_described_not_repeated(field: str, value: str) -> None:
    params = {**AUTH, field: value, **({"auth_token": None, "api_key_secret": KEY} if field == "api_key_sid" else {})}
    error = refusal(check_auth, params)
    assert error.extra["field"] == field and field in error.msg and value not in error.msg and value[2:] not in error.msg, error.msg
    prefix = "AC" if field == "account_sid" else "SK"
    start = "starting" if value.startswith(prefix) else "not starting"
    assert "%d characters, %s with %r" % (len(value), start, prefix) in error.msg, error.msg
    assert value.startswith(prefix) or value[:2] not in error.msg, error.msg  # not even the first characters of a secret


def test_swapped_api_key_sid_and_secret_is_refused_without_either_value() -> None:
    for params in ({**AUTH, "auth_token": None, "api_key_sid": SECRET, "api_key_secret": KEY},
                   {**AUTH, "auth_token": None, "api_key_sid": KEY, "api_key_secret": KEY}):
        error = refusal(check_auth, params)
        assert SECRET not in error.msg and SECRET[2:] not in error.msg and KEY[2:] not in error.msg, error.msg
    assert "swapped" in refusal(check_auth, {**AUTH, "auth_token": None, "api_key_sid": KEY, "api_key_secret": KEY}).msg


@pytest.mark.parametrize("url, warned", [("http://10.0.0.5:8080", True), ("http://twilio-proxy.internal", True), ("HTTP://example.com", True),
                                         ("http://localhost:8080", False), ("http://127.0.0.53:8080", False), ("http://[::1]:8080", False),
                                         ("https://proxy.example.com", False), (None, False)])
def test_plain_http_to_another_host_is_warned(url: str | None, warned: bool) -> None:
    warning = api_url_warning({**AUTH, "api_url": url})
    assert bool(warning) is warned
    if warned:
        assert url in warning and "https://" in warning


@pytest.mark.parametrize("kind, value", [("alpha_senders", "Acme\n"), ("phone_numbers", "+15550001001\n"), ("short_codes", "12345\n"),
                                         ("phone_numbers", "PN" + "1" * 32 + "\n"), ("short_codes", "SC" + "1" * 32 + "\n")])
def test_sender_patterns_match_whole_values(kind: str, value: str) -> None:
    sender_kind = next(k for k in KINDS if k.option == kind)
    assert sender_kind.accepts(value.rstrip("\n")) and not sender_kind.accepts(value)


def test_urls_sids_and_campaign_ids_match_whole_values() -> None:
    assert "'https://example.com/cb\\n'" in refusal(check_url, "status_callback", "https://example.com/cb\n").msg
    assert "'CABC123\\n'" in refusal(check_campaign_id, "campaign_id", "CABC123\n").msg
    assert refusal(check_service_options, {"sid": "MG" + "1" * 32 + "\n"}).extra["field"] == "sid"


@pytest.mark.parametrize("url, shown_as", [
    ("https://user:s3cret@exa mple.com/cb", "'https://***@exa mple.com/cb'"),  # readable: masked as shown_url() masks it
    ("https://user:s3cret@/cb", "(unreadable URL, not shown)"),  # no host: not shown at all
    ("https://user:s3cret@a.com:abc/", "(unreadable URL, not shown)"),
    ("example.com/cb?token=s3cret", "(unreadable URL, not shown)"),
    ("https://a.com/cb?token=s3cret\n", "'https://a.com/cb?...'"),
])
def test_a_refused_url_never_shows_its_password_or_query(url: str, shown_as: str) -> None:
    message = refusal(check_url, "status_callback", url).msg
    assert "s3cret" not in message and "status_callback=%s is not" % shown_as in message


@pytest.mark.parametrize("name", ["", " ", "\t \n", "Flex\x00", "Flex\nA2P", "Flex\rA2P", "F" * 65])
def test_blank_or_multiline_friendly_names_are_refused(name: str) -> None:
    error = refusal(check_service_options, {"friendly_name": name})
    assert error.extra["field"] == "friendly_name" and "friendly_name" in error.msg and (repr(name) in error.msg or repr(name[:60]) in error.msg)


def test_long_values_are_shortened_in_messages() -> None:
    flow = "Customers opt in on our web form. " * 61
    error = refusal(check_campaign_options, {"message_flow": flow})
    assert repr(flow[:60]) + "... (%d characters)" % len(flow) in error.msg and flow[:61] not in error.msg
    assert shown("short") == "'short'" and shown(["a"] * 40).endswith("... (200 characters)")


CAMPAIGN = {"description": "Customer care conversations between agents and customers who wrote first.",
            "message_flow": "Customers text our published support number, or opt in on the web form.",
            "message_samples": ["Hi Dana, this is Sam from support.", "Your case 4411 is resolved. Reply STOP to opt out."]}


@pytest.mark.parametrize("changes, field, named", [
    ({"opt_out_keywords": ["STOP", "STOP-NOW"]}, "opt_out_keywords", "'STOP-NOW'"),
    ({"help_keywords": ["HELP", "NEED HELP"]}, "help_keywords", "'NEED HELP'"),
    ({"opt_in_keywords": ["START\n"]}, "opt_in_keywords", "'START\\n'"),
    ({"opt_in_keywords": [""]}, "opt_in_keywords", "''"),
    ({"help_keywords": [42]}, "help_keywords", "42"),
    ({"opt_out_keywords": ["STOP%03d" % i for i in range(40)]}, "opt_out_keywords", "319 characters"),
    ({"opt_out_keywords": "STOP"}, "opt_out_keywords", "'STOP'"),
    ({"help_message": "Reply HELP"}, "help_message", "'Reply HELP'"),
    ({"opt_in_message": "You are in."}, "opt_in_message", "'You are in.'"),
    ({"opt_out_message": "x" * 321}, "opt_out_message", "321"),
    ({"description": " " * 50}, "description", "blank"),
    ({"message_samples": "one sample, long enough to count"}, "message_samples", "'one sample, long enough to count'"),
    ({"message_samples": [CAMPAIGN["message_samples"][0], " " * 30]}, "message_samples[1]", "blank"),
])
def test_campaign_field_rules_of_the_spec(changes: dict[str, Any], field: str, named: str) -> None:
    error = refusal(check_campaign_options, {**CAMPAIGN, **changes})
    assert error.extra["field"] == field and field in error.msg and named in error.msg, error.msg


def test_campaign_texts_within_the_spec_pass() -> None:
    check_campaign_options({**CAMPAIGN, "opt_out_keywords": ["STOP", "STOPALL", "Quit2"], "help_keywords": [], "opt_in_message": "",
                            "help_message": "Example Co support: reply STOP to opt out. Msg&data rates may apply.",
                            "opt_in_keywords": ["A" * 255]})


def test_a_module_warns_on_plain_http_to_another_host_and_hides_api_url_user_info(requests_mock, run_module) -> None:
    from twilio_payloads import AUTH as MODULE_AUTH, page  # pylint: disable=import-outside-toplevel

    from ansible_collections.tendlc.twilio.plugins.modules import messaging_service_info  # pylint: disable=import-outside-toplevel

    proxy = "http://twilio-proxy.internal:8080"
    for base in (proxy, proxy.replace("http:", "https:")):
        requests_mock.get(base + "/messaging/v1/Services", json=page("services", [], url=base + "/messaging/v1/Services"))
    result = run_module(messaging_service_info, {**MODULE_AUTH, "api_url": proxy})
    warnings = str(result.get("warnings"))  # ansible-core 2.19 returns them as structured events
    assert result["services"] == [] and "is plain http:// to twilio-proxy.internal" in warnings and proxy in warnings, result
    secure = run_module(messaging_service_info, {**MODULE_AUTH, "api_url": proxy.replace("http:", "https:")})  # warnings accumulate per process
    assert "'https://twilio-proxy.internal:8080' is plain" not in str(secure.get("warnings"))

    refused = run_module(messaging_service_info, {**MODULE_AUTH, "api_url": "http://flexops:hunter2-secret@twilio-proxy.internal:8080"})
    assert refused["failed"] and refused["field"] == "api_url" and "hunter2" not in str(refused) and "flexops" not in str(refused)
    swapped = run_module(messaging_service_info, {"account_sid": MODULE_AUTH["account_sid"], "api_key_sid": SECRET, "api_key_secret": KEY})
    assert swapped["failed"] and swapped["field"] == "api_key_sid" and SECRET not in str(swapped) and SECRET[2:] not in str(swapped)


def test_hidden_values_are_the_url_user_info_and_a_misplaced_secret() -> None:
    assert hidden_values({**AUTH, "api_url": "http://flexops:hunter2@127.0.0.1:8080"}) == {"flexops:hunter2@"}
    assert hidden_values({**AUTH, "api_key_sid": SECRET}) == {SECRET}
    assert hidden_values({**AUTH, "api_key_sid": "SKxyz", "api_url": "http://127.0.0.1:8080"}) == set()  # a typo, not a secret


@pytest.mark.parametrize("from_env", [False, True])
@pytest.mark.parametrize("url, secret", [("http://twilio-proxy.internal?token=PASSW0RD-XYZ", "PASSW0RD-XYZ"),
                                         ("http://127.0.0.1:9/base#SECRET-FRAGMENT", "SECRET-FRAGMENT"),
                                         ("http://127.0.0.1:9/?a=QUERY-SECRET#FRAG-SECRET", "QUERY-SECRET")])
def test_an_api_url_with_a_query_or_fragment_never_shows_in_the_result(run_module, monkeypatch, url: str, secret: str, from_env: bool) -> None:
    """F7: refused, and neither the URL nor its query or fragment shows, not even in invocation.module_args (-vvv)."""
    from twilio_payloads import AUTH as MODULE_AUTH  # pylint: disable=import-outside-toplevel

    from ansible_collections.tendlc.twilio.plugins.modules import messaging_service_info  # pylint: disable=import-outside-toplevel

    if from_env:
        monkeypatch.setenv("TWILIO_API_URL", url)
    result = run_module(messaging_service_info, {**MODULE_AUTH, **({} if from_env else {"api_url": url})})
    assert result["failed"] and result["field"] == "api_url" and "query (?...) or a fragment" in result["msg"], result
    assert secret not in str(result) and "FRAG-SECRET" not in str(result) and url not in str(result), result
    assert "invocation" in result and result["invocation"]["module_args"]["api_url"] != url


def test_hidden_values_of_an_api_url_with_a_query_or_fragment() -> None:
    url = "http://127.0.0.1:9/?a=b#frag"
    assert hidden_values({**AUTH, "api_url": url}) == {url, "?a=b#frag", "?a=b", "#frag"}
    assert hidden_values({**AUTH, "api_url": "http://127.0.0.1:9?"}) == {"http://127.0.0.1:9?"}  # a lone '?' would mask every '?'
    assert hidden_values({**AUTH, "api_url": "http://u:p@127.0.0.1:9#x1"}) == {"http://u:p@127.0.0.1:9#x1", "#x1", "u:p@"}


SPLIT = "Hi Dana, this is Sam from Example Co support. Your replacement ships today.".split(",")  # what Ansible makes of one text


@pytest.mark.parametrize("changes, field, item, value", [
    ({"message_samples": SPLIT}, "message_samples[1]", "message_samples[1]", repr(SPLIT[1][:60])),
    ({"message_samples": [CAMPAIGN["message_samples"][0], CAMPAIGN["message_samples"][1] + " "]}, "message_samples[1]", "message_samples[1]",
     "opt out. '"),
    ({"opt_out_keywords": "STOP, QUIT".split(",")}, "opt_out_keywords", "opt_out_keywords[1]", "' QUIT'"),
    ({"help_keywords": ["HELP "]}, "help_keywords", "help_keywords[0]", "'HELP '"),
])
def test_list_items_with_outer_white_space_are_refused_as_a_split_text(changes: dict[str, Any], field: str, item: str, value: str) -> None:
    """F13: an item starting or ending with white space is named as a comma-separated text split into a list."""
    error = refusal(check_campaign_options, {**CAMPAIGN, **changes}, "flex_a2p_campaign.")
    assert error.extra["field"] == "flex_a2p_campaign." + field, error.msg
    assert ("flex_a2p_campaign.%s=" % item) in error.msg and value in error.msg and "comma-separated text split into a list" in error.msg, error.msg


def test_a2p_campaign_refuses_a_comma_separated_text_of_samples_before_any_request(requests_mock, run_module) -> None:
    from twilio_payloads import AUTH as MODULE_AUTH  # pylint: disable=import-outside-toplevel

    from ansible_collections.tendlc.twilio.plugins.modules import a2p_campaign  # pylint: disable=import-outside-toplevel

    text = "Hi Dana, this is Sam from Example Co support. Your replacement ships today, reply STOP to opt out."
    result = run_module(a2p_campaign, {**MODULE_AUTH, **CAMPAIGN, "service": "Flex", "brand_registration_sid": "BN" + "b" * 32,
                                       "usecase": "CUSTOMER_CARE", "message_samples": text, "has_embedded_links": False,
                                       "has_embedded_phone": False})
    assert result["failed"] and "message_samples[1]=' this is Sam" in result["msg"] and "comma-separated" in result["msg"], result
    assert not requests_mock.request_history


@pytest.mark.parametrize("name, shown_as", [("\u200b", "'\\u200b'"), ("\ufeff", "'\\ufeff'"), ("\u200b \ufeff", "'\\u200b \\ufeff'")])
def test_names_of_only_invisible_characters_are_blank(name: str, shown_as: str) -> None:
    """F14: zero-width space and BOM (category Cf, which str.strip() keeps) count as blank."""
    error = refusal(check_service_options, {"friendly_name": name})
    assert error.extra["field"] == "friendly_name" and "friendly_name=%s is blank" % shown_as in error.msg, error.msg
    assert "is blank" in refusal(check_campaign_options, {**CAMPAIGN, "description": "\u200b" * 45}).msg


@pytest.mark.parametrize("name, code", [("Flex\u2028A2P", "U+2028"), ("Flex\u2029A2P", "U+2029"), ("Flex\x85A2P", "U+0085"),
                                        ("Flex\u200bA2P", "U+200B"), ("Flex\u202eA2P", "U+202E"), ("Flex\x00", "U+0000")])
def test_names_with_line_separators_or_invisible_characters_are_refused(name: str, code: str) -> None:
    """F14: U+2028, U+2029, U+0085 (categories Zl, Zp, Cc) break the one-line rule; format characters (Cf) hide text."""
    error = refusal(check_auth, {**AUTH, "service": name})
    assert error.extra["field"] == "service" and repr(name) in error.msg and code in error.msg, error.msg


def test_names_with_visible_unicode_pass() -> None:
    check_service_options({"friendly_name": "Flex Zürich 東京 support"})
