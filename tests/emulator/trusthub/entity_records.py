"""What a bundle holds: entity-assignment records (``BV...``) and the look-ups the handlers, the seed and the evaluation share.

An assigned object is an end user (``IT...``), a supporting document (``RD...``) or another bundle (``BU...``: the primary
profile of a secondary profile, the customer profile of a trust product) of the same account. Its ``ObjectType`` (the list
filter) is its type's machine name; a bundle's is ``customer_profile`` / ``trust_product`` (*unconfirmed*).
"""

from typing import Optional

from emulator.state import Account, Record
from emulator.timefmt import iso8601
from emulator.trusthub import BUNDLES, CUSTOMER_PROFILES, END_USERS, ENTITY_ASSIGNMENTS, SUPPORTING_DOCUMENTS, TRUST_PRODUCTS, Bundle

PREFIX = "BV"
OBJECT_KINDS = (END_USERS, SUPPORTING_DOCUMENTS, CUSTOMER_PROFILES, TRUST_PRODUCTS)
BUNDLE_TYPES = {CUSTOMER_PROFILES: "customer_profile", TRUST_PRODUCTS: "trust_product"}


def object_of(account: Account, sid: str) -> Optional[tuple[str, Record]]:
    """The store kind and record of an assignable object of the account, or None."""
    for kind in OBJECT_KINDS:
        record = account.get(kind, sid)
        if record is not None:
            return kind, record
    return None


def object_type(account: Account, sid: str) -> Optional[str]:
    """The ``ObjectType`` of an assigned object (None once it is gone)."""
    found = object_of(account, sid)
    if found is None:
        return None
    kind, record = found
    return BUNDLE_TYPES.get(kind) or record.get("type")


def assignments(account: Account, bundle: Bundle, sid: str) -> list[Record]:
    """The bundle's entity assignments, oldest first."""
    return [record for record in account.records(ENTITY_ASSIGNMENTS) if record.get(bundle.sub_key) == sid]


def holders(account: Account, object_sid: str) -> list[tuple[Bundle, Record]]:
    """Every bundle the object is assigned to, with its record."""
    found = []
    for bundle in BUNDLES:
        for record in account.records(ENTITY_ASSIGNMENTS):
            held = account.get(bundle.kind, record.get(bundle.sub_key) or "")
            if record["object_sid"] == object_sid and held is not None:
                found.append((bundle, held))
    return found


def assign(account: Account, bundle: Bundle, bundle_sid: str, object_sid: str) -> Optional[Record]:
    """Store a new assignment of an existing object (not the bundle itself) to the bundle; None when there is no such object."""
    if object_sid == bundle_sid or object_of(account, object_sid) is None:
        return None
    sid = account.new_sid(PREFIX)
    record = {"sid": sid, bundle.sub_key: bundle_sid, "account_sid": account.sid, "object_sid": object_sid, "date_created": iso8601(),
              "url": f"{bundle.url(bundle_sid)}/EntityAssignments/{sid}"}
    return account.add(ENTITY_ASSIGNMENTS, record)
