"""A bundle's Evaluations (``EL...``): create (check the bundle against a policy), list, fetch; and the check itself.

Record and ``results`` follow the spec's ``..._evaluation`` schema and its ``create`` example: one result per requirement
(``friendly_name``, ``object_type``, ``passed``, ``failure_reason``, ``error_code``, ``valid``, ``invalid``,
``requirement_friendly_name``, ``requirement_name``); each ``valid`` / ``invalid`` item names a field
(``friendly_name``, ``object_field``, ``failure_reason``, ``error_code``).

What is checked, per requirement of the policy (:mod:`emulator.trusthub.policy_data`):

- ``end_user``: an assigned end user of the type (22214 when there is none; an optional type, authorized_representative_2,
  may be absent, *unconfirmed*), every required field non-empty (22215) and every choice field one of its accepted values
  (22215, *unconfirmed* code);
- ``supporting_document``: an assigned document of an accepted type (22216) whose ``address_sids`` name existing
  addresses of the account (22217);
- ``supporting_customer_profiles``: an assigned customer profile of the accepted policy and status (secondary profile: a
  twilio-approved primary profile; A2P trust product: a secondary profile that is submitted or further). The code of this
  failure is *unconfirmed* (22214 is used).

Texts follow the example's wording where it has one, else *unconfirmed*. A compliant evaluation against the bundle's own
policy is what a submission needs (:func:`emulator.trusthub.lifecycle.submit`).
"""

from typing import Any, Optional

from emulator.api.addresses import KIND as ADDRESSES
from emulator.crud import page_reply
from emulator.errors import invalid_parameter, not_found
from emulator.forms import require
from emulator.params import sid_of
from emulator.routing import Call, Reply, Route
from emulator.state import Account, Record
from emulator.timefmt import iso8601
from emulator.trusthub import BUNDLES, CUSTOMER_PROFILES, END_USERS, EVALUATIONS, SUPPORTING_DOCUMENTS, Bundle
from emulator.trusthub import lifecycle
from emulator.trusthub.bundles import find as find_bundle
from emulator.trusthub.entity_records import assignments
from emulator.trusthub.policy_data import END_USER_TYPES, POLICIES, SUPPORTING_DOCUMENT_TYPES, FieldRule, Policy

PREFIX = "EL"
END_USER_MISSING, FIELD_MISSING, DOCUMENT_MISSING, DOCUMENT_FIELD = 22214, 22215, 22216, 22217
PROFILE_MISSING = 22214  # *unconfirmed*


def _field(rule: FieldRule, reason: Optional[str] = None, code: Optional[int] = None) -> dict[str, Any]:
    return {"friendly_name": rule.friendly_name, "object_field": rule.name, "failure_reason": reason, "error_code": code}


def _result(name: str, object_type: str, requirement: str, reason: Optional[str], code: Optional[int],
            valid: list[dict[str, Any]], invalid: list[dict[str, Any]]) -> dict[str, Any]:
    return {"friendly_name": name, "object_type": object_type, "passed": reason is None and not invalid,
            "failure_reason": reason, "error_code": code, "valid": valid, "invalid": invalid,
            "requirement_friendly_name": name, "requirement_name": requirement}


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list, dict)) and not value)


def _items(value: Any) -> list[str]:
    """A choice field's values: a list, or a comma-separated string."""
    return [str(item).strip() for item in value] if isinstance(value, list) else [part.strip() for part in str(value).split(",")]


def check_fields(rules: tuple[FieldRule, ...], attributes: dict[str, Any], owner: str, code: int) -> tuple[list[Any], list[Any]]:
    """The ``valid`` and ``invalid`` items of an entity's attributes against its type's field rules."""
    valid, invalid = [], []
    for rule in rules:
        value = attributes.get(rule.name)
        required = rule.required and (rule.when is None or attributes.get(rule.when[0]) in rule.when[1])
        if _empty(value):
            if required:
                invalid.append(_field(rule, f"The {rule.friendly_name} is missing. Please enter in a {rule.friendly_name} on the {owner}.", code))
            else:
                valid.append(_field(rule))
        elif rule.choices and any(item not in rule.choices for item in _items(value)):
            invalid.append(_field(rule, f"The {rule.friendly_name} is not an accepted value. Please enter one of: {', '.join(rule.choices)}.",
                                  code))
        else:
            valid.append(_field(rule))
    return valid, invalid


def _assigned(account: Account, bundle: Bundle, sid: str, kind: str) -> list[Record]:
    found = [account.get(kind, record["object_sid"]) for record in assignments(account, bundle, sid)]
    return [record for record in found if record is not None]


def _end_user_results(account: Account, policy: Policy, users: list[Record]) -> list[dict[str, Any]]:
    results = []
    for requirement in policy.requirements["end_user"]:
        entity = END_USER_TYPES[requirement["type"]]
        name, kind = requirement["name"], requirement["type"]
        matching = [user for user in users if user["type"] == kind]
        if not matching and entity.optional:
            continue
        if not matching:
            _valid, invalid = check_fields(entity.fields, {}, name, FIELD_MISSING)
            reason = f"A {name} End-User is missing. Please add one to the regulatory bundle."
            results.append(_result(name, kind, requirement["requirement_name"], reason, END_USER_MISSING, [], invalid))
            continue
        valid, invalid = check_fields(entity.fields, matching[-1]["attributes"], name, FIELD_MISSING)
        reason = f"The {name} has missing or invalid fields." if invalid else None
        results.append(_result(name, kind, requirement["requirement_name"], reason, FIELD_MISSING if invalid else None, valid, invalid))
    return results


def _document_results(account: Account, policy: Policy, documents: list[Record]) -> list[dict[str, Any]]:
    results = []
    for group in policy.requirements["supporting_document"]:
        for requirement in group:
            accepted = [item["type"] for item in requirement["accepted_documents"]]
            name, kind = requirement["name"], accepted[0]
            rules = SUPPORTING_DOCUMENT_TYPES[kind].fields
            matching = [document for document in documents if document["type"] in accepted]
            if not matching:
                _valid, invalid = check_fields(rules, {}, name, DOCUMENT_FIELD)
                reason = f"A {name} is missing. Please add one to the regulatory bundle."
                results.append(_result(name, kind, requirement["requirement_name"], reason, DOCUMENT_MISSING, [], invalid))
                continue
            document = matching[-1]
            valid, invalid = check_fields(rules, document["attributes"], name, DOCUMENT_FIELD)
            sids = document["attributes"].get("address_sids")
            if not invalid and any(account.get(ADDRESSES, sid) is None for sid in _items(sids)):
                valid, invalid = [], [_field(rules[0], "The Address is missing. Please enter in an address of this account.", DOCUMENT_FIELD)]
            reason = f"The {name} has missing or invalid fields." if invalid else None
            results.append(_result(name, document["type"], requirement["requirement_name"], reason, DOCUMENT_FIELD if invalid else None,
                                   valid, invalid))
    return results


def _profile_results(policy: Policy, profiles: list[Record]) -> list[dict[str, Any]]:
    groups: dict[str, list[dict[str, str]]] = {}
    for requirement in policy.requirements["supporting_customer_profiles"]:
        groups.setdefault(requirement["requirement_name"], []).append(requirement)
    results = []
    for requirement_name, group in groups.items():
        name = group[0]["name"]
        fitting = [p for p in profiles if p["policy_sid"] in policy.profile_policies and p["status"] in policy.profile_statuses]
        reason = None if fitting else (f"A {name} is missing or not accepted: assign a customer profile of policy "
                                       f"{' or '.join(policy.profile_policies)} whose status is {' or '.join(policy.profile_statuses)}.")
        results.append(_result(name, group[0]["type"], requirement_name, reason, None if fitting else PROFILE_MISSING, [], []))
    return results


def evaluate(account: Account, bundle: Bundle, sid: str, policy: Policy) -> tuple[str, list[dict[str, Any]]]:
    """``compliant`` or ``noncompliant`` and the per-requirement results of the bundle against ``policy``."""
    results = (_end_user_results(account, policy, _assigned(account, bundle, sid, END_USERS))
               + _document_results(account, policy, _assigned(account, bundle, sid, SUPPORTING_DOCUMENTS))
               + _profile_results(policy, _assigned(account, bundle, sid, CUSTOMER_PROFILES)))
    return ("compliant" if all(result["passed"] for result in results) else "noncompliant"), results


def _routes(bundle: Bundle) -> tuple[Route, ...]:
    pattern = f"/v1/{bundle.collection}/{{{bundle.path_param}}}/Evaluations"
    parse_policy = sid_of("RN")

    def mine(call: Call) -> list[Record]:
        owner = find_bundle(call, bundle, bundle.path_param, "/Evaluations")
        return [record for record in call.owner().records(EVALUATIONS) if record.get(bundle.sub_key) == owner["sid"]]

    def create(call: Call) -> Reply:
        owner = find_bundle(call, bundle, bundle.path_param, "/Evaluations")
        raw = require(call.form, "PolicySid")
        policy = POLICIES.get(parse_policy("PolicySid", raw))
        if policy is None:
            raise invalid_parameter("PolicySid", raw, "a policy the emulator knows (GET /v1/Policies)")
        account = call.owner()
        status, results = evaluate(account, bundle, owner["sid"], policy)
        lifecycle.evaluated(account, owner["sid"], status if policy.sid == owner["policy_sid"] else "other policy")
        sid = account.new_sid(PREFIX)
        record = {"sid": sid, "account_sid": account.sid, "policy_sid": policy.sid, bundle.sub_key: owner["sid"], "status": status,
                  "results": results, "date_created": iso8601(), "url": f"{bundle.url(owner['sid'])}/Evaluations/{sid}"}
        return Reply(201, account.add(EVALUATIONS, record))

    def list_all(call: Call) -> Reply:
        records = mine(call)
        return page_reply(call, records, url=f"{bundle.url(call.params[bundle.path_param])}/Evaluations", key="results")

    def fetch(call: Call) -> Reply:
        for record in mine(call):
            if record["sid"] == call.params["Sid"]:
                return Reply(200, record)
        raise not_found(f"/{bundle.collection}/{call.params[bundle.path_param]}/Evaluations/{call.params['Sid']}")

    return Route("POST", pattern, create), Route("GET", pattern, list_all), Route("GET", pattern + "/{Sid}", fetch)


ROUTES = tuple(route for bundle in BUNDLES for route in _routes(bundle))
