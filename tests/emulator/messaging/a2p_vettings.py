"""A2P brand vettings (``BrandRegistrations/{BrandSid}/Vettings``, ``VT...``): create, list (``VettingProvider`` filter), fetch.

Fields follow the ``messaging.v1.brand_registrations.brand_vetting`` schema of twilio_messaging_v1.json in its order (the
record has no ``sid``: its SID is ``brand_vetting_sid``; the store keeps a ``sid`` copy for paging, never sent). Rules:

- only an APPROVED brand of the caller's account is vetted (another status 400 / 21717, *unconfirmed* code for vettings;
  an unknown brand 404 / 20404);
- ``VettingProvider`` is one of the spec's enum (``campaign-verify``, ``aegis``); ``campaign-verify`` imports a Campaign
  Verify token, so ``VettingId`` is required for it (400 / 20001, *unconfirmed*); an ``aegis`` vetting gets no
  ``vetting_id`` (*unconfirmed*);
- ``vetting_class`` is ``POLITICAL`` for Campaign Verify and ``STANDARD`` for Aegis (the spec's field description);
- a new vetting is ``PENDING`` (the spec's description lists PENDING, SUCCESS, FAILED; its example shows IN_PROGRESS)
  and goes to ``SUCCESS`` after the brand approval delay (:mod:`emulator.messaging.a2p_lifecycle`), or to any status
  through ``POST /_emulator/vettings/{VT}``.
"""

from typing import Any

from emulator.crud import page_reply
from emulator.errors import TwilioError, not_found
from emulator.forms import last, one_of, require
from emulator.messaging import a2p_rules as rules
from emulator.messaging.a2p_brands import brand_url
from emulator.messaging.a2p_brands import find as find_brand
from emulator.messaging.a2p_lifecycle import VETTINGS, settle, start_clock, stop_clock
from emulator.routing import Call, Reply, Route
from emulator.state import Account, Record
from emulator.timefmt import iso8601

KIND = VETTINGS
PREFIX = "VT"
PROVIDERS = ("campaign-verify", "aegis")
STATUSES = ("PENDING", "IN_PROGRESS", "SUCCESS", "FAILED")
CLASSES = {"campaign-verify": "POLITICAL", "aegis": "STANDARD"}
ORDER = ("account_sid", "brand_sid", "brand_vetting_sid", "date_updated", "date_created", "vetting_id", "vetting_class", "vetting_status",
         "vetting_provider", "url")
PATTERN = "/v1/a2p/BrandRegistrations/{BrandSid}/Vettings"


def public(record: Record) -> Record:
    """The vetting as Twilio sends it (without the store's ``sid``)."""
    return {key: record[key] for key in ORDER}


def _brand(call: Call, suffix: str = "/Vettings") -> Record:
    return find_brand(call, "BrandSid", suffix)


def _vettings(account: Account, brand_sid: str) -> list[Record]:
    return [record for record in account.records(KIND) if record["brand_sid"] == brand_sid]


def create(call: Call) -> Reply:
    """201 and the new vetting of an APPROVED brand."""
    brand = _brand(call)
    provider = one_of(PROVIDERS)("VettingProvider", require(call.form, "VettingProvider"))
    vetting_id = last(call.form, "VettingId") or None
    if provider == "campaign-verify" and vetting_id is None:
        raise TwilioError(400, 20001, "VettingId is required for VettingProvider campaign-verify (the Campaign Verify token)")
    if brand["status"] != "APPROVED":
        raise rules.error(rules.BRAND_NOT_APPROVED, f"Brand Registration {brand['sid']} is {brand['status']}: only an APPROVED brand is vetted")
    account = call.owner()
    sid, stamp = account.new_sid(PREFIX), iso8601()
    record = {"sid": sid, "account_sid": account.sid, "brand_sid": brand["sid"], "brand_vetting_sid": sid, "date_updated": stamp,
              "date_created": stamp, "vetting_id": vetting_id, "vetting_class": CLASSES[provider], "vetting_status": "PENDING",
              "vetting_provider": provider, "url": f"{brand_url(brand['sid'])}/Vettings/{sid}"}
    account.add(KIND, record)
    start_clock(call.state, account, KIND, sid)
    return Reply(201, public(record))


def list_vettings(call: Call) -> Reply:
    """The brand's vettings in creation order, optionally of one ``VettingProvider``, paged (key ``data``)."""
    brand = _brand(call)
    records, sent = _vettings(call.owner(), brand["sid"]), []
    provider = last(call.query, "VettingProvider")
    if provider:
        one_of(PROVIDERS)("VettingProvider", provider)
        records, sent = [record for record in records if record["vetting_provider"] == provider], [("VettingProvider", provider)]
    reply = page_reply(call, records, url=f"{brand_url(brand['sid'])}/Vettings", key="data", filters=sent)
    reply.body["data"] = [public(record) for record in reply.body["data"]]
    return reply


def fetch(call: Call) -> Reply:
    """200 and the vetting, else 404 / 20404."""
    sid = call.params["BrandVettingSid"]
    brand = _brand(call, f"/Vettings/{sid}")
    for record in _vettings(call.owner(), brand["sid"]):
        if record["brand_vetting_sid"] == sid:
            return Reply(200, public(record))
    raise not_found(f"/a2p/BrandRegistrations/{brand['sid']}/Vettings/{sid}")


ROUTES = (Route("POST", PATTERN, create), Route("GET", PATTERN, list_vettings), Route("GET", PATTERN + "/{BrandVettingSid}", fetch))


def admin_change(account: Account, record: Record, changes: dict[str, Any]) -> None:
    """Apply an admin change (``vetting_status``, validated): the timer stops."""
    settle(account)
    stop_clock(account, record["sid"])
    record.update(changes, date_updated=iso8601())
