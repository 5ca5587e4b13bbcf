"""The inventory plugin tendlc.twilio.accounts: a parent's subaccounts as hosts (every page, Twilio's Status filter, a name
pattern), groups by status and from the constructed options, a cache without tokens, and bad configuration refused by name."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from ansible.errors import AnsibleParserError
from ansible.inventory.data import InventoryData
from ansible.module_utils import _internal as module_utils_internal
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import inventory_loader
from conftest import REPO

from ansible_collections.tendlc.twilio.plugins.inventory import accounts

# Importing ansible-core's controller code (above) marks the process as the controller, which sends the warnings of
# modules run in-process to the display instead of their results: the module tests of the same run need it unmarked.
# This file's tests run as the controller (fixture controller_side).
module_utils_internal.is_controller = False

NAME = "tendlc.twilio.accounts"
PARENT = "AC" + "a" * 32
PARENT_TOKEN = "unit-test-parent-token-000a"
LIST_URL = "https://api.twilio.com/2010-04-01/Accounts.json"


def sid(char: str) -> str:
    return "AC" + char * 32


def account(char: str, name: str | None, status: str = "active", owner: str = PARENT) -> dict[str, Any]:
    return {"sid": sid(char), "owner_account_sid": owner, "status": status, "friendly_name": name, "auth_token": "token-of-%s-secret" % char,
            "type": "Full", "date_created": "Thu, 30 Jul 2015 20:00:00 +0000", "date_updated": "Thu, 30 Jul 2015 20:00:00 +0000",
            "subresource_uris": {}, "uri": "/2010-04-01/Accounts/%s.json" % sid(char)}


ACCOUNTS = [
    account("a", "Fleet parent"),  # the parent lists itself
    account("b", "Fleet 01"),
    account("c", "Fleet 02 (EU)"),
    account("d", "owner@example.com"),  # Twilio's default friendly name: an email address
    account("e", "Same name"),
    account("f", "same-name"),  # makes the same host name as e
    account("1", "Fleet 03", status="suspended"),
    account("2", "Fleet 04", status="closed"),
    account("9", "Someone else's", owner=sid("8")),
]
TOKENS = [a["auth_token"] for a in ACCOUNTS] + [PARENT_TOKEN]


def listing(accounts: list[dict[str, Any]], page_size: int = 2):
    """A requests-mock callback serving Accounts.json as Twilio does: the Status and FriendlyName filters, pages of
    page_size with a relative next_page_uri."""
    def respond(request, context):
        status, name = request.qs.get("status", [None])[0], request.qs.get("friendlyname", [None])[0]
        chosen = [a for a in accounts if (status is None or a["status"] == status) and (name is None or a["friendly_name"] == name)]
        number = int(request.qs.get("page", ["0"])[0])
        items = chosen[number * page_size:(number + 1) * page_size]
        more = (number + 1) * page_size < len(chosen)
        query = "Status=%s&PageSize=%d" % (status, page_size) if status else "PageSize=%d" % page_size
        return {"accounts": items, "page": number, "page_size": page_size, "start": number * page_size, "end": number * page_size + len(items),
                "uri": "/2010-04-01/Accounts.json?%s&Page=%d" % (query, number), "first_page_uri": "/2010-04-01/Accounts.json?%s&Page=0" % query,
                "previous_page_uri": None, "next_page_uri": "/2010-04-01/Accounts.json?%s&Page=%d&PageToken=PA%d" % (query, number + 1, number)
                if more else None}
    return respond


@pytest.fixture(name="plugin_loader", scope="module")
def fixture_plugin_loader() -> None:
    """The plugin's options from its DOCUMENTATION, registered as ansible-core's loader does when it loads the plugin."""
    inventory_loader._load_config_defs(NAME, accounts, accounts.__file__)  # pylint: disable=protected-access


def load_plugin() -> Any:
    """The plugin as ansible-core's loader makes it. The module is imported as every unit test imports the collection
    (from sys.path): a collection finder set up in the middle of a test run cannot resolve what is already imported."""
    plugin = accounts.InventoryModule()
    inventory_loader._update_object(obj=plugin, name=NAME, path=accounts.__file__, redirected_names=[NAME], resolved=NAME)  # pylint: disable=protected-access
    return plugin


@pytest.fixture(name="controller_side", autouse=True)
def fixture_controller_side(monkeypatch):
    monkeypatch.setattr(module_utils_internal, "is_controller", True)


@pytest.fixture(autouse=True)
def no_twilio_env(monkeypatch):
    for var in ("TWILIO_PARENT_ACCOUNT_SID", "TWILIO_PARENT_AUTH_TOKEN", "TWILIO_API_URL"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(name="parse")
def fixture_parse(tmp_path: Path, plugin_loader):  # pylint: disable=unused-argument
    def parse(use_cache: bool = True, **config: Any) -> InventoryData:
        path = tmp_path / "fleet.twilio.yml"
        path.write_text(yaml.safe_dump({"plugin": "tendlc.twilio.accounts", "parent_account_sid": PARENT, "parent_auth_token": PARENT_TOKEN,
                                        "max_retries": 0, **config}), encoding="utf-8")
        plugin = load_plugin()
        assert plugin.verify_file(str(path))
        inventory = InventoryData()
        plugin.parse(inventory, DataLoader(), str(path), cache=use_cache)
        if hasattr(plugin, "_cache"):  # as InventoryManager does: set only with cache=true
            plugin.update_cache_if_changed()
        return inventory
    return parse


def hosts_of(inventory: InventoryData, group: str) -> list[str]:
    return sorted(host.name for host in inventory.groups[group].get_hosts()) if group in inventory.groups else []


def everything(inventory: InventoryData) -> str:
    """All the inventory holds, as text: host variables, group names and variables."""
    return json.dumps({"hosts": {name: host.get_vars() for name, host in inventory.hosts.items()},
                       "groups": {name: group.get_vars() for name, group in inventory.groups.items()}}, default=str)


def test_the_parents_active_subaccounts_over_every_page(requests_mock, parse):
    requests_mock.get(LIST_URL, json=listing(ACCOUNTS))
    inventory = parse()
    assert hosts_of(inventory, "twilio_accounts") == sorted(["fleet-01", "fleet-02-eu", sid("d"), sid("e"), sid("f")])
    assert hosts_of(inventory, "twilio_status_active") == hosts_of(inventory, "twilio_accounts")
    host_vars = inventory.hosts["fleet-02-eu"].get_vars()
    assert host_vars == {
        "inventory_file": host_vars["inventory_file"], "inventory_dir": host_vars["inventory_dir"],
        "inventory_hostname": "fleet-02-eu", "inventory_hostname_short": "fleet-02-eu", "group_names": ["twilio_accounts", "twilio_status_active"],
        "twilio_account_sid": sid("c"), "twilio_parent_account_sid": PARENT, "twilio_account_status": "active",
        "twilio_account_friendly_name": "Fleet 02 (EU)"}
    # The email address is neither a host name nor a variable.
    assert "twilio_account_friendly_name" not in inventory.hosts[sid("d")].get_vars()
    text = everything(inventory)
    assert "example.com" not in text and not [token for token in TOKENS if token in text]
    pages = [r.qs for r in requests_mock.request_history]
    assert [q.get("page", ["0"]) for q in pages] == [["0"], ["1"], ["2"], ["3"]] and all(q["status"] == ["active"] for q in pages), pages
    assert requests_mock.request_history[0].headers["Authorization"] == "Basic " + base64.b64encode(
        ("%s:%s" % (PARENT, PARENT_TOKEN)).encode()).decode()


def test_statuses_friendly_name_pattern_and_the_parent(requests_mock, parse):
    requests_mock.get(LIST_URL, json=listing(ACCOUNTS, page_size=50))
    inventory = parse(status=["active", "suspended"], friendly_name=r"Fleet (0[1-3]|parent)", include_parent=True)
    assert hosts_of(inventory, "twilio_accounts") == ["fleet-01", "fleet-03", "fleet-parent"]
    assert hosts_of(inventory, "twilio_status_suspended") == ["fleet-03"]
    assert [r.qs["status"] for r in requests_mock.request_history] == [["active"], ["suspended"]]


def test_the_parent_is_read_when_the_list_does_not_name_it(requests_mock, parse):
    requests_mock.get(LIST_URL, json=listing(ACCOUNTS[1:3]))
    requests_mock.get("https://api.twilio.com/2010-04-01/Accounts/%s.json" % PARENT, json=account("a", "Fleet parent"))
    inventory = parse(include_parent=True, hostnames="sid")
    assert hosts_of(inventory, "twilio_accounts") == [sid("a"), sid("b"), sid("c")]


def test_constructed_options_and_api_url(requests_mock, parse):
    requests_mock.get("http://127.0.0.1:8089/api/2010-04-01/Accounts.json", json=listing(ACCOUNTS))
    inventory = parse(api_url="http://127.0.0.1:8089", group="fleet", friendly_name="Fleet .*",
                      compose={"flex_a2p_service_name": "'Flex ' ~ twilio_account_friendly_name"},
                      groups={"europe": "'(EU)' in twilio_account_friendly_name"},
                      keyed_groups=[{"key": "flex_a2p_service_name.split(' ')[2]", "prefix": "number"}])
    assert hosts_of(inventory, "fleet") == ["fleet-01", "fleet-02-eu"] and "twilio_accounts" not in inventory.groups
    assert inventory.hosts["fleet-01"].get_vars()["flex_a2p_service_name"] == "Flex Fleet 01"
    assert inventory.hosts["fleet-01"].get_vars()["twilio_api_url"] == "http://127.0.0.1:8089"
    assert hosts_of(inventory, "europe") == ["fleet-02-eu"]
    assert hosts_of(inventory, "number_01") == ["fleet-01"] and hosts_of(inventory, "number_02") == ["fleet-02-eu"]


def test_the_cache_round_trip_holds_no_token(requests_mock, parse, tmp_path):
    cache = {"cache": True, "cache_plugin": "jsonfile", "cache_connection": str(tmp_path / "cache")}
    requests_mock.get(LIST_URL, json=listing(ACCOUNTS))
    first = parse(**cache)
    sent = len(requests_mock.request_history)
    again = parse(**cache)
    assert len(requests_mock.request_history) == sent  # the second parse read the cache
    assert hosts_of(again, "twilio_accounts") == hosts_of(first, "twilio_accounts")
    assert again.hosts["fleet-01"].get_vars()["twilio_account_sid"] == sid("b")
    stored = "".join(path.read_text(encoding="utf-8") for path in (tmp_path / "cache").iterdir())
    assert sid("b") in stored and not [token for token in TOKENS if token in stored] and "example.com" not in stored
    parse(use_cache=False, **cache)  # a refresh (meta: refresh_inventory, --flush-cache) reads Twilio again
    assert len(requests_mock.request_history) > sent


def test_a_refused_parent_token_names_the_parent(requests_mock, parse):
    requests_mock.get(LIST_URL, status_code=401, json={"code": 20003, "message": "Authenticate", "status": 401,
                                                       "more_info": "https://www.twilio.com/docs/errors/20003"})
    with pytest.raises(AnsibleParserError) as raised:
        parse()
    assert "Twilio refused parent_account_sid=%r with its parent_auth_token" % PARENT in str(raised.value)
    assert PARENT_TOKEN not in str(raised.value) and "api_key_sid" not in str(raised.value)


@pytest.mark.parametrize("config, message", [
    ({"parent_account_sid": "AC123"}, "parent_account_sid is not an account SID"),
    ({"parent_account_sid": "SK" + "a" * 32}, "parent_account_sid is not an account SID"),
    ({"parent_auth_token": " "}, "parent_auth_token is blank"),
    ({"parent_auth_token": None}, "parent_auth_token is not set: give it in the configuration file or as TWILIO_PARENT_AUTH_TOKEN"),
    ({"status": ["active", "paused"]}, "status=['active', 'paused']: each item must be one of active, suspended, closed"),
    ({"status": []}, "status=[]: each item must be one of"),
    ({"friendly_name": "Fleet ("}, "friendly_name='Fleet (' is not a valid regular expression"),
    ({"group": "twilio accounts"}, "group='twilio accounts' is not a group name"),
    ({"hostnames": "name"}, "hostnames"),
    ({"include_parent": "sometimes"}, "include_parent='sometimes' is not a boolean"),
    ({"timeout": 0}, "timeout=0.0 must be more than 0 seconds"),
    ({"max_retries": -1}, "max_retries=-1 must be 0 or more"),
    ({"api_url": "http://user:pw@127.0.0.1:8089"}, "api_url="),
])
def test_bad_configuration_names_the_option_before_any_request(requests_mock, parse, config, message):
    with pytest.raises(AnsibleParserError) as raised:
        parse(**config)
    assert message in str(raised.value), str(raised.value)
    assert requests_mock.request_history == []
    assert PARENT_TOKEN not in str(raised.value) and "user:pw" not in str(raised.value)


def test_only_its_configuration_files(plugin_loader, tmp_path):  # pylint: disable=unused-argument
    plugin = load_plugin()
    for name, verified in (("fleet.twilio.yml", True), ("twilio_accounts.yaml", True), ("hosts.yml", False)):
        (tmp_path / name).write_text("plugin: tendlc.twilio.accounts\n", encoding="utf-8")
        assert plugin.verify_file(str(tmp_path / name)) is verified, name


def test_the_documented_example_config_parses(requests_mock, plugin_loader):  # pylint: disable=unused-argument
    example = REPO / "playbooks" / "inventory-subaccounts" / "subaccounts.twilio.yml"
    config = yaml.safe_load(example.read_text(encoding="utf-8"))
    assert config["plugin"] == "tendlc.twilio.accounts" and "parent_auth_token" not in config
