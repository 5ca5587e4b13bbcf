"""Writes under the retry policy: an ambiguous create is looked up before it is sent again; a retried delete that answers 404 is done."""

from __future__ import annotations

import pytest
import requests
from twilio_payloads import ACCOUNT_SID, AUTH_TOKEN, SERVICES_URL, error, service
from urllib3.exceptions import ProtocolError

from ansible_collections.tendlc.twilio.plugins.module_utils._client import build_client, call_delete, create_once
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


def test_ambiguous_creates_stop_after_max_retries_lookups(requests_mock):
    requests_mock.post(SERVICES_URL, [UNAVAILABLE] * 10)
    find = Finder(*[None] * 10)
    with pytest.raises(AmbiguousWriteError) as caught:
        create(client(max_retries=2), find)
    assert requests_mock.call_count == 3 and find.calls == 3
    assert "Run the task again: it reads the current state first." in caught.value.msg


def test_a_create_that_fails_for_good_is_not_looked_up(requests_mock):
    requests_mock.post(SERVICES_URL, status_code=400, json=error(20001, 400, "Missing required parameter FriendlyName in the post body"))
    find = Finder()
    with pytest.raises(ModuleError) as caught:
        create(client(), find)
    assert not isinstance(caught.value, AmbiguousWriteError) and find.calls == 0


def test_a_create_whose_connection_is_refused_is_retried_without_lookup(sleeps):
    """A real refused connection (nothing listens on port 9): the request never left, so it is simply sent again."""
    find = Finder()
    with pytest.raises(ModuleError) as caught:
        create(client(api_url="http://127.0.0.1:9", max_retries=2), find)
    assert not isinstance(caught.value, AmbiguousWriteError) and find.calls == 0
    assert len(sleeps) == 2
    assert "could not reach Twilio" in caught.value.msg and "(gave up after 2 retries: ConnectionError x2)" in caught.value.msg


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
