"""Sender pools of Messaging Services: the three kinds of sender, their stores, and Twilio's rules for adding one.

Each kind keeps one store per account (``service_phone_numbers``, ``service_short_codes``,
``service_alpha_senders``) of the records the API returns, keyed by the sender's SID; a record's
``service_sid`` names the service holding it. Because a number or short code sits in at most one
service of its account, its PN/SC SID is unique in its store. Deleting a service frees its senders.
"""

from dataclasses import dataclass
from typing import Optional

from emulator.errors import TwilioError
from emulator.messaging import services
from emulator.settings import DEFAULT_POOL_LIMIT, POOL_LIMIT
from emulator.state import Account, Record, State, on_delete


@dataclass(frozen=True)
class SenderKind:
    """One kind of sender: its URL segment, list key, store, create parameter and value field."""

    segment: str
    key: str
    store: str
    param: str
    field: str


PHONE_NUMBERS = SenderKind("PhoneNumbers", "phone_numbers", "service_phone_numbers", "PhoneNumberSid", "phone_number")
SHORT_CODES = SenderKind("ShortCodes", "short_codes", "service_short_codes", "ShortCodeSid", "short_code")
ALPHA_SENDERS = SenderKind("AlphaSenders", "alpha_senders", "service_alpha_senders", "AlphaSender", "alpha_sender")
KINDS = (PHONE_NUMBERS, SHORT_CODES, ALPHA_SENDERS)


def members(account: Account, kind: SenderKind, service_sid: str) -> list[Record]:
    """A service's senders of one kind, in the order the account first knew their SIDs (*unconfirmed* order)."""
    found = [record for record in account.records(kind.store) if record["service_sid"] == service_sid]
    return sorted(found, key=lambda record: account.position(record["sid"]) or 0)


def holder(account: Account, kind: SenderKind, sid: str) -> Optional[str]:
    """The SID of the service whose pool holds the sender, or None."""
    record = account.get(kind.store, sid)
    return None if record is None else str(record["service_sid"])


def pool_limit(state: State) -> int:
    """The current per-service limit (400 unless ``--pool-limit`` or ``POST /_emulator/pool-limit`` changed it)."""
    return int(state.settings.get(POOL_LIMIT, DEFAULT_POOL_LIMIT))


def check_room(state: State, account: Account, service_sid: str) -> None:
    """400 / 21714 when the service already holds the limit's number of senders (all kinds together)."""
    limit = pool_limit(state)
    if sum(len(members(account, kind, service_sid)) for kind in KINDS) >= limit:
        raise TwilioError(400, 21714, f"Messaging Service {service_sid} has reached its sender pool limit of {limit} senders")


def already_pooled() -> TwilioError:
    """400 / 21712: the number or short code is in a service's pool, this one or another (wording *unconfirmed*;
    Twilio's message does not name the holder)."""
    return TwilioError(400, 21712, "Phone Number or Short Code is already in a Messaging Service.")


def unknown_sender(param: str, value: str) -> TwilioError:
    """400 / 21421: malformed SID, or no such number / short code in the caller's account (wording *unconfirmed*)."""
    return TwilioError(400, 21421, f"{param} {value} is not a valid phone number or short code SID of this account")


def free_senders(account: Account, service: Record) -> None:
    """Delete hook on services: the deleted service's senders leave their pools (numbers become free)."""
    for kind in KINDS:
        for record in members(account, kind, service["sid"]):
            account.remove(kind.store, record["sid"])


on_delete(services.KIND, free_senders)
