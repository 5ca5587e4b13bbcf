"""Fixtures for the emulator's own tests: a seeded emulator, authenticated HTTP sessions and twilio SDK clients."""

import os
import sys
from typing import Any, Callable, Iterator, Optional

import pytest
from twilio.rest import Client

_TESTS_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if _TESTS_DIR not in sys.path:
    sys.path.insert(0, _TESTS_DIR)

# pylint: disable=wrong-import-position
from emulator.server import Emulator, start  # noqa: E402
from emulator_testkit import ACCOUNT_A, TOKEN_A, Api, EmulatorHttpClient, make_seed  # noqa: E402


@pytest.fixture(name="emu")
def fixture_emu(tmp_path: Any) -> Iterator[Emulator]:
    """A running emulator seeded with :func:`make_seed`, logging to ``tmp_path/requests.jsonl``."""
    with start(make_seed(), log_path=str(tmp_path / "requests.jsonl")) as running:
        yield running


@pytest.fixture(name="api")
def fixture_api(emu: Emulator) -> Api:
    """Account A, authenticated with its auth token."""
    return Api(emu.url, (ACCOUNT_A, TOKEN_A))


@pytest.fixture(name="api_as")
def fixture_api_as(emu: Emulator) -> Callable[..., Api]:
    """Factory: ``api_as(user, password)`` or ``api_as(None)`` for no credentials."""

    def make(user: Optional[str], password: str = "") -> Api:
        return Api(emu.url, None if user is None else (user, password))

    return make


@pytest.fixture(name="sdk")
def fixture_sdk(emu: Emulator) -> Callable[..., Client]:
    """Factory: ``sdk(username, password, account_sid=None)`` -> a twilio Client talking to the emulator."""

    def make(username: str, password: str, account_sid: Optional[str] = None) -> Client:
        return Client(username, password, account_sid=account_sid, http_client=EmulatorHttpClient(emu.url))

    return make
