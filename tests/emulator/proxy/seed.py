"""The ``proxy_services`` seed section: Proxy services and the owned numbers they hold.

``{unique_name, sid?, phone_numbers?: [E.164 or PN...], default_ttl?, callback_url?, geo_match_level?, ...}``: each
number must be one of the account's seeded ``phone_numbers`` and in at most one Proxy service.
"""

from typing import Any

from emulator.api import incoming_phone_numbers
from emulator.errors import SeedError, TwilioError
from emulator.params import seed_mapping, seed_values
from emulator.proxy import phone_numbers, services
from emulator.state import Account, Record
from emulator.timefmt import iso8601

SEED_FIELDS = ("sid", "phone_numbers") + tuple(param.name for param in services.PARAMS)


def _owned(account: Account, ref: Any, where: str) -> Record:
    """The owned number a seed reference (E.164 number or PN SID) names."""
    if not isinstance(ref, str):
        raise SeedError(f"{where}: expected an E.164 number (quoted, \"+15005550006\") or a PN SID, got {ref!r}")
    for record in account.records(incoming_phone_numbers.KIND):
        if ref in (record["sid"], record["phone_number"]):
            return record
    raise SeedError(f"{where}: {ref} is not one of this account's phone_numbers")


def from_seed(account: Account, entry: Any, where: str) -> Record:
    """A seeded Proxy service; its numbers go to the ``proxy_phone_numbers`` store."""
    entry = seed_mapping(entry, where, SEED_FIELDS, ("unique_name",))
    values = seed_values(entry, services.PARAMS, where)
    try:
        services.check_unique_name(account, values["unique_name"])
    except TwilioError:
        raise SeedError(f"{where}.unique_name: duplicate unique_name {values['unique_name']}") from None
    created = iso8601()
    service = services.build(account, entry.get("sid") or account.new_sid(services.PREFIX), values, created)
    numbers = entry.get("phone_numbers") or []
    if not isinstance(numbers, list):
        raise SeedError(f"{where}.phone_numbers: expected a list of E.164 numbers or PN SIDs")
    for index, ref in enumerate(numbers):
        owned = _owned(account, ref, f"{where}.phone_numbers[{index}]")
        try:
            phone_numbers.check_free(account, owned, service["sid"])
        except TwilioError as error:
            raise SeedError(f"{where}.phone_numbers[{index}]: {error.message}") from None
        account.add(phone_numbers.KIND, phone_numbers.build(account, service, owned, False, created))
    return service
