"""Messaging v1 sender pools: ``/v1/Services/{ServiceSid}/PhoneNumbers``, ``/ShortCodes`` and ``/AlphaSenders``.

List (v1 envelope, keys ``phone_numbers``, ``short_codes``, ``alpha_senders``), add (201), fetch, remove
(204). Fields follow ``messaging.v1.service.phone_number``, ``.short_code`` and ``.alpha_sender`` of
twilio_messaging_v1.json in schema order. A pooled number or short code keeps its own SID; an alpha
sender gets a new ``AI...`` SID. Rules and error codes are in :mod:`emulator.messaging.pool` and
``docs/emulator.md``.
"""

import re
from functools import partial
from typing import Callable, Optional

from emulator.api import incoming_phone_numbers, short_codes
from emulator.crud import created, page_reply, record_or_404
from emulator.errors import TwilioError, not_found
from emulator.forms import require
from emulator.messaging import SERVICES, service_url
from emulator.messaging.pool import (ALPHA_SENDERS, KINDS, PHONE_NUMBERS, SHORT_CODES, SenderKind, already_pooled, check_room,
                                     check_sole_proprietor, holder, members, unknown_sender)
from emulator.routing import Call, Reply, Route, resource_path, rest_routes
from emulator.sids import is_sid
from emulator.state import Account, Record
from emulator.timefmt import iso8601

ALPHA_SENDER = re.compile(r"^(?=.*[A-Za-z])[A-Za-z0-9 +\-_&]{1,11}$")
COUNTRY_PREFIXES = {"1": "US", "44": "GB", "61": "AU", "353": "IE", "33": "FR", "49": "DE", "34": "ES", "31": "NL", "52": "MX"}


def country_code(number: str) -> Optional[str]:
    """ISO country of an E.164 number by its calling code (``+1`` -> ``US``, *unconfirmed* for Canada and the Caribbean)."""
    for length in (3, 2, 1):
        found = COUNTRY_PREFIXES.get(number[1:1 + length])
        if found:
            return found
    return None


def messaging_capabilities(capabilities: dict[str, bool]) -> list[str]:
    """The owned number's capabilities as the pool lists them, in the spec example's order (``["MMS", "SMS", "Voice"]``)."""
    return [label for name, label in (("mms", "MMS"), ("sms", "SMS"), ("voice", "Voice")) if capabilities.get(name)]


def _service(call: Call) -> Record:
    """The service in the path, else 404 / 20404."""
    return record_or_404(call.owner(), SERVICES, call.params["ServiceSid"], resource_path(call.path))


def _member(account: Account, service: Record, kind: SenderKind, call: Call) -> Record:
    """The sender in the path when this service's pool holds it, else 404 / 20404."""
    record = account.get(kind.store, call.params["Sid"])
    if record is None or record["service_sid"] != service["sid"]:
        raise not_found(resource_path(call.path))
    return record


def _record(account: Account, service: Record, kind: SenderKind, sid: str, details: dict[str, object]) -> Record:
    """A pool record in schema order: sid, account_sid, service_sid, dates, ``details``, url."""
    now = iso8601()
    record: Record = {"sid": sid, "account_sid": account.sid, "service_sid": service["sid"], "date_created": now, "date_updated": now}
    record.update(details)
    record["url"] = f"{service_url(service['sid'])}/{kind.segment}/{sid}"
    return record


def _phone_number(account: Account, service: Record, sid: str) -> Record:
    owned = account.get(incoming_phone_numbers.KIND, sid) if is_sid(sid, incoming_phone_numbers.PREFIX) else None
    if owned is None:
        raise unknown_sender(PHONE_NUMBERS.param, sid)
    if not (owned["capabilities"].get("sms") or owned["capabilities"].get("mms")):  # error page 21715: SMS or MMS
        raise TwilioError(400, 21715, f"Phone Number {owned['phone_number']} ({sid}) does not have SMS or MMS capabilities")
    _refuse_pooled(account, service, PHONE_NUMBERS, sid)
    number = owned["phone_number"]
    details = {"phone_number": number, "country_code": country_code(number), "capabilities": messaging_capabilities(owned["capabilities"])}
    return _record(account, service, PHONE_NUMBERS, sid, details)


def _short_code(account: Account, service: Record, sid: str) -> Record:
    owned = account.get(short_codes.KIND, sid) if is_sid(sid, short_codes.PREFIX) else None
    if owned is None:
        raise unknown_sender(SHORT_CODES.param, sid)
    _refuse_pooled(account, service, SHORT_CODES, sid)
    return _record(account, service, SHORT_CODES, sid, {"short_code": owned["short_code"], "country_code": "US", "capabilities": ["SMS"]})


def _alpha_sender(account: Account, service: Record, text: str) -> Record:
    if not ALPHA_SENDER.match(text):
        raise TwilioError(400, 21709, f"Alpha Sender ID '{text}' is invalid: 1 to 11 letters, digits, spaces or + - _ &, with at least one letter")
    present = members(account, ALPHA_SENDERS, service["sid"])
    if present:
        raise TwilioError(400, 21709, f"Messaging Service {service['sid']} already has an Alpha Sender ID ({present[0]['sid']}); remove it first")
    return _record(account, service, ALPHA_SENDERS, account.new_sid("AI"), {"alpha_sender": text, "capabilities": ["SMS"]})


def _refuse_pooled(account: Account, service: Record, kind: SenderKind, sid: str) -> None:
    held_by = holder(account, kind, sid)
    if held_by is not None:
        raise already_pooled(service["sid"], held_by)


BUILDERS: dict[str, Callable[[Account, Record, str], Record]] = {
    PHONE_NUMBERS.store: _phone_number,
    SHORT_CODES.store: _short_code,
    ALPHA_SENDERS.store: _alpha_sender,
}


def list_senders(kind: SenderKind, call: Call) -> Reply:
    """The service's senders of one kind, paged."""
    account, service = call.owner(), _service(call)
    return page_reply(call, members(account, kind, service["sid"]), url=f"{service_url(service['sid'])}/{kind.segment}", key=kind.key)


def add_sender(kind: SenderKind, call: Call) -> Reply:
    """Add a sender to the pool (201), after Twilio's checks."""
    account, service = call.owner(), _service(call)
    value = require(call.form, kind.param)
    record = BUILDERS[kind.store](account, service, value)
    if kind is PHONE_NUMBERS:
        check_sole_proprietor(account, service["sid"])
    if kind is not ALPHA_SENDERS:
        check_room(call.state, account, service["sid"])
    return created(account, kind.store, record)


def fetch_sender(kind: SenderKind, call: Call) -> Reply:
    """One sender of this service's pool."""
    account = call.owner()
    return Reply(200, _member(account, _service(call), kind, call))


def remove_sender(kind: SenderKind, call: Call) -> Reply:
    """Take a sender out of the pool (204); the number or short code itself stays with the account."""
    account = call.owner()
    record = _member(account, _service(call), kind, call)
    account.remove(kind.store, record["sid"])
    return Reply(204)


def _routes(kind: SenderKind) -> tuple[Route, ...]:
    """List, add, fetch and remove (no update) for one kind of sender."""
    return rest_routes(f"/v1/Services/{{ServiceSid}}/{kind.segment}", list_=partial(list_senders, kind), create=partial(add_sender, kind),
                       fetch=partial(fetch_sender, kind), delete=partial(remove_sender, kind))


ROUTES = tuple(route for kind in KINDS for route in _routes(kind))
