"""The modules (_validate.check_url) and the emulator (emulator.forms.url_or) accept the same webhook URLs: an absolute
http(s) URL on one line. The emulator models Twilio independently of the collection, so the rule is written twice; this
test keeps the two the same."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ansible_collections.tendlc.twilio.plugins.module_utils import _validate
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError

TESTS = Path(__file__).resolve().parents[3]
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

# pylint: disable=wrong-import-position
from emulator import forms  # noqa: E402
from emulator.errors import TwilioError  # noqa: E402

GOOD = ["https://example.com", "HTTP://user:pw@example.com:8443/in?x=1#f", "https://webhooks.twilio.com/v1/Accounts/AC1/Flex",
        "http://[::1]:8080/cb", "https://a.com:/cb"]
BAD = ["example.com/cb", "ftp://example.com/cb", "https://", "https:///path", "https://exa mple.com", "https://example.com/\n", "//example.com",
       # no host name, or a port that is no number: the pattern alone takes them, urlsplit() does not
       "https://@/x", "https://:/", "https://user:pw@", "https://a.com:abc/", "https://a.com:99999/", "https://[::1/x"]


def test_same_pattern() -> None:
    assert (forms.URL.pattern, forms.URL.flags) == (_validate.URL.pattern, _validate.URL.flags)


@pytest.mark.parametrize("raw", GOOD)
def test_both_accept(raw: str) -> None:
    _validate.check_url("status_callback", raw)
    assert forms.parse_url("StatusCallback", raw) == raw


@pytest.mark.parametrize("raw", BAD)
def test_both_refuse(raw: str) -> None:
    with pytest.raises(ModuleError):
        _validate.check_url("status_callback", raw)
    with pytest.raises(TwilioError) as raised:
        forms.parse_url("StatusCallback", raw)
    assert raised.value.code == 21502
