# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The type of the per-resource field tables (_service.py, _campaign.py, _brand.py, ...) and what is derived from them.

A C(Resource) lists its C(Field)s once: the module option, Twilio's request parameter and response field, the type, the
limits, whether it can change in place, whether it is required. From that one table come the module's argument_spec, the
checks before any write (also run by the flex_a2p role's input filter, with the role variable's name as prefix), the
current and wanted values, and the one result builder whose shape is the same in check mode as in a real run.
DOCUMENTATION stays static (ansible-test reads it as text); a unit test holds it, Twilio's OpenAPI spec and the
emulator's own tables against each table.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field as dataclass_field
from typing import Any, Callable, Mapping

from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import (check_list, check_name, check_range, check_sid, check_text,
                                                                              check_url, shown)

# What only Twilio assigns, never part of a check-mode result: identity, account, dates and links.
ASSIGNED = ("sid", "account_sid", "date_created", "date_updated", "url", "links")


@dataclass(frozen=True)
class Field:
    """One field of a resource.

    C(option) is the module option; C(param) Twilio's request parameter (C(FriendlyName)); C(attr) the response field
    (the SDK record's attribute) when it is not the option's name. C(kind) picks the rule of a text: C(name) (one line,
    not blank, at most C(length[1]) characters), C(text) (C(length) characters), C(url), C(sid) (C(sid_prefix)).
    C(empty) allows C('') (it clears the field). C(extra) is a rule the declarative limits cannot say, called as
    C(extra(name, value)) after them. C(updatable) False means the field cannot change in place; C(default) is the value
    Twilio gives the field when a create does not send it (C(None): null). C(spec_note) says where the field departs from Twilio's OpenAPI spec
    and the source that says so (a parameter the spec lacks, a subset of its enum, a limit the table holds otherwise);
    the table test accepts those departures only from a field that has one. C(null) is what a null in the record reads
    as in C(current()) (C('') or C([]) where the module compares an empty text or list). C(items_word) names a list's
    items in its count's error. A list's C(length) is each item's, checked after C(extra). C(no_log) None leaves it out
    of the argument_spec; C(False) says it explicitly (an option named like a secret, such as C(*_keywords)).
    """

    option: str
    param: str
    type: str = "str"
    attr: str = ""
    kind: str = ""
    choices: tuple[str, ...] = ()
    length: tuple[int, int] | None = None
    value_range: tuple[int, int] | None = None
    items: tuple[int, int] | None = None
    elements: str = ""
    sid_prefix: str = ""
    empty: bool = False
    updatable: bool = True
    create_required: bool = False
    update_required: bool = False
    default: Any = None
    null: Any = None
    items_word: str = "items"
    no_log: bool | None = None
    extra: Callable[[str, Any], None] | None = None
    spec_note: str = ""

    @property
    def response(self) -> str:
        """The response field (the SDK record's attribute) that holds this field's value."""
        return self.attr or self.option

    def spec(self) -> dict[str, Any]:
        """The field's argument_spec entry."""
        entry: dict[str, Any] = {"type": self.type}
        if self.choices:
            entry["choices"] = list(self.choices)
        if self.elements:
            entry["elements"] = self.elements
        if self.no_log is not None:
            entry["no_log"] = self.no_log
        return entry

    def check(self, value: Any, prefix: str = "") -> None:
        """The field's rules on a value (None: not set, not checked); ModuleError names the field (with prefix) and the value."""
        if value is None:
            return
        name = prefix + self.option
        if self.empty and value == "":
            return
        if self.kind == "name":
            check_name(name, value, self.length[1] if self.length else 64)
        elif self.kind == "url":
            check_url(name, value, allow_empty=self.empty)
        elif self.kind == "sid":
            check_sid(name, value, self.sid_prefix)
        elif self.length is not None and self.type != "list":
            check_text(name, value, *self.length)
        if self.value_range is not None:
            check_range(name, value, *self.value_range)
        if self.type == "list":
            check_list(name, value)
            if self.items is not None and not self.items[0] <= len(value) <= self.items[1]:
                low, high = self.items
                raise ModuleError("%s must hold %d to %d %s, got %d: %s." % (name, low, high, self.items_word, len(value), shown(value)), field=name)
        if self.choices and value not in self.choices:
            raise ModuleError("%s=%s is not one of %s." % (name, shown(value), ", ".join(self.choices)), field=name)
        if self.extra is not None:
            self.extra(name, value)
        if self.type == "list" and self.length is not None:  # each item's, after the list's own rules (extra)
            for index, item in enumerate(value):
                check_text("%s[%d]" % (name, index), item, *self.length)


@dataclass(frozen=True)
class Resource:
    """A Twilio resource's table: its fields, and the fields Twilio sets itself on create (C(initial): name -> first value).

    C(spec_file) (C(twilio_messaging_v1.json)), C(create_path) (the path whose POST creates it), C(update_path) (whose
    POST updates it) and C(schema) (its response schema) name the resource in Twilio's OpenAPI spec; C(modules) are the
    modules whose DOCUMENTATION documents its fields: the unit test holds the table against both.
    """

    name: str
    fields: tuple[Field, ...]
    initial: Mapping[str, Any] = dataclass_field(default_factory=dict)
    spec_file: str = ""
    create_path: str = ""
    update_path: str = ""
    schema: str = ""
    modules: tuple[str, ...] = ()

    def by_option(self) -> dict[str, Field]:
        return {field.option: field for field in self.fields}

    def options(self) -> tuple[str, ...]:
        return tuple(field.option for field in self.fields)

    def url_options(self) -> tuple[str, ...]:
        """The options that hold a URL (kind C(url)): a password or token in one is masked in all output."""
        return tuple(field.option for field in self.fields if field.kind == "url")

    def argument_spec(self) -> dict[str, dict[str, Any]]:
        """The argument_spec entries of every field (the module adds its own options: state, force, wait, ...)."""
        return {field.option: field.spec() for field in self.fields}

    def check(self, params: Mapping[str, Any], prefix: str = "") -> None:
        """Every field's rules on the values set (absent keys and None are not checked)."""
        for field in self.fields:
            field.check(params.get(field.option), prefix)

    def wanted(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """The options the user set (not None), by option name."""
        return {field.option: params[field.option] for field in self.fields if params.get(field.option) is not None}

    def missing_on_create(self, wanted: Mapping[str, Any]) -> list[str]:
        """The options a create requires (C(create_required)) that the user did not set."""
        return [field.option for field in self.fields if field.create_required and wanted.get(field.option) is None]

    def current(self, record: Any) -> dict[str, Any]:
        """The record's values of the table's fields, by option name (a record is an SDK instance or a dict)."""
        read = record.get if isinstance(record, dict) else (lambda name: getattr(record, name, None))
        values = {field.option: read(field.response) for field in self.fields}
        return {field.option: copy.deepcopy(field.null) if values[field.option] is None else values[field.option] for field in self.fields}

    def as_request(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Values by option name, as the SDK's keyword arguments: Twilio's request parameter in snake case
        (C(UsAppToPersonUsecase) is C(us_app_to_person_usecase))."""
        fields = self.by_option()
        return {re.sub(r"(?<!^)(?=[A-Z])", "_", fields[option].param).lower(): value for option, value in values.items()}

    def as_response(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Values by option name, renamed to Twilio's response fields."""
        fields = self.by_option()
        return {fields[option].response if option in fields else option: value for option, value in values.items()}

    def planned(self, sent: Mapping[str, Any]) -> dict[str, Any]:
        """The result of a create in check mode: what Twilio would hold after it, less what only Twilio assigns (ASSIGNED).

        Every table field (the value sent, else Twilio's default) and every field Twilio sets itself (C(initial)), by
        response name: the same keys as a real create's result without ASSIGNED.
        """
        result = {field.response: copy.deepcopy(sent.get(field.option, field.default)) for field in self.fields}
        result.update({name: list(value) for name, value in result.items() if isinstance(value, tuple)})  # a default list, as Twilio's JSON
        result.update(copy.deepcopy(dict(self.initial)))
        return result
