"""Writable fields of 2010 resources (phone numbers, short codes): form parameter, JSON name and parser.

An update changes only the fields sent and moves ``date_updated``. Unset URL and application SID fields
read ``""`` as in the spec's examples; sending an empty value clears a field back to ``""``
(*unconfirmed*). Parameters the emulator does not model (``AccountSid`` transfers, ``TrunkSid``,
``EmergencyStatus``, ``AddressSid``, ``BundleSid``, ``IdentitySid``, ``VoiceReceiveMode``, ``ApiVersion``...)
are ignored like unknown ones.
"""

from typing import Sequence

from emulator.errors import invalid_parameter
from emulator.forms import MultiDict, Parser, last, one_of, parse_boolean, text_up_to
from emulator.sids import is_sid
from emulator.state import Record
from emulator.timefmt import rfc2822


Field = tuple[str, str, Parser]
"""A writable field: (form parameter, JSON name, parser)."""


def any_text(_name: str, raw: str) -> str:
    """A URL or free text, kept verbatim (URLs are not validated); empty clears it."""
    return raw


def sid_or_empty(prefix: str) -> Parser:
    """Parser for an optional SID reference such as ``SmsApplicationSid`` (``AP...``); empty clears it."""

    def parse(name: str, raw: str) -> str:
        if raw and not is_sid(raw, prefix):
            raise invalid_parameter(name, raw, f"a {prefix} SID ({prefix} + 32 lowercase hex) or an empty value")
        return raw

    return parse


parse_http_method = one_of(("GET", "POST"), fold_upper=True)

SMS_FIELDS: tuple[Field, ...] = (
    ("FriendlyName", "friendly_name", text_up_to(64)),
    ("SmsUrl", "sms_url", any_text),
    ("SmsMethod", "sms_method", parse_http_method),
    ("SmsFallbackUrl", "sms_fallback_url", any_text),
    ("SmsFallbackMethod", "sms_fallback_method", parse_http_method),
)

NUMBER_FIELDS = SMS_FIELDS + (
    ("SmsApplicationSid", "sms_application_sid", sid_or_empty("AP")),
    ("StatusCallback", "status_callback", any_text),
    ("StatusCallbackMethod", "status_callback_method", parse_http_method),
    ("VoiceUrl", "voice_url", any_text),
    ("VoiceMethod", "voice_method", parse_http_method),
    ("VoiceFallbackUrl", "voice_fallback_url", any_text),
    ("VoiceFallbackMethod", "voice_fallback_method", parse_http_method),
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
