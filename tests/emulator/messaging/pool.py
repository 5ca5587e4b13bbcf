"""Sender pools of Messaging Services: the three kinds of sender, their stores, and Twilio's rules for adding one.

Each kind keeps one store per account (``service_phone_numbers``, ``service_short_codes``,
``service_alpha_senders``) of the records the API returns, keyed by the sender's SID; a record's
``service_sid`` names the service holding it. Because a number or short code sits in at most one
service of its account, its PN/SC SID is unique in its store. Deleting a service frees its senders.

Twilio's rules for adding one (sources in ``docs/emulator.md``, "Sender pools"):

- 409 / 21710 the number or short code is already in this service; 409 / 21712 it is in another service
  (error pages 21710 and 21712 for the words; the status 409 from public test fixtures);
- 400 / 21714 the service already holds the limit's number of phone numbers and short codes together (error page
  21714: "a total of 400 Twilio phone numbers and short codes"); alpha senders do not count and are not refused by it;
- 400 / 21714 a second phone number in a service whose campaign belongs to a sole-proprietor brand (Twilio allows one
  number per sole-proprietor campaign; the code is *unconfirmed*).
"""

from dataclasses import dataclass
from typing import Optional

from emulator.errors import TwilioError
from emulator.messaging.a2p_rules import campaign_of_service, sender_limit
from emulator.settings import DEFAULT_POOL_LIMIT, POOL_LIMIT
from emulator.state import Account, Record, State


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


NUMBER_KINDS = (PHONE_NUMBERS, SHORT_CODES)  # what the 400 limit counts (error page 21714)
POOL_FULL = 21714
ALREADY_HERE = 21710
ELSEWHERE = 21712


def check_room(state: State, account: Account, service_sid: str) -> None:
    """400 / 21714 when the service already holds the limit's number of phone numbers and short codes together."""
    limit = pool_limit(state)
    if sum(len(members(account, kind, service_sid)) for kind in NUMBER_KINDS) >= limit:
        raise TwilioError(400, POOL_FULL, f"Messaging Service {service_sid} has reached its sender pool limit of {limit} phone numbers and short codes")


def check_sole_proprietor(account: Account, service_sid: str) -> None:
    """400 / 21714 (*unconfirmed* code) when the service's campaign belongs to a sole-proprietor brand and the service
    already holds the one phone number such a campaign may use."""
    limit = sender_limit(account, service_sid)
    if limit is None or len(members(account, PHONE_NUMBERS, service_sid)) < limit:
        return
    campaign = campaign_of_service(account, service_sid) or {}
    raise TwilioError(400, POOL_FULL, f"Messaging Service {service_sid} is linked to the sole proprietor A2P campaign {campaign.get('sid')} "
                                      f"of brand {campaign.get('brand_registration_sid')}, which may use only {limit} phone number")


def already_pooled(service_sid: str, holder_sid: str) -> TwilioError:
    """409 / 21710 when the number or short code is already in this service, 409 / 21712 when it is in another one,
    in the words of Twilio's error pages (which do not name the holder)."""
    if holder_sid == service_sid:
        return TwilioError(409, ALREADY_HERE, "Phone Number or Short Code is already in the Messaging Service.")
    return TwilioError(409, ELSEWHERE, "Phone Number or Short Code is associated with another Messaging Service.")


def unknown_sender(param: str, value: str) -> TwilioError:
    """400 / 21421: malformed SID, or no such number / short code in the caller's account (wording *unconfirmed*)."""
    return TwilioError(400, 21421, f"{param} {value} is not a valid phone number or short code SID of this account")


def free_senders(account: Account, service_sid: str) -> None:
    """The senders of a service being deleted leave its pool (its numbers and short codes become free)."""
    for kind in KINDS:
        for record in members(account, kind, service_sid):
            account.remove(kind.store, record["sid"])
