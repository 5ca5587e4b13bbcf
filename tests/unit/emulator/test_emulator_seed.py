"""Seed loading: YAML files or dicts, clear errors naming the bad entry, reproducible SIDs."""

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from emulator.errors import SeedError
from emulator.seed import load_seed
from emulator.server import start
from emulator_testkit import ACCOUNT_A, ACCOUNT_B, KEY_A, SEEDED_SERVICE, TOKEN_A, make_seed


def mutated(change: Any) -> dict[str, Any]:
    seed = copy.deepcopy(make_seed())
    change(seed)
    return seed


def _set(path: list[Any], value: Any) -> Any:
    def change(seed: dict[str, Any]) -> None:
        target = seed
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def _delete(path: list[Any]) -> Any:
    def change(seed: dict[str, Any]) -> None:
        target = seed
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change


BAD_SEEDS = [
    (lambda seed: seed.clear(), "expected a mapping with an 'accounts' list"),
    (_set(["extra"], 1), "unknown top-level key(s) extra"),
    (_set(["accounts", 0], "AC"), "accounts[0]: expected a mapping"),
    (_set(["accounts", 0, "sid"], "AC123"), "accounts[0].sid: 'AC123' is not a SID (AC + 32 lowercase hex)"),
    (_set(["accounts", 0, "sid"], "AC" + "A" * 32), "accounts[0].sid"),
    (_set(["accounts", 1, "sid"], ACCOUNT_A), f"accounts[1].sid: duplicate SID {ACCOUNT_A} (already used at accounts[0].sid)"),
    (_delete(["accounts", 1, "auth_token"]), "accounts[1]: auth_token is required"),
    (_set(["accounts", 1, "auth_token"], ""), "accounts[1]: auth_token is required"),
    (_set(["accounts", 0, "api_keys", 0, "sid"], "SKshort"), "accounts[0].api_keys[0].sid: 'SKshort' is not a SID"),
    (_set(["accounts", 0, "api_keys", 0, "sid"], ACCOUNT_B), "accounts[0].api_keys[0].sid"),
    (_delete(["accounts", 0, "api_keys", 0, "secret"]), "accounts[0].api_keys[0]: expected exactly sid and secret"),
    (_set(["accounts", 0, "api_keys"], {"sid": KEY_A}), "accounts[0].api_keys: expected a list"),
    (_set(["accounts", 0, "colour"], "blue"), "accounts[0]: unknown key(s) colour"),
    (_set(["accounts", 0, "services", 0, "sid"], "PN" + "0" * 32), "accounts[0].services[0].sid"),
    (_set(["accounts", 1, "services"], [{"sid": SEEDED_SERVICE, "friendly_name": "Twin"}]),
     f"accounts[1].services[0].sid: duplicate SID {SEEDED_SERVICE} (already used at accounts[0].services[0].sid)"),
    (_set(["accounts", 0, "services", 0, "frendly_name"], "typo"), "accounts[0].services[0]: unknown service field(s) frendly_name"),
    (_delete(["accounts", 0, "services", 0, "friendly_name"]), "accounts[0].services[0]: friendly_name is required"),
    (_set(["accounts", 0, "services", 0, "validity_period"], 0), "accounts[0].services[0]: validity_period"),
    (_set(["accounts", 0, "services", 0, "sticky_sender"], "maybe"), "accounts[0].services[0]: sticky_sender"),
    (_set(["accounts", 0, "services", 0, "usecase"], "chat"), "accounts[0].services[0]: usecase"),
    (_set(["accounts", 0, "services", 0, "date_created"], "yesterday"), "accounts[0].services[0]: date_created"),
    (_set(["accounts", 0, "services", 0], "Seeded"), "accounts[0].services[0]: expected a mapping"),
    (_set(["accounts", 0, "phone_numbers"], [{"sid": "MG" + "1" * 32}]), "accounts[0].phone_numbers[0].sid"),
    (_set(["accounts", 0, "brands"], "BN"), "accounts[0].brands: expected a list"),
]


@pytest.mark.parametrize("change, message", BAD_SEEDS)
def test_bad_seed_names_the_entry(change: Any, message: str) -> None:
    with pytest.raises(SeedError) as raised:
        load_seed(mutated(change))
    assert str(raised.value).startswith("seed: ")
    assert message in str(raised.value)


def test_start_refuses_a_bad_seed() -> None:
    with pytest.raises(SeedError):
        start(mutated(_delete(["accounts", 0, "auth_token"])))


def test_yaml_file_seed(tmp_path: Path) -> None:
    seed = make_seed()
    seed["accounts"][0]["services"].append({"friendly_name": "No SID", "validity_period": 600, "usecase": "marketing",
                                            "inbound_request_url": None, "date_created": "2020-01-02T03:04:05Z",
                                            "us_app_to_person_registered": True})
    seed["accounts"][0]["phone_numbers"] = [{"sid": "PN" + "1" * 32, "phone_number": "+15005550006"}]
    path = tmp_path / "seed.yml"
    path.write_text(yaml.safe_dump(seed), encoding="utf-8")
    with start(str(path)) as emu:
        state = emu.state.snapshot()["accounts"][ACCOUNT_A]
    seeded, extra = state["services"]
    assert seeded["sid"] == SEEDED_SERVICE and seeded["use_inbound_webhook_on_number"] is True
    assert extra["sid"].startswith("MG") and extra["validity_period"] == 600 and extra["usecase"] == "marketing"
    assert extra["date_created"] == extra["date_updated"] == "2020-01-02T03:04:05Z"
    assert extra["us_app_to_person_registered"] is True
    [number] = state["phone_numbers"]
    assert (number["sid"], number["phone_number"], number["friendly_name"]) == ("PN" + "1" * 32, "+15005550006", "(500) 555-0006")
    assert TOKEN_A not in str(state)


def test_generated_sids_are_reproducible() -> None:
    seed = mutated(_set(["accounts", 0, "services"], [{"friendly_name": "one"}, {"friendly_name": "two"}]))
    with start(seed) as first, start(seed) as second:
        sids = [[s["sid"] for s in emu.state.snapshot()["accounts"][ACCOUNT_A]["services"]] for emu in (first, second)]
    assert sids[0] == sids[1] and len(set(sids[0])) == 2


def test_unreadable_and_invalid_yaml(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match="cannot read"):
        load_seed(tmp_path / "missing.yml")
    broken = tmp_path / "broken.yml"
    broken.write_text("accounts: [\n", encoding="utf-8")
    with pytest.raises(SeedError, match="not valid YAML"):
        load_seed(broken)
