"""The retry policy in the client layer, with the real SDK over requests-mock: what is retried, how long it waits, when it stops."""

from __future__ import annotations

import random
import socket

import pytest
import requests
from twilio_payloads import ACCOUNT_SID, AUTH_TOKEN, SERVICES_URL, error, page, service
from urllib3.exceptions import MaxRetryError, NameResolutionError, NewConnectionError, ProtocolError

from ansible_collections.tendlc.twilio.plugins.module_utils import _retry
from ansible_collections.tendlc.twilio.plugins.module_utils._client import build_client, call
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import AmbiguousWriteError, ModuleError

MG = "MG" + "a" * 32
SERVICE_URL = SERVICES_URL + "/" + MG
OK_LIST = {"json": page("services", [service(MG, "Flex")])}


def client(**options):
    params = {"account_sid": ACCOUNT_SID, "auth_token": AUTH_TOKEN, "api_key_sid": None, "api_key_secret": None,
              "region": None, "edge": None, "timeout": 5, "api_url": None, "max_retries": 5, "retry_deadline": 120, "retry_backoff": 1}
    params.update(options)
    return build_client(params)


def failing(status, **headers):
    return {"status_code": status, "json": error({429: 20429}.get(status, 20500), status, "Too Many Requests" if status == 429 else "Server error"),
            "headers": headers}


def never_connected(cause: OSError) -> requests.exceptions.ConnectionError:
    """What requests raises when the connection cannot be opened: the request never left (urllib3 2.x raises it from the OSError)."""
    if isinstance(cause, socket.gaierror):
        reason = NameResolutionError("messaging.twilio.com", None, cause)
    else:
        reason = NewConnectionError(None, "Failed to establish a new connection: %s" % cause)
    reason.__cause__ = cause
    return requests.exceptions.ConnectionError(MaxRetryError(None, SERVICES_URL, reason))


def refused():
    """Nothing listens on the port (ECONNREFUSED)."""
    return never_connected(ConnectionRefusedError(111, "Connection refused"))


def no_route():
    """The host cannot be reached for now (EHOSTUNREACH): retried like any connection error."""
    return never_connected(OSError(113, "No route to host"))


def no_such_name():
    """The name does not resolve (EAI_NONAME)."""
    return never_connected(socket.gaierror(socket.EAI_NONAME, "Name or service not known"))


def reset():
    """What requests raises when the connection drops after the request was sent (RemoteDisconnected, ECONNRESET)."""
    return requests.exceptions.ConnectionError(ProtocolError("Connection aborted.", ConnectionResetError(104, "Connection reset by peer")))


def list_services(twilio_client):
    return call("list messaging services", twilio_client.messaging.v1.services.list)


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_each_retryable_status_is_retried_then_succeeds(requests_mock, sleeps, status):
    requests_mock.get(SERVICES_URL, [failing(status), failing(status), OK_LIST])
    assert [s.sid for s in list_services(client())] == [MG]
    assert requests_mock.call_count == 3
    assert len(sleeps) == 2 and 0 <= sleeps[0] <= 1 and 0 <= sleeps[1] <= 2


@pytest.mark.parametrize("exc", [requests.exceptions.ConnectTimeout, requests.exceptions.ReadTimeout, no_route(), reset(),
                                 requests.exceptions.ChunkedEncodingError])
def test_each_connection_error_is_retried_then_succeeds(requests_mock, sleeps, exc):
    requests_mock.get(SERVICES_URL, [{"exc": exc}, OK_LIST])
    assert [s.sid for s in list_services(client())] == [MG]
    assert requests_mock.call_count == 2 and len(sleeps) == 1


def test_retry_after_is_honoured_with_jitter_above_it(requests_mock, sleeps):
    requests_mock.get(SERVICES_URL, [failing(429, **{"Retry-After": "7"}), failing(503, **{"Retry-After": "0"}), OK_LIST])
    list_services(client())
    assert 7.0 <= sleeps[0] <= 14.0 and sleeps[1] == 0.0


def test_clients_told_the_same_retry_after_do_not_come_back_in_step():
    """Issue 11 F3: six hosts of one account at 1 A2P request per second all waited exactly Retry-After: 1 and collided again."""
    waits = [_retry.RetryPolicy(rng=random.Random(seed)).hinted_delay(1.0) for seed in range(6)]
    assert all(1.0 <= w <= 2.0 for w in waits)
    assert len({round(w, 3) for w in waits}) == 6 and max(waits) - min(waits) > 0.3


class Highest(random.Random):
    """A random source that always draws the top of the range: the longest jitter."""

    def uniform(self, a, b):
        return b


class Lowest(random.Random):
    """A random source that always draws the bottom of the range: no jitter."""

    def uniform(self, a, b):
        return a


def fake_time(twilio_client, rng=None):
    """A fake clock moved by the policy's sleeps; returns the list holding the current time."""
    now = [0.0]
    policy = twilio_client.http_client.policy
    policy.clock = lambda: now[0]
    policy.sleep = lambda seconds: now.__setitem__(0, now[0] + seconds)
    policy.rng = rng or policy.rng
    return now


def test_429s_are_retried_until_the_deadline_not_max_retries(requests_mock):
    """Issue 11 F3: a 429 was never processed, so more of them than max_retries do not fail the run while time is left."""
    twilio_client = client(max_retries=2, retry_deadline=120)
    now = fake_time(twilio_client, Highest())
    requests_mock.get(SERVICES_URL, [failing(429, **{"Retry-After": "1"})] * 8 + [OK_LIST])
    assert [s.sid for s in list_services(twilio_client)] == [MG]
    assert requests_mock.call_count == 9 and now[0] == 16.0


def test_other_failures_still_count_towards_max_retries_among_429s(requests_mock, sleeps):
    requests_mock.get(SERVICES_URL, [failing(429), failing(503), failing(429), failing(503), failing(429), failing(503), OK_LIST])
    with pytest.raises(ModuleError) as caught:
        list_services(client(max_retries=2))
    assert requests_mock.call_count == 6
    assert "(gave up after 5 retries: HTTP 429 x3, HTTP 503 x2)" in caught.value.msg


def test_the_jitter_is_cut_to_the_deadline(requests_mock):
    """Retry-After 80 under a 120 s deadline: the wait is 120 s, not 160 s; the next 429 is the answer."""
    twilio_client = client(max_retries=10, retry_deadline=120)
    now = fake_time(twilio_client, Highest())
    requests_mock.get(SERVICES_URL, [failing(429, **{"Retry-After": "80"})] * 3 + [OK_LIST])
    with pytest.raises(ModuleError) as caught:
        list_services(twilio_client)
    assert requests_mock.call_count == 2 and now[0] == 120.0
    assert "(gave up after 1 retries: HTTP 429)" in caught.value.msg


@pytest.mark.parametrize("value", ["soon", "-1", "inf", "Wed, 21 Oct 2026 07:28:00 GMT"])
def test_a_retry_after_that_is_not_seconds_falls_back_to_backoff(requests_mock, sleeps, value):
    requests_mock.get(SERVICES_URL, [failing(429, **{"Retry-After": value}), OK_LIST])
    list_services(client(retry_backoff=0.5))
    assert len(sleeps) == 1 and 0 <= sleeps[0] <= 0.5


def test_retries_stop_at_max_retries_and_say_so(requests_mock, sleeps):
    requests_mock.get(SERVICES_URL, [failing(503)] * 10)
    with pytest.raises(ModuleError) as caught:
        list_services(client(max_retries=3, retry_backoff=2))
    assert requests_mock.call_count == 4
    assert len(sleeps) == 3 and all(0 <= s <= 2 * 2 ** n for n, s in enumerate(sleeps))
    assert caught.value.extra["error"]["code"] == 20500
    assert caught.value.extra["retries"] == 3
    assert "(gave up after 3 retries: HTTP 503 x3)" in caught.value.msg


def test_a_failure_after_retries_names_them(requests_mock):
    requests_mock.get(SERVICE_URL, [failing(429), failing(503), failing(429), {"status_code": 404, "json": error(20404, 404, "gone")}])
    with pytest.raises(ModuleError) as caught:
        call("fetch messaging service", client().messaging.v1.services(MG).fetch)
    assert caught.value.msg == "Failed to fetch messaging service: Twilio error 20404 (HTTP 404): gone. (after 3 retries: HTTP 429 x2, HTTP 503)"


def test_max_retries_zero_turns_retries_off(requests_mock, sleeps):
    requests_mock.get(SERVICES_URL, [failing(429), OK_LIST])
    with pytest.raises(ModuleError):
        list_services(client(max_retries=0))
    assert requests_mock.call_count == 1 and sleeps == []


def test_retries_stop_at_the_deadline(requests_mock):
    """A fake clock moved by the sleeps: Retry-After 50 s under a 120 s deadline allows two waits (0 -> 50 -> 100), not a third."""
    twilio_client = client(max_retries=10, retry_deadline=120)
    now = fake_time(twilio_client, Lowest())
    requests_mock.get(SERVICES_URL, [failing(429, **{"Retry-After": "50"})] * 10)
    with pytest.raises(ModuleError) as caught:
        list_services(twilio_client)
    assert requests_mock.call_count == 3 and now[0] == 100
    assert caught.value.extra["error"]["code"] == 20429


def test_full_jitter_stays_under_the_capped_exponential():
    policy = _retry.RetryPolicy(backoff=1, rng=random.Random(7))
    for retry in range(8):
        waits = [policy.backoff_delay(retry) for _draw in range(200)]
        cap = min(_retry.MAX_BACKOFF, 2 ** retry)
        assert all(0 <= w <= cap for w in waits)
        assert max(waits) > cap * 0.8 and min(waits) < cap * 0.2  # spread over the whole range


@pytest.mark.parametrize("status, code", [(400, 21712), (401, 20003), (403, 20403), (404, 20404), (405, 20004), (409, 20409)])
def test_other_4xx_are_never_retried(requests_mock, sleeps, status, code):
    requests_mock.get(SERVICE_URL, status_code=status, json=error(code, status, "nope"))
    requests_mock.post(SERVICES_URL, status_code=status, json=error(code, status, "nope"))
    twilio_client = client()
    with pytest.raises(ModuleError):
        call("fetch", twilio_client.messaging.v1.services(MG).fetch)
    with pytest.raises(ModuleError):
        call("create", twilio_client.messaging.v1.services.create, friendly_name="Flex")
    assert requests_mock.call_count == 2 and sleeps == []


def test_tls_errors_are_not_retried(requests_mock, sleeps):
    requests_mock.get(SERVICES_URL, exc=requests.exceptions.SSLError("certificate verify failed"))
    with pytest.raises(ModuleError) as caught:
        list_services(client())
    assert caught.value.msg == "Failed to list messaging services: could not reach https://messaging.twilio.com: TLS error: certificate verify failed"
    assert requests_mock.call_count == 1 and sleeps == []


@pytest.mark.parametrize("exc, reason", [
    (refused(), "connection refused"),
    (no_such_name(), "the name does not resolve (Name or service not known)"),
])
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_refused_connection_or_an_unknown_name_is_not_retried(requests_mock, sleeps, exc, reason, method):
    """Issue 9 item 11: they fail at once (with the defaults they waited up to 31 s of backoff), naming the host, in words."""
    getattr(requests_mock, method)(SERVICES_URL, exc=exc)
    twilio_client = client()
    with pytest.raises(ModuleError) as caught:
        if method == "get":
            list_services(twilio_client)
        else:
            call("create messaging service 'Flex'", twilio_client.messaging.v1.services.create, friendly_name="Flex")
    assert requests_mock.call_count == 1 and sleeps == []
    operation = "list messaging services" if method == "get" else "create messaging service 'Flex'"
    assert caught.value.msg == ("Failed to %s: could not reach https://messaging.twilio.com: %s. Not retried: check api_url (and region, "
                                "edge), or the proxy between this host and Twilio." % (operation, reason))
    assert not isinstance(caught.value, AmbiguousWriteError)
    assert twilio_client.http_client.unknown_writes == 0  # never sent, so not a write that may have happened


@pytest.mark.parametrize("first", [failing(429), failing(429, **{"Retry-After": "1"}), {"exc": requests.exceptions.ConnectTimeout}, {"exc": no_route()}])
def test_a_create_is_retried_when_twilio_cannot_have_applied_it(requests_mock, first):
    requests_mock.post(SERVICES_URL, [first, {"status_code": 201, "json": service(MG, "Flex")}])
    created = call("create", client().messaging.v1.services.create, friendly_name="Flex")
    assert created.sid == MG and requests_mock.call_count == 2


@pytest.mark.parametrize("first, reason", [
    (failing(500), "HTTP 500"), (failing(502), "HTTP 502"), (failing(503), "HTTP 503"), (failing(504), "HTTP 504"),
    ({"exc": reset()}, "connection error after the request was sent: connection reset by peer"),
    ({"exc": requests.exceptions.ReadTimeout}, "read timeout after the request was sent: no answer within the timeout"),
])
def test_an_ambiguous_create_is_never_repeated(requests_mock, sleeps, first, reason):
    requests_mock.post(SERVICES_URL, [first, {"status_code": 201, "json": service(MG, "Flex")}])
    with pytest.raises(AmbiguousWriteError) as caught:
        call("create messaging service 'Flex'", client().messaging.v1.services.create, friendly_name="Flex")
    assert requests_mock.call_count == 1 and sleeps == []
    assert caught.value.msg.startswith("Failed to create messaging service 'Flex': Twilio may or may not have applied the request (")
    assert reason in caught.value.msg
    assert caught.value.extra["error"]["ambiguous"] is True


@pytest.mark.parametrize("first", [failing(500), failing(503), {"exc": reset()}, {"exc": requests.exceptions.ReadTimeout}])
def test_updates_and_deletes_retry_freely(requests_mock, first):
    requests_mock.post(SERVICE_URL, [first, {"json": service(MG, "New")}])
    requests_mock.delete(SERVICE_URL, [first, {"status_code": 204}])
    twilio_client = client()
    assert call("update", twilio_client.messaging.v1.services(MG).update, friendly_name="New").friendly_name == "New"
    assert call("delete", twilio_client.messaging.v1.services(MG).delete) is True
    assert [r.method for r in requests_mock.request_history] == ["POST", "POST", "DELETE", "DELETE"]


@pytest.mark.parametrize("method, url, create", [
    ("POST", "https://messaging.twilio.com/v1/Services", True),
    ("POST", "https://messaging.twilio.com/v1/Services/%s/PhoneNumbers" % MG, True),
    ("POST", "https://messaging.twilio.com/v1/Services/%s/Compliance/Usa2p" % MG, True),
    ("POST", "https://messaging.twilio.com/v1/Services/PreregisteredUsa2p", True),
    ("POST", "https://messaging.twilio.com/v1/a2p/BrandRegistrations", True),
    ("POST", "http://127.0.0.1:8080/messaging/v1/Services?x=1", True),
    ("POST", "https://messaging.twilio.com/v1/Services/%s" % MG, False),
    ("POST", "https://messaging.twilio.com/v1/Services/%s/Compliance/Usa2p/QE%s" % (MG, "b" * 32), False),
    ("POST", "https://api.twilio.com/2010-04-01/Accounts/%s/IncomingPhoneNumbers/PN%s.json" % (ACCOUNT_SID, "c" * 32), False),
    ("GET", "https://messaging.twilio.com/v1/Services", False),
    ("DELETE", "https://messaging.twilio.com/v1/Services/%s" % MG, False),
])
def test_which_requests_are_creates(method, url, create):
    assert _retry.is_create(method, url) is create
