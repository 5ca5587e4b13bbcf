"""messaging_service_info: reads only, filters exactly, follows pages."""

from __future__ import annotations

from twilio_payloads import AUTH, SERVICES_URL, error, page, service

from ansible_collections.tendlc.twilio.plugins.modules import messaging_service_info

MG1 = "MG" + "1" * 32
MG2 = "MG" + "2" * 32
MG3 = "MG" + "3" * 32


def test_lists_every_service_on_every_page(requests_mock, run_module):
    next_url = SERVICES_URL + "?PageSize=1000&Page=1&PageToken=PA" + MG2
    requests_mock.get(SERVICES_URL, [{"json": page("services", [service(MG1, "a"), service(MG2, "b")], next_page_url=next_url)},
                                     {"json": page("services", [service(MG3, "c")])}])
    result = run_module(messaging_service_info, AUTH)
    assert result["changed"] is False
    assert [s["sid"] for s in result["services"]] == [MG1, MG2, MG3]


def test_filters_by_exact_name(requests_mock, run_module):
    requests_mock.get(SERVICES_URL, json=page("services", [service(MG1, "Flex"), service(MG2, "Flex "), service(MG3, "Flex")]))
    result = run_module(messaging_service_info, {**AUTH, "friendly_name": "Flex"})
    assert [s["sid"] for s in result["services"]] == [MG1, MG3]


def test_by_sid_fetches_one_and_unknown_is_empty(requests_mock, run_module):
    requests_mock.get(SERVICES_URL + "/" + MG1, json=service(MG1, "Flex"))
    requests_mock.get(SERVICES_URL + "/" + MG2, status_code=404, json=error(20404, 404, "not found"))
    assert [s["sid"] for s in run_module(messaging_service_info, {**AUTH, "sid": MG1})["services"]] == [MG1]
    assert run_module(messaging_service_info, {**AUTH, "sid": MG2})["services"] == []
    assert run_module(messaging_service_info, {**AUTH, "sid": MG1, "friendly_name": "Other"})["services"] == []


def test_runs_in_check_mode_and_never_writes(requests_mock, run_module):
    requests_mock.get(SERVICES_URL, json=page("services", [service(MG1, "Flex")]))
    result = run_module(messaging_service_info, AUTH, check_mode=True)
    assert len(result["services"]) == 1
    assert all(r.method == "GET" for r in requests_mock.request_history)


def test_api_key_needs_its_secret(requests_mock, run_module):
    result = run_module(messaging_service_info, {"account_sid": AUTH["account_sid"], "api_key_sid": "SK" + "0" * 32})
    assert result["failed"] is True
    assert "api_key_secret" in result["msg"]
    assert not requests_mock.request_history


def test_credentials_come_from_the_environment(requests_mock, run_module, monkeypatch):
    requests_mock.get(SERVICES_URL, json=page("services", []))
    monkeypatch.setenv("TWILIO_ACCOUNT_SID", AUTH["account_sid"])
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", AUTH["auth_token"])
    assert run_module(messaging_service_info, {})["services"] == []


def test_webhook_passwords_and_tokens_are_masked(requests_mock, run_module):
    requests_mock.get(SERVICES_URL, json=page("services", [service("MG" + "a" * 32, "Flex", inbound_request_url="https://al:hunter2@h.example.com/in?t=S3CRET",
                                                                   status_callback="https://h.example.com/status#frag-TOKEN")]))
    result = run_module(messaging_service_info, AUTH)
    [found] = result["services"]
    assert "h.example.com/in" in found["inbound_request_url"] and "h.example.com/status" in found["status_callback"]
    assert not any(secret in str(result) for secret in ("hunter2", "S3CRET", "frag-TOKEN"))
