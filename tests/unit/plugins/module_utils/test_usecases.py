"""The modules' table of which campaign use cases fit a Messaging Service use case (_usecases.py) is the emulator's
(a2p_rules.py): Twilio publishes none (*unconfirmed*, docs/emulator.md), so the two must at least say the same."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ansible_collections.tendlc.twilio.plugins.module_utils import _usecases

TESTS = Path(__file__).resolve().parents[3]
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

# pylint: disable=wrong-import-position
from emulator.messaging import a2p_catalog, a2p_rules  # noqa: E402


def test_the_table_is_the_emulators() -> None:
    assert _usecases.SERVICE_COMPATIBLE == a2p_rules.SERVICE_COMPATIBLE
    assert _usecases.UNIVERSAL == a2p_rules.UNIVERSAL


@pytest.mark.parametrize("service_usecase", [entry["usecase"] for entry in a2p_catalog.SERVICE_USECASES] + [None])
def test_service_accepts_answers_as_the_emulator_does(service_usecase: str | None) -> None:
    for code in a2p_catalog.ALL_CODES:
        expected = a2p_rules.service_accepts({"usecase": service_usecase}, code)
        assert _usecases.service_accepts(service_usecase, code) is expected, (service_usecase, code)
    assert _usecases.service_accepts(service_usecase, None) is True  # an externally registered campaign has no use case
