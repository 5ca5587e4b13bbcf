#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sender_pool
short_description: Manage the sender pool of a Twilio Messaging Service
version_added: 0.1.0
description:
  - Puts phone numbers, short codes and alphanumeric sender IDs into the sender pool of a Messaging Service, or takes
    them out, so the pool is what your inventory says.
  - Phone numbers are given as E.164 numbers or phone number SIDs and are resolved against the account's own numbers
    by exact match. Short codes are given as SIDs or as their digits.
  - Every input is validated and every sender resolved before the first write. Unknown or malformed senders, numbers
    with neither SMS nor MMS capability, senders held by another service (with O(on_conflict=fail)), a pool that would
    outgrow O(pool_limit), and a second phone number in a service whose A2P campaign belongs to a sole-proprietor
    brand all fail together, in one message, and nothing is written.
  - Twilio lets a sole-proprietor brand's campaign use one phone number. When numbers are added to a service whose
    pool would hold two or more phone numbers at some point of the run, the module lists the service's A2P campaign
    (one request, whatever the service's C(us_app_to_person_registered) says) and reads its brand; for a
    sole-proprietor brand it refuses a pool of more than one phone number, naming the service, the brand and the
    count, and it replaces the one number by removing the old one first. If the new number then cannot be added, the
    old one is put back and the failure says so; if putting it back fails too, the failure says that the service now
    has no phone number and which number to add back.
  - Writes run in parallel, at most O(concurrency) at a time, in an order that keeps the pool working if some of them
    fail. Additions (and moves) come before removals whenever the pool has room for both the old and the new senders
    (pool size plus additions at most O(pool_limit)), and removals run only once every addition worked, so a swap
    whose additions fail keeps the old senders. When there is no room, only as many removals as are needed to make
    room run first, then the additions, then the other removals. An alpha sender is replaced by removing the old one
    first, because Twilio allows one per service.
  - A move removes the sender from the other service, then adds it here, one sender after the other.
  - When a change fails after others were made, the task fails with C(changed=true) and says what was done.
    RV(added), RV(removed) and RV(moved) hold what was done, RV(senders) the pool as it now is, RV(failed_changes)
    each failed change with Twilio's error, RV(not_attempted) the changes not attempted, and RV(in_no_pool) any
    sender that was taken out of another service but could not be added here.
extends_documentation_fragment:
  - tendlc.twilio.service_module
attributes:
  check_mode:
    support: full
    description: Reports exactly what a real run would add, remove and move, without writing.
  diff_mode:
    support: full
    description: Shows the pool before and after, as sorted lists of senders per kind.
options:
  phone_numbers:
    description:
      - Phone numbers, each an E.164 number (C(+15551234567)) or a phone number SID (C(PN...)) of the account.
    type: list
    elements: str
  short_codes:
    description:
      - Short codes, each a short code SID (C(SC...)) or the short code's digits, of the account.
    type: list
    elements: str
  alpha_senders:
    description:
      - Alphanumeric sender IDs, each 1 to 11 characters of letters, digits, spaces and C(+ - _ &), with at least one letter.
      - Twilio allows one alpha sender per Messaging Service; with O(exclusive=true) a listed one replaces the current one.
    type: list
    elements: str
  state:
    description:
      - V(present) makes sure every listed sender is in the pool.
      - V(absent) makes sure none of the listed senders is in the pool. Senders that are not there are ignored.
    type: str
    choices: [present, absent]
    default: present
  exclusive:
    description:
      - With O(state=present), also remove the senders that are in the pool but not listed, only of the kinds you
        passed. Passing only O(phone_numbers) never touches short codes or alpha senders.
      - An empty list with O(exclusive=true) (for example O(phone_numbers=[]), or a variable that is missing or
        misspelled) is refused before any request, unless O(allow_empty=true).
    type: bool
    default: false
  allow_empty:
    description:
      - With O(exclusive=true), allow an empty list to remove every sender of that kind.
      - Without it, an empty list with O(exclusive=true) fails, naming the option, and nothing is sent.
    type: bool
    default: false
  on_conflict:
    description:
      - What to do with a phone number or short code that is in the pool of another Messaging Service of the account
        (Twilio allows a sender in one pool only).
      - V(fail) stops before any write and names each sender and the service that holds it.
      - V(move) removes it from that service, then adds it here, and reports it under RV(moved).
    type: str
    choices: [fail, move]
    default: fail
  pool_limit:
    description:
      - The most phone numbers and short codes the pool may hold, together; alpha senders do not count (Twilio error
        21714). Twilio's default limit is 400; raise this only if Twilio raised your account's limit.
    type: int
    default: 400
  concurrency:
    description:
      - How many write requests may run at once, from 1 to 32.
    type: int
    default: 4
notes:
  - Twilio error 21712 (sender already in another Messaging Service) and 21715 (number with neither SMS nor MMS
    capability) are detected before any write. Another writer can still add a sender between the check and the write;
    that addition then fails with Twilio's 21712 (associated with another Messaging Service) or 21710 (already in the
    Messaging Service), in Twilio's words, and is reported under RV(failed_changes).
  - When Twilio refuses (a 4xx) to add a moved sender here after it left the other service, the module puts it back
    into that service's pool and says so. If that fails too, or the addition's outcome is unknown, the sender is in no
    pool; the task says so in its message and in RV(in_no_pool). Run the task again to add it here (it is free now),
    or add it back to the service named in C(from_service).
seealso:
  - module: tendlc.twilio.messaging_service
  - module: tendlc.twilio.phone_number_info
  - name: Sender pool
    description: Twilio's documentation of a Messaging Service's sender pool.
    link: https://www.twilio.com/docs/messaging/services#sender-pool
"""

EXAMPLES = r"""
- name: The Flex numbers are in the service's pool
  tendlc.twilio.sender_pool:
    service: Flex contact center
    phone_numbers:
      - "+15551230001"
      - "+15551230002"
      - PN0123456789abcdef0123456789abcdef

- name: The pool holds exactly these numbers; numbers in other services move here; short codes are left alone
  tendlc.twilio.sender_pool:
    service: MG0123456789abcdef0123456789abcdef
    phone_numbers: "{{ flex_numbers }}"
    exclusive: true
    on_conflict: move

- name: Take a number out of the pool
  tendlc.twilio.sender_pool:
    service: Flex contact center
    phone_numbers: ["+15551230002"]
    state: absent
"""

RETURN = r"""
service_sid:
  description: The SID of the Messaging Service; null when planned for a service still to be created (O(plan_new_service)).
  returned: always
  type: str
  sample: MG0123456789abcdef0123456789abcdef
added:
  description:
    - Senders added to the pool (in check mode, that would be added), each with C(sid), C(kind) and C(value), the same
      keys in check mode as in a real run. In check mode an alpha sender still to be added has C(sid) null, as Twilio
      assigns its C(AI...) SID when it adds it.
    - After a failed change, only those that were added.
  returned: always
  type: list
  elements: dict
  sample: [{sid: PN0123456789abcdef0123456789abcdef, kind: phone_number, value: "+15551230001"}]
removed:
  description: Senders removed from the pool (in check mode, that would be removed), with the keys of RV(added); after a
    failed change, only those that were removed.
  returned: always
  type: list
  elements: dict
  sample: [{sid: SC0123456789abcdef0123456789abcdef, kind: short_code, value: "12345"}]
moved:
  description:
    - Senders moved here from another service's pool, with that service's SID under C(from_service).
    - After a failed change, only those that were moved; see RV(in_no_pool) for moves that failed halfway.
  returned: always
  type: list
  elements: dict
  sample: [{sid: PN0123456789abcdef0123456789abcdef, kind: phone_number, value: "+15551230001", from_service: MGfedcba9876543210fedcba9876543210}]
senders:
  description:
    - Every sender of the pool after the run, all kinds, sorted by kind and value.
    - After a failed change, the pool as the changes that worked left it.
  returned: always
  type: list
  elements: dict
  sample: [{sid: PN0123456789abcdef0123456789abcdef, kind: phone_number, value: "+15551230001"}]
failed_changes:
  description:
    - The changes that failed, each with its C(action) (C(add), C(remove) or C(move)), Twilio's C(error) and the
      C(message). A failed move has C(from_service), and C(in_no_pool=true) when it left the other service.
    - An C(error) with C(ambiguous=true) means Twilio may have applied the request after all.
  returned: when a change to the pool failed
  type: list
  elements: dict
  sample:
    - sid: PN0123456789abcdef0123456789abcdef
      kind: phone_number
      value: "+15551230001"
      action: add
      error: {code: 21714, status: 400, message: Messaging Service has reached its sender pool limit}
      message: "Failed to add phone number PN0123456789abcdef0123456789abcdef to messaging service MG...: Twilio error 21714 ..."
not_attempted:
  description: The planned changes that were not attempted because an earlier one failed, each with its C(action).
    Removals not attempted leave those senders in the pool.
  returned: when a change to the pool failed
  type: list
  elements: dict
  sample: [{sid: PNfedcba9876543210fedcba9876543210, kind: phone_number, value: "+15551230009", action: remove}]
in_no_pool:
  description: Senders that were removed from another service's pool (C(from_service)) for a move and could not be
    added here, so they are now in no Messaging Service's pool.
  returned: when a change to the pool failed
  type: list
  elements: dict
  sample: [{sid: PN0123456789abcdef0123456789abcdef, kind: phone_number, value: "+15551230001", from_service: MGfedcba9876543210fedcba9876543210}]
"""

from ansible_collections.tendlc.twilio.plugins.module_utils._sender_pool import SenderPool


def main() -> None:
    module = SenderPool.define_module()
    SenderPool(module).run()


if __name__ == "__main__":
    main()
