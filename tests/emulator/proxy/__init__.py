"""Twilio Proxy (``https://proxy.twilio.com``): one module per resource family.

Its stores carry a ``proxy_`` prefix (``proxy_services``, ``proxy_phone_numbers``): Messaging owns
``services`` and ``phone_numbers`` is the account's own numbers. The service names its numbers need live here, so
that :mod:`emulator.proxy.services`, whose delete handler frees its numbers, imports them without a cycle.
"""

from emulator.errors import not_found
from emulator.routing import Call, resource_path
from emulator.state import Record

PRODUCT = "proxy"
BASE_URL = "https://proxy.twilio.com"
SERVICES = "proxy_services"
SERVICES_URL = f"{BASE_URL}/v1/Services"


def service_url(sid: str) -> str:
    """Twilio's absolute URL of a Proxy service."""
    return f"{SERVICES_URL}/{sid}"


def find_service(call: Call, param: str = "Sid", by_name: bool = False) -> Record:
    """The service named by the path's ``param`` (also by unique name when ``by_name``), else 404 / 20404."""
    account, key = call.owner(), call.params[param]
    record = account.get(SERVICES, key)
    if record is None and by_name:
        record = next((found for found in account.records(SERVICES) if found["unique_name"] == key), None)
    if record is None:
        raise not_found(resource_path(call.path))
    return record
