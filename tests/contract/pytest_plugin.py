# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""pytest fixture ``contract_validator``: assert that an emulator log conforms to Twilio's specs.

With ``tests/`` on sys.path (as tests/conftest.py arranges), load it from a conftest.py:
``pytest_plugins = ["contract.pytest_plugin"]`` in the rootdir conftest, or
``from contract.pytest_plugin import fixture_contract_validator`` in any conftest. Then::

    def test_playbook(contract_validator, emulator_log):
        ...run the playbook against the emulator...
        contract_validator(emulator_log)   # AssertionError listing each record that breaks the contract
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .spec_fetch import fetch_spec
from .validator import assert_log_conforms

LogCheck = Callable[[str | Path], None]


@pytest.fixture(name="contract_validator", scope="session")
def fixture_contract_validator() -> LogCheck:
    """A function of a JSONL log path that fails the test unless every record conforms.

    The pinned spec is fetched (or found verified in the cache) once per session.
    """
    spec_dir = fetch_spec()

    def check(log_path: str | Path) -> None:
        assert_log_conforms(log_path, spec_dir)

    return check
