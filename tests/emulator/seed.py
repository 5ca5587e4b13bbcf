"""Seed loading and validation: YAML (or a dict) -> validated seed -> fresh accounts.

Every error names the entry at fault, e.g. ``seed: accounts[1].api_keys[0].sid: 'SK12' is not a SID (SK + 32 lowercase hex)``.
"""

from pathlib import Path
from typing import Any, Union

import yaml

from emulator.errors import SeedError
from emulator.products import SEED_SECTIONS
from emulator.sids import is_sid
from emulator.state import Account

ACCOUNT_KEYS = {"sid", "auth_token", "friendly_name", "parent", "status", "api_keys"} | set(SEED_SECTIONS)
ACCOUNT_STATUSES = ("active", "suspended", "closed")  # the spec's account_enum_status


def load_seed(source: Union[dict[str, Any], str, Path]) -> dict[str, Any]:
    """Read a seed from a dict or a YAML file and validate it completely (raises :class:`SeedError`)."""
    if isinstance(source, dict):
        seed = source
    else:
        try:
            with open(source, encoding="utf-8") as handle:
                seed = yaml.safe_load(handle)
        except OSError as error:
            raise SeedError(f"seed: cannot read {source}: {error.strerror}") from None
        except yaml.YAMLError as error:
            raise SeedError(f"seed: {source} is not valid YAML: {error}") from None
    _check_structure(seed)
    build_accounts(seed)
    return seed


def _check_structure(seed: Any) -> None:
    if not isinstance(seed, dict) or not isinstance(seed.get("accounts"), list):
        raise SeedError("seed: expected a mapping with an 'accounts' list")
    extra = sorted(set(seed) - {"accounts"})
    if extra:
        raise SeedError(f"seed: unknown top-level key(s) {', '.join(map(str, extra))}")
    seen: dict[str, str] = {}
    for index, account in enumerate(seed["accounts"]):
        where = f"accounts[{index}]"
        if not isinstance(account, dict):
            raise SeedError(f"seed: {where}: expected a mapping")
        unknown = sorted(set(account) - ACCOUNT_KEYS)
        if unknown:
            raise SeedError(f"seed: {where}: unknown key(s) {', '.join(map(str, unknown))}")
        _claim(seen, account.get("sid"), "AC", f"{where}.sid")
        token = account.get("auth_token")
        if not isinstance(token, str) or not token:
            raise SeedError(f"seed: {where}: auth_token is required (a non-empty string)")
        if not isinstance(account.get("friendly_name", ""), str):
            raise SeedError(f"seed: {where}.friendly_name: expected a string")
        if account.get("status", "active") not in ACCOUNT_STATUSES:
            raise SeedError(f"seed: {where}.status: {account['status']!r} is not one of {', '.join(ACCOUNT_STATUSES)}")
        for key_index, key in enumerate(_entries(account, "api_keys", where)):
            key_where = f"{where}.api_keys[{key_index}]"
            if not isinstance(key, dict) or set(key) != {"sid", "secret"}:
                raise SeedError(f"seed: {key_where}: expected exactly sid and secret")
            _claim(seen, key["sid"], "SK", f"{key_where}.sid")
            if not isinstance(key["secret"], str) or not key["secret"]:
                raise SeedError(f"seed: {key_where}.secret: expected a non-empty string")
        for name, section in SEED_SECTIONS.items():
            for entry_index, entry in enumerate(_entries(account, name, where)):
                if isinstance(entry, dict) and "sid" in entry:
                    _claim(seen, entry["sid"], section.prefix, f"{where}.{name}[{entry_index}].sid")
    _check_parents(seed["accounts"])


def _check_parents(accounts: list[dict[str, Any]]) -> None:
    """Each ``parent`` names another seeded account that has no parent itself (subaccounts do not nest here)."""
    parents = {account["sid"]: account.get("parent") for account in accounts}
    for index, account in enumerate(accounts):
        parent = account.get("parent")
        if parent is None:
            continue
        where = f"seed: accounts[{index}].parent"
        if parent == account["sid"] or parent not in parents:
            raise SeedError(f"{where}: {parent!r} is not the SID of another seeded account")
        if parents[parent] is not None:
            raise SeedError(f"{where}: {parent} is a subaccount itself; a subaccount's parent must be a main account")


def _entries(account: dict[str, Any], name: str, where: str) -> list[Any]:
    value = account.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        raise SeedError(f"seed: {where}.{name}: expected a list")
    return value


def _claim(seen: dict[str, str], sid: Any, prefix: str, where: str) -> None:
    if not is_sid(sid, prefix):
        raise SeedError(f"seed: {where}: {sid!r} is not a SID ({prefix} + 32 lowercase hex)")
    if sid in seen:
        raise SeedError(f"seed: {where}: duplicate SID {sid} (already used at {seen[sid]})")
    seen[sid] = where


def build_accounts(seed: dict[str, Any]) -> list[Account]:
    """Fresh accounts from a structurally valid seed; entry builders raise :class:`SeedError` on bad values."""
    accounts = []
    for index, entry in enumerate(seed["accounts"]):
        account = Account(entry["sid"], entry["auth_token"], entry.get("friendly_name"), entry.get("parent"), entry.get("status", "active"))
        account.api_keys = {key["sid"]: key["secret"] for key in entry.get("api_keys") or []}
        for name, section in SEED_SECTIONS.items():
            items = entry.get(name) or []
            if section.build is None:
                account.extras[name] = list(items)
                continue
            account.store(name)
            for item_index, item in enumerate(items):
                try:
                    account.add(name, section.build(account, item, f"accounts[{index}].{name}[{item_index}]"))
                except SeedError as error:
                    raise SeedError(f"seed: {error}") from None
        accounts.append(account)
    return accounts
