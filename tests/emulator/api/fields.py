"""Writable fields of 2010 resources (phone numbers, short codes): form parameter, JSON name and parser.

An update changes only the fields sent and moves ``date_updated``. Unset URL and application SID fields
read ``""`` as in the spec's examples; sending an empty value clears a field back to ``""``
(twilio/twilio-cli-core#57: `--sms-url=""` clears callback URLs); a URL that is not an absolute http(s) URL is
400 / 21502 (:func:`emulator.forms.url_or`). Parameters the emulator does not model (``AccountSid`` transfers, ``TrunkSid``,
``EmergencyStatus``, ``AddressSid``, ``BundleSid``, ``IdentitySid``, ``VoiceReceiveMode``, ``ApiVersion``...)
are ignored like unknown ones.
"""

from typing import Sequence

from emulator.errors import TwilioError, invalid_parameter
from emulator.forms import MultiDict, Parser, last, one_of, parse_boolean, text_up_to, url_or
from emulator.sids import is_sid
from emulator.state import Record
from emulator.timefmt import rfc2822


Field = tuple[str, str, Parser]
"""A writable field: (form parameter, JSON name, parser)."""


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


def sms_fields(method: Parser) -> tuple[Field, ...]:
    """The SMS fields numbers and short codes share; ``method`` parses their HTTP methods."""
    return (
        ("FriendlyName", "friendly_name", text_up_to(64)),
        ("SmsUrl", "sms_url", any_url),
        ("SmsMethod", "sms_method", method),
        ("SmsFallbackUrl", "sms_fallback_url", any_url),
        ("SmsFallbackMethod", "sms_fallback_method", method),
    )


SMS_FIELDS = sms_fields(parse_http_method)  # short codes: a bad method is 400 / 20001 (*unconfirmed*)

NUMBER_FIELDS = sms_fields(number_method) + (
    ("SmsApplicationSid", "sms_application_sid", sid_or_empty("AP")),
    ("StatusCallback", "status_callback", any_url),
    ("StatusCallbackMethod", "status_callback_method", number_method),
    ("VoiceUrl", "voice_url", any_url),
    ("VoiceMethod", "voice_method", number_method),
    ("VoiceFallbackUrl", "voice_fallback_url", any_url),
    ("VoiceFallbackMethod", "voice_fallback_method", number_method),
    ("VoiceApplicationSid", "voice_application_sid", sid_or_empty("AP")),
    ("VoiceCallerIdLookup", "voice_caller_id_lookup", parse_boolean),
)


def apply_update(record: Record, form: MultiDict, fields: Sequence[Field]) -> Record:
    """Parse every sent field first (nothing changes on a 400), then store them and move ``date_updated``."""
    values = {}
    for param, name, parse in fields:
        raw = last(form, param)
        if raw is not None:
            values[name] = parse(param, raw)
    record.update(values)
    record["date_updated"] = rfc2822()
    return record
