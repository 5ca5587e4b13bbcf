# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Senders of a messaging service's pool (phone numbers, short codes, alpha senders) and the account's owned senders.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._a2p import SOLE_PROPRIETOR, fetch_brand, list_campaigns
from ansible_collections.tendlc.twilio.plugins.module_utils._client import call, call_delete, create_once, fetch_or_none
from ansible_collections.tendlc.twilio.plugins.module_utils._lookup import PAGE_SIZE
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import SID_PATTERN

# Whole values only: \Z, as Python's $ also matches before a trailing newline ("Acme\n" is no alpha sender).
E164 = re.compile(r"^\+[1-9][0-9]{1,14}\Z")
SHORT_CODE = re.compile(r"^[0-9]{3,8}\Z")
ALPHA_SENDER = re.compile(r"^(?=.*[A-Za-z])[A-Za-z0-9 +\-_&]{1,11}\Z")
# Twilio's words for a sender in another service's pool (error page 21712).
ELSEWHERE = "Phone Number or Short Code is associated with another Messaging Service."

# sender_pool's own option rules, written once: the module checks its options with them, and the flex_a2p role's input
# filter (plugins/filter/flex_a2p_input_problems.py) its variables flex_a2p_concurrency, flex_a2p_pool_limit, ...
CONCURRENCY = (1, 32)  # write requests at once, the least and the most
DEFAULT_CONCURRENCY = 4
# The most phone numbers and short codes a pool may hold together (alpha senders do not count; Twilio error 21714): the
# option's range (the upper bound only guards against a typo), and Twilio's default limit, 400 (docs/emulator.md).
POOL_LIMIT = (1, 10 ** 6)
DEFAULT_POOL_LIMIT = 400
ON_CONFLICT = ("fail", "move")  # a sender another service of the account holds: fail before any write, or move it here
STATES = ("present", "absent")


@dataclass(frozen=True)
class Kind:
    """One kind of sender: its module option, the name used in results, its SID prefix, and its SDK names."""

    option: str
    name: str
    prefix: str
    field: str
    pool_attr: str
    create_arg: str
    value_pattern: re.Pattern[str]
    expected: str

    def accepts(self, value: str) -> bool:
        """Whether a module input is a well-formed sender of this kind: its value, or (but alpha senders) its SID."""
        if self.value_pattern.match(value):
            return True
        return self.prefix != "AI" and bool(SID_PATTERN.match(value)) and value.startswith(self.prefix)


PHONE_NUMBER = Kind("phone_numbers", "phone_number", "PN", "phone_number", "phone_numbers", "phone_number_sid",
                    E164, "an E.164 number (+15551234567) or a PN... SID")
SHORT_CODE_KIND = Kind("short_codes", "short_code", "SC", "short_code", "short_codes", "short_code_sid",
                       SHORT_CODE, "short code digits or an SC... SID")
ALPHA = Kind("alpha_senders", "alpha_sender", "AI", "alpha_sender", "alpha_senders", "alpha_sender",
             ALPHA_SENDER, "1 to 11 letters, digits, spaces or + - _ &, with at least one letter")
KINDS = (PHONE_NUMBER, SHORT_CODE_KIND, ALPHA)


def sender(kind: Kind, sid: str, value: str) -> dict[str, str]:
    """A sender as the modules return it."""
    return {"sid": sid, "kind": kind.name, "value": value}


def list_pool(client: Any, service_sid: str, kind: Kind) -> list[dict[str, str]]:
    """The senders of one kind in a service's pool, all pages."""
    pool = getattr(client.messaging.v1.services(service_sid), kind.pool_attr)
    members = call("list %s of messaging service %s" % (kind.option.replace("_", " "), service_sid), pool.list, page_size=PAGE_SIZE)
    return [sender(kind, member.sid, getattr(member, kind.field)) for member in members]


def add_to_pool(client: Any, service_sid: str, kind: Kind, sid_or_value: str) -> dict[str, str]:
    """Add one sender (by SID; an alpha sender by its text) to a service's pool.

    If Twilio may have added it already (a reset or 5xx after sending), the pool is asked first, so it is never added twice.
    """
    pool = getattr(client.messaging.v1.services(service_sid), kind.pool_attr)
    member = create_once(client, "add %s %s to messaging service %s" % (kind.name.replace("_", " "), sid_or_value, service_sid),
                         lambda: find_in_pool(client, service_sid, kind, sid_or_value), pool.create, **{kind.create_arg: sid_or_value})
    return sender(kind, member.sid, getattr(member, kind.field))


def find_in_pool(client: Any, service_sid: str, kind: Kind, sid_or_value: str) -> Any | None:
    """The pool's member for a sender SID (an alpha sender: its text), or None when the pool does not hold it."""
    pool = getattr(client.messaging.v1.services(service_sid), kind.pool_attr)
    what = "%s %s in messaging service %s" % (kind.name.replace("_", " "), sid_or_value, service_sid)
    if kind.prefix == "AI":
        members = call("look up " + what, pool.list, page_size=PAGE_SIZE)
        return next((member for member in members if member.alpha_sender == sid_or_value), None)
    return fetch_or_none("look up " + what, pool(sid_or_value).fetch)


def remove_from_pool(client: Any, service_sid: str, kind: Kind, sid: str) -> None:
    """Remove one sender from a service's pool."""
    pool = getattr(client.messaging.v1.services(service_sid), kind.pool_attr)
    call_delete("remove %s %s from messaging service %s" % (kind.name.replace("_", " "), sid, service_sid), pool(sid).delete)


def list_owned_numbers(client: Any) -> list[Any]:
    """The account's phone numbers (IncomingPhoneNumbers), all pages."""
    account = client.api.v2010.accounts(client.account_sid)
    return call("list the account's phone numbers", account.incoming_phone_numbers.list, page_size=PAGE_SIZE)


def warn_missing(module: Any, account_sid: str, missing: list[str]) -> None:
    """Say which listed numbers the account (the credentials' account) does not own; another account's numbers look the same."""
    if missing:
        module.warn("phone_numbers: account %s (the account of the task's credentials) does not own %s." % (account_sid, ", ".join(missing)))


def list_owned_short_codes(client: Any) -> list[Any]:
    """The account's short codes, all pages."""
    account = client.api.v2010.accounts(client.account_sid)
    return call("list the account's short codes", account.short_codes.list, page_size=PAGE_SIZE)


def pool_holders(client: Any, services: list[Any], kinds: tuple[Kind, ...]) -> dict[str, str]:
    """Which service's pool holds each sender SID, over the given services and kinds."""
    holders = {}
    for service in services:
        for kind in kinds:
            for member in list_pool(client, service.sid, kind):
                holders[member["sid"]] = service.sid
    return holders


def has_capability(number: Any) -> bool:
    """Whether an owned number may join a pool: it has SMS or MMS (Twilio error 21715)."""
    capabilities = number.capabilities or {}
    return bool(capabilities.get("sms") or capabilities.get("mms"))


def sole_proprietor_campaign(client: Any, service: Any) -> tuple[str, str] | None:
    """The (campaign SID, brand SID) when the service's A2P campaign belongs to a sole-proprietor brand, else None.

    The campaigns are listed whatever the service's C(us_app_to_person_registered) says: the spec only calls it "Whether
    US A2P campaign is registered for this Service", so a campaign still under review may not set it (unconfirmed). An
    externally registered campaign has no brand here and is not judged.
    """
    if service is None:
        return None
    for campaign in list_campaigns(client, service.sid):
        brand_sid = getattr(campaign, "brand_registration_sid", None)
        brand = fetch_brand(client, brand_sid) if brand_sid else None
        if brand is not None and brand.brand_type == SOLE_PROPRIETOR:
            return campaign.sid, brand.sid
    return None
