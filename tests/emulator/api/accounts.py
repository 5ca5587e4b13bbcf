"""``/2010-04-01/Accounts/{Sid}.json``: fetch the caller's own Account resource (``AC...``).

Fields follow the ``api.v2010.account`` schema of twilio_api_v2010.json in its order. A seeded account is
``active``, of type ``Full``, its own owner (the spec: "The OwnerAccountSid of a parent account is it's own sid"),
dated when the emulator built it. Twilio returns the account's auth token in ``auth_token`` (the spec's fetch
example); the emulator returns the fixed stand-in :data:`AUTH_TOKEN_STAND_IN` instead, so that its request log,
which records every response, never holds a credential. A client must not pass the field on either way.

Twilio's API keys page: a Standard API key has access to every resource "except for API key and Account
resources". API keys are modelled as Standard keys (Main keys are not modelled), so a caller signed in with one gets
401 / 20003 with the message of Twilio's support article "Error 20003: Authentication Error Invalid Username When Using
Restricted API Keys" (:data:`KEY_REFUSED`; twilio/twilio-python#259, older, shows ``Authenticate``).
Another account's SID answers 401 / 20003 too, as every 2010 path does here (*unconfirmed*).
"""

from emulator.api import account_uri
from emulator.api.scope import addressed_account
from emulator.errors import authenticate
from emulator.routing import Call, Reply, Route
from emulator.state import Account

AUTH_TOKEN_STAND_IN = "emulator-does-not-return-auth-tokens"
KEY_REFUSED = "Authentication Error - invalid username"  # Twilio's support article on 20003 for Standard/Restricted keys
SUBRESOURCES = ("addresses", "applications", "authorized_connect_apps", "available_phone_numbers", "balance", "calls",
                "conferences", "connect_apps", "incoming_phone_numbers", "keys", "messages", "notifications",
                "outgoing_caller_ids", "queues", "recordings", "short_codes", "signing_keys", "sip", "transcriptions", "usage")
_SUBRESOURCE_PATHS = {"short_codes": "SMS/ShortCodes", "sip": "SIP"}


def account_record(account: Account) -> dict[str, object]:
    """The Account resource of a seeded account, in the schema's order."""
    base = account_uri(account.sid)
    names = {name: _SUBRESOURCE_PATHS.get(name, "".join(part.capitalize() for part in name.split("_"))) for name in SUBRESOURCES}
    return {
        "auth_token": AUTH_TOKEN_STAND_IN,
        "date_created": account.date_created,
        "date_updated": account.date_created,
        "friendly_name": account.friendly_name,
        "owner_account_sid": account.sid,
        "sid": account.sid,
        "status": "active",
        "subresource_uris": {name: f"{base}/{path}.json" for name, path in names.items()},
        "type": "Full",
        "uri": f"{base}.json",
    }


def fetch_account(call: Call) -> Reply:
    """The caller's own account; 401 / 20003 to an API key or for another account's SID."""
    account = addressed_account(call)
    if call.by_api_key:
        raise authenticate(KEY_REFUSED)
    return Reply(200, account_record(account))


ROUTES = (Route("GET", "/2010-04-01/Accounts/{AccountSid}.json", fetch_account),)
