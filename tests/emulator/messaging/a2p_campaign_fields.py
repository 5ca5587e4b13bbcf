"""US A2P campaign (UsAppToPerson, ``QE...``) fields: form parameters, their checks, and the record in schema order.

The record follows ``messaging.v1.service.us_app_to_person`` (twilio_messaging_v1.json) plus the two fields twilio 9.13
sends and reads that the spec does not have yet: ``privacy_policy_url`` and ``terms_and_conditions_url`` (last).
Length and count limits are the spec's descriptions of the create's parameters (POST .../Compliance/Usa2p), kept in
TEXT_LIMITS, SAMPLE_COUNT, SAMPLE_LENGTH and KEYWORDS_MAX; a value or a sample count outside them answers 400 / 21728
("Campaign registration failed due to length validation failures", https://www.twilio.com/docs/errors/21728, which
names these fields and limits; on an update too, *unconfirmed*; HTTP status and wording *unconfirmed*). A create missing
a required parameter answers 400 / 21727 ("... due to missing parameter(s)", https://www.twilio.com/docs/errors/21727,
which lists CREATE_REQUIRED); an update missing one keeps 20001 (*unconfirmed*). Keywords: "Values must be alphanumeric.
255 character maximum." - each value [A-Za-z0-9]+ (else 20001, *unconfirmed* code), and the 255 read as the values joined
by commas (*unconfirmed*). A parameter sent empty counts as not sent. Lists are repeated form keys. Every pattern matches
whole values (fullmatch: ``$`` would accept a trailing newline).
"""

import re
from typing import Any, Optional

from emulator.errors import TwilioError, missing_parameter
from emulator.forms import MultiDict, parse_boolean
from emulator.messaging import service_url
from emulator.messaging.a2p_catalog import DEFAULT_HELP_KEYWORDS, DEFAULT_HELP_MESSAGE, DEFAULT_OPT_OUT_KEYWORDS, DEFAULT_OPT_OUT_MESSAGE
from emulator.params import Param
from emulator.state import Account, Record

KEYWORD = re.compile(r"[A-Za-z0-9]+")
TEXT_LIMITS = {"Description": (40, 4096), "MessageFlow": (40, 2048), "OptInMessage": (20, 320), "OptOutMessage": (20, 320),
               "HelpMessage": (20, 320)}
SAMPLE_COUNT, SAMPLE_LENGTH, KEYWORDS_MAX = (2, 5), (20, 1024), 255
MISSING_PARAMETER, LENGTH_FAILURE = 21727, 21728


def _length(name: str, value: str, low: int, high: int) -> str:
    if not low <= len(value) <= high:
        raise TwilioError(400, LENGTH_FAILURE, f"{name} must be between {low} and {high} characters long")
    return value


def text(name: str, raw: str) -> str:
    """A text as long as TEXT_LIMITS says."""
    return _length(name, raw, *TEXT_LIMITS[name])


def plain(_name: str, raw: str) -> str:
    """A value, unchecked."""
    return raw


def samples(name: str, values: list[str]) -> list[str]:
    """2 to 5 message samples of 20 to 1024 characters each."""
    low, high = SAMPLE_COUNT
    if not low <= len(values) <= high:
        raise TwilioError(400, LENGTH_FAILURE, f"{name} must have between {low} and {high} values, got {len(values)}")
    return [_length(name, value, *SAMPLE_LENGTH) for value in values]


def keywords(name: str, values: list[str]) -> list[str]:
    """Alphanumeric keywords, at most 255 characters together (joined by commas)."""
    for value in values:
        if not KEYWORD.fullmatch(value):
            raise TwilioError(400, 20001, f"{name} values must be alphanumeric, got '{value}'")
    if len(",".join(values)) > KEYWORDS_MAX:
        raise TwilioError(400, LENGTH_FAILURE, f"{name} must be at most {KEYWORDS_MAX} characters long, got {len(','.join(values))}")
    return list(values)


PARAMS = tuple(Param(param, name, parse, repeated=parse in (samples, keywords)) for param, name, parse in (  # list parsers see every value
    ("BrandRegistrationSid", "brand_registration_sid", plain),
    ("Description", "description", text),
    ("MessageFlow", "message_flow", text),
    ("MessageSamples", "message_samples", samples),
    ("UsAppToPersonUsecase", "us_app_to_person_usecase", plain),
    ("HasEmbeddedLinks", "has_embedded_links", parse_boolean),
    ("HasEmbeddedPhone", "has_embedded_phone", parse_boolean),
    ("OptInMessage", "opt_in_message", text),
    ("OptOutMessage", "opt_out_message", text),
    ("HelpMessage", "help_message", text),
    ("OptInKeywords", "opt_in_keywords", keywords),
    ("OptOutKeywords", "opt_out_keywords", keywords),
    ("HelpKeywords", "help_keywords", keywords),
    ("SubscriberOptIn", "subscriber_opt_in", parse_boolean),
    ("AgeGated", "age_gated", parse_boolean),
    ("DirectLending", "direct_lending", parse_boolean),
    ("PrivacyPolicyUrl", "privacy_policy_url", plain),
    ("TermsAndConditionsUrl", "terms_and_conditions_url", plain),
))
BY_PARAM = {param.param: param for param in PARAMS}
ALL_PARAMS = tuple(param.param for param in PARAMS)

CREATE_REQUIRED = ("BrandRegistrationSid", "Description", "MessageFlow", "MessageSamples", "UsAppToPersonUsecase", "HasEmbeddedLinks", "HasEmbeddedPhone")
UPDATE_REQUIRED = ("HasEmbeddedLinks", "HasEmbeddedPhone", "MessageSamples", "MessageFlow", "Description", "AgeGated", "DirectLending")
UPDATABLE = UPDATE_REQUIRED + ("PrivacyPolicyUrl", "TermsAndConditionsUrl")
FIXED = ("BrandRegistrationSid", "UsAppToPersonUsecase", "OptInMessage", "OptOutMessage", "HelpMessage", "OptInKeywords", "OptOutKeywords",
         "HelpKeywords", "SubscriberOptIn")

ORDER = (
    "sid", "account_sid", "brand_registration_sid", "messaging_service_sid", "description", "message_samples", "us_app_to_person_usecase",
    "has_embedded_links", "has_embedded_phone", "subscriber_opt_in", "age_gated", "direct_lending", "campaign_status", "campaign_id",
    "is_externally_registered", "rate_limits", "message_flow", "opt_in_message", "opt_out_message", "help_message", "opt_in_keywords",
    "opt_out_keywords", "help_keywords", "date_created", "date_updated", "url", "mock", "errors", "privacy_policy_url",
    "terms_and_conditions_url",
)


def _sent(form: MultiDict, param: str) -> list[str]:
    return [value for value in form.get(param, []) if value != ""]


def require_all(form: MultiDict, params: tuple[str, ...], code: Optional[int] = None) -> None:
    """400 / 20001 (or ``code``: 21727 for a create) for the first required parameter not sent (or sent empty)."""
    for param in params:
        if not _sent(form, param):
            missing = missing_parameter(param)
            raise missing if code is None else TwilioError(400, code, missing.message)


def parse(form: MultiDict, params: tuple[str, ...]) -> dict[str, Any]:
    """Typed values, by JSON field name, of the ``params`` present in the form: a repeated parameter's non-empty values,
    the last non-empty value of any other one."""
    found = {}
    for param in params:
        values = _sent(form, param)
        if values:
            spec = BY_PARAM[param]
            found[spec.name] = spec.parse(param, values if spec.repeated else values[-1])
    return found


def check_fixed(record: Record, form: MultiDict) -> None:
    """400 / 20001 (*unconfirmed*) when an update sends a field that cannot change with a value other than the current one."""
    for name, value in parse(form, FIXED).items():
        if record[name] != value:
            param = next(spec.param for spec in PARAMS if spec.name == name)
            raise TwilioError(400, 20001, f"{param} cannot be changed on an existing A2P campaign; delete it and create a new one")


def campaign_url(service_sid: str, sid: str) -> str:
    """Twilio's absolute URL of a campaign."""
    return f"{service_url(service_sid)}/Compliance/Usa2p/{sid}"


def build(account: Account, sid: str, values: dict[str, Any], created: str, updated: Optional[str] = None) -> Record:
    """A complete campaign record in schema order: Twilio's defaults (opt-out and help texts and keywords included), then ``values``
    (which must hold ``messaging_service_sid``)."""
    service_sid = values["messaging_service_sid"]
    record: dict[str, Any] = {name: None for name in ORDER}
    record.update(
        sid=sid, account_sid=account.sid, subscriber_opt_in=False, age_gated=False,
        direct_lending=False, campaign_status="PENDING", is_externally_registered=False, opt_out_message=DEFAULT_OPT_OUT_MESSAGE,
        help_message=DEFAULT_HELP_MESSAGE, opt_out_keywords=list(DEFAULT_OPT_OUT_KEYWORDS), help_keywords=list(DEFAULT_HELP_KEYWORDS),
        date_created=created, date_updated=updated or created, url=campaign_url(service_sid, sid), mock=False, errors=[],
    )
    record.update(values)
    return {key: record[key] for key in ORDER}
