# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
name: accounts
short_description: The subaccounts of a Twilio account as inventory hosts
version_added: 0.3.0
author:
  - tendlc.twilio maintainers (@tendlc)
description:
  - Lists the subaccounts of a Twilio parent (main) account with the parent's credentials (the 2010 API's
    C(GET /2010-04-01/Accounts.json), every page), and makes each one a host of O(group) with its SID in
    C(twilio_account_sid), so that C(playbooks/flex_a2p.yml), C(playbooks/audit.yml) and C(playbooks/onboard.yml) run for
    every subaccount.
  - "Each host has the variables C(twilio_account_sid), C(twilio_parent_account_sid), C(twilio_account_status),
    C(twilio_account_friendly_name) (left out when the friendly name is an email address: Twilio's default friendly name
    is the owner's email, which is personal data) and, when O(api_url) is set, C(twilio_api_url)."
  - Each host is also in the group C(twilio_status_<status>) (C(twilio_status_active), C(twilio_status_suspended),
    C(twilio_status_closed)), and in the groups O(groups) and O(keyed_groups) make.
  - "No token is ever in the inventory: Twilio's list answer carries every subaccount's auth token, which the plugin drops
    as it reads the answer; neither the host variables nor the cache nor any message hold one. The playbooks' modules act
    for each subaccount with the parent's credentials given to them (C(twilio_parent_account_sid), which the plugin sets,
    and C(twilio_parent_auth_token) or E(TWILIO_PARENT_AUTH_TOKEN)): each module reads the subaccount's own token through
    the parent and acts with it, as Twilio requires for its messaging, Trust Hub, Flex, Conversations and Proxy APIs
    (see the modules' O(tendlc.twilio.messaging_service#module:parent_account_sid) option and docs/subaccounts.md)."
  - 'Host names: the friendly name made safe: lower case, accents dropped, every run of characters other than letters and
    digits one C(-), for example C(Acme Corp (US\)) becomes C(acme-corp-us). The account''s SID is the host name instead
    when the friendly name is missing, is an email address, makes an empty name, or makes the same name as another
    account''s (then each of those accounts is named by its SID, whatever the order Twilio lists them in), or when
    O(hostnames=sid).'
  - The configuration file's name must end in C(.twilio.yml), C(.twilio.yaml), C(twilio_accounts.yml) or
    C(twilio_accounts.yaml).
extends_documentation_fragment:
  - constructed
  - inventory_cache
requirements:
  - twilio >= 9.0.0, < 10
options:
  plugin:
    description: The name of this plugin; the configuration file is for it only when it says so.
    required: true
    type: str
    choices: [tendlc.twilio.accounts]
  parent_account_sid:
    description:
      - The SID (C(AC...)) of the parent account whose subaccounts are listed. Required, here or in the environment.
    type: str
    env:
      - name: TWILIO_PARENT_ACCOUNT_SID
  parent_auth_token:
    description:
      - The auth token of O(parent_account_sid). It is used for the list only and is never part of the inventory.
      - Prefer the environment variable, or encrypt the value with ansible-vault (C(ansible-vault encrypt_string)).
      - An API key cannot stand in for it (Twilio's Accounts page lets only the account's credentials or a Main API key
        list subaccounts; Main API keys are not supported here).
      - Required, here or in the environment.
    type: str
    env:
      - name: TWILIO_PARENT_AUTH_TOKEN
  api_url:
    description:
      - Send the requests to this base URL instead of Twilio's hosts, as the modules' O(tendlc.twilio.messaging_service#module:api_url)
        (a local emulator). Each host then gets it as C(twilio_api_url), which the playbooks pass to their modules.
    type: str
    env:
      - name: TWILIO_API_URL
  timeout:
    description: Seconds to wait for Twilio to answer one request.
    type: float
    default: 30
  max_retries:
    description:
      - How many times a failed request is retried (429, 5xx and connection errors, with backoff), as the modules' option.
    type: int
    default: 5
  status:
    description:
      - The statuses of the accounts to list (Twilio's C(Status) filter, one list request per status).
      - A suspended or closed subaccount is not managed by the modules; list them for a report only.
    type: list
    elements: str
    default: [active]
  friendly_name:
    description:
      - Only the accounts whose friendly name matches this Python regular expression as a whole (C(re.fullmatch)),
        case-sensitive, for example C(Fleet .*) or C((Acme|Globex\) .*). Unset, every account is listed.
      - An account without a friendly name never matches.
    type: str
  include_parent:
    description:
      - Also make the parent account a host, when it passes the same filters (O(status), O(friendly_name)).
      - The modules then act for it with its own token, read as a subaccount's is.
    type: bool
    default: false
  group:
    description:
      - The group every host is in, by default the playbooks' hosts (C(twilio_accounts)), whose C(group_vars) apply to each account.
      - Letters, digits and underscores, not starting with a digit.
    type: str
    default: twilio_accounts
  hostnames:
    description:
      - V(friendly_name) names each host from its friendly name (made safe, see above), V(sid) by its account SID.
    type: str
    default: friendly_name
    choices: [friendly_name, sid]
notes:
  - Subaccounts that Twilio lists under another owner are left out (only the parent's own subaccounts are hosts).
  - Bad configuration (a malformed SID, an unknown status, a pattern that does not compile, a value of the wrong type)
    fails naming the option and the value (a SID or token that is malformed is described, never repeated).
  - By default Ansible only warns when an inventory source fails and goes on with an empty inventory; set
    C(ANSIBLE_INVENTORY_UNPARSED_FAILED=true) to make that an error.
"""

EXAMPLES = r"""
# playbooks/inventory-subaccounts/subaccounts.twilio.yml; TWILIO_PARENT_AUTH_TOKEN in the environment
plugin: tendlc.twilio.accounts
parent_account_sid: AC00000000000000000000000000000000
friendly_name: "Fleet .*"
keyed_groups:
  # a group per region, from names such as "Fleet eu 01": twilio_region_eu
  - key: twilio_account_friendly_name.split(' ')[1] | default('none')
    prefix: twilio_region
compose:
  flex_a2p_service_name: "'Flex ' ~ (twilio_account_friendly_name | default(twilio_account_sid))"

# Another file: every subaccount, suspended ones too, named by SID, cached for an hour in JSON files
# plugin: tendlc.twilio.accounts
# parent_account_sid: AC00000000000000000000000000000000
# status: [active, suspended]
# hostnames: sid
# cache: true
# cache_plugin: ansible.builtin.jsonfile
# cache_connection: ~/.cache/tendlc-twilio-inventory
# cache_timeout: 3600
"""

import hashlib
import math
import re
import unicodedata
from typing import Any

from ansible.errors import AnsibleError, AnsibleParserError
from ansible.module_utils.parsing.convert_bool import BOOLEANS
from ansible.plugins.inventory import BaseInventoryPlugin, Cacheable, Constructable
from ansible_collections.tendlc.twilio.plugins.module_utils._account import EMAIL
from ansible_collections.tendlc.twilio.plugins.module_utils._client import TWILIO_IMPORT_ERROR, build_client
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import AUTHENTICATE, CREDENTIALS_HINT, ModuleError
from ansible_collections.tendlc.twilio.plugins.module_utils._subaccount import check_parent, read_without_keeping
from ansible_collections.tendlc.twilio.plugins.module_utils._validate import api_url_warning, check_api_url

STATUSES = ("active", "suspended", "closed")  # spec: account_enum_status
PAGE_SIZE = 1000  # the spec's maximum for Accounts.json
GROUP_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
FILE_ENDINGS = (".twilio.yml", ".twilio.yaml", "twilio_accounts.yml", "twilio_accounts.yaml")
# The only fields of an Account kept: its auth_token (and everything else) is dropped as the answer is read.
KEPT = ("sid", "owner_account_sid", "status", "friendly_name")


def safe_name(friendly_name: str | None) -> str:
    """A host name from a friendly name: lower case ASCII letters and digits, each other run one '-' (empty when none)."""
    ascii_name = unicodedata.normalize("NFKD", friendly_name or "").encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def host_names(accounts: list[dict[str, Any]], by: str) -> dict[str, str]:
    """Each account's host name by SID: its safe friendly name, or its SID when that is empty, hidden or shared."""
    names = {a["sid"]: safe_name(a["friendly_name"]) if by == "friendly_name" else "" for a in accounts}
    taken = [name for name in names.values() if name]
    return {sid: name if name and taken.count(name) == 1 and name not in names else sid for sid, name in names.items()}


def kept(account: Any) -> dict[str, Any]:
    """The fields of an SDK Account kept; a friendly name that is an email address (personal data) becomes None."""
    record = {field: getattr(account, field, None) for field in KEPT}
    if EMAIL.search(record["friendly_name"] or ""):
        record["friendly_name"] = None
    return record


class InventoryModule(BaseInventoryPlugin, Constructable, Cacheable):
    """The subaccounts of a parent account, read with the real twilio SDK through module_utils/_client.build_client()."""

    NAME = "tendlc.twilio.accounts"

    def verify_file(self, path: str) -> bool:
        return super().verify_file(path) and path.endswith(FILE_ENDINGS)

    def parse(self, inventory: Any, loader: Any, path: str, cache: bool = True) -> None:
        super().parse(inventory, loader, path, cache)
        try:
            config = self._read_config_data(path)
        except AnsibleParserError:
            raise
        except AnsibleError as exc:  # an option of the wrong type (ansible-core's message names the option and the value)
            raise AnsibleParserError("tendlc.twilio.accounts: %s" % exc.message) from None
        # ansible-core reads any text as a boolean (an unknown one as false): only the words it knows are taken.
        if str(config.get("include_parent", True)).lower() not in BOOLEANS:
            raise AnsibleParserError("tendlc.twilio.accounts: include_parent=%r is not a boolean: true or false." % config["include_parent"])
        settings = self._settings()
        key = "%s_%s" % (self.get_cache_key(path), self._filters_digest(settings))
        use_cache = self.get_option("cache") and cache
        accounts = self._cached(key) if use_cache else None
        if accounts is None:
            accounts = self._read_accounts(settings)
            if self.get_option("cache"):
                self._cache[key] = accounts
        self._populate(accounts, settings)

    def _settings(self) -> dict[str, Any]:
        """The options, checked before any request: a bad one fails naming the option and the value."""
        if TWILIO_IMPORT_ERROR:
            raise AnsibleParserError("tendlc.twilio.accounts needs the Python library twilio (pip install 'twilio>=9,<10'): %s" % TWILIO_IMPORT_ERROR)
        names = ("parent_account_sid", "parent_auth_token", "api_url", "timeout", "max_retries", "status", "friendly_name", "include_parent",
                 "group", "hostnames")
        settings = {name: self.get_option(name) for name in names}
        for name in ("parent_account_sid", "parent_auth_token"):
            if not settings[name]:
                raise AnsibleParserError("tendlc.twilio.accounts: %s is not set: give it in the configuration file or as %s." % (
                    name, "TWILIO_PARENT_ACCOUNT_SID" if name == "parent_account_sid" else "TWILIO_PARENT_AUTH_TOKEN"))
        try:
            check_parent(settings)
            check_api_url(settings["api_url"])
        except ModuleError as exc:
            raise AnsibleParserError("tendlc.twilio.accounts: %s" % exc.msg) from None
        statuses = settings["status"]
        if not statuses or any(status not in STATUSES for status in statuses):
            raise AnsibleParserError("tendlc.twilio.accounts: status=%r: each item must be one of %s (Twilio's account statuses), and at least "
                                     "one is needed." % (statuses, ", ".join(STATUSES)))
        settings["status"] = sorted(set(statuses), key=STATUSES.index)
        pattern = settings["friendly_name"]
        if pattern is not None:
            try:
                settings["pattern"] = re.compile(pattern)
            except re.error as exc:
                raise AnsibleParserError("tendlc.twilio.accounts: friendly_name=%r is not a valid regular expression: %s." % (pattern, exc)) from None
        if not GROUP_NAME.fullmatch(settings["group"] or ""):
            raise AnsibleParserError("tendlc.twilio.accounts: group=%r is not a group name: letters, digits and underscores, not starting "
                                     "with a digit." % settings["group"])
        if settings["hostnames"] not in ("friendly_name", "sid"):
            raise AnsibleParserError("tendlc.twilio.accounts: hostnames=%r must be friendly_name or sid." % settings["hostnames"])
        if not (isinstance(settings["timeout"], (int, float)) and math.isfinite(settings["timeout"]) and settings["timeout"] > 0):
            raise AnsibleParserError("tendlc.twilio.accounts: timeout=%r must be more than 0 seconds." % settings["timeout"])
        if not (isinstance(settings["max_retries"], int) and settings["max_retries"] >= 0):
            raise AnsibleParserError("tendlc.twilio.accounts: max_retries=%r must be 0 or more." % settings["max_retries"])
        warning = api_url_warning(settings)
        if warning:
            self.display.warning("tendlc.twilio.accounts: %s" % warning)
        return settings

    @staticmethod
    def _filters_digest(settings: dict[str, Any]) -> str:
        """The cache is per parent and filters: a changed filter reads Twilio again."""
        wanted = repr([settings[name] for name in ("parent_account_sid", "api_url", "status", "friendly_name", "include_parent")])
        return hashlib.sha256(wanted.encode(), usedforsecurity=False).hexdigest()[:12]

    def _cached(self, key: str) -> list[dict[str, Any]] | None:
        """The cached accounts, or None when there are none or they are not what this plugin writes (then Twilio is read)."""
        try:
            accounts = self._cache[key]
        except KeyError:
            return None
        if isinstance(accounts, list) and all(isinstance(a, dict) and set(a) == set(KEPT) for a in accounts):
            return accounts
        return None

    def _read_accounts(self, settings: dict[str, Any]) -> list[dict[str, Any]]:
        """The parent's accounts of the wanted statuses and names, each as kept() has it (no token)."""
        parent_sid = settings["parent_account_sid"]
        client = build_client({"account_sid": parent_sid, "auth_token": settings["parent_auth_token"], "api_url": settings["api_url"],
                               "timeout": settings["timeout"], "max_retries": settings["max_retries"]})
        accounts = client.api.v2010.accounts
        found: dict[str, dict[str, Any]] = {}
        try:
            for status in settings["status"]:
                listed = read_without_keeping(client, "list the accounts of parent account %s with status %s" % (parent_sid, status),
                                              lambda status=status: [kept(a) for a in accounts.stream(status=status, page_size=PAGE_SIZE)])
                found.update((record["sid"], record) for record in listed)
            if settings["include_parent"] and parent_sid not in found:
                # Twilio's list names the account that asks too (*unconfirmed* for every account type): read it when it did not.
                found[parent_sid] = read_without_keeping(client, "fetch parent account %s" % parent_sid, lambda: kept(accounts(parent_sid).fetch()))
        except ModuleError as exc:
            if exc.code == AUTHENTICATE:
                exc.msg = exc.msg.replace(CREDENTIALS_HINT, "") + (
                    " Check the credentials: Twilio refused parent_account_sid=%r with its parent_auth_token: the token is wrong, or it is "
                    "another account's." % parent_sid)
            raise AnsibleParserError("tendlc.twilio.accounts: %s" % exc.msg) from None
        return [record for record in found.values() if self._wanted(record, settings)]

    @staticmethod
    def _wanted(record: dict[str, Any], settings: dict[str, Any]) -> bool:
        parent_sid = settings["parent_account_sid"]
        if record["owner_account_sid"] != parent_sid or (record["sid"] == parent_sid and not settings["include_parent"]):
            return False
        if record["status"] not in settings["status"]:
            return False
        pattern = settings.get("pattern")
        return pattern is None or (record["friendly_name"] is not None and pattern.fullmatch(record["friendly_name"]) is not None)

    def _populate(self, accounts: list[dict[str, Any]], settings: dict[str, Any]) -> None:
        strict = self.get_option("strict")
        group = self.inventory.add_group(settings["group"])
        names = host_names(accounts, settings["hostnames"])
        for record in sorted(accounts, key=lambda a: names[a["sid"]]):
            host = self.inventory.add_host(names[record["sid"]], group=group)
            self.inventory.add_host(host, group=self.inventory.add_group("twilio_status_%s" % record["status"]))
            variables = {"twilio_account_sid": record["sid"], "twilio_parent_account_sid": settings["parent_account_sid"],
                         "twilio_account_status": record["status"]}
            if record["friendly_name"] is not None:
                variables["twilio_account_friendly_name"] = record["friendly_name"]
            if settings["api_url"]:
                variables["twilio_api_url"] = settings["api_url"]
            for name, value in variables.items():
                self.inventory.set_variable(host, name, value)
            self._set_composite_vars(self.get_option("compose"), self.inventory.get_host(host).get_vars(), host, strict=strict)
            host_vars = self.inventory.get_host(host).get_vars()
            self._add_host_to_composed_groups(self.get_option("groups"), host_vars, host, strict=strict)
            self._add_host_to_keyed_groups(self.get_option("keyed_groups"), host_vars, host, strict=strict)
