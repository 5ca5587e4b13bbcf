"""Lazy timers of the review lifecycles (A2P brands, campaigns and vettings; Trust Hub bundles).

Nothing runs in the background: a lifecycle starts a :class:`Clock` for a record and, whenever a request comes, looks at
the clocks of the account (``running``) and applies what is due. Clocks belong to an :class:`~emulator.state.Account`
object, so a reset (new accounts) forgets them.
"""

import time
from dataclasses import dataclass, field
from typing import Optional
from weakref import WeakKeyDictionary

from emulator.state import Account, State


@dataclass(frozen=True)
class Clock:
    """A running timer: which store its record is in, when it started (monotonic) and how long it runs."""

    kind: str
    seconds: float
    started: float = field(default_factory=time.monotonic)

    def elapsed(self) -> float:
        """Seconds since the start."""
        return time.monotonic() - self.started


class Clocks:
    """The running clocks of every account, by record SID."""

    def __init__(self) -> None:
        self._clocks: "WeakKeyDictionary[Account, dict[str, Clock]]" = WeakKeyDictionary()

    def start(self, account: Account, kind: str, sid: str, seconds: Optional[float]) -> None:
        """Start (or restart) the record's clock; ``seconds`` None stops it instead."""
        if seconds is None:
            self.stop(account, sid)
        else:
            self._clocks.setdefault(account, {})[sid] = Clock(kind, seconds)

    def stop(self, account: Account, sid: str) -> None:
        """Forget the record's clock."""
        self._clocks.get(account, {}).pop(sid, None)

    def running(self, account: Account) -> list[tuple[str, Clock]]:
        """The account's clocks (a copy: the caller may stop them while iterating)."""
        return list(self._clocks.get(account, {}).items())


class Delay:
    """One configurable delay per emulator (kept across resets, like command-line options); None means "never"."""

    def __init__(self) -> None:
        self._seconds: "WeakKeyDictionary[State, Optional[float]]" = WeakKeyDictionary()

    def configure(self, state: State, seconds: Optional[float]) -> Optional[float]:
        """Set the emulator's delay; returns it."""
        with state.lock:
            self._seconds[state] = seconds
        return seconds

    def seconds(self, state: State) -> Optional[float]:
        """The emulator's delay (None when never configured)."""
        return self._seconds.get(state)
