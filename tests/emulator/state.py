"""Emulator state: one plain store per account, each holding dicts of resources by kind.

A *kind* names a store and is the same word as the account's seed section (``services``,
``phone_numbers``...); kinds that would collide across products get a product prefix
(``proxy_services``). Records are stored as the exact JSON Twilio returns, in creation order.
A store knows nothing of the others: what goes with a deleted resource (a Messaging Service's senders,
for example) is removed by that resource's delete handler.
"""

import copy
import hmac
import threading
from typing import Any, Callable, Optional

from emulator.sids import make_sid
from emulator.timefmt import rfc2822

Record = dict[str, Any]


class Account:
    """One Twilio account: credentials plus its resources. Only the state lock's holder touches it."""

    def __init__(self, sid: str, auth_token: str, friendly_name: Optional[str] = None, parent: Optional[str] = None,
                 status: str = "active") -> None:
        self.sid = sid
        self.auth_token = auth_token
        self.friendly_name = friendly_name or sid
        self.parent = parent  # the main account's SID for a subaccount, else None
        self.status = status  # active, suspended or closed (the 2010 Account resource's enum)
        self.date_created = rfc2822()  # when the emulator built it (the 2010 Account resource's dates)
        self.date_updated = self.date_created
        self.api_keys: dict[str, str] = {}
        self.stores: dict[str, dict[str, Record]] = {}
        self.extras: dict[str, list[Any]] = {}  # seed sections no product models yet, kept verbatim
        self._order: dict[str, int] = {}
        self._counter = 0

    def store(self, kind: str) -> dict[str, Record]:
        """The dict of ``kind`` records by SID (created empty on first use)."""
        return self.stores.setdefault(kind, {})

    def new_sid(self, prefix: str) -> str:
        """A fresh SID, reproducible for the same seed and sequence of creates."""
        while True:
            self._counter += 1
            sid = make_sid(prefix, self.sid, self._counter)
            if sid not in self._order:
                return sid

    def add(self, kind: str, record: Record) -> Record:
        """Store ``record`` (which carries its ``sid``) as the newest of its kind."""
        sid = record["sid"]
        self._order.setdefault(sid, len(self._order))
        self.store(kind)[sid] = record
        return record

    def get(self, kind: str, sid: str) -> Optional[Record]:
        """The record or None."""
        return self.stores.get(kind, {}).get(sid)

    def records(self, kind: str) -> list[Record]:
        """All records of ``kind`` in creation order."""
        return list(self.stores.get(kind, {}).values())

    def position(self, sid: str) -> Optional[int]:
        """Creation sequence number of any SID ever stored in this account (deleted ones included)."""
        return self._order.get(sid)

    def remove(self, kind: str, sid: str) -> Optional[Record]:
        """Delete and return the record (None when there is none)."""
        return self.stores.get(kind, {}).pop(sid, None)

    def snapshot(self) -> dict[str, Any]:
        """JSON-ready view without secrets: ``sid``, ``friendly_name``, ``api_keys`` (SIDs) and one list per kind."""
        view: dict[str, Any] = {"sid": self.sid, "friendly_name": self.friendly_name, "parent": self.parent, "status": self.status,
                                "api_keys": sorted(self.api_keys)}
        view.update(copy.deepcopy(self.extras))
        for kind, records in self.stores.items():
            view[kind] = copy.deepcopy(list(records.values()))
        return view


class State:
    """All accounts, guarded by one re-entrant lock. ``builder`` turns a validated seed into accounts.

    ``settings`` holds emulator-wide knobs that handlers read (e.g. ``pool_limit``); ``reset`` puts them
    back to the values given at start-up.
    """

    def __init__(self, seed: dict[str, Any], builder: Callable[[dict[str, Any]], list[Account]],
                 settings: Optional[dict[str, Any]] = None) -> None:
        self.lock = threading.RLock()
        self._seed = copy.deepcopy(seed)
        self._builder = builder
        self._initial_settings = dict(settings or {})
        self.settings: dict[str, Any] = {}
        self.accounts: dict[str, Account] = {}
        self.reset()

    def reset(self) -> None:
        """Drop every change and rebuild the accounts from the seed; settings back to their start-up values."""
        accounts = self._builder(copy.deepcopy(self._seed))
        with self.lock:
            self.accounts = {account.sid: account for account in accounts}
            self.settings = dict(self._initial_settings)

    def add_account(self, account: Account) -> Account:
        """Store a new account (a subaccount created through the API) as the newest."""
        with self.lock:
            self.accounts[account.sid] = account
        return account

    def account_position(self, sid: str) -> Optional[int]:
        """An account's place in the emulator's account order (seed order, then creation order), for paging."""
        with self.lock:
            return next((index for index, known in enumerate(self.accounts) if known == sid), None)

    def subaccounts(self, parent_sid: str) -> list[Account]:
        """The accounts whose parent is ``parent_sid``, in account order."""
        with self.lock:
            return [account for account in self.accounts.values() if account.parent == parent_sid]

    def authenticate(self, username: str, password: str) -> Optional[Account]:
        """The account for account SID + auth token or API key SID + secret, else None."""
        with self.lock:
            account = self.accounts.get(username)
            if account is not None:
                return account if _same(account.auth_token, password) else None
            for candidate in self.accounts.values():
                secret = candidate.api_keys.get(username)
                if secret is not None:
                    return candidate if _same(secret, password) else None
        return None

    def snapshot(self) -> dict[str, Any]:
        """Every account's resources by kind, no secrets."""
        with self.lock:
            return {"accounts": {sid: account.snapshot() for sid, account in self.accounts.items()}}


def _same(expected: str, given: str) -> bool:
    """Constant-time string comparison."""
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))
