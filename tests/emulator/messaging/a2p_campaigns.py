"""US A2P campaigns (UsAppToPerson, ``QE...``) of a Messaging Service: list, create, fetch, update, delete.

At most one campaign per service. The service's ``us_app_to_person_registered`` is true while it has a campaign,
whatever its status (*unconfirmed*: the spec only says "Whether US A2P campaign is registered for this Service").
Deleting the service deletes its campaign. Rules and error codes: :mod:`emulator.messaging.a2p_rules`; fields:
:mod:`emulator.messaging.a2p_campaign_fields`; statuses and timers: :mod:`emulator.messaging.a2p_lifecycle`.
"""

import copy
from typing import Any

from emulator.errors import TwilioError, not_found
from emulator.messaging import PRODUCT
from emulator.messaging import a2p_rules as rules
from emulator.messaging import pool, services
from emulator.messaging.a2p_campaign_fields import (ALL_PARAMS, CREATE_REQUIRED, MISSING_PARAMETER, UPDATABLE, UPDATE_REQUIRED, build, check_fixed,
                                                    parse, require_all)
from emulator.messaging.a2p_catalog import RATE_LIMITS
from emulator.messaging.a2p_lifecycle import CAMPAIGNS, settle, start_clock, stop_clock, tcr_id
from emulator.paging import v1_page
from emulator.routing import API, Call, Reply
from emulator.state import Account, Record, on_delete
from emulator.timefmt import iso8601

KIND = CAMPAIGNS
PREFIX = "QE"
LIST_PATTERN = "/v1/Services/{ServiceSid}/Compliance/Usa2p"
ONE_PATTERN = LIST_PATTERN + "/{Sid}"


def service_of(call: Call, suffix: str = "/Compliance/Usa2p") -> Record:
    """The path's service in the caller's account (A2P timers settled), else 404 20404 naming the requested path."""
    account = call.owner()
    settle(account)
    sid = call.params["ServiceSid"]
    service = account.get(services.KIND, sid)
    if service is None:
        raise not_found(f"/Services/{sid}{suffix}")
    return service


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
    service = account.get(services.KIND, record["messaging_service_sid"])
    if service is not None:
        service["us_app_to_person_registered"] = True
    return record


@API.route(PRODUCT, "GET", LIST_PATTERN)
def list_campaigns(call: Call) -> Reply:
    """The service's campaign (zero or one), paged (key ``compliance``)."""
    service = service_of(call)
    account = call.owner()
    found = [record for record in account.records(KIND) if record["messaging_service_sid"] == service["sid"]]
    url = f"{services.service_url(service['sid'])}/Compliance/Usa2p"
    return Reply(200, v1_page(found, call.query, url=url, key="compliance", position=account.position))


def check_one_number(account: Account, service_sid: str, brand: Record) -> None:
    """400 / 21714 (*unconfirmed* code, as the pool's rule) for a sole-proprietor brand's campaign on a service holding more
    than one phone number: Twilio's "Troubleshooting A2P Phone Number registration issues", "each Sole Proprietor Campaign can only use one
    Phone Number"."""
    numbers = len(pool.members(account, pool.PHONE_NUMBERS, service_sid))
    if brand["brand_type"] == rules.SOLE_PROPRIETOR and numbers > 1:
        raise TwilioError(400, pool.POOL_FULL, f"Messaging Service {service_sid} holds {numbers} phone numbers, and a sole proprietor A2P "
                                               f"campaign of brand {brand['sid']} may use only 1 phone number")


@API.route(PRODUCT, "POST", LIST_PATTERN)
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


@API.route(PRODUCT, "GET", ONE_PATTERN)
def fetch_campaign(call: Call) -> Reply:
    """Fetch the campaign."""
    return Reply(200, find(call))


@API.route(PRODUCT, "POST", ONE_PATTERN)
def update_campaign(call: Call) -> Reply:
    """Update (200): all of UPDATE_REQUIRED must be sent; fixed fields may only repeat their value; a FAILED campaign is
    resubmitted (back to PENDING as the spec's ``update`` example answers, errors cleared, timer restarted; that a resubmitted
    campaign reads IN_PROGRESS instead is *unconfirmed*); a SUSPENDED one answers 21729."""
    record = find(call)
    rules.check_not_suspended(record)
    require_all(call.form, UPDATE_REQUIRED)
    values = parse(call.form, UPDATABLE)
    check_fixed(record, call.form)
    record.update(values)
    record["date_updated"] = iso8601()
    if record["campaign_status"] == "FAILED":
        record.update(campaign_status="PENDING", errors=[])
        start_clock(call.state, call.owner(), KIND, record["sid"])
    return Reply(200, record)


@API.route(PRODUCT, "DELETE", ONE_PATTERN)
def delete_campaign(call: Call) -> Reply:
    """Delete (204); the service is no longer registered."""
    record = find(call)
    call.owner().remove(KIND, record["sid"])
    return Reply(204)


def admin_change(account: Account, record: Record, changes: dict[str, Any]) -> None:
    """Apply an admin change (``campaign_status``, ``errors``, already validated); the clock stops."""
    stop_clock(account, record["sid"])
    record.update(changes)
    record["date_updated"] = iso8601()


def _drop_service_campaign(account: Account, service: Record) -> None:
    campaign = rules.campaign_of_service(account, service["sid"])
    if campaign is not None:
        account.remove(KIND, campaign["sid"])


def _after_campaign_delete(account: Account, campaign: Record) -> None:
    stop_clock(account, campaign["sid"])
    service = account.get(services.KIND, campaign["messaging_service_sid"])
    if service is not None:
        service["us_app_to_person_registered"] = False


on_delete(services.KIND, _drop_service_campaign)
on_delete(KIND, _after_campaign_delete)
