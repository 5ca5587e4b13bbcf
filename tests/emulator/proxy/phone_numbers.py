"""Proxy v1 service numbers (``/v1/Services/{ServiceSid}/PhoneNumbers``; store ``proxy_phone_numbers``, keyed by the
number's ``PN`` SID): list, add, fetch, update (``IsReserved``), remove.

Records follow ``proxy.v1.service.phone_number`` in schema order; ``phone_number``, ``friendly_name`` and
``capabilities`` (``{voice, sms, mms, fax}``, as the schema's properties; the spec's examples show other keys) are
the owned number's when it is added, ``iso_country`` comes from the calling code, ``in_use`` is 0 (sessions are not
modelled). Rules, after the service check (404 / 20404), in this order (codes and statuses *unconfirmed*):

1. neither ``Sid`` nor ``PhoneNumber``: 400 / 20001; ``IsReserved`` not a boolean: 400 / 20001;
2. ``Sid`` not a number (``PN``) of the account, or ``PhoneNumber`` not one of its numbers: 400 / 21421;
   both sent and naming different numbers: 400 / 20001;
3. the number is in a Proxy service already: this one, 400 / 80104 with the example message of Twilio's 80104 page
   (https://www.twilio.com/docs/api/errors/80104, "Phone Number Already In Service"); another one (Twilio: "cannot be
   associated with more than one Proxy Service"), 400 / 80601 with the example message of Twilio's 80601 page
   (https://www.twilio.com/docs/api/errors/80601, "Phone Number Not Available");
4. the number is in a Messaging Service's sender pool (Twilio: such a number "cannot be added to a Proxy Service"):
   400 / 21712.
"""

from typing import Optional

from emulator.api import incoming_phone_numbers
from emulator.crud import created, deleting, fetching, page_reply, updated
from emulator.errors import TwilioError, not_found
from emulator.forms import last, parse_boolean
from emulator.messaging import pool
from emulator.messaging.senders import country_code
from emulator.proxy import find_service, service_url
from emulator.routing import Call, Reply, resource_path, rest_routes
from emulator.sids import is_sid
from emulator.state import Account, Record
from emulator.timefmt import iso8601

KIND = "proxy_phone_numbers"
NOT_AVAILABLE = "PhoneNumber is not available. It may be bound to a number pool."  # the 80601 page's example message
ALREADY_ADDED = "PhoneNumber has already been added to Service"  # the 80104 page's example message
ORDER = ("sid", "account_sid", "service_sid", "date_created", "date_updated", "phone_number", "friendly_name", "iso_country",
         "capabilities", "url", "is_reserved", "in_use")


def members(account: Account, service_sid: str) -> list[Record]:
    """A service's numbers in the order the account first knew their SIDs (seed order of the numbers; *unconfirmed*)."""
    found = [record for record in account.records(KIND) if record["service_sid"] == service_sid]
    return sorted(found, key=lambda record: account.position(record["sid"]) or 0)


def build(account: Account, service: Record, owned: Record, is_reserved: bool, created: str) -> Record:
    """The service's record of an owned number."""
    sid = owned["sid"]
    return {
        "sid": sid, "account_sid": account.sid, "service_sid": service["sid"], "date_created": created, "date_updated": created,
        "phone_number": owned["phone_number"], "friendly_name": owned["friendly_name"], "iso_country": country_code(owned["phone_number"]),
        "capabilities": dict(owned["capabilities"]), "url": f"{service_url(service['sid'])}/PhoneNumbers/{sid}",
        "is_reserved": is_reserved, "in_use": 0,
    }


def owned_number(account: Account, sid: Optional[str], number: Optional[str]) -> Record:
    """The account's number named by ``Sid`` and/or ``PhoneNumber`` (rule 2)."""
    if sid:
        owned = account.get(incoming_phone_numbers.KIND, sid) if is_sid(sid, incoming_phone_numbers.PREFIX) else None
        if owned is None:
            raise TwilioError(400, 21421, f"Sid {sid} is not a phone number SID of this account")
        if number and number != owned["phone_number"]:
            raise TwilioError(400, 20001, f"PhoneNumber {number} is not the number of Sid {sid} ({owned['phone_number']})")
        return owned
    found = next((record for record in account.records(incoming_phone_numbers.KIND) if record["phone_number"] == number), None)
    if found is None:
        raise TwilioError(400, 21421, f"PhoneNumber {number} is not a phone number of this account")
    return found


def check_free(account: Account, owned: Record, service_sid: str) -> None:
    """Rules 3 and 4 for adding ``owned`` to Proxy Service ``service_sid``."""
    held = account.get(KIND, owned["sid"])
    if held is not None and held["service_sid"] == service_sid:
        raise TwilioError(400, 80104, ALREADY_ADDED)
    if held is not None:
        raise TwilioError(400, 80601, NOT_AVAILABLE)
    if pool.holder(account, pool.PHONE_NUMBERS, owned["sid"]) is not None:
        raise TwilioError(400, 21712, "Phone Number is already in a Messaging Service and cannot be added to a Proxy Service.")


def _member(call: Call) -> Record:
    service = find_service(call, "ServiceSid")
    record = call.owner().get(KIND, call.params["Sid"])
    if record is None or record["service_sid"] != service["sid"]:
        raise not_found(resource_path(call.path))
    return record


def list_numbers(call: Call) -> Reply:
    """The service's numbers, paged (key ``phone_numbers``)."""
    account, service = call.owner(), find_service(call, "ServiceSid")
    return page_reply(call, members(account, service["sid"]), url=f"{service_url(service['sid'])}/PhoneNumbers", key="phone_numbers")


def add_number(call: Call) -> Reply:
    """Add an owned number by ``Sid`` (PN) or ``PhoneNumber`` (E.164); optional ``IsReserved`` (default false). 201."""
    account, service = call.owner(), find_service(call, "ServiceSid")
    sid, number = last(call.form, "Sid") or None, last(call.form, "PhoneNumber") or None
    if sid is None and number is None:
        raise TwilioError(400, 20001, "Missing required parameter Sid or PhoneNumber in the post body")
    reserved = last(call.form, "IsReserved")
    is_reserved = parse_boolean("IsReserved", reserved) if reserved else False
    owned = owned_number(account, sid, number)
    check_free(account, owned, service["sid"])
    return created(account, KIND, build(account, service, owned, is_reserved, iso8601()))


def update_number(call: Call) -> Reply:
    """``IsReserved`` (200); ``date_updated`` moves."""
    record = _member(call)
    reserved = last(call.form, "IsReserved")
    return updated(record, {"is_reserved": parse_boolean("IsReserved", reserved)} if reserved else {}, iso8601())


def free_numbers(account: Account, service_sid: str) -> None:
    """The numbers of a Proxy service being deleted leave it (they stay with the account)."""
    for record in members(account, service_sid):
        account.remove(KIND, record["sid"])


# Taking a number out (DELETE) leaves it with the account, its sms_url unchanged.
ROUTES = rest_routes("/v1/Services/{ServiceSid}/PhoneNumbers", list_=list_numbers, create=add_number, fetch=fetching(_member),
                     update=update_number, delete=deleting(_member, KIND))
