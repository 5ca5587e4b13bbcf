# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The Messaging Service's field table: every writable field of POST /v1/Services and /v1/Services/{Sid}.

Source: Twilio's OpenAPI spec, twilio_messaging_v1.json (the two requests' form parameters and the messaging.v1.service
schema). Defaults on create: C(inbound_method) POST and C(validity_period) 36000 are stated in the spec's descriptions;
C(us_app_to_person_registered) false is the spec's create example; the other defaults are *unconfirmed* (docs/emulator.md,
"Messaging v1 Services"). tests/unit/plugins/module_utils/test_field_tables.py holds the table against the spec and the
module's DOCUMENTATION, test_service_table_emulator.py against the emulator's own model.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from ansible_collections.tendlc.twilio.plugins.module_utils._fields import Field, Resource

METHODS = ("GET", "POST")
USECASES = ("notifications", "marketing", "verification", "discussion", "poll", "undeclared")


def _url(option: str, param: str) -> Field:
    """A webhook URL: an absolute http(s) URL, or '' to clear it (Twilio then holds null, compared as '')."""
    return Field(option, param, kind="url", empty=True, null="")


def _flag(option: str, param: str, default: bool = True) -> Field:
    return Field(option, param, type="bool", default=default)


SERVICE = Resource(
    name="messaging service",
    fields=(
        Field("friendly_name", "FriendlyName", kind="name", length=(1, 64), create_required=True),
        Field("usecase", "Usecase", choices=USECASES, default="undeclared"),
        _flag("use_inbound_webhook_on_number", "UseInboundWebhookOnNumber", default=False),
        Field("inbound_method", "InboundMethod", choices=METHODS, default="POST"),
        Field("fallback_method", "FallbackMethod", choices=METHODS, default="POST"),
        _flag("sticky_sender", "StickySender"),
        _flag("mms_converter", "MmsConverter"),
        _flag("smart_encoding", "SmartEncoding"),
        Field("scan_message_content", "ScanMessageContent", choices=("inherit", "enable", "disable"), default="inherit"),
        _flag("area_code_geomatch", "AreaCodeGeomatch"),
        Field("validity_period", "ValidityPeriod", type="int", value_range=(1, 36000), default=36000),
        _flag("synchronous_validation", "SynchronousValidation"),
        _flag("fallback_to_long_code", "FallbackToLongCode"),
        _url("inbound_request_url", "InboundRequestUrl"),
        _url("fallback_url", "FallbackUrl"),
        _url("status_callback", "StatusCallback"),
    ),
    initial={"us_app_to_person_registered": False},
    spec_file="twilio_messaging_v1.json",
    create_path="/v1/Services",
    update_path="/v1/Services/{Sid}",
    schema="messaging.v1.service",
    modules=("messaging_service",),
)

URL_FIELDS = SERVICE.url_options()
