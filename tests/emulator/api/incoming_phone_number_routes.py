"""``/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers``: list (with Twilio's filters), fetch, update.

List filters: ``PhoneNumber`` (partial numbers and ``*`` wildcards, see :mod:`emulator.api.number_filter`),
``FriendlyName`` (exact match, *unconfirmed*), ``Origin`` (exact: ``twilio`` or ``hosted``) and ``Beta``
(``false`` leaves out beta numbers; seeded numbers are not beta). The filters sent are repeated in every
paging URI, in the spec's order.
"""

from emulator.api import PRODUCT
from emulator.api.fields import NUMBER_FIELDS, apply_update
from emulator.api.incoming_phone_numbers import KIND, list_uri
from emulator.api.number_filter import number_matcher
from emulator.api.scope import addressed_account, addressed_record
from emulator.forms import last, parse_boolean
from emulator.paging import v2010_page
from emulator.routing import API, Call, Reply
from emulator.state import Record

FILTERS = ("FriendlyName", "Beta", "PhoneNumber", "Origin")


@API.route(PRODUCT, "GET", "/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json")
def list_numbers(call: Call) -> Reply:
    """The account's numbers in seed order, filtered, paged (key ``incoming_phone_numbers``)."""
    account = addressed_account(call)
    sent = [(name, value) for name in FILTERS if (value := last(call.query, name)) not in (None, "")]
    records = account.records(KIND)
    for name, value in sent:
        records = [record for record in records if _matches(name, value, record)]
    page = v2010_page(records, call.query, uri=list_uri(account.sid), key="incoming_phone_numbers", position=account.position, filters=sent)
    return Reply(200, page)


def _matches(name: str, value: str, record: Record) -> bool:
    if name == "PhoneNumber":
        return number_matcher(value)(record["phone_number"])
    if name == "Beta":
        return parse_boolean(name, value) or not record["beta"]
    field = "friendly_name" if name == "FriendlyName" else "origin"
    return bool(record[field] == value)


@API.route(PRODUCT, "GET", "/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json")
def fetch_number(call: Call) -> Reply:
    """Fetch one number."""
    return Reply(200, addressed_record(call, KIND))


@API.route(PRODUCT, "POST", "/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json")
def update_number(call: Call) -> Reply:
    """Change the sent fields (``SmsUrl``, ``SmsMethod``, ``SmsApplicationSid``, ``FriendlyName``...); 200."""
    return Reply(200, apply_update(addressed_record(call, KIND), call.form, NUMBER_FIELDS))
