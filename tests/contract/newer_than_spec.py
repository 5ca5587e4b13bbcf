# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Fields that twilio 9.13 knows and the pinned spec (npm @twilio-alpha/mcp@0.7.0) does not yet.

Anything not listed here and not in the spec is reported. Keep each entry to a field the SDK
really sends or reads, with the reason; drop entries when the pin moves to a spec that has them.
Keys are (product, HTTP method in lower case, spec path pattern).
"""

from __future__ import annotations

_USA2P = "/v1/Services/{MessagingServiceSid}/Compliance/Usa2p"
_USA2P_ONE = "/v1/Services/{MessagingServiceSid}/Compliance/Usa2p/{Sid}"

# twilio 9.13's UsAppToPersonList.create() and UsAppToPersonContext.update() send these two
# optional fields (Twilio added them to campaigns after the pinned spec was cut).
_CAMPAIGN_URL_FIELDS = frozenset({"PrivacyPolicyUrl", "TermsAndConditionsUrl"})

NEWER_FORM_FIELDS: dict[tuple[str, str, str], frozenset[str]] = {
    ("messaging", "post", _USA2P): _CAMPAIGN_URL_FIELDS,
    ("messaging", "post", _USA2P_ONE): _CAMPAIGN_URL_FIELDS,
}

# twilio 9.13's UsAppToPersonInstance reads these two from campaign responses, the
# counterparts of the form fields above; an emulator that models them may return them.
_CAMPAIGN_URL_PROPERTIES = frozenset({"privacy_policy_url", "terms_and_conditions_url"})

NEWER_RESPONSE_PROPERTIES: dict[tuple[str, str, str], frozenset[str]] = {
    ("messaging", "post", _USA2P): _CAMPAIGN_URL_PROPERTIES,
    ("messaging", "get", _USA2P): _CAMPAIGN_URL_PROPERTIES,
    ("messaging", "get", _USA2P_ONE): _CAMPAIGN_URL_PROPERTIES,
    ("messaging", "post", _USA2P_ONE): _CAMPAIGN_URL_PROPERTIES,
}
