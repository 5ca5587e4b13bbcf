# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Fixtures for the contract checker's own tests: ``tests/`` on sys.path (``import contract``), the real pinned spec."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

_TESTS_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if _TESTS_DIR not in sys.path:
    sys.path.insert(0, _TESTS_DIR)

# pylint: disable=wrong-import-position
from contract.pytest_plugin import fixture_contract_validator  # noqa: E402
from contract.spec_fetch import fetch_spec  # noqa: E402
from contract.spec_store import ProductSpec, load_product_spec  # noqa: E402
from contract.validator import validate_records  # noqa: E402

__all__ = ["fixture_contract_validator"]  # registers the fixture contract_validator here


@pytest.fixture(name="spec_dir", scope="session")
def fixture_spec_dir() -> Path:
    """The verified pinned spec folder (fetched through npm on first use, then cached)."""
    return fetch_spec()


@pytest.fixture(name="messaging", scope="session")
def fixture_messaging(spec_dir: Path) -> ProductSpec:
    """The messaging v1 spec."""
    return load_product_spec(spec_dir, "messaging")


@pytest.fixture(name="api", scope="session")
def fixture_api(spec_dir: Path) -> ProductSpec:
    """The API 2010 spec."""
    return load_product_spec(spec_dir, "api")


@pytest.fixture(name="problems_of", scope="session")
def fixture_problems_of(spec_dir: Path) -> Callable[..., list[str]]:
    """``problems_of(record, ...)``: each problem of the records as ``"<side>: <detail>"``."""

    def problems_of(*records: dict[str, Any]) -> list[str]:
        return [f"{problem.side}: {problem.detail}" for problem in validate_records(records, spec_dir)]

    return problems_of
