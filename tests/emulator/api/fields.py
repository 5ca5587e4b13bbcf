"""Writable fields of 2010 resources (phone numbers, short codes) as `params.Param`s, their update, and the fetch/update routes of one record.

An update changes only the fields sent and moves ``date_updated``. Unset URL and application SID fields
read ``""`` as in the spec's examples; sending an empty value clears a field back to ``""``
(twilio/twilio-cli-core#57: `--sms-url=""` clears callback URLs); a URL that is not an absolute http(s) URL is
400 / 21502 (:func:`emulator.forms.url_or`). Parameters the emulator does not model (``AccountSid`` transfers, ``TrunkSid``,
``EmergencyStatus``, ``AddressSid``, ``BundleSid``, ``IdentitySid``, ``VoiceReceiveMode``, ``ApiVersion``...)
are ignored like unknown ones.
"""

from typing import Sequence

from emulator.api.scope import addressed_record
from emulator.crud import updated
from emulator.errors import TwilioError, invalid_parameter
from emulator.forms import MultiDict, Parser, one_of, parse_boolean, text_up_to, url_or
from emulator.params import Param, read
from emulator.routing import Call, Reply, Route
from emulator.sids import is_sid
from emulator.state import Record
from emulator.timefmt import rfc2822


any_url = url_or("")
"""A webhook URL (:func:`emulator.forms.url_or`); empty clears it to ``""``."""


def sid_or_empty(prefix: str) -> Parser:
    """Parser for an optional SID reference such as ``SmsApplicationSid`` (``AP...``); empty clears it."""

    def parse(name: str, raw: str) -> str:
        if raw and not is_sid(raw, prefix):
            raise invalid_parameter(name, raw, f"a {prefix} SID ({prefix} + 32 lowercase hex) or an empty value")
        return raw

    return parse


def invalid_method(name: str, raw: str) -> TwilioError:
    """400 / 21403 "Invalid Method" (https://www.twilio.com/docs/errors/21403: an update of a phone number's HTTP method to
    anything but GET or POST; the status and wording *unconfirmed*)."""
    return TwilioError(400, 21403, f"Invalid Method {raw} for {name}: GET or POST")


parse_http_method = one_of(("GET", "POST"), fold_upper=True)
number_method = one_of(("GET", "POST"), fold_upper=True, error=invalid_method)


def sms_fields(method: Parser) -> tuple[Param, ...]:
    """The SMS fields numbers and short codes share; ``method`` parses their HTTP methods."""
    return (
        Param("FriendlyName", "friendly_name", text_up_to(64)),
        Param("SmsUrl", "sms_url", any_url),
        Param("SmsMethod", "sms_method", method),
        Param("SmsFallbackUrl", "sms_fallback_url", any_url),
        Param("SmsFallbackMethod", "sms_fallback_method", method),
    )


SMS_FIELDS = sms_fields(parse_http_method)  # short codes: a bad method is 400 / 20001 (*unconfirmed*)

NUMBER_FIELDS = sms_fields(number_method) + (
    Param("SmsApplicationSid", "sms_application_sid", sid_or_empty("AP")),
    Param("StatusCallback", "status_callback", any_url),
    Param("StatusCallbackMethod", "status_callback_method", number_method),
    Param("VoiceUrl", "voice_url", any_url),
    Param("VoiceMethod", "voice_method", number_method),
    Param("VoiceFallbackUrl", "voice_fallback_url", any_url),
    Param("VoiceFallbackMethod", "voice_fallback_method", number_method),
    Param("VoiceApplicationSid", "voice_application_sid", sid_or_empty("AP")),
    Param("VoiceCallerIdLookup", "voice_caller_id_lookup", parse_boolean),
)


def apply_update(record: Record, form: MultiDict, fields: Sequence[Param]) -> Reply:
    """Parse every sent field first (nothing changes on a 400), then store them, move ``date_updated`` and answer 200."""
    return updated(record, read(form, fields), rfc2822())


def record_routes(pattern: str, kind: str, fields: Sequence[Param]) -> tuple[Route, Route]:
    """``GET`` (fetch) and ``POST`` (change the sent ``fields``, 200) of one record of the addressed account."""

    def fetch(call: Call) -> Reply:
        return Reply(200, addressed_record(call, kind))

    def update(call: Call) -> Reply:
        return apply_update(addressed_record(call, kind), call.form, fields)

    return Route("GET", pattern, fetch), Route("POST", pattern, update)
