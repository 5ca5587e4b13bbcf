"""The handler shapes several resources share: a record by SID or 404 / 20404, a fetch, a paged v1 list, an update
that moves ``date_updated``, a delete.

Each resource keeps its own rules (what a 404 names, which parameters, which checks); these helpers only remove the
lines every resource would otherwise repeat.
"""

from typing import Any, Callable

from emulator.errors import not_found
from emulator.paging import v1_page
from emulator.routing import Call, Handler, Reply
from emulator.state import Account, Record
from emulator.timefmt import iso8601

Find = Callable[[Call], Record]
"""A resource's look-up of the record a request addresses (raising 404 / 20404 when there is none)."""
Build = Callable[[Account, str, dict[str, Any], str], Record]
"""A resource's record builder: ``(account, sid, values, date_created)`` -> the record in schema order."""


def record_or_404(account: Account, kind: str, sid: str, path: str) -> Record:
    """The ``kind`` record ``sid`` of the account, else 404 / 20404 naming ``path``."""
    record = account.get(kind, sid)
    if record is None:
        raise not_found(path)
    return record


def fetching(find: Find) -> Handler:
    """The fetch handler of a resource: 200 and the record ``find`` gives."""

    def fetch(call: Call) -> Reply:
        """Fetch the addressed record (200)."""
        return Reply(200, find(call))

    return fetch


def deleting(find: Find, kind: str) -> Handler:
    """The delete handler of a resource with nothing else to remove: 204."""

    def delete(call: Call) -> Reply:
        """Delete the addressed record (204)."""
        call.owner().remove(kind, find(call)["sid"])
        return Reply(204)

    return delete


def listing(kind: str, url: str, key: str) -> Handler:
    """The list handler of a resource listing all its records: one v1 page, in creation order, under ``key``."""

    def list_all(call: Call) -> Reply:
        """Every record of the caller's account, paged."""
        return page_reply(call, call.owner().records(kind), url=url, key=key)

    return list_all


def page_reply(call: Call, records: list[Record], url: str, key: str, **options: Any) -> Reply:
    """200 and one v1 page of ``records`` (in the caller's account's creation order) under ``key``."""
    return Reply(200, v1_page(records, call.query, url=url, key=key, position=call.owner().position, **options))


def updated(record: Record, values: dict[str, Any], stamp: str) -> Reply:
    """Store the checked ``values`` in the record, move its ``date_updated`` to ``stamp`` (now, in the product's date
    format) and answer 200."""
    record.update(values)
    record["date_updated"] = stamp
    return Reply(200, record)


def created(account: Account, kind: str, record: Record) -> Reply:
    """Store a new record as the newest of its kind and answer 201."""
    return Reply(201, account.add(kind, record))


def create_record(call: Call, kind: str, prefix: str, build: Build, values: dict[str, Any]) -> Reply:
    """Build a new record of the caller's account from the checked ``values`` (a fresh ``prefix`` SID, dated now), store it
    and answer 201."""
    account = call.owner()
    return created(account, kind, build(account, account.new_sid(prefix), values, iso8601()))
