"""Trust Hub EndUsers (``IT...``) and SupportingDocuments (``RD...``): list, create, fetch, update, delete; one set of
handlers for both (:class:`Entity` says which).

Fields follow the ``trusthub.v1.end_user`` / ``trusthub.v1.supporting_document`` schemas in their order; ``Attributes``
is a JSON object sent as a string (the SDK serialises a dict so) and comes back as an object. ``Type`` must be a type the
emulator knows (:mod:`emulator.trusthub.policy_data`; 400 / 20001 otherwise, *unconfirmed*). An update replaces the
attributes sent (*unconfirmed*) and is a change of every bundle the record is assigned to (refused unless all are
``draft`` / ``twilio-rejected``: :mod:`emulator.trusthub.lifecycle`). A record assigned to a bundle cannot be deleted
(400 / 20001, *unconfirmed*). A new document's ``status`` is ``DRAFT`` and ``mime_type`` null, as the spec's example.
"""

import json
from dataclasses import dataclass
from typing import Any, Callable

from emulator.crud import create_record, fetching, listing, record_or_404
from emulator.errors import SeedError, TwilioError
from emulator.forms import one_of, require
from emulator.params import Param, non_empty, read, seed_mapping, seed_values
from emulator.routing import Call, Reply, Route, rest_routes
from emulator.state import Account, Record
from emulator.timefmt import iso8601
from emulator.trusthub import BASE_URL, END_USERS, SUPPORTING_DOCUMENTS
from emulator.trusthub import lifecycle
from emulator.trusthub.entity_records import holders
from emulator.trusthub.policy_data import END_USER_TYPES, SUPPORTING_DOCUMENT_TYPES, EntityType


@dataclass(frozen=True)
class Entity:
    """One entity resource: store kind (and seed section), URL segment, SID prefix, known types, schema order, defaults."""

    kind: str
    collection: str
    prefix: str
    types: dict[str, EntityType]
    order: tuple[str, ...]
    defaults: tuple[tuple[str, Any], ...] = ()

    def url(self, sid: str = "") -> str:
        """Twilio's absolute URL of the list, or of one record."""
        return f"{BASE_URL}/{self.collection}" + (f"/{sid}" if sid else "")


END_USER = Entity(END_USERS, "EndUsers", "IT", END_USER_TYPES,
                  ("sid", "account_sid", "friendly_name", "type", "attributes", "date_created", "date_updated", "url"))
SUPPORTING_DOCUMENT = Entity(SUPPORTING_DOCUMENTS, "SupportingDocuments", "RD", SUPPORTING_DOCUMENT_TYPES,
                             ("sid", "account_sid", "friendly_name", "mime_type", "status", "type", "attributes", "date_created",
                              "date_updated", "url"), (("mime_type", None), ("status", "DRAFT")))


def parse_attributes(name: str, raw: str) -> dict[str, Any]:
    """Parser for ``Attributes``: a JSON object (400 / 20001 otherwise, *unconfirmed*)."""
    try:
        value = json.loads(raw)
    except ValueError:
        value = None
    if not isinstance(value, dict):
        raise TwilioError(400, 20001, f"Invalid parameter {name}: expected a JSON object")
    return value


def params(entity: Entity) -> tuple[Param, ...]:
    """FriendlyName, Type (create only) and Attributes."""
    return (Param("FriendlyName", "friendly_name", non_empty), Param("Type", "type", one_of(tuple(entity.types))),
            Param("Attributes", "attributes", parse_attributes, default={}))


def build(entity: Entity) -> Callable[..., Record]:
    """The record builder of ``entity``."""

    def make(account: Account, sid: str, values: dict[str, Any], date_created: str) -> Record:
        record: dict[str, Any] = dict(entity.defaults, sid=sid, account_sid=account.sid, attributes={}, date_created=date_created,
                                      date_updated=date_created, url=entity.url(sid))
        record.update(values)
        return {key: record[key] for key in entity.order}

    return make


def routes(entity: Entity) -> tuple[Route, ...]:
    """The five routes of ``entity``."""
    fields = params(entity)

    def find(call: Call) -> Record:
        lifecycle.settle(call.owner())  # a change must see the bundles' current statuses
        return record_or_404(call.owner(), entity.kind, call.params["Sid"], f"/{entity.collection}/{call.params['Sid']}")

    def create(call: Call) -> Reply:
        require(call.form, "FriendlyName")
        require(call.form, "Type")
        return create_record(call, entity.kind, entity.prefix, build(entity), read(call.form, fields))

    def update(call: Call) -> Reply:
        record = find(call)
        values = read(call.form, (fields[0], fields[2]))
        if values:
            bundles = [held for _bundle, held in holders(call.owner(), record["sid"])]
            for held in bundles:
                lifecycle.check_editable(held)
            for held in bundles:
                lifecycle.changed(call.owner(), held)
            record.update(values, date_updated=iso8601())
        return Reply(200, record)

    def delete(call: Call) -> Reply:
        record = find(call)
        held = holders(call.owner(), record["sid"])
        if held:
            raise TwilioError(400, 20001, f"{record['sid']} is assigned to {', '.join(h['sid'] for _b, h in held)}: remove the assignment first")
        call.owner().remove(entity.kind, record["sid"])
        return Reply(204)

    return rest_routes(f"/v1/{entity.collection}", list_=listing(entity.kind, entity.url(), "results"), create=create,
                       fetch=fetching(find), update=update, delete=delete)


ROUTES = routes(END_USER) + routes(SUPPORTING_DOCUMENT)


def from_seed(entity: Entity) -> Callable[[Account, Any, str], Record]:
    """The seed builder: ``type`` and ``friendly_name`` (required), ``attributes`` (a mapping), optional ``sid``."""
    fields = params(entity)

    def seed(account: Account, entry: Any, where: str) -> Record:
        entry = seed_mapping(entry, where, ("sid", "friendly_name", "type", "attributes"), ("friendly_name", "type"))
        values = seed_values({key: value for key, value in entry.items() if key != "attributes"}, fields, where)
        attributes = entry.get("attributes", {})
        if not isinstance(attributes, dict):
            raise SeedError(f"{where}.attributes: expected a mapping")
        values["attributes"] = dict(attributes)
        return build(entity)(account, entry.get("sid") or account.new_sid(entity.prefix), values, iso8601())

    return seed
