"""Twilio Messaging (``https://messaging.twilio.com``): one module per resource family.

The names every resource below a Messaging Service needs live here, so that :mod:`emulator.messaging.services`, whose
delete handler removes what goes with a service, can import those resources without a cycle.
"""

PRODUCT = "messaging"
BASE_URL = "https://messaging.twilio.com"
SERVICES = "services"  # store kind (and seed section) of Messaging Services
SERVICES_URL = f"{BASE_URL}/v1/Services"


def service_url(sid: str) -> str:
    """Twilio's absolute URL of a Messaging Service."""
    return f"{SERVICES_URL}/{sid}"
