"""Trust Hub reference resources, the same for every account: Policies (``RN...``), EndUserTypes and
SupportingDocumentTypes (``OY...``); list and fetch only.

Records follow the ``trusthub.v1.policies`` / ``end_user_type`` / ``supporting_document_type`` schemas; the data is
:mod:`emulator.trusthub.policy_data`. List keys as the spec's examples: ``results``, ``end_user_types``,
``supporting_document_types``. A type is fetched by its SID or, as the policies' ``url`` fields name it, by its machine
name (*unconfirmed*). A type's SID is derived from its machine name; every field's ``constraint`` is ``String`` (the
spec's example; *unconfirmed* for the others).
"""

import copy
import hashlib

from emulator.errors import not_found
from emulator.paging import v1_page
from emulator.routing import Call, Reply, Route
from emulator.state import Record
from emulator.trusthub import BASE_URL
from emulator.trusthub.policy_data import END_USER_TYPES, POLICIES, SUPPORTING_DOCUMENT_TYPES, EntityType


def _type_record(collection: str, entity: EntityType) -> Record:
    sid = "OY" + hashlib.sha256(entity.machine_name.encode("ascii")).hexdigest()[:32]
    return {"sid": sid, "friendly_name": entity.friendly_name, "machine_name": entity.machine_name,
            "fields": [{"machine_name": rule.name, "friendly_name": rule.friendly_name, "constraint": "String"} for rule in entity.fields],
            "url": f"{BASE_URL}/{collection}/{sid}"}


POLICY_RECORDS = [{"sid": policy.sid, "friendly_name": policy.friendly_name, "requirements": policy.requirements,
                   "url": f"{BASE_URL}/Policies/{policy.sid}"} for policy in POLICIES.values()]
END_USER_TYPE_RECORDS = [_type_record("EndUserTypes", entity) for entity in END_USER_TYPES.values()]
DOCUMENT_TYPE_RECORDS = [_type_record("SupportingDocumentTypes", entity) for entity in SUPPORTING_DOCUMENT_TYPES.values()]


def _routes(collection: str, records: list[Record], key: str) -> tuple[Route, Route]:
    order = {record["sid"]: index for index, record in enumerate(records)}

    def list_all(call: Call) -> Reply:
        call.owner()
        return Reply(200, copy.deepcopy(v1_page(records, call.query, url=f"{BASE_URL}/{collection}", key=key, position=order.get)))

    def fetch(call: Call) -> Reply:
        call.owner()
        wanted = call.params["Sid"]
        for record in records:
            if wanted in (record["sid"], record.get("machine_name")):
                return Reply(200, copy.deepcopy(record))
        raise not_found(f"/{collection}/{wanted}")

    return Route("GET", f"/v1/{collection}", list_all), Route("GET", f"/v1/{collection}/{{Sid}}", fetch)


ROUTES = (_routes("Policies", POLICY_RECORDS, "results") + _routes("EndUserTypes", END_USER_TYPE_RECORDS, "end_user_types")
          + _routes("SupportingDocumentTypes", DOCUMENT_TYPE_RECORDS, "supporting_document_types"))
