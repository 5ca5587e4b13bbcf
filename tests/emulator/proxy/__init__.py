"""Twilio Proxy (``https://proxy.twilio.com``): one module per resource family.

Its stores carry a ``proxy_`` prefix (``proxy_services``, ``proxy_phone_numbers``): Messaging owns
``services`` and ``phone_numbers`` is the account's own numbers.
"""

PRODUCT = "proxy"
BASE_URL = "https://proxy.twilio.com"
