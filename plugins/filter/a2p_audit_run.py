# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The a2p_audit_run filter: the audits of a run of the audit playbook, the accounts whose audit failed and those left out."""

from __future__ import annotations

from typing import Any, Mapping

from ansible_collections.tendlc.twilio.plugins.plugin_utils._personal_data import without_emails

DOCUMENTATION = r"""
name: a2p_audit_run
short_description: Gather the accounts' A2P 10DLC audits of one run of the audit playbook
version_added: 0.1.0
author:
  - tendlc.twilio maintainers (@tendlc)
description:
  - The audit playbook (C(tendlc.twilio.audit)) audits each account of the inventory group with the C(tendlc.twilio.flex_a2p)
    role (the fact C(flex_a2p_audit)), keeps the reason of an audit that failed (the fact C(audit_failure)), and marks each
    account of the run (the fact C(audit_in_run)). This filter gathers them for the report, in the order of the group.
  - An account of the run without an audit failed; its reason, with email addresses hidden as in the audit, is kept.
    An account without C(audit_in_run) was left out of the run (C(--limit)).
options:
  _input:
    description: The inventory hosts of the accounts (C(groups['twilio_accounts'])).
    type: list
    elements: str
    required: true
  hostvars:
    description: The hosts' variables (C(hostvars)).
    type: dict
    required: true
"""

EXAMPLES = r"""
- name: Gather the run's audits once
  run_once: true
  ansible.builtin.set_fact:
    audit_run: "{{ groups['twilio_accounts'] | tendlc.twilio.a2p_audit_run(hostvars) }}"
"""

RETURN = r"""
_value:
  type: dict
  description:
    - The run's audits, each list in the order of the group.
  contains:
    accounts:
      description: The audit of each audited account (C(flex_a2p_audit)).
      type: list
      elements: dict
    failed:
      description: Each account of the run whose audit failed, and why.
      type: dict
    not_in_this_run:
      description: The accounts the run left out.
      type: list
      elements: str
    unaudited:
      description: The accounts whose audit failed, then those left out.
      type: list
      elements: str
    verdicts:
      description: Each audited account's verdict.
      type: dict
    lines:
      description: One line per account, its verdict, or why it has none.
      type: list
      elements: str
"""

NO_REASON = "failed: see the play output"


def a2p_audit_run(hosts: list[str], hostvars: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The audits, failures and accounts left out (see DOCUMENTATION)."""
    if not isinstance(hosts, list):
        raise TypeError("a2p_audit_run expects the list of the accounts' hosts, got %s" % type(hosts).__name__)
    accounts = [hostvars[host]["flex_a2p_audit"] for host in hosts if "flex_a2p_audit" in hostvars[host]]
    audited = [account["account"] for account in accounts]
    in_run = [host for host in hosts if "audit_in_run" in hostvars[host]]
    failed = {host: without_emails(str(hostvars[host].get("audit_failure", NO_REASON))) for host in in_run if host not in audited}
    not_run = [host for host in hosts if host not in in_run]
    return {
        "accounts": accounts,
        "failed": failed,
        "not_in_this_run": not_run,
        "unaudited": list(failed) + not_run,
        "verdicts": {account["account"]: account["verdict"] for account in accounts},
        "lines": (["%s: %s" % (account["account"], account["verdict"]) for account in accounts]
                  + ["%s: NOT AUDITED (its audit failed, see the report)" % host for host in failed]
                  + ["%s: not in this run (--limit)" % host for host in not_run]),
    }


class FilterModule:
    """The audit playbook's run."""

    def filters(self) -> dict[str, Any]:
        return {"a2p_audit_run": a2p_audit_run}
