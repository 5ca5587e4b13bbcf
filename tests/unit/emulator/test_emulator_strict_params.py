"""Strict parameter parsing: integers are plain ASCII digits up to 2**31-1, URL fields absolute http(s) URLs (400 / 21502),
by the same rule as the modules' own check (tests/unit/plugins/module_utils/test_url_rule_shared.py)."""

from typing import Any

import pytest

from emulator.errors import TwilioError
from emulator.forms import MAX_INT, integer_between
from emulator.server import start
from emulator_testkit import ACCOUNT_A, SEEDED_SERVICE, TOKEN_A, Api
from numbers_testkit import PN_2, make_numbers_seed, numbers_uri

SERVICE = f"/messaging/v1/Services/{SEEDED_SERVICE}"
NOT_INTEGERS = ["+5", "1_0", " 5", "5 ", "\u0665", "\uff15", "5\n", "0x5", "5.0", "", "-", str(MAX_INT + 1),
                "9" * 11, "-" + "9" * 11, "9" * 5000]  # beyond int()'s 4300 digits: refused, not a ValueError (500)
NOT_URLS = ["example.com/cb", "ftp://example.com/cb", "https://", "https:///path", "https://exa mple.com", "https://example.com/\n",
            "//example.com", "mailto:a@example.com", "https://@/x", "https://:/", "https://user:pw@", "https://a.com:abc/"]


@pytest.mark.parametrize("raw", NOT_INTEGERS)
def test_integer_parser_takes_only_plain_ascii_digits(raw: str) -> None:
    with pytest.raises(TwilioError) as raised:
        integer_between(0, MAX_INT)("Page", raw)
    assert (raised.value.status, raised.value.code) == (400, 20001)
    assert raised.value.message == f"Invalid value '{raw}' for parameter Page: expected an integer from 0 to {MAX_INT}"


def test_integer_parser_bounds() -> None:
    assert MAX_INT == 2**31 - 1
    assert [integer_between(-3, MAX_INT)("X", raw) for raw in ("0", "007", "-3", str(MAX_INT))] == [0, 7, -3, MAX_INT]


@pytest.mark.parametrize("query", ["PageSize=%2B5", "PageSize=1_0", "PageSize=%205", "PageSize=%D9%A5", "Page=%2B1",
                                   f"Page={MAX_INT + 1}", "Page=%EF%BC%91", "PageSize=" + "9" * 5000])
def test_page_and_page_size_are_strict_over_http(api: Any, query: str) -> None:
    response = api.get(f"/messaging/v1/Services?{query}")
    assert (response.status_code, response.json()["code"]) == (400, 20001), response.text
    assert api.get(f"/messaging/v1/Services?Page={MAX_INT}").json()["services"] == []


@pytest.mark.parametrize("raw", ["+60", "6_0", "\u0666\u0660", " 60"])
def test_form_integer_is_strict_and_nothing_changes(api: Any, raw: str) -> None:
    before = api.get(SERVICE).json()
    response = api.post(SERVICE, {"ValidityPeriod": raw, "FriendlyName": "changed"})
    assert (response.status_code, response.json()["code"]) == (400, 20001)
    assert api.get(SERVICE).json() == before


@pytest.mark.parametrize("param", ["InboundRequestUrl", "FallbackUrl", "StatusCallback"])
@pytest.mark.parametrize("raw", NOT_URLS)
def test_service_url_fields_are_21502(api: Any, param: str, raw: str) -> None:
    response = api.post("/messaging/v1/Services", {"FriendlyName": "bad url", param: raw})
    assert response.status_code == 400
    assert response.json() == {"code": 21502, "message": f"{param} is not a valid URL: {raw}",
                               "more_info": "https://www.twilio.com/docs/errors/21502", "status": 400}


def test_service_url_fields_take_urls_and_clear_to_null(api: Any) -> None:
    set_to = api.post(SERVICE, {"InboundRequestUrl": "HTTPS://user:pw@example.com:8443/in?x=1#f", "StatusCallback": "http://example.com"})
    assert set_to.status_code == 200 and set_to.json()["inbound_request_url"] == "HTTPS://user:pw@example.com:8443/in?x=1#f"
    assert api.post(SERVICE, {"InboundRequestUrl": ""}).json()["inbound_request_url"] is None


@pytest.mark.parametrize("param", ["SmsUrl", "SmsFallbackUrl", "StatusCallback", "VoiceUrl", "VoiceFallbackUrl"])
def test_number_url_fields_are_21502_and_change_nothing(param: str) -> None:
    with start(make_numbers_seed()) as emu:
        api = Api(emu.url, (ACCOUNT_A, TOKEN_A))
        uri = numbers_uri(suffix=f"/{PN_2}.json")
        before = api.get(uri).json()
        response = api.post(uri, {"FriendlyName": "changed", param: "not a url"})
        assert (response.status_code, response.json()["code"]) == (400, 21502)
        assert api.get(uri).json() == before
        assert api.post(uri, {param: "https://example.com/sms"}).json()[_snake(param)] == "https://example.com/sms"
        assert api.post(uri, {param: ""}).json()[_snake(param)] == ""


def _snake(param: str) -> str:
    return "".join("_" + char.lower() if char.isupper() else char for char in param).lstrip("_")
