# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""A2P 10DLC reads shared by the campaign and brand modules, and the one wait loop for approval.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import time
from typing import Any, Callable

from ansible_collections.tendlc.twilio.plugins.module_utils._client import call
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._lookup import PAGE_SIZE, is_not_found, list_services

# Twilio asks for at most one request per second to its A2P brand and campaign APIs.
MIN_POLL_SECONDS = 1.0

WAIT_OPTIONS: dict[str, dict[str, Any]] = {
    "wait": {"type": "bool", "default": False},
    "wait_timeout": {"type": "int", "default": 600},
    "poll_interval": {"type": "float", "default": 10},
}


def list_campaigns(client: Any, service_sid: str) -> list[Any]:
    """The A2P campaigns (UsAppToPerson) of a service: Twilio allows at most one."""
    usa2p = client.messaging.v1.services(service_sid).us_app_to_person
    return call("list the A2P campaign of messaging service %s" % service_sid, usa2p.list, page_size=PAGE_SIZE)


def account_campaigns(client: Any) -> list[Any]:
    """Every A2P campaign of the account: the campaign of each of its services."""
    return [campaign for service in list_services(client) for campaign in list_campaigns(client, service.sid)]


def fetch_brand(client: Any, sid: str) -> Any | None:
    """The brand registration with this SID, or None."""
    try:
        return call("fetch A2P brand %s" % sid, client.messaging.v1.brand_registrations(sid).fetch)
    except ModuleError as exc:
        if is_not_found(exc):
            return None
        raise


def list_brands(client: Any) -> list[Any]:
    return call("list A2P brands", client.messaging.v1.brand_registrations.list, page_size=PAGE_SIZE)


def brand_usecases(client: Any, service_sid: str, brand_sid: str) -> list[str]:
    """The A2P use case codes the brand may register on the service (empty when the brand has a problem)."""
    found = call("list the A2P use cases of brand %s" % brand_sid, client.messaging.v1.services(service_sid).us_app_to_person_usecases.fetch,
                 brand_registration_sid=brand_sid)
    return [usecase["code"] for usecase in found.us_app_to_person_usecases or []]


def describe_errors(errors: list[dict[str, Any]] | None) -> str:
    """Twilio's A2P errors ({error_code, description, fields}) as one readable line."""
    if not errors:
        return "no errors given"
    return "; ".join("%s %s%s" % (e.get("error_code"), e.get("description"), " (fields: %s)" % ", ".join(e["fields"]) if e.get("fields") else "")
                     for e in errors)


def check_wait_options(params: dict[str, Any]) -> None:
    if params["wait_timeout"] < 1:
        raise ModuleError("wait_timeout must be at least 1 second, got %r." % params["wait_timeout"], field="wait_timeout")
    if params["poll_interval"] < MIN_POLL_SECONDS:
        raise ModuleError("poll_interval must be at least %s second: Twilio allows one A2P request per second, got %r."
                          % (MIN_POLL_SECONDS, params["poll_interval"]), field="poll_interval")


def wait_for(what: str, fetch: Callable[[], Any], status_of: Callable[[Any], str], wanted: list[str], failed: str,
             timeout: float, interval: float) -> Any:
    """Poll until the status is one of C(wanted); fail on C(failed) (unless wanted) and at the timeout.

    Returns the last fetched resource.
    """
    deadline = time.monotonic() + timeout
    while True:
        resource = fetch()
        status = status_of(resource)
        if status in wanted:
            return resource
        if status == failed:
            raise ModuleError("%s is %s: %s." % (what, failed, describe_errors(getattr(resource, "errors", None))),
                              status=status, errors=getattr(resource, "errors", None))
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ModuleError("Timed out after %ss waiting for %s to be %s; its status is still %s." % (timeout, what, " or ".join(wanted), status),
                              status=status)
        time.sleep(min(max(interval, MIN_POLL_SECONDS), remaining))
