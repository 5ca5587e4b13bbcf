"""Twilio's 2010 REST API (``https://api.twilio.com/2010-04-01``): one module per resource family.

2010 paths carry the account SID (``/2010-04-01/Accounts/{AccountSid}/...``), end in ``.json``, date
their resources in RFC 2822 and link them with URIs relative to ``https://api.twilio.com``.
"""

PRODUCT = "api"
API_VERSION = "2010-04-01"


def account_uri(account_sid: str) -> str:
    """``/2010-04-01/Accounts/AC...``: the prefix of every URI below an account."""
    return f"/{API_VERSION}/Accounts/{account_sid}"
