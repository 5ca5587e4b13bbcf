"""What the emulator serves: the known Twilio products and the seed sections their stores accept.

Adding a product or a resource family means importing its module here (its routes register on
:data:`emulator.routing.API` at import) and, if it can be seeded, naming its seed section.
"""

from dataclasses import dataclass
from typing import Any, Callable, Optional

from emulator.messaging import services as messaging_services
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
    "phone_numbers": SeedSection("PN"),
    "short_codes": SeedSection("SC"),
    "brands": SeedSection("BN"),
}
