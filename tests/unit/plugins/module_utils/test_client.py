"""The client layer: URL rewrite, credentials, error translation, with the real SDK over requests-mock."""

from __future__ import annotations

import base64

import pytest
from requests_mock import ANY
from twilio_payloads import ACCOUNT_SID, AUTH_TOKEN, SERVICES_URL, error, owned_number, page, page2010, service

from ansible_collections.tendlc.twilio.plugins.module_utils._client import build_client, call, resource_dict
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import CREDENTIALS_HINT, ModuleError, TransportError
from ansible_collections.tendlc.twilio.plugins.module_utils._http import rewrite_url

EMULATOR = "http://127.0.0.1:8080"
MG1 = "MG" + "c" * 32
KEY_SID = "SK" + "d" * 32


def params(**overrides):
    base = {"account_sid": ACCOUNT_SID, "auth_token": AUTH_TOKEN, "api_key_sid": None, "api_key_secret": None,
            "region": None, "edge": None, "timeout": 30, "api_url": None}
    base.update(overrides)
    return base


@pytest.mark.parametrize("url, expected", [
    ("https://messaging.twilio.com/v1/Services", EMULATOR + "/messaging/v1/Services"),
    ("https://messaging.twilio.com/v1/Services?PageSize=2&Page=1&PageToken=PAMG1", EMULATOR + "/messaging/v1/Services?PageSize=2&Page=1&PageToken=PAMG1"),
    ("https://api.twilio.com/2010-04-01/Accounts/AC1/IncomingPhoneNumbers.json", EMULATOR + "/api/2010-04-01/Accounts/AC1/IncomingPhoneNumbers.json"),
    ("https://flex-api.twilio.com/v1/FlexFlows", EMULATOR + "/flex-api/v1/FlexFlows"),
    ("https://messaging.dublin.ie1.twilio.com/v1/Services", EMULATOR + "/messaging/v1/Services"),
    ("https://example.com/v1/Services", "https://example.com/v1/Services"),
])
def test_rewrite_url(url, expected):
    assert rewrite_url(url, EMULATOR + "/") == expected


def test_rewrite_is_off_without_api_url():
    assert rewrite_url("https://messaging.twilio.com/v1/Services", None) == "https://messaging.twilio.com/v1/Services"


def test_api_url_reaches_every_page(requests_mock):
    first = EMULATOR + "/messaging/v1/Services"
    next_page = SERVICES_URL + "?PageSize=1000&Page=1&PageToken=PA" + MG1
    requests_mock.get(first, json=page("services", [service(MG1, "a")], next_page_url=next_page))
    requests_mock.get(EMULATOR + "/messaging/v1/Services?PageSize=1000&Page=1&PageToken=PA" + MG1, json=page("services", [service(MG1, "b")]))
    client = build_client(params(api_url=EMULATOR))
    names = [s.friendly_name for s in client.messaging.v1.services.list(page_size=1000)]
    assert names == ["a", "b"]
    assert [r.url.split("?")[0] for r in requests_mock.request_history] == [first, first]


def basic(request) -> str:
    return base64.b64decode(request.headers["Authorization"].split()[1]).decode()


def test_auth_token_and_api_key_credentials(requests_mock):
    requests_mock.get(SERVICES_URL, json=page("services", []))
    build_client(params()).messaging.v1.services.list()
    build_client(params(auth_token=None, api_key_sid=KEY_SID, api_key_secret="s3cret")).messaging.v1.services.list()
    assert [basic(r) for r in requests_mock.request_history] == [ACCOUNT_SID + ":" + AUTH_TOKEN, KEY_SID + ":s3cret"]


def test_api_key_client_knows_its_account():
    client = build_client(params(auth_token=None, api_key_sid=KEY_SID, api_key_secret="s3cret"))
    assert client.account_sid == ACCOUNT_SID


def test_timeout_reaches_the_http_client():
    assert build_client(params(timeout=7.5)).http_client.timeout == 7.5


def test_call_translates_rest_errors(requests_mock):
    requests_mock.get(SERVICES_URL + "/" + MG1, status_code=404, json=error(20404, 404, "The requested resource /Services/%s was not found" % MG1))
    client = build_client(params())
    with pytest.raises(ModuleError) as caught:
        call("fetch messaging service " + MG1, client.messaging.v1.services(MG1).fetch)
    assert caught.value.extra["error"]["code"] == 20404
    assert caught.value.msg == ("Failed to fetch messaging service %s: Twilio error 20404 (HTTP 404): "
                                "The requested resource /Services/%s was not found." % (MG1, MG1))


def test_call_translates_failed_list_pages(requests_mock):
    requests_mock.get(SERVICES_URL, status_code=401, json=error(20003, 401, "Authenticate"))
    with pytest.raises(ModuleError) as caught:
        call("list messaging services", build_client(params()).messaging.v1.services.list)
    assert caught.value.extra["error"] == {"code": 20003, "status": 401, "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003"}


def test_call_translates_connection_errors():
    client = build_client(params(api_url="http://127.0.0.1:9", timeout=2))
    with pytest.raises(ModuleError) as caught:
        call("list messaging services", client.messaging.v1.services.list)
    assert caught.value.msg == ("Failed to list messaging services: could not reach http://127.0.0.1:9: connection refused. "
                                "Not retried: check api_url (and region, edge), or the proxy between this host and Twilio.")


def test_resource_dict_has_twilio_fields_and_iso_dates(requests_mock):
    requests_mock.get(SERVICES_URL + "/" + MG1, json=service(MG1, "Flex"))
    fields = resource_dict(build_client(params()).messaging.v1.services(MG1).fetch())
    assert fields == service(MG1, "Flex")


# Item 8 of issue 9: credentials go only to the configured host.

NUMBERS_URI = "/2010-04-01/Accounts/%s/IncomingPhoneNumbers.json" % ACCOUNT_SID
PN1, PN2 = "PN" + "1" * 32, "PN" + "2" * 32


@pytest.mark.parametrize("api_url, next_page", [
    (None, "https://evil.example.com/v1/Services?PageToken=PA1"),
    (None, "http://messaging.twilio.com/v1/Services?PageToken=PA1"),  # plain http
    (None, "https://messaging.twilio.com:8443/v1/Services?PageToken=PA1"),  # another port
    (None, "https://messaging.twilio.com.evil.example/v1/Services?PageToken=PA1"),
    (EMULATOR, "http://127.0.0.1:8081/messaging/v1/Services?PageToken=PA1"),  # the emulator's host, another port
    (EMULATOR, "https://127.0.0.1:8080/messaging/v1/Services?PageToken=PA1"),  # another scheme
    (EMULATOR, "http://localhost:8080/messaging/v1/Services?PageToken=PA1"),  # another name
    (EMULATOR, "http://evil.example/messaging/v1/Services?PageToken=PA1"),
])
def test_a_page_link_to_another_host_is_refused_before_sending(requests_mock, api_url, next_page):
    first = rewrite_url(SERVICES_URL, api_url)
    requests_mock.get(first, json=page("services", [service(MG1, "a")], next_page_url=next_page))
    with pytest.raises(TransportError) as caught:
        call("list messaging services", build_client(params(api_url=api_url)).messaging.v1.services.list)
    assert [r.url.split("?")[0] for r in requests_mock.request_history] == [first]  # the foreign URL got nothing
    host = next_page.split("/")[2]
    assert caught.value.msg.startswith("Failed to list messaging services: refused to send GET ")
    assert "to %s://%s:" % (next_page.split(":")[0], host.split(":")[0]) in caught.value.msg or host in caught.value.msg
    assert "it is not the configured host " + ("http://127.0.0.1:8080 (api_url)" if api_url else "https://*.twilio.com") in caught.value.msg
    assert AUTH_TOKEN not in caught.value.msg and ACCOUNT_SID not in caught.value.msg
    assert caught.value.extra["error"]["host"] == host.split(":")[0]


def test_a_refused_link_does_not_claim_the_retries_of_the_page_before_it(requests_mock):
    requests_mock.get(SERVICES_URL, [{"status_code": 429, "json": error(20429, 429, "Too Many Requests")},
                                     {"json": page("services", [], next_page_url="https://evil.example.com/v1/Services")}])
    with pytest.raises(TransportError) as caught:
        call("list messaging services", build_client(params()).messaging.v1.services.list)
    assert "retries" not in caught.value.msg and "retries" not in caught.value.extra


@pytest.mark.parametrize("api_url", [None, EMULATOR])
def test_page_links_on_the_configured_host_are_followed(requests_mock, api_url):
    """v1 links on *.twilio.com (edge and region hosts too) and the 2010 API's relative next_page_uri."""
    second = "https://messaging.dublin.ie1.twilio.com/v1/Services?PageSize=1&Page=1&PageToken=PA" + MG1
    requests_mock.get(rewrite_url(SERVICES_URL, api_url), json=page("services", [service(MG1, "a")], next_page_url=second))
    requests_mock.get(rewrite_url(second, api_url), json=page("services", [service(MG1, "b")]))
    uri = NUMBERS_URI
    numbers = "https://api.twilio.com" + uri
    first_2010 = dict(page2010("incoming_phone_numbers", [owned_number(PN1, "+15005550001")], uri),
                      next_page_uri=uri + "?PageSize=1&Page=1&PageToken=PA" + PN1)
    second_2010 = page2010("incoming_phone_numbers", [owned_number(PN2, "+15005550002")], uri)
    requests_mock.get(rewrite_url(numbers, api_url), [{"json": first_2010}, {"json": second_2010}])
    client = build_client(params(api_url=api_url))
    assert [s.friendly_name for s in call("list", client.messaging.v1.services.list)] == ["a", "b"]
    assert [n.sid for n in call("list", client.api.v2010.accounts(ACCOUNT_SID).incoming_phone_numbers.list)] == [PN1, PN2]
    assert requests_mock.request_history[-1].url.startswith(rewrite_url(numbers, api_url) + "?")
    assert requests_mock.call_count == 4


def test_a_configured_api_url_is_compared_by_scheme_host_and_default_port(requests_mock):
    api_url = "https://Twilio-Proxy.example.com:443/base/"
    second = "https://twilio-proxy.example.com/base/messaging/v1/Services?Page=1"
    requests_mock.get("https://twilio-proxy.example.com:443/base/messaging/v1/Services", json=page("services", [service(MG1, "a")], next_page_url=second))
    requests_mock.get(second, json=page("services", [service(MG1, "b")]))
    assert [s.friendly_name for s in call("list", build_client(params(api_url=api_url)).messaging.v1.services.list)] == ["a", "b"]


# Parser confusion: the host is the one requests connects to, and a URL that parsers may read differently is refused.

AMBIGUOUS = "so its host cannot be told for sure"
PARSER_TRICKS = [
    # urllib.parse reads the host after the "@" (the allowed one); requests connects to the one before the backslash.
    (EMULATOR, "http://127.0.0.1:9999\\@127.0.0.1:8080/messaging/v1/Services?PageToken=PA1", "a backslash"),
    (None, "https://evil.example\\.twilio.com/v1/Services?PageToken=PA1", "a backslash"),
    (None, "https://api.twilio.com@evil.example/v1/Services?PageToken=PA1", "user info"),
    (EMULATOR, "http://127.0.0.1:8080@evil.example/messaging/v1/Services", "user info"),
    (None, "https://user:pw@messaging.twilio.com/v1/Services", "user info"),
    (None, "https://messaging.twilio.com\t.evil.example/v1/Services", "whitespace"),
    (None, "https://messaging.twilio.com/v1/Services\r\nHost: evil.example", "whitespace"),
    (None, "https://messaging.twilio.com\n.evil.example/v1/Services", "whitespace"),
    (None, "https://messaging.twilio.com\x00.evil.example/v1/Services", "a control character"),
    (None, " https://evil.example/v1/Services", "whitespace"),
]


@pytest.mark.parametrize("api_url, next_page, reason", PARSER_TRICKS)
def test_a_link_whose_host_parsers_read_differently_is_refused_outright(requests_mock, api_url, next_page, reason):
    """Issue 9 F1: on the code before, the first link was let through (urlsplit saw 127.0.0.1:8080) and requests sent the
    Basic auth to 127.0.0.1:9999; the second passed as a twilio.com host and went to evil.example."""
    first = rewrite_url(SERVICES_URL, api_url)
    requests_mock.register_uri(ANY, ANY, json=page("services", []))  # anything else answers
    requests_mock.get(first, complete_qs=True, json=page("services", [service(MG1, "a")], next_page_url=next_page))
    with pytest.raises(TransportError) as caught:
        call("list messaging services", build_client(params(api_url=api_url)).messaging.v1.services.list)
    assert [r.url for r in requests_mock.request_history] == [first]
    assert caught.value.msg.startswith("Failed to list messaging services: refused to send GET to %r: it contains " % next_page.split("?")[0])
    assert reason in caught.value.msg and AMBIGUOUS in caught.value.msg and "Nothing was sent." in caught.value.msg
    assert AUTH_TOKEN not in caught.value.msg and caught.value.extra["error"]["host"] is None


@pytest.mark.parametrize("api_url, url, host", [
    (None, "https://evil.example#@messaging.twilio.com/v1/Services", "evil.example"),  # the fragment is not the host
    (None, "https://evil.example?@messaging.twilio.com/v1/Services", "evil.example"),
    (None, "https://evil.example%2e.twilio.com/v1/Services", "evil.example..twilio.com"),  # urllib3 decodes %2e
    (None, "https://messaging.twilio.com%2eevil.example/v1/Services", "messaging.twilio.com.evil.example"),
    (None, "https://evil.example%23.twilio.com/v1/Services", "evil.example%23.twilio.com"),  # not a host name
    (None, "https://evil.example;.twilio.com/v1/Services", "evil.example;.twilio.com"),
    (None, "https://messaging.twilio.com./v1/Services", "messaging.twilio.com."),  # trailing dot: not Twilio's spelling
    (None, "https://twilio.com./v1/Services", "twilio.com."),
    (None, "https://[::1]/v1/Services", "::1"),
    ("http://[::1]:8080", "http://[::1]:8081/messaging/v1/Services", "::1"),
    ("http://[::1]:8080", "http://[::2]:8080/messaging/v1/Services", "::2"),
    (EMULATOR, "http://127.0.0.1.:8080/messaging/v1/Services", "127.0.0.1."),
    (EMULATOR, "http://0x7f.0.0.1:8080/messaging/v1/Services", "0x7f.0.0.1"),
])
def test_look_alike_hosts_are_read_as_requests_reads_them_and_refused(requests_mock, api_url, url, host):
    first = rewrite_url(SERVICES_URL, api_url)
    requests_mock.register_uri(ANY, ANY, json=page("services", []))
    requests_mock.get(first, complete_qs=True, json=page("services", [service(MG1, "a")], next_page_url=url))
    with pytest.raises(TransportError) as caught:
        call("list messaging services", build_client(params(api_url=api_url)).messaging.v1.services.list)
    assert [r.url for r in requests_mock.request_history] == [first]
    assert "it is not the configured host" in caught.value.msg and caught.value.extra["error"]["host"] == host
    if ":" in host:
        assert "[%s]" % host in caught.value.msg  # IPv6 shown bracketed, as in a URL


@pytest.mark.parametrize("api_url, url", [
    (None, "https://MESSAGING.Twilio.COM/v1/Services?PageToken=PA1"),  # host names are case-insensitive
    (None, "https://messaging.twilio.com:443/v1/Services?PageToken=PA1"),
    (None, "https://messaging.twilio.com/v1/Services?PageToken=PA1&Email=a@b.example"),  # an @ in the query is not user info
    ("http://[::1]:8080", "http://[::1]:8080/messaging/v1/Services?PageToken=PA1"),
    ("HTTP://LocalHost:8080", "http://localhost:8080/messaging/v1/Services?PageToken=PA1"),
])
def test_links_to_the_configured_host_in_another_spelling_are_followed(requests_mock, api_url, url):
    first = rewrite_url(SERVICES_URL, api_url)
    requests_mock.register_uri(ANY, ANY, json=page("services", [service(MG1, "b")]))
    requests_mock.get(first, complete_qs=True, json=page("services", [service(MG1, "a")], next_page_url=url))
    names = [s.friendly_name for s in call("list", build_client(params(api_url=api_url)).messaging.v1.services.list)]
    assert names == ["a", "b"] and requests_mock.call_count == 2


def test_an_unreachable_ipv6_host_is_shown_bracketed():
    twilio_client = build_client(params(api_url="http://[::1]:9", max_retries=0))
    with pytest.raises(TransportError) as caught:
        call("list messaging services", twilio_client.messaging.v1.services.list)
    assert "could not reach http://[::1]:9: " in caught.value.msg


# Item 11 of issue 9: answers that are not Twilio's JSON name the operation, the path, the status and the content type.

HTML = "<!DOCTYPE html><html><head><title>Sign in</title></head><body>Proxy login</body></html>"
UNREADABLE = [
    (200, HTML, "text/html; charset=utf-8", "a body that is not JSON (an HTML page)"),
    (200, "", "application/json", "an empty body"),
    (200, "[]", "application/json", "a JSON array where Twilio sends an object"),
    (200, '"ok"', None, "a JSON string where Twilio sends an object"),
    (200, '{"meta": {"key": "services", "next_page_url": null}}', "application/json", "a list page without its list 'services'"),
    (200, "{}", "application/json", "JSON that is not the shape the API sends for it"),
    (200, '{"unexpected": true}', "application/json", "JSON that is not the shape the API sends for it"),
    (200, '{"services": [1, 2]}', "application/json", "JSON that is not the shape the API sends for it"),
    (401, HTML, "text/html", "a body that is not JSON (an HTML page)"),
    (403, "Forbidden", "text/plain", "a body that is not JSON (9 characters of text)"),
    (404, HTML, "text/html", "a body that is not JSON (an HTML page)"),
    (401, '{"error": "unauthorized"}', "application/json", "a JSON object without Twilio's error code"),
    (400, '{"message": "bad"}', "application/json", "a JSON object without Twilio's error code"),
    (302, "", None, "an empty body"),
]


def _mock_text(requests_mock, method, url, status, text, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    getattr(requests_mock, method)(url, status_code=status, text=text, headers=headers)


@pytest.mark.parametrize("status, text, content_type, problem", UNREADABLE)
def test_an_answer_that_is_not_twilios_json_fails_naming_request_status_and_content_type(requests_mock, status, text, content_type, problem):
    _mock_text(requests_mock, "get", SERVICES_URL, status, text, content_type)
    with pytest.raises(TransportError) as caught:
        call("list messaging services", build_client(params()).messaging.v1.services.list)
    expected = "Failed to list messaging services: the answer to GET %s is not Twilio's: HTTP %d, %s, %s." % (
        SERVICES_URL, status, content_type or "no content type", problem)
    assert caught.value.msg.startswith(expected)
    assert caught.value.msg.endswith(CREDENTIALS_HINT) is (status in (401, 403))
    assert requests_mock.call_count == 1
    assert caught.value.extra["error"]["status"] == status and caught.value.extra["error"]["content_type"] == content_type
    for python in ("Traceback", "Exception", "Error(", "Expecting value", "object has no attribute", "KeyError", "deserialized"):
        assert python not in caught.value.msg


@pytest.mark.parametrize("method, call_of", [
    ("get", lambda c: c.messaging.v1.services(MG1).fetch()),
    ("post", lambda c: c.messaging.v1.services(MG1).update(friendly_name="b")),
])
@pytest.mark.parametrize("text, problem", [(HTML, "a body that is not JSON (an HTML page)"), ("", "an empty body"),
                                           ("[1]", "a JSON array where Twilio sends an object")])
def test_fetches_and_updates_refuse_them_too(requests_mock, method, call_of, text, problem):
    _mock_text(requests_mock, method, SERVICES_URL + "/" + MG1, 200, text, "text/html")
    client = build_client(params())
    with pytest.raises(TransportError) as caught:
        call("fetch or update messaging service", call_of, client)
    assert "the answer to %s %s/%s is not Twilio's: HTTP 200, text/html, %s." % (method.upper(), SERVICES_URL, MG1, problem) in caught.value.msg
    assert client.http_client.writes == (1 if method == "post" else 0)  # a 2xx to a write was applied, whatever its body


def test_a_5xx_that_is_not_twilios_is_retried_first_then_named(requests_mock):
    requests_mock.get(SERVICES_URL, status_code=502, text=HTML, headers={"Content-Type": "text/html"})
    with pytest.raises(TransportError) as caught:
        call("list messaging services", build_client(params(max_retries=2)).messaging.v1.services.list)
    assert requests_mock.call_count == 3
    assert caught.value.msg.startswith("Failed to list messaging services: the answer to GET %s is not Twilio's: HTTP 502, text/html" % SERVICES_URL)
    assert caught.value.msg.endswith("(gave up after 2 retries: HTTP 502 x2)")


def test_a_delete_answered_204_without_a_body_is_fine(requests_mock):
    requests_mock.delete(SERVICES_URL + "/" + MG1, status_code=204, text="")
    assert call("delete", build_client(params()).messaging.v1.services(MG1).delete) is True


def test_an_unreadable_answer_is_named_only_after_an_answer(requests_mock):
    """A Python error before any request (a bad argument) is not blamed on Twilio."""
    with pytest.raises(TypeError):
        call("list", build_client(params()).messaging.v1.services.list, colour="red")
    assert requests_mock.call_count == 0
