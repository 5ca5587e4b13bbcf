"""US A2P campaigns (UsAppToPerson, ``QE...``) of a Messaging Service: list, create, fetch, update, delete.

At most one campaign per service. The service's ``us_app_to_person_registered`` is true while it has a campaign,
whatever its status (*unconfirmed*: the spec only says "Whether US A2P campaign is registered for this Service").
Deleting the service deletes its campaign (:func:`drop_campaign_of`, called by the service's delete handler).
Rules and error codes: :mod:`emulator.messaging.a2p_rules`; fields: :mod:`emulator.messaging.a2p_campaign_fields`;
statuses and timers: :mod:`emulator.messaging.a2p_lifecycle`.
"""

import copy
from typing import Any

from emulator.crud import fetching, page_reply, record_or_404, updated
from emulator.errors import TwilioError, not_found
from emulator.messaging import SERVICES, pool, service_url
from emulator.messaging import a2p_rules as rules
from emulator.messaging.a2p_campaign_fields import (ALL_PARAMS, CREATE_REQUIRED, MISSING_PARAMETER, UPDATABLE, UPDATE_REQUIRED, build, check_fixed,
                                                    parse, require_all)
from emulator.messaging.a2p_catalog import RATE_LIMITS
from emulator.messaging.a2p_lifecycle import CAMPAIGNS, settle, start_clock, stop_clock, tcr_id
from emulator.routing import Call, Reply, rest_routes
from emulator.state import Account, Record
from emulator.timefmt import iso8601

KIND = CAMPAIGNS
PREFIX = "QE"
LIST_PATTERN = "/v1/Services/{ServiceSid}/Compliance/Usa2p"


def service_of(call: Call, suffix: str = "/Compliance/Usa2p") -> Record:
    """The path's service in the caller's account (A2P timers settled), else 404 20404 naming the requested path."""
    account = call.owner()
    settle(account)
    sid = call.params["ServiceSid"]
    return record_or_404(account, SERVICES, sid, f"/Services/{sid}{suffix}")


def find(call: Call) -> Record:
    """The addressed campaign of the path's service, else 404 20404."""
    service = service_of(call, f"/Compliance/Usa2p/{call.params['Sid']}")
    record = call.owner().get(KIND, call.params["Sid"])
    if record is None or record["messaging_service_sid"] != service["sid"]:
        raise not_found(f"/Services/{service['sid']}/Compliance/Usa2p/{call.params['Sid']}")
    return record


def register(account: Account, record: Record) -> Record:
    """Store a new campaign of a service and mark the service registered."""
    account.add(KIND, record)
    _mark_registered(account, record, True)
    return record


def _mark_registered(account: Account, campaign: Record, registered: bool) -> None:
    """The campaign's service's ``us_app_to_person_registered`` (when the service still exists)."""
    service = account.get(SERVICES, campaign["messaging_service_sid"])
    if service is not None:
        service["us_app_to_person_registered"] = registered


def list_campaigns(call: Call) -> Reply:
    """The service's campaign (zero or one), paged (key ``compliance``)."""
    service = service_of(call)
    found = [record for record in call.owner().records(KIND) if record["messaging_service_sid"] == service["sid"]]
    return page_reply(call, found, url=f"{service_url(service['sid'])}/Compliance/Usa2p", key="compliance")


def check_one_number(account: Account, service_sid: str, brand: Record) -> None:
    """400 / 21714 (*unconfirmed* code, as the pool's rule) for a sole-proprietor brand's campaign on a service holding more
    than one phone number: Twilio's "Troubleshooting A2P Phone Number registration issues", "each Sole Proprietor Campaign can only use one
    Phone Number"."""
    numbers = len(pool.members(account, pool.PHONE_NUMBERS, service_sid))
    if brand["brand_type"] == rules.SOLE_PROPRIETOR and numbers > 1:
        raise TwilioError(400, pool.POOL_FULL, f"Messaging Service {service_sid} holds {numbers} phone numbers, and a sole proprietor A2P "
                                               f"campaign of brand {brand['sid']} may use only 1 phone number")


def create_campaign(call: Call) -> Reply:
    """Register the service's campaign: PENDING, mock when the brand is, the approval timer (if configured) starts now."""
    service = service_of(call)
    account = call.owner()
    require_all(call.form, CREATE_REQUIRED, MISSING_PARAMETER)
    values = parse(call.form, ALL_PARAMS)
    rules.check_one_per_service(account, service["sid"])
    brand = rules.approved_brand(account, values["brand_registration_sid"])
    rules.check_identity(brand)
    usecase = values["us_app_to_person_usecase"]
    rules.check_usecase(brand, usecase)
    rules.check_service_usecase(service, usecase)
    rules.check_sole_proprietor_limit(account, brand)
    check_one_number(account, service["sid"], brand)
    sid = account.new_sid(PREFIX)
    low = brand["brand_type"] == rules.SOLE_PROPRIETOR or bool(brand["skip_automatic_sec_vet"])
    values.update(messaging_service_sid=service["sid"], campaign_id=tcr_id("C", sid), rate_limits=copy.deepcopy(RATE_LIMITS["LOW" if low else "TOP"]),
                  mock=bool(brand["mock"]))
    record = register(account, build(account, sid, values, iso8601()))
    start_clock(call.state, account, KIND, sid)
    return Reply(201, record)


def update_campaign(call: Call) -> Reply:
    """Update (200): all of UPDATE_REQUIRED must be sent; fixed fields may only repeat their value; a FAILED campaign is
    resubmitted (back to PENDING as the spec's ``update`` example answers, errors cleared, timer restarted; that a resubmitted
    campaign reads IN_PROGRESS instead is *unconfirmed*); a SUSPENDED one answers 21729."""
    record = find(call)
    rules.check_not_suspended(record)
    require_all(call.form, UPDATE_REQUIRED)
    values = parse(call.form, UPDATABLE)
    check_fixed(record, call.form)
    if record["campaign_status"] == "FAILED":
        values.update(campaign_status="PENDING", errors=[])
        start_clock(call.state, call.owner(), KIND, record["sid"])
    return updated(record, values, iso8601())


def delete_campaign(call: Call) -> Reply:
    """Delete (204); the service is no longer registered."""
    remove(call.owner(), find(call))
    return Reply(204)


def remove(account: Account, campaign: Record) -> None:
    """Delete a campaign: its approval timer stops and its service (if it still exists) is no longer registered."""
    account.remove(KIND, campaign["sid"])
    stop_clock(account, campaign["sid"])
    _mark_registered(account, campaign, False)


def drop_campaign_of(account: Account, service_sid: str) -> None:
    """The campaign of a service being deleted (registered here or linked as externally registered) is deleted too."""
    campaign = rules.campaign_of_service(account, service_sid)
    if campaign is not None:
        remove(account, campaign)


def admin_change(account: Account, record: Record, changes: dict[str, Any]) -> None:
    """Apply an admin change (``campaign_status``, ``errors``, already validated); the clock stops."""
    stop_clock(account, record["sid"])
    record.update(changes)
    record["date_updated"] = iso8601()


ROUTES = rest_routes(LIST_PATTERN, list_=list_campaigns, create=create_campaign, fetch=fetching(find), update=update_campaign, delete=delete_campaign)
