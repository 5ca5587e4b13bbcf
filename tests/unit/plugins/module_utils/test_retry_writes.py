"""Writes under the retry policy: an ambiguous create is looked up before it is sent again; a retried delete that answers 404 is done."""

from __future__ import annotations

import pytest
import requests
from twilio_payloads import ACCOUNT_SID, AUTH_TOKEN, SERVICES_URL, error, service
from urllib3.exceptions import ProtocolError

from ansible_collections.tendlc.twilio.plugins.module_utils._client import build_client, call, call_delete, create_once
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import AmbiguousWriteError, ModuleError

MG = "MG" + "a" * 32
SERVICE_URL = SERVICES_URL + "/" + MG
NOT_FOUND = {"status_code": 404, "json": error(20404, 404, "The requested resource /Services/%s was not found" % MG)}
RESET = {"exc": requests.exceptions.ConnectionError(ProtocolError("Connection aborted.", ConnectionResetError(104, "reset")))}
UNAVAILABLE = {"status_code": 503, "json": error(20503, 503, "Service Unavailable")}
CREATED = {"status_code": 201, "json": service(MG, "Flex")}


def client(**options):
    params = {"account_sid": ACCOUNT_SID, "auth_token": AUTH_TOKEN, "timeout": 5, "max_retries": 5, "retry_deadline": 120, "retry_backoff": 1}
    params.update(options)
    return build_client(params)


class Finder:
    """A look-up that answers from a script and counts its calls."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.answers.pop(0)


def create(twilio_client, find):
    return create_once(twilio_client, "create messaging service 'Flex'", find, twilio_client.messaging.v1.services.create, friendly_name="Flex")


@pytest.mark.parametrize("failure", [RESET, UNAVAILABLE])
def test_ambiguous_create_found_by_the_lookup_is_not_sent_again(requests_mock, failure):
    requests_mock.post(SERVICES_URL, [failure, CREATED])
    found = object()
    find = Finder(found)
    assert create(client(), find) is found
    assert requests_mock.call_count == 1 and find.calls == 1


@pytest.mark.parametrize("failure", [RESET, UNAVAILABLE])
def test_ambiguous_create_missing_after_the_lookup_is_created_once(requests_mock, failure):
    requests_mock.post(SERVICES_URL, [failure, CREATED])
    find = Finder(None)
    assert create(client(), find).sid == MG
    assert requests_mock.call_count == 2 and find.calls == 1


@pytest.mark.parametrize("max_retries, outcome", [
    (2, "it was sent 3 times without a clear answer, each time again only after looking it up found nothing; looked up once after "
        "the last, and not found; it was not sent again: max_retries (2) allows no more."),
    (0, "it was sent once without a clear answer; looked up once after the last, and not found; it was not sent again: "
        "max_retries (0) allows no more."),
])
def test_ambiguous_creates_stop_after_max_retries_lookups(requests_mock, max_retries, outcome):
    """Issue 9 F12: the message says how often the create was sent (before: "it was not repeated" after 3 POSTs)."""
    requests_mock.post(SERVICES_URL, [UNAVAILABLE] * 10)
    find = Finder(*[None] * 10)
    with pytest.raises(AmbiguousWriteError) as caught:
        create(client(max_retries=max_retries), find)
    assert requests_mock.call_count == max_retries + 1 and find.calls == max_retries + 1
    assert caught.value.msg == ("Failed to create messaging service 'Flex': Twilio may or may not have applied the request (HTTP 503); "
                                + outcome + " Run the task again: it reads the current state first.")
    assert "not repeated" not in caught.value.msg
    assert caught.value.extra["error"] == {"message": "HTTP 503", "status": 503, "ambiguous": True, "sent": max_retries + 1, "lookups": 1}


def test_a_single_ambiguous_call_still_says_it_was_not_repeated(requests_mock):
    """call() alone never repeats a create: its message says so."""
    requests_mock.post(SERVICES_URL, [UNAVAILABLE])
    with pytest.raises(AmbiguousWriteError) as caught:
        call("create messaging service 'Flex'", client().messaging.v1.services.create, friendly_name="Flex")
    assert "(HTTP 503); it was not repeated, so that nothing is created twice. Run the task again" in caught.value.msg
    assert requests_mock.call_count == 1


def test_a_create_that_fails_for_good_is_not_looked_up(requests_mock):
    requests_mock.post(SERVICES_URL, status_code=400, json=error(20001, 400, "Missing required parameter FriendlyName in the post body"))
    find = Finder()
    with pytest.raises(ModuleError) as caught:
        create(client(), find)
    assert not isinstance(caught.value, AmbiguousWriteError) and find.calls == 0


def test_a_create_whose_connection_is_refused_fails_at_once_without_lookup(sleeps):
    """A real refused connection (nothing listens on port 9): the request never left; it is not retried (issue 9 item 11)."""
    find = Finder()
    twilio_client = client(api_url="http://127.0.0.1:9", max_retries=2)
    with pytest.raises(ModuleError) as caught:
        create(twilio_client, find)
    assert not isinstance(caught.value, AmbiguousWriteError) and find.calls == 0
    assert sleeps == []
    assert caught.value.msg.startswith("Failed to create messaging service 'Flex': could not reach http://127.0.0.1:9: connection refused. Not retried")
    assert (twilio_client.http_client.writes, twilio_client.http_client.unknown_writes) == (0, 0)


class Clock:
    """A fake clock that the policy's waits move: look-up windows without real sleeping."""

    def __init__(self):
        self.now = 0.0
        self.waits = []

    def sleep(self, seconds):
        self.waits.append(seconds)
        self.now += seconds


def timed_client(clock, **options):
    twilio_client = client(**options)
    twilio_client.http_client.policy.clock = lambda: clock.now
    twilio_client.http_client.policy.sleep = clock.sleep
    return twilio_client


def timing_out(clock, seconds):
    """A create whose answer does not come within the timeout: the fake clock moves by it, then the read times out."""
    def answer(_request, _context):
        clock.now += seconds
        raise requests.exceptions.ReadTimeout("read timeout")
    return {"text": answer}


class LateFinder(Finder):
    """A look-up that finds the resource only from a given (fake) time: a server that applies the create late."""

    def __init__(self, clock, applied_at):
        super().__init__()
        self.clock, self.applied_at, self.seen = clock, applied_at, []

    def __call__(self):
        self.calls += 1
        self.seen.append(self.clock.now)
        return "found" if self.clock.now >= self.applied_at else None


def test_a_create_that_timed_out_is_looked_up_until_a_late_server_applied_it(requests_mock):
    """Issue 9 item 6: timeout 1 s, the server applies the create 2.5 s after it was sent: found by a later look-up, not created twice."""
    clock = Clock()
    requests_mock.post(SERVICES_URL, [timing_out(clock, 1.0), CREATED])
    find = LateFinder(clock, applied_at=2.5)
    assert create(timed_client(clock, timeout=1, retry_backoff=0.02), find) == "found"
    assert requests_mock.call_count == 1
    assert find.seen[0] == 1.0 and find.seen[-1] >= 2.5 and find.calls >= 3
    assert all(0.25 <= wait <= 30 for wait in clock.waits)  # backoff between look-ups, at least 0.25 s


def test_a_create_that_timed_out_and_stays_missing_is_sent_again_after_the_window(requests_mock):
    """The window is 2 x timeout, at least 5 s: with timeout 1 s the look-ups cover 5 s after the timeout, then one more create."""
    clock = Clock()
    requests_mock.post(SERVICES_URL, [timing_out(clock, 1.0), CREATED])
    find = LateFinder(clock, applied_at=float("inf"))
    assert create(timed_client(clock, timeout=1, retry_backoff=1), find).sid == MG
    assert requests_mock.call_count == 2
    assert find.seen == [1.0, 2.0, 4.0, 6.0]  # waits of 1, 2, then what is left of the 5 s window
    assert clock.waits == [1, 2, 2.0]


@pytest.mark.parametrize("timeout, deadline, window", [(10, 120, 20.0), (30, 40, 10.0), (1, 3, 2.0), (50, 40, 0.0)])
def test_the_window_is_twice_the_timeout_within_the_retry_deadline(requests_mock, timeout, deadline, window):
    clock = Clock()
    requests_mock.post(SERVICES_URL, [timing_out(clock, timeout)] * 3)
    find = LateFinder(clock, applied_at=float("inf"))
    with pytest.raises(AmbiguousWriteError) as caught:
        create(timed_client(clock, timeout=timeout, retry_deadline=deadline, max_retries=0, retry_backoff=1), find)
    assert requests_mock.call_count == 1
    assert find.seen[-1] - find.seen[0] == pytest.approx(window)
    if window:
        assert " over %.1f s after the last, and not found; it was not sent again: " % window in caught.value.msg
        assert "looked up %d times over" % find.calls in caught.value.msg
    else:
        assert find.calls == 1


@pytest.mark.parametrize("timeout, deadline, latency, lookups, window", [
    (1, 2, 2.5, 3, 1.0),  # the brand case of F4: the read times out at 1 s, the deadline leaves 1 s of the 5 s window
    (3, 2, 4.0, 1, 0.0),  # the messaging service case: the timeout is past the deadline, no window at all
])
def test_a_window_cut_short_by_the_deadline_does_not_create_again(requests_mock, timeout, deadline, latency, lookups, window):
    """Issue 9 F4: on the code before, the create was sent again after the cut window (2 resources when the first is applied
    at `latency`). Now: one POST, and the message says why it was not sent again."""
    clock = Clock()
    requests_mock.post(SERVICES_URL, [timing_out(clock, timeout), CREATED])
    find = LateFinder(clock, applied_at=latency)
    with pytest.raises(AmbiguousWriteError) as caught:
        create(timed_client(clock, timeout=timeout, retry_deadline=deadline, max_retries=5, retry_backoff=0.5), find)
    assert requests_mock.call_count == 1
    assert find.calls == lookups and find.seen[-1] < latency
    over = " over %.1f s" % window if window else ""
    assert caught.value.msg == (
        "Failed to create messaging service 'Flex': Twilio may or may not have applied the request (read timeout after the request "
        "was sent: no answer within the timeout); it was sent once without a clear answer; looked up %s%s after the last, and not "
        "found; it was not sent again: retry_deadline (%g s) ended the look-ups before the %.1f s a late create is given to appear, "
        "so sending it again could create it twice. Run the task again: it reads the current state first."
        % ("once" if lookups == 1 else "%d times" % lookups, over, deadline, max(5.0, 2 * timeout)))


def test_a_create_is_sent_again_after_each_full_window(requests_mock):
    """The window counts from each create's own timeout: a read timeout, then a 504, each followed by a full 5 s window
    (within retry_deadline 10 s of that create), then the third create."""
    clock = Clock()
    gateway = {"status_code": 504, "json": error(20504, 504, "Gateway Timeout")}
    requests_mock.post(SERVICES_URL, [timing_out(clock, 1.0), gateway, CREATED])
    find = LateFinder(clock, applied_at=float("inf"))
    assert create(timed_client(clock, timeout=1, retry_deadline=10, retry_backoff=1), find).sid == MG
    assert requests_mock.call_count == 3
    assert find.seen == [1.0, 2.0, 4.0, 6.0, 6.0, 7.0, 9.0, 11.0]


@pytest.mark.parametrize("failure, in_flight", [
    ({"exc": requests.exceptions.ReadTimeout}, True), ({"status_code": 504, "json": error(20504, 504, "Gateway Timeout")}, True),
    (RESET, False), (UNAVAILABLE, False), ({"status_code": 500, "json": error(20500, 500, "Internal Server Error")}, False),
])
def test_only_an_answer_that_did_not_come_in_time_opens_the_window(requests_mock, failure, in_flight):
    """A 500, 503 or reset ended the exchange: one look-up at once decides, as before. A timeout or a 504 may still be applied."""
    clock = Clock()
    requests_mock.post(SERVICES_URL, [failure, CREATED])
    find = LateFinder(clock, applied_at=float("inf"))
    create(timed_client(clock, timeout=2), find)
    assert requests_mock.call_count == 2
    assert (find.calls > 1, clock.now >= 5) == (in_flight, in_flight)


@pytest.mark.parametrize("failure", [RESET, UNAVAILABLE, {"status_code": 500, "json": error(20500, 500, "Internal Server Error")}])
def test_a_retried_delete_that_answers_404_is_done(requests_mock, failure):
    requests_mock.delete(SERVICE_URL, [failure, NOT_FOUND])
    twilio_client = client()
    call_delete("delete messaging service " + MG, twilio_client.messaging.v1.services(MG).delete)
    assert requests_mock.call_count == 2


def test_a_first_delete_that_answers_404_still_fails(requests_mock):
    requests_mock.delete(SERVICE_URL, [NOT_FOUND])
    twilio_client = client()
    with pytest.raises(ModuleError) as caught:
        call_delete("delete messaging service " + MG, twilio_client.messaging.v1.services(MG).delete)
    assert caught.value.extra["error"]["code"] == 20404


def test_an_update_retried_after_a_5xx_and_then_refused_may_have_been_applied(requests_mock, sleeps):
    """Hostile test of issue 14 (F1): a toll-free edit answered 500 was applied; its retry got "cannot be edited". The
    run must not say it wrote nothing: the update counts as a write whose outcome is unknown."""
    refused = {"status_code": 400, "json": error(20001, 400, "cannot be edited: it is PENDING_REVIEW")}
    requests_mock.post(SERVICE_URL, [{"status_code": 500, "json": error(20500, 500, "Internal Server Error")}, refused])
    twilio_client = client()
    with pytest.raises(ModuleError):
        call("update messaging service %s" % MG, twilio_client.messaging.v1.services(MG).update, friendly_name="Flex")
    assert (twilio_client.http_client.writes, twilio_client.http_client.unknown_writes) == (0, 1)
    requests_mock.post(SERVICE_URL, [refused])
    again = client()
    with pytest.raises(ModuleError):
        call("update messaging service %s" % MG, again.messaging.v1.services(MG).update, friendly_name="Flex")
    assert (again.http_client.writes, again.http_client.unknown_writes) == (0, 0)  # refused at once: nothing applied
