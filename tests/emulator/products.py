"""What the emulator serves: the known Twilio products, every resource module's routes, and the seed sections their
stores accept.

This is the one place that lists the resource modules. A resource module declares its routes as data
(``ROUTES = (Route("GET", "/v1/Services", list_services), ...)``) and registers nothing when imported; :data:`API` and
:data:`ADMIN` are built here from those tables. Adding a resource means adding its module to :data:`API_RESOURCES`
and, if it can be seeded, naming its seed section in :data:`SEED_SECTIONS`.
"""

from dataclasses import dataclass
from typing import Any, Callable, Optional

from emulator import admin
from emulator.api import PRODUCT as API_2010
from emulator.api import accounts, addresses, incoming_phone_numbers, short_codes
from emulator.conversations import PRODUCT as CONVERSATIONS
from emulator.conversations import address_configurations, address_fields
from emulator.flex import PRODUCT as FLEX
from emulator.flex import flex_flow_fields, flex_flows
from emulator.messaging import PRODUCT as MESSAGING
from emulator.messaging import a2p_brands, a2p_campaigns, a2p_external, a2p_usecases, a2p_vettings, senders, services, tollfree_verifications
from emulator.proxy import PRODUCT as PROXY
from emulator.proxy import phone_numbers as proxy_numbers
from emulator.proxy import services as proxy_services
from emulator.routing import Route, Router
from emulator.state import Account, Record
from emulator.trusthub import CUSTOMER_PROFILE, TRUST_PRODUCT
from emulator.trusthub import PRODUCT as TRUSTHUB
from emulator.trusthub import assignments as trusthub_assignments
from emulator.trusthub import bundles, entities, evaluations, policies

# First label of the Twilio host: https://<product>.twilio.com/...
PRODUCTS = ("messaging", "api", "flex-api", "conversations", "proxy", "trusthub")

API_RESOURCES: dict[str, tuple[Any, ...]] = {
    MESSAGING: (services, senders, a2p_brands, a2p_campaigns, a2p_external, a2p_usecases, a2p_vettings, tollfree_verifications),
    API_2010: (accounts, incoming_phone_numbers, short_codes, addresses),
    FLEX: (flex_flows,),
    CONVERSATIONS: (address_configurations,),
    PROXY: (proxy_services, proxy_numbers),
    TRUSTHUB: (bundles, trusthub_assignments, evaluations, entities, policies),
}
"""Every resource module that serves Twilio API routes (its ``ROUTES``), by product."""


def _router(tables: dict[str, tuple[tuple[Route, ...], ...]]) -> Router:
    router = Router()
    for product, routes in tables.items():
        for table in routes:
            router.add_all(product, table)
    return router


API = _router({product: tuple(module.ROUTES for module in modules) for product, modules in API_RESOURCES.items()})
"""The Twilio API routes."""

ADMIN = _router({admin.PRODUCT: (admin.ROUTES,)})
"""The ``/_emulator/`` routes."""


@dataclass(frozen=True)
class SeedSection:
    """A per-account seed list (its key is also the store's kind): its entries' SID prefix and builder.

    Sections without a builder are validated for SID shape and kept verbatim in ``Account.extras``
    until a product models them.
    """

    prefix: str
    build: Optional[Callable[[Account, Any, str], Record]] = None


SEED_SECTIONS = {
    services.KIND: SeedSection(services.PREFIX, services.from_seed),
    incoming_phone_numbers.KIND: SeedSection(incoming_phone_numbers.PREFIX, incoming_phone_numbers.from_seed),
    short_codes.KIND: SeedSection(short_codes.PREFIX, short_codes.from_seed),
    a2p_brands.KIND: SeedSection(a2p_brands.PREFIX, a2p_brands.from_seed),
    # after phone_numbers: these entries name the account's numbers
    tollfree_verifications.KIND: SeedSection(tollfree_verifications.PREFIX, tollfree_verifications.from_seed),
    flex_flow_fields.KIND: SeedSection(flex_flow_fields.PREFIX, flex_flows.from_seed),
    address_fields.KIND: SeedSection(address_fields.PREFIX, address_configurations.from_seed),
    proxy_services.KIND: SeedSection(proxy_services.PREFIX, proxy_services.from_seed),
    # Trust Hub, in this order: a bundle's seeded ``entities`` name records of the sections before it
    addresses.KIND: SeedSection(addresses.PREFIX, addresses.from_seed),
    entities.END_USER.kind: SeedSection(entities.END_USER.prefix, entities.from_seed(entities.END_USER)),
    entities.SUPPORTING_DOCUMENT.kind: SeedSection(entities.SUPPORTING_DOCUMENT.prefix, entities.from_seed(entities.SUPPORTING_DOCUMENT)),
    CUSTOMER_PROFILE.kind: SeedSection(bundles.PREFIX, bundles.from_seed(CUSTOMER_PROFILE)),
    TRUST_PRODUCT.kind: SeedSection(bundles.PREFIX, bundles.from_seed(TRUST_PRODUCT)),
}
