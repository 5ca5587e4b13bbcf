# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Input checks of a messaging service and an A2P campaign, shared by their modules and the flex_a2p role's input filter.

Each check raises ModuleError naming the field (with a prefix, the role's variable) and the value; none sends a request.
The campaign's limits are those of the UsAppToPerson create in Twilio's spec (twilio_messaging_v1.json, the property
descriptions of POST /v1/Services/{MessagingServiceSid}/Compliance/Usa2p); tests/unit/plugins/module_utils/
test_campaign_rules_spec.py compares them with the spec's text.
Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import re
from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import (check_list, check_name, check_range, check_sid, check_text,
                                                                              check_url, is_blank, shown)

SERVICE_URL_FIELDS = ("inbound_request_url", "fallback_url", "status_callback")
CAMPAIGN_MESSAGES = ("opt_in_message", "opt_out_message", "help_message")
CAMPAIGN_URL_FIELDS = ("privacy_policy_url", "terms_and_conditions_url")
CAMPAIGN_ID = re.compile(r"C[A-Z0-9]{6}")
# Option -> (fewest, most characters), from the spec's descriptions ("Min length: 40 characters. Max length: 4096 ...").
CAMPAIGN_TEXTS = {"description": (40, 4096), "message_flow": (40, 2048), "opt_in_message": (20, 320), "opt_out_message": (20, 320),
                  "help_message": (20, 320)}
SAMPLE_COUNT, SAMPLE_LENGTH = (2, 5), (20, 1024)
# "Values must be alphanumeric. 255 character maximum.": each keyword [A-Za-z0-9]+; 255 read as the whole list sent on to
# The Campaign Registry comma-separated (so also each keyword) - the reading is *unconfirmed*, docs/emulator.md.
CAMPAIGN_KEYWORDS = ("opt_in_keywords", "opt_out_keywords", "help_keywords")
KEYWORD, KEYWORDS_MAX = re.compile(r"[A-Za-z0-9]+"), 255


def check_service_options(params: dict[str, Any], prefix: str = "") -> None:
    """The options of a messaging service (absent keys and None are not checked)."""
    check_sid(prefix + "sid", params.get("sid"), "MG")
    check_name(prefix + "friendly_name", params.get("friendly_name"), 64)
    check_range(prefix + "validity_period", params.get("validity_period"), 1, 36000)
    for field in SERVICE_URL_FIELDS:
        check_url(prefix + field, params.get(field), allow_empty=True)


def check_not_split(name: str, value: Any, field: str | None = None) -> None:
    """An item of a list that starts or ends with white space: most likely one comma-separated text that Ansible split into
    a list (message_samples: "Hi there, this is ..." gives 'Hi there' and ' this is ...'), which Twilio would take as is."""
    if isinstance(value, str) and value != value.strip() and not is_blank(value):
        raise ModuleError("%s=%s starts or ends with white space: it looks like a comma-separated text split into a list (Ansible splits "
                          "a text given for a list at its commas). Write the list in YAML, one item per line, or quote each item."
                          % (name, shown(value)), field=field or name)


def check_keywords(field: str, values: list[Any] | None) -> None:
    """A list of alphanumeric keywords, at most 255 characters together (joined by commas)."""
    check_list(field, values)
    for index, value in enumerate(values or []):
        check_not_split("%s[%d]" % (field, index), value, field)
        if not isinstance(value, str) or not KEYWORD.fullmatch(value):
            raise ModuleError("%s[%d]=%s is not a keyword: Twilio takes letters and digits only (A-Z, a-z, 0-9), no spaces, hyphens or "
                              "other characters." % (field, index, shown(value)), field=field)
    if values and len(",".join(values)) > KEYWORDS_MAX:
        raise ModuleError("%s=%s: the keywords take %d characters together (joined by commas), Twilio allows %d."
                          % (field, shown(values), len(",".join(values)), KEYWORDS_MAX), field=field)


def check_campaign_options(params: dict[str, Any], prefix: str = "") -> None:
    """Every rule of an A2P campaign's fields that needs no request: brand SID, texts, samples, keywords, URLs, use case.

    Absent keys and None are not checked; an empty opt-in/out/help message or keyword list means none.
    """
    check_sid(prefix + "brand_registration_sid", params.get("brand_registration_sid"), "BN")
    for field, (low, high) in CAMPAIGN_TEXTS.items():
        if not (field in CAMPAIGN_MESSAGES and params.get(field) == ""):
            check_text(prefix + field, params.get(field), low, high)
    samples = params.get("message_samples")
    check_list(prefix + "message_samples", samples)
    if samples is not None:
        if not SAMPLE_COUNT[0] <= len(samples) <= SAMPLE_COUNT[1]:
            raise ModuleError("%smessage_samples must hold %d to %d samples, got %d: %s."
                              % (prefix, SAMPLE_COUNT[0], SAMPLE_COUNT[1], len(samples), shown(samples)), field=prefix + "message_samples")
        # A text split at its commas is named before its pieces' lengths (its first piece is often too short).
        for index, sample in enumerate(samples):
            check_not_split("%smessage_samples[%d]" % (prefix, index), sample)
        for index, sample in enumerate(samples):
            check_text("%smessage_samples[%d]" % (prefix, index), sample, *SAMPLE_LENGTH)
    for field in CAMPAIGN_KEYWORDS:
        check_keywords(prefix + field, params.get(field))
    for field in CAMPAIGN_URL_FIELDS:
        check_url(prefix + field, params.get(field))
    usecase = params.get("usecase")
    if usecase is not None and is_blank(str(usecase)):
        raise ModuleError("%susecase=%r: the use case must not be empty." % (prefix, usecase), field=prefix + "usecase")


def check_campaign_id(field: str, value: str | None) -> None:
    """A Campaign Registry campaign ID: C and 6 upper-case letters or digits."""
    if value is not None and not (isinstance(value, str) and CAMPAIGN_ID.fullmatch(value)):
        raise ModuleError("%s=%s is not a Campaign Registry campaign ID: C followed by 6 upper-case letters or digits (CABC123)."
                          % (field, shown(value)), field=field)
