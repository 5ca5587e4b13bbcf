"""Make the collection importable as ansible_collections.tendlc.twilio for the plugin unit tests."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, Callable

import pytest
from ansible.module_utils.testing import patch_module_args

REPO = Path(__file__).resolve().parents[3]
COLLECTIONS = REPO / ".build" / "collections"


def _collection_on_path() -> None:
    if REPO.parent.name == "twilio" and REPO.parents[1].name == "tendlc":
        root = REPO.parents[2]
    else:
        link = COLLECTIONS / "ansible_collections" / "tendlc" / "twilio"
        if not link.exists():
            link.parent.mkdir(parents=True, exist_ok=True)
            os.symlink(os.path.relpath(REPO, link.parent), link)
        root = COLLECTIONS
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))


_collection_on_path()


@pytest.fixture(name="run_module")
def fixture_run_module(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., dict[str, Any]]:
    """Run a module's main() with the given args; return its JSON result (failed or not)."""
    for var in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_API_KEY", "TWILIO_API_SECRET", "TWILIO_REGION", "TWILIO_EDGE", "TWILIO_API_URL"):
        monkeypatch.delenv(var, raising=False)

    def run(module: Any, args: dict[str, Any], check_mode: bool = False, diff: bool = False) -> dict[str, Any]:
        args = dict(args)
        if check_mode:
            args["_ansible_check_mode"] = True
        if diff:
            args["_ansible_diff"] = True
        with patch_module_args(args), pytest.raises(SystemExit):
            module.main()
        return json.loads(capsys.readouterr().out)

    return run


@pytest.fixture(name="sleeps", autouse=True)
def fixture_sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The retry policy's waits, recorded instead of slept (every plugin test runs without real backoff)."""
    from ansible_collections.tendlc.twilio.plugins.module_utils import _retry  # pylint: disable=import-outside-toplevel

    slept: list[float] = []
    monkeypatch.setattr(_retry, "pause", slept.append)
    return slept


@pytest.fixture(name="slept")
def fixture_slept(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The A2P wait loop's sleeps (module_utils/_a2p.py), recorded on a clock that each sleep moves on: waits run instantly."""
    from ansible_collections.tendlc.twilio.plugins.module_utils import _a2p  # pylint: disable=import-outside-toplevel

    now, slept = [0.0], []
    monkeypatch.setattr(_a2p.time, "monotonic", lambda: now[0])
    monkeypatch.setattr(_a2p.time, "sleep", lambda seconds: (slept.append(seconds), now.__setitem__(0, now[0] + seconds)))
    return slept
