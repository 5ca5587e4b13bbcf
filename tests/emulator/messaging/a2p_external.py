"""Externally registered (preregistered) A2P campaigns: ``POST /v1/Services/PreregisteredUsa2p`` (201).

The answer follows ``messaging.v1.external_campaign`` (``sid``, ``account_sid``, ``campaign_id``,
``messaging_service_sid``, ``date_created``). The campaign then appears in the service's ``Compliance/Usa2p``
list as a ``VERIFIED`` campaign with ``is_externally_registered: true``, its ``campaign_id``, no brand and null
content fields (*unconfirmed*: what Twilio shows there). A service that already has a campaign answers the
one-per-service error (21710); an unknown ``MessagingServiceSid`` answers 400 / 21701 (*unconfirmed* status).
``CnpMigration`` is checked as a boolean and not stored.

What Twilio's DCA (Direct Connect Aggregator) knows of each campaign ID, set by ``POST /_emulator/external-campaigns/{CampaignId}``
(:mod:`emulator.admin`)
``{"dca_status": "accepted" | "pending" | "unknown"}`` (emulator-wide, kept until ``/reset``; an ID never set is accepted):

- ``unknown``: the link answers 400 / 30904 "Campaign Not Shared with Twilio" (https://www.twilio.com/docs/errors/30904:
  "the specific Campaign was not found in Twilio's DCA records"); that it is refused synchronously, and the HTTP status, are
  *unconfirmed*;
- ``pending``: the link is created (201) but the campaign reads ``FAILED`` with error 30905 "Campaign Review Pending by
  Twilio" (https://www.twilio.com/docs/errors/30905: the campaign "has not been accepted by Twilio's DCA" and "will remain in
  a 'FAILED' state until the Messaging Service is successfully re-attached"). Accepting the ID later leaves that link
  FAILED; deleting it and linking again (re-attaching) gives a VERIFIED link. That the create answers 201 rather than an
  error is *unconfirmed*.
"""

from emulator.forms import last, parse_boolean, require
from emulator.messaging import SERVICES
from emulator.messaging import a2p_rules as rules
from emulator.messaging.a2p_campaign_fields import build
from emulator.messaging.a2p_campaigns import PREFIX, register
from emulator.messaging.a2p_lifecycle import settle
from emulator.routing import Call, Reply, Route
from emulator.state import State
from emulator.timefmt import iso8601

SERVICE_NOT_FOUND = 21701
NOT_SHARED = 30904
REVIEW_PENDING = 30905
DCA_STATUSES = ("accepted", "pending", "unknown")
DCA_SETTING = "dca_campaigns"  # state.settings key: campaign ID -> DCA status
PENDING_ERROR = {"error_code": REVIEW_PENDING, "fields": [], "url": "https://www.twilio.com/docs/api/errors/30905",
                 "description": "Unable to attach the Messaging Service to the Campaign: the Campaign is still under review and has not "
                                "been accepted by Twilio's DCA"}
UNKNOWN_CONTENT = ("subscriber_opt_in", "age_gated", "direct_lending", "opt_out_message", "help_message", "opt_out_keywords", "help_keywords")


def create_external_campaign(call: Call) -> Reply:
    """Attach a campaign registered elsewhere (by its TCR campaign ID) to a service."""
    account = call.owner()
    settle(account)
    campaign_id = require(call.form, "CampaignId")
    service_sid = require(call.form, "MessagingServiceSid")
    raw = last(call.form, "CnpMigration")
    if raw not in (None, ""):
        parse_boolean("CnpMigration", raw)
    if account.get(SERVICES, service_sid) is None:
        raise rules.error(SERVICE_NOT_FOUND, f"Messaging Service {service_sid} does not exist")
    rules.check_one_per_service(account, service_sid)
    dca_status = dca_status_of(call.state, campaign_id)
    if dca_status == "unknown":
        raise rules.error(NOT_SHARED, f"Messaging Service could not be associated with Campaign {campaign_id}: the Campaign was not found in "
                                      "Twilio's DCA records")
    values = dict.fromkeys(UNKNOWN_CONTENT)
    values.update(messaging_service_sid=service_sid, campaign_status="VERIFIED", campaign_id=campaign_id, is_externally_registered=True)
    if dca_status == "pending":
        values.update(campaign_status="FAILED", errors=[dict(PENDING_ERROR)])
    created = iso8601()
    record = register(account, build(account, account.new_sid(PREFIX), values, created))
    return Reply(201, {"sid": record["sid"], "account_sid": account.sid, "campaign_id": campaign_id,
                       "messaging_service_sid": service_sid, "date_created": created})


def dca_status_of(state: State, campaign_id: str) -> str:
    """What Twilio's DCA knows of the campaign ID (``accepted`` unless set otherwise)."""
    return state.settings.get(DCA_SETTING, {}).get(campaign_id, "accepted")


def set_dca_status(state: State, campaign_id: str, dca_status: str) -> None:
    """What Twilio's DCA knows of a campaign ID from now on (links already made keep their status); call under the state lock."""
    known = dict(state.settings.get(DCA_SETTING, {}))
    known[campaign_id] = dca_status
    state.settings[DCA_SETTING] = known


ROUTES = (Route("POST", "/v1/Services/PreregisteredUsa2p", create_external_campaign),)
