"""Externally registered (preregistered) A2P campaigns: ``POST /v1/Services/PreregisteredUsa2p`` (201).

The answer follows ``messaging.v1.external_campaign`` (``sid``, ``account_sid``, ``campaign_id``,
``messaging_service_sid``, ``date_created``). The campaign then appears in the service's ``Compliance/Usa2p``
list as a ``VERIFIED`` campaign with ``is_externally_registered: true``, its ``campaign_id``, no brand and null
content fields (*unconfirmed*: what Twilio shows there). A service that already has a campaign answers the
one-per-service error (21710); an unknown ``MessagingServiceSid`` answers 400 / 21701 (*unconfirmed* status).
``CnpMigration`` is checked as a boolean and not stored.
"""

from emulator.forms import last, parse_boolean, require
from emulator.messaging import PRODUCT
from emulator.messaging import a2p_rules as rules
from emulator.messaging import services
from emulator.messaging.a2p_campaign_fields import build
from emulator.messaging.a2p_campaigns import PREFIX, register
from emulator.messaging.a2p_lifecycle import settle
from emulator.routing import API, Call, Reply
from emulator.timefmt import iso8601

SERVICE_NOT_FOUND = 21701
UNKNOWN_CONTENT = ("subscriber_opt_in", "age_gated", "direct_lending", "opt_out_message", "help_message", "opt_out_keywords", "help_keywords")


@API.route(PRODUCT, "POST", "/v1/Services/PreregisteredUsa2p")
def create_external_campaign(call: Call) -> Reply:
    """Attach a campaign registered elsewhere (by its TCR campaign ID) to a service."""
    account = call.owner()
    settle(account)
    campaign_id = require(call.form, "CampaignId")
    service_sid = require(call.form, "MessagingServiceSid")
    raw = last(call.form, "CnpMigration")
    if raw not in (None, ""):
        parse_boolean("CnpMigration", raw)
    if account.get(services.KIND, service_sid) is None:
        raise rules.error(SERVICE_NOT_FOUND, f"Messaging Service {service_sid} does not exist")
    rules.check_one_per_service(account, service_sid)
    values = dict.fromkeys(UNKNOWN_CONTENT)
    values.update(messaging_service_sid=service_sid, campaign_status="VERIFIED", campaign_id=campaign_id, is_externally_registered=True)
    created = iso8601()
    record = register(account, build(account, account.new_sid(PREFIX), values, created))
    return Reply(201, {"sid": record["sid"], "account_sid": account.sid, "campaign_id": campaign_id,
                       "messaging_service_sid": service_sid, "date_created": created})
