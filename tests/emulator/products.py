"""What the emulator serves: the known Twilio products and the seed sections their stores accept.

Adding a product or a resource family means importing its module here (its routes register on
:data:`emulator.routing.API` at import) and, if it can be seeded, naming its seed section.
"""

from dataclasses import dataclass
from typing import Any, Callable, Optional

from emulator.api import accounts as _api_accounts  # noqa: F401  pylint: disable=unused-import
from emulator.api import incoming_phone_number_routes as _api_number_routes  # noqa: F401  pylint: disable=unused-import
from emulator.api import incoming_phone_numbers as api_numbers
from emulator.api import short_codes as api_short_codes
from emulator.conversations import address_configurations, address_fields
from emulator.flex import flex_flow_fields, flex_flows
from emulator.messaging import a2p_admin as _a2p_admin  # noqa: F401  pylint: disable=unused-import
from emulator.messaging import a2p_brands
from emulator.messaging import a2p_external as _a2p_external  # noqa: F401  pylint: disable=unused-import
from emulator.messaging import a2p_usecases as _a2p_usecases  # noqa: F401  pylint: disable=unused-import
from emulator.messaging import senders as _messaging_senders  # noqa: F401  pylint: disable=unused-import
from emulator.messaging import services as messaging_services
from emulator.proxy import phone_numbers as _proxy_numbers  # noqa: F401  pylint: disable=unused-import
from emulator.proxy import seed as proxy_seed
from emulator.proxy import services as proxy_services
from emulator.state import Account, Record

# First label of the Twilio host: https://<product>.twilio.com/...
PRODUCTS = ("messaging", "api", "flex-api", "conversations", "proxy", "trusthub")


@dataclass(frozen=True)
class SeedSection:
    """A per-account seed list (its key is also the store's kind): its entries' SID prefix and builder.

    Sections without a builder are validated for SID shape and kept verbatim in ``Account.extras``
    until a product models them.
    """

    prefix: str
    build: Optional[Callable[[Account, Any, str], Record]] = None


SEED_SECTIONS = {
    messaging_services.KIND: SeedSection(messaging_services.PREFIX, messaging_services.from_seed),
    api_numbers.KIND: SeedSection(api_numbers.PREFIX, api_numbers.from_seed),
    api_short_codes.KIND: SeedSection(api_short_codes.PREFIX, api_short_codes.from_seed),
    a2p_brands.KIND: SeedSection(a2p_brands.PREFIX, a2p_brands.from_seed),
    # after phone_numbers: these entries name the account's numbers
    flex_flow_fields.KIND: SeedSection(flex_flow_fields.PREFIX, flex_flows.from_seed),
    address_fields.KIND: SeedSection(address_fields.PREFIX, address_configurations.from_seed),
    proxy_services.KIND: SeedSection(proxy_services.PREFIX, proxy_seed.from_seed),
}
