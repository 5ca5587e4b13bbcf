"""Shared pytest set-up: put ``tests/`` on sys.path so ``import emulator`` (the local Twilio emulator) works."""

import os
import sys

_TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
if _TESTS_DIR not in sys.path:
    sys.path.insert(0, _TESTS_DIR)
