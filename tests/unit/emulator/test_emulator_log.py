"""The JSONL request log, the in-memory request list and the admin routes."""

import base64
import json
from pathlib import Path
from typing import Any, Callable

import requests

from emulator.server import Emulator
from emulator_testkit import ACCOUNT_A, KEY_A, KEY_SECRET_A, SEEDED_SERVICE, TOKEN_A, TOKEN_B

RECORD_KEYS = ["time", "method", "product", "path", "query", "form", "status", "account_sid", "response"]


def read_log(emu: Emulator) -> list[dict[str, Any]]:
    assert emu.app.log.path is not None
    return [json.loads(line) for line in Path(emu.app.log.path).read_text(encoding="utf-8").splitlines()]


def test_records_are_exactly_as_specified(emu: Emulator, api: Any, api_as: Callable[..., Any]) -> None:
    created = api.create_service("Logged", StickySender="false")
    api.get("/messaging/v1/Services?PageSize=5&Tag=a&Tag=b")
    api.delete(f"/messaging/v1/Services/{created['sid']}")
    api_as(None).get("/messaging/v1/Services")
    api.post("/messaging/v1/Services", [("FriendlyName", "Twice"), ("MessageSamples", "one"), ("MessageSamples", "two")])

    records = read_log(emu)
    assert [list(record) for record in records] == [RECORD_KEYS] * 5
    create, listing, delete, unauthenticated, repeated = records
    assert create["time"].endswith("Z") and "T" in create["time"]
    assert {k: create[k] for k in RECORD_KEYS[1:]} == {
        "method": "POST", "product": "messaging", "path": "/v1/Services", "query": {},
        "form": {"FriendlyName": "Logged", "StickySender": "false"}, "status": 201, "account_sid": ACCOUNT_A, "response": created,
    }
    assert listing["query"] == {"PageSize": "5", "Tag": ["a", "b"]}
    assert listing["form"] == {} and listing["response"]["meta"]["page_size"] == 5
    assert (delete["method"], delete["path"], delete["status"], delete["response"]) == ("DELETE", f"/v1/Services/{created['sid']}", 204, None)
    assert (unauthenticated["status"], unauthenticated["account_sid"], unauthenticated["response"]["code"]) == (401, None, 20003)
    assert repeated["form"] == {"FriendlyName": "Twice", "MessageSamples": ["one", "two"]}
    assert emu.requests == records


def test_log_never_holds_secrets_or_admin_calls(emu: Emulator, api: Any, api_as: Callable[..., Any]) -> None:
    api.create_service("Secret-free")
    api_as(KEY_A, KEY_SECRET_A).get("/messaging/v1/Services")
    api_as(ACCOUNT_A, "a-wrong-password-guess").get("/messaging/v1/Services")
    requests.get(emu.url + "/_emulator/health", timeout=10)
    requests.get(emu.url + "/_emulator/state", timeout=10)
    text = Path(emu.app.log.path or "").read_text(encoding="utf-8")
    for secret in (TOKEN_A, TOKEN_B, KEY_SECRET_A, "a-wrong-password-guess", "Authorization", "Basic ",
                   base64.b64encode(f"{ACCOUNT_A}:{TOKEN_A}".encode()).decode()):
        assert secret not in text
    assert "_emulator" not in text
    assert len(text.splitlines()) == 3


def test_admin_health_state_requests(emu: Emulator, api: Any) -> None:
    assert requests.get(emu.url + "/_emulator/health", timeout=10).json() == {"status": "ok"}
    created = api.create_service("In state")
    state = requests.get(emu.url + "/_emulator/state", timeout=10).json()
    account = state["accounts"][ACCOUNT_A]
    assert account["friendly_name"] == "Staging"
    assert account["api_keys"] == [KEY_A]
    assert [s["sid"] for s in account["services"]] == [SEEDED_SERVICE, created["sid"]]
    assert account["services"][1] == created
    assert account["phone_numbers"] == [] and account["short_codes"] == [] and account["brands"] == []
    assert TOKEN_A not in json.dumps(state) and KEY_SECRET_A not in json.dumps(state)
    listed = requests.get(emu.url + "/_emulator/requests", timeout=10).json()
    assert listed == {"requests": emu.requests}
    assert [r["path"] for r in listed["requests"]] == ["/v1/Services"]


def test_admin_unknown_route_is_404(emu: Emulator) -> None:
    response = requests.get(emu.url + "/_emulator/nothing", timeout=10)
    assert response.status_code == 404 and response.json()["code"] == 20404


def test_reset_restores_seed_clears_memory_keeps_file(emu: Emulator, api: Any) -> None:
    first = api.create_service("Before reset")
    api.delete(f"/messaging/v1/Services/{SEEDED_SERVICE}")
    response = requests.post(emu.url + "/_emulator/reset", timeout=10)
    assert response.status_code == 200
    assert emu.requests == []
    assert [s["sid"] for s in api.get("/messaging/v1/Services").json()["services"]] == [SEEDED_SERVICE]
    again = api.create_service("After reset")
    assert again["sid"] == first["sid"]  # SIDs are reproducible from the seed
    assert len(read_log(emu)) == 4  # create, delete, then list and create after the reset
    assert len(emu.requests) == 2
