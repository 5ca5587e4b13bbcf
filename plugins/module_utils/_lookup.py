# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Look-ups that several modules share: a messaging service by SID or exact friendly name.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._client import call, fetch_or_none
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError

PAGE_SIZE = 1000


def list_services(client: Any) -> list[Any]:
    """Every messaging service of the account, all pages."""
    return call("list messaging services", client.messaging.v1.services.list, page_size=PAGE_SIZE)


def fetch_service(client: Any, sid: str) -> Any | None:
    """The service with this SID, or None when the account has none."""
    return fetch_or_none("fetch messaging service %s" % sid, client.messaging.v1.services(sid).fetch)


def find_service(client: Any, sid: str | None = None, friendly_name: str | None = None, field: str = "friendly_name") -> Any | None:
    """A service by SID, else by exact friendly name; None when absent.

    Friendly names are not unique in Twilio: several services with the name fail, listing their SIDs (C(field) names the option).
    """
    if sid:
        return fetch_service(client, sid)
    matches = [service for service in list_services(client) if service.friendly_name == friendly_name]
    if len(matches) > 1:
        sids = sorted(service.sid for service in matches)
        raise ModuleError(
            "%s=%r: %d messaging services of account %s have this name (%s); give the SID of one instead."
            % (field, friendly_name, len(sids), client.account_sid, ", ".join(sids)),
            field=field, sids=sids,
        )
    return matches[0] if matches else None


def _is_service_sid(ref: str) -> bool:
    return ref.startswith("MG") and len(ref) == 34


def lookup_service(client: Any, ref: str, field: str = "service") -> Any | None:
    """The service a module option names, by SID (C(MG...)) or exact friendly name; None when the account has none."""
    if _is_service_sid(ref):
        return fetch_service(client, ref)
    return find_service(client, friendly_name=ref, field=field)


def require_service(client: Any, ref: str, field: str = "service") -> Any:
    """The service a module option names, by SID (C(MG...)) or exact friendly name; fails when the account has none."""
    found = lookup_service(client, ref, field)
    if found is None:
        raise ModuleError("%s=%r: the account %s has no messaging service with that %s."
                          % (field, ref, client.account_sid, "sid" if _is_service_sid(ref) else "name"), field=field)
    return found


PLAN_NEW_SERVICE: dict[str, dict[str, Any]] = {"plan_new_service": {"type": "bool", "default": False}}


def service_to_plan(module: Any, ref: str, field: str = "service") -> Any | None:
    """The service a module option names, as C(require_service()); None in check mode with C(plan_new_service) when it is missing.

    C(module) is the TwilioModule (its client, params, check_mode and AnsibleModule for the warning).
    """
    if not (module.check_mode and module.params.get("plan_new_service")):
        return require_service(module.client, ref, field)
    found = lookup_service(module.client, ref, field)
    if found is None:
        module.module.warn("%s=%r: no such messaging service yet; planned as a new service with nothing in it (plan_new_service=true)."
                           % (field, ref))
    return found
