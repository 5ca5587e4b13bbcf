"""A bundle's EntityAssignments (``BV...``) and ChannelEndpointAssignments (``RA...``): list, create, fetch, delete.

Fields follow the spec's ``..._entity_assignment`` / ``..._channel_endpoint_assignment`` schemas. An entity assignment
names an end user, supporting document or bundle of the caller's account (else 400 / 20001, *unconfirmed*), once per
bundle (a second one 400 / 20001, *unconfirmed*); creating or deleting one is a change of the bundle (allowed while
``draft`` / ``twilio-rejected``: :func:`emulator.trusthub.lifecycle.changed`). List filter ``ObjectType``: the object's
type machine name (:mod:`emulator.trusthub.entity_records`). Channel endpoint assignments are minimal: any channel
endpoint SID shape and type, any bundle status (*unconfirmed*); list filters ``ChannelEndpointSid`` and
``ChannelEndpointSids`` (comma-separated).
"""

import re
from typing import Callable

from emulator.crud import created, page_reply
from emulator.errors import TwilioError, invalid_parameter, not_found
from emulator.forms import last, require
from emulator.routing import Call, Reply, Route
from emulator.state import Record
from emulator.timefmt import iso8601
from emulator.trusthub import BUNDLES, CHANNEL_ENDPOINT_ASSIGNMENTS, ENTITY_ASSIGNMENTS, Bundle
from emulator.trusthub import lifecycle
from emulator.trusthub.bundles import find as find_bundle
from emulator.trusthub.entity_records import assign, assignments, object_of, object_type

ANY_SID = re.compile(r"^[a-zA-Z]{2}[0-9a-fA-F]{32}$")  # the spec's object_sid / channel_endpoint_sid pattern


def _item(bundle: Bundle, kind: str, segment: str) -> Callable[[Call], tuple[Record, Record]]:
    """The look-up of the path's bundle and one of its sub-resource records, else 404 / 20404."""

    def find(call: Call) -> tuple[Record, Record]:
        owner = find_bundle(call, bundle, bundle.path_param, f"/{segment}/{call.params['Sid']}")
        record = call.owner().get(kind, call.params["Sid"])
        if record is None or record.get(bundle.sub_key) != owner["sid"]:
            raise not_found(f"/{bundle.collection}/{owner['sid']}/{segment}/{call.params['Sid']}")
        return owner, record

    return find


def _entity_routes(bundle: Bundle) -> tuple[Route, ...]:
    pattern = f"/v1/{bundle.collection}/{{{bundle.path_param}}}/EntityAssignments"
    find = _item(bundle, ENTITY_ASSIGNMENTS, "EntityAssignments")

    def list_all(call: Call) -> Reply:
        owner = find_bundle(call, bundle, bundle.path_param, "/EntityAssignments")
        records, wanted = assignments(call.owner(), bundle, owner["sid"]), last(call.query, "ObjectType")
        if wanted:
            records = [record for record in records if object_type(call.owner(), record["object_sid"]) == wanted]
        return page_reply(call, records, url=f"{bundle.url(owner['sid'])}/EntityAssignments", key="results",
                          filters=[("ObjectType", wanted)] if wanted else [])

    def create(call: Call) -> Reply:
        owner = find_bundle(call, bundle, bundle.path_param, "/EntityAssignments")
        object_sid = require(call.form, "ObjectSid")
        if not ANY_SID.match(object_sid):
            raise invalid_parameter("ObjectSid", object_sid, "a SID (2 letters + 32 hex digits)")
        if object_sid == owner["sid"] or object_of(call.owner(), object_sid) is None:
            raise invalid_parameter("ObjectSid", object_sid, "an end user, supporting document or other bundle of this account")
        if any(record["object_sid"] == object_sid for record in assignments(call.owner(), bundle, owner["sid"])):
            raise TwilioError(400, 20001, f"ObjectSid {object_sid} is already assigned to {owner['sid']}")
        lifecycle.changed(call.owner(), owner)
        return Reply(201, assign(call.owner(), bundle, owner["sid"], object_sid))

    def fetch(call: Call) -> Reply:
        return Reply(200, find(call)[1])

    def delete(call: Call) -> Reply:
        owner, record = find(call)
        lifecycle.changed(call.owner(), owner)
        call.owner().remove(ENTITY_ASSIGNMENTS, record["sid"])
        return Reply(204)

    return (Route("GET", pattern, list_all), Route("POST", pattern, create), Route("GET", pattern + "/{Sid}", fetch),
            Route("DELETE", pattern + "/{Sid}", delete))


def _channel_routes(bundle: Bundle) -> tuple[Route, ...]:
    pattern = f"/v1/{bundle.collection}/{{{bundle.path_param}}}/ChannelEndpointAssignments"
    find = _item(bundle, CHANNEL_ENDPOINT_ASSIGNMENTS, "ChannelEndpointAssignments")

    def list_all(call: Call) -> Reply:
        owner = find_bundle(call, bundle, bundle.path_param, "/ChannelEndpointAssignments")
        records = [record for record in call.owner().records(CHANNEL_ENDPOINT_ASSIGNMENTS) if record.get(bundle.sub_key) == owner["sid"]]
        sent = []
        one, many = last(call.query, "ChannelEndpointSid"), last(call.query, "ChannelEndpointSids")
        if one:
            records, sent = [r for r in records if r["channel_endpoint_sid"] == one], [("ChannelEndpointSid", one)]
        if many:
            wanted = {item.strip() for item in many.split(",")}
            records, sent = [r for r in records if r["channel_endpoint_sid"] in wanted], sent + [("ChannelEndpointSids", many)]
        return page_reply(call, records, url=f"{bundle.url(owner['sid'])}/ChannelEndpointAssignments", key="results", filters=sent)

    def create(call: Call) -> Reply:
        owner = find_bundle(call, bundle, bundle.path_param, "/ChannelEndpointAssignments")
        kind, endpoint = require(call.form, "ChannelEndpointType"), require(call.form, "ChannelEndpointSid")
        if not ANY_SID.match(endpoint):
            raise invalid_parameter("ChannelEndpointSid", endpoint, "a SID (2 letters + 32 hex digits)")
        account = call.owner()
        sid = account.new_sid("RA")
        record = {"sid": sid, bundle.sub_key: owner["sid"], "account_sid": account.sid, "channel_endpoint_type": kind,
                  "channel_endpoint_sid": endpoint, "date_created": iso8601(),
                  "url": f"{bundle.url(owner['sid'])}/ChannelEndpointAssignments/{sid}"}
        return created(account, CHANNEL_ENDPOINT_ASSIGNMENTS, record)

    def fetch(call: Call) -> Reply:
        return Reply(200, find(call)[1])

    def delete(call: Call) -> Reply:
        call.owner().remove(CHANNEL_ENDPOINT_ASSIGNMENTS, find(call)[1]["sid"])
        return Reply(204)

    return (Route("GET", pattern, list_all), Route("POST", pattern, create), Route("GET", pattern + "/{Sid}", fetch),
            Route("DELETE", pattern + "/{Sid}", delete))


ROUTES = tuple(route for bundle in BUNDLES for route in _entity_routes(bundle) + _channel_routes(bundle))
