# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

from ansible_collections.tendlc.twilio.plugins.doc_fragments.auth import ModuleDocFragment as AuthDocFragment


class ModuleDocFragment:
    """What every read-only (info) module of the collection documents alike: the authors and options of the auth
    fragment, and the attributes of a module that only reads (C(READ_ONLY)).

    A fragment cannot extend another, so C(DOCUMENTATION), set below the class, joins the two; each part is a plain
    string where it is written, which is what ansible-test's yamllint reads.
    """

    DOCUMENTATION: str
    READ_ONLY = r"""
attributes:
  check_mode:
    support: full
    description: The module only reads, so it runs the same in check mode.
  diff_mode:
    support: none
    description: The module changes nothing, so it has no diff.
"""


ModuleDocFragment.DOCUMENTATION = AuthDocFragment.DOCUMENTATION + ModuleDocFragment.READ_ONLY
