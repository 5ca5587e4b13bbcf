# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The shape of the flex_a2p role's C(flex_a2p_onboarding) variable, and its check before any request.

The variable holds a business's data for Twilio's review (tax ID, representatives' emails and phone numbers, the
address): a problem names the key and what is wrong with it, and repeats the value only for the keys that hold no
personal data (a SID, a choice, a flag). Its keys are the options of tendlc.twilio.customer_profile (C(profile)),
trust_product (C(trust_product)), a2p_brand (C(brand), without the bundles the role fills in) and brand_vetting
(C(vetting)); tests/unit/plugins/plugin_utils/test_role_options.py holds them against the modules' argument_specs.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ansible_collections.tendlc.twilio.plugins.module_utils._brand import BRAND
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._fields import Resource
from ansible_collections.tendlc.twilio.plugins.module_utils._trusthub import (
    ADDRESS, APPROVED, BUSINESS, CUSTOMER_PROFILE, IN_REVIEW, MESSAGING_PROFILE, PENDING, REPRESENTATIVE, REPRESENTATIVE_TYPES,
    TRUST_PRODUCT,
)
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import SID_PATTERN, shown
from ansible_collections.tendlc.twilio.plugins.module_utils._vetting import VETTING as VETTING_TABLE
from ansible_collections.tendlc.twilio.plugins.module_utils._vetting import check_options as check_vetting_options

VARIABLE = "flex_a2p_onboarding"
# A bundle Twilio reviews or approved (twilio_trusthub_v1.json, customer_profile_enum_status): the trust product's
# evaluation needs the profile submitted (contract).
SUBMITTED = (PENDING, IN_REVIEW, APPROVED)
BUNDLE_SIDS = ("customer_profile_bundle_sid", "a2p_profile_bundle_sid")  # the brand's bundles: the role fills them in
# Defaults of the modules that are not required of the role's variable: iso_country (US), the trust product's name and
# email (the profile's).
NOT_REQUIRED = ("iso_country",)


@dataclass(frozen=True)
class Key:
    """One key of the variable: its type (str, bool, dict, list), whether it must be given, whether its value is personal
    data (never shown), its choices, whether it is a BU... SID, and, for a dict or a list of dicts, its keys and the
    module's table whose rules the values also meet."""

    name: str
    kind: str = "str"
    required: bool = False
    pii: bool = False
    choices: tuple[Any, ...] = ()
    bundle_sid: bool = False
    keys: tuple["Key", ...] = field(default=())
    elements: str = ""
    tables: tuple[Resource, ...] = ()


def _keys(table: Resource, optional: tuple[str, ...] = ()) -> tuple[Key, ...]:
    """The keys of a dict from the module's table: option, type, required on create, no_log, choices."""
    return tuple(Key(f.option, f.type, f.create_required and f.option not in NOT_REQUIRED + optional, f.no_log, tuple(f.choices or ()),
                     elements=f.elements or "") for f in table.fields)


def _dict(name: str, table: Resource, required: bool = True, optional: tuple[str, ...] = ()) -> Key:
    return Key(name, "dict", required=required, keys=_keys(table, optional), tables=(table,))


PROFILE = _keys(CUSTOMER_PROFILE) + (
    _dict("business", BUSINESS),
    Key("representatives", "list", required=True, keys=_keys(REPRESENTATIVE), elements="dict", tables=(REPRESENTATIVE,)),
    _dict("address", ADDRESS),
)
TRUST_PRODUCT_KEYS = _keys(TRUST_PRODUCT, optional=("friendly_name", "email")) + _keys(MESSAGING_PROFILE)
BRAND_KEYS = tuple(key for key in _keys(BRAND) if key.name not in BUNDLE_SIDS)
VETTING_KEYS = (Key("provider", required=True, choices=tuple(VETTING_TABLE.by_option()["vetting_provider"].choices or ())), Key("vetting_id", pii=True))
ONBOARDING = (
    Key("primary_profile_sid", required=True, bundle_sid=True), Key("profile", "dict", required=True, keys=PROFILE, tables=(CUSTOMER_PROFILE,)),
    Key("trust_product", "dict", required=True, keys=TRUST_PRODUCT_KEYS, tables=(TRUST_PRODUCT, MESSAGING_PROFILE)),
    Key("brand", "dict", keys=BRAND_KEYS, tables=(BRAND,)),
    Key("vetting", "dict", keys=VETTING_KEYS), Key("wait", "bool"),
)
MOST_REPRESENTATIVES = len(REPRESENTATIVE_TYPES)
TYPES = {"str": (str,), "bool": (bool,), "dict": (dict,), "list": (list,)}
WORDS = {"str": "a text", "bool": "true or false", "dict": "a mapping (key: value)", "list": "a list"}


def _value(key: Key, value: Any) -> str:
    """The value as a problem shows it: never for personal data, nor a mapping or list (which may hold some)."""
    return "" if key.pii or isinstance(value, (dict, list)) or key.kind in ("dict", "list") else "=%s" % shown(value)


def _table_problems(path: str, key: Key, value: dict[str, Any]) -> list[str]:
    """The modules' own rules of the dict's values (module_utils/_trusthub.py and the other tables): lengths, formats,
    choices. Their messages name the field and never a personal-data value; any such value is hidden all the same."""
    problems = []
    for table_field in (f for table in key.tables for f in table.fields if f.option in value):
        try:
            table_field.check(value[table_field.option], path + ".")
        except ModuleError as exc:
            problems.append(exc.msg.rstrip("."))
    hidden = [str(value[k.name]) for k in key.keys if k.pii and isinstance(value.get(k.name), str) and value[k.name]]
    return [_hide(problem, hidden) for problem in problems]


def _hide(text: str, values: list[str]) -> str:
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, "(hidden)").replace(repr(value), "(hidden)")
    return text


def _problem(path: str, key: Key, value: Any) -> list[str]:
    if key.kind == "str" and isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)  # YAML reads a postal code or a tax ID without dashes as a number; the modules take its text
    if not isinstance(value, TYPES[key.kind]) or (key.kind != "bool" and isinstance(value, bool)):
        return ["%s%s is %s, not %s" % (path, _value(key, value), type(value).__name__, WORDS[key.kind])]
    if key.kind == "str" and not value.strip():
        return ["%s is empty" % path]
    if key.choices and value not in key.choices:
        return ["%s%s is not one of %s" % (path, _value(key, value), ", ".join(map(str, key.choices)))]
    if key.bundle_sid and not (SID_PATTERN.match(value) and value.startswith("BU")):
        return ["%s%s is not a bundle SID (BU and 32 hex digits)" % (path, _value(key, value))]
    if key.kind == "dict":
        problems, clean = _mapping_problems(path, value, key.keys)
        return problems + _table_problems(path, key, clean)
    if key.kind == "list":
        return _list_problems(path, key, value)
    return []


def _list_problems(path: str, key: Key, value: list[Any]) -> list[str]:
    if not value:
        return ["%s is empty" % path]
    if key.elements != "dict":
        return ["%s[%d] is %s, not a text" % (path, index, type(item).__name__) for index, item in enumerate(value)
                if not isinstance(item, str) or not item.strip()]
    problems = [] if len(value) <= MOST_REPRESENTATIVES else ["%s lists %d, at most %d" % (path, len(value), MOST_REPRESENTATIVES)]
    for index, item in enumerate(value):
        problems += _problem("%s[%d]" % (path, index), Key(key.name, "dict", keys=key.keys, tables=key.tables), item)
    return problems


def _mapping_problems(path: str, given: dict[str, Any], keys: tuple[Key, ...]) -> tuple[list[str], dict[str, Any]]:
    """The dict's problems, and its values without one (which the modules' tables check further)."""
    known = {key.name: key for key in keys}
    problems = ["%s.%s is not a key of %s (%s)" % (path, name, path, ", ".join(known)) for name in given if name not in known]
    clean = {}
    for key in keys:
        value = given.get(key.name)
        found = (["%s.%s is missing" % (path, key.name)] if key.required else []) if value is None else _problem("%s.%s" % (path, key.name), key, value)
        problems += found
        if value is not None and not found and key.kind != "dict":
            clean[key.name] = str(value) if key.kind == "str" else value
    return problems, clean


def _stock(given: dict[str, Any]) -> list[str]:
    """A public company's trust product names its stock exchange and ticker (*unconfirmed* beyond the contract)."""
    product = given.get("trust_product")
    if not isinstance(product, dict) or product.get("company_type") != "public":
        return []
    return ["%s.trust_product.%s is missing: a public company gives its stock exchange and ticker" % (VARIABLE, name)
            for name in ("stock_exchange", "stock_ticker") if not product.get(name)]


def _vetting_id(given: dict[str, Any]) -> list[str]:
    """brand_vetting's own checks of the token (missing, blank, spaces, not pipe-delimited), so that a bad token stops the
    run before the profile, the trust product and the brand (a fee) are made; the token is never shown."""
    vetting = given.get("vetting")
    if not isinstance(vetting, dict) or vetting.get("provider") not in VETTING_KEYS[0].choices:
        return []
    token = vetting.get("vetting_id")
    if token is not None and not isinstance(token, str):
        return []  # the key check says it is not text
    try:
        check_vetting_options({"vetting_provider": vetting["provider"], "vetting_id": token})
    except ModuleError as exc:
        return ["%s.vetting.%s" % (VARIABLE, exc.msg.rstrip("."))]
    return []


def onboarding_problems(value: Any) -> list[str]:
    """Every problem of flex_a2p_onboarding ({} or None: no onboarding, no problem)."""
    if value is None or value == {}:
        return []
    if not isinstance(value, dict):
        return ["%s is %s, not a mapping (key: value) of the business's data" % (VARIABLE, type(value).__name__)]
    return _mapping_problems(VARIABLE, value, ONBOARDING)[0] + _stock(value) + _vetting_id(value)
