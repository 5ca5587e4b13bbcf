"""shown_url: a webhook URL as output shows it, without the password (Twilio accepts user:password@ in webhook URLs for HTTP
authentication) or the query and fragment (which often carry a token)."""

from __future__ import annotations

import pytest

from ansible_collections.tendlc.twilio.plugins.module_utils._validate import URL_NOT_SHOWN, shown_url


@pytest.mark.parametrize("url, expected", [
    ("https://alice:hunter2@example.com/mkt?token=SECRET123", "https://***@example.com/mkt?..."),
    ("https://alice@example.com:8443/a/b", "https://***@example.com:8443/a/b"),
    ("https://a@b:c@example.com/p", "https://***@example.com/p"),
    ("https://example.com/p#SECRET", "https://example.com/p?..."),
    ("http://[::1]:8080/p?", "http://[::1]:8080/p?..."),
    ("https://webhooks.twilio.com/v1/Accounts/AC1/Proxy/KS1/Webhooks/Message", "https://webhooks.twilio.com/v1/Accounts/AC1/Proxy/KS1/Webhooks/Message"),
    ("", ""),
    (None, None),
    ("example.com/p?token=SECRET", URL_NOT_SHOWN),
    ("https://alice:hunter2@example.com:port/p", URL_NOT_SHOWN),
    ("https://alice:hunter2@[::1/p", URL_NOT_SHOWN),
    ("https://alice:hunter2@/p", URL_NOT_SHOWN),
])
def test_user_info_query_and_fragment_are_hidden(url, expected):
    assert shown_url(url) == expected
