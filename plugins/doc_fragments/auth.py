# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment:
    """The authors, and the authentication and connection options, of every tendlc.twilio module.

    The info modules and the modules that act on one messaging service extend C(info_module) or C(service_module),
    which hold this fragment's documentation too (a fragment cannot extend another): C(options) comes last, so that
    they can add to it.
    """

    DOCUMENTATION = r"""
author:
  - tendlc.twilio maintainers (@tendlc)
notes:
  - Give either O(auth_token), or O(api_key_sid) with O(api_key_secret), or for a subaccount O(parent_account_sid) with
    O(parent_auth_token). An API key is the safer choice for automation because it can be revoked without rotating the
    account's auth token.
  - Messaging API paths carry no account SID, so the credentials alone choose the account; manage each subaccount with
    its own credentials or API key, or with its own token read through the parent (O(parent_account_sid)).
  - Secrets are never logged or returned.
requirements:
  - twilio >= 9.0.0, < 10
options:
  account_sid:
    description:
      - The SID (C(AC...)) of the Twilio account (or subaccount) to manage.
      - With an auth token, it is the user name of HTTP Basic authentication.
      - With an API key (O(api_key_sid)), it names the account the key belongs to.
      - If not set, the value of the E(TWILIO_ACCOUNT_SID) environment variable is used.
    type: str
    required: true
  auth_token:
    description:
      - The auth token of O(account_sid).
      - Required unless O(api_key_sid) and O(api_key_secret), or O(parent_account_sid) and O(parent_auth_token), are given.
      - If not set, the value of the E(TWILIO_AUTH_TOKEN) environment variable is used.
    type: str
  api_key_sid:
    description:
      - The SID (C(SK...)) of an API key of the account, used instead of O(auth_token).
      - Requires O(api_key_secret).
      - If not set, the value of the E(TWILIO_API_KEY) environment variable is used.
    type: str
  api_key_secret:
    description:
      - The secret of the API key O(api_key_sid).
      - If not set, the value of the E(TWILIO_API_SECRET) environment variable is used.
    type: str
  parent_account_sid:
    description:
      - The SID (C(AC...)) of the parent account of the subaccount O(account_sid), to act for that subaccount with the
        parent's credentials (O(parent_auth_token)) instead of its own.
      - Before anything else the module reads the subaccount through the parent (one C(GET /2010-04-01/Accounts/{Sid}.json)),
        checks that its owner is O(parent_account_sid) and that it is active (a suspended or closed subaccount is not
        managed), and then acts with the subaccount's SID and its own auth token from that answer, as Twilio requires for
        every API but 2010 (messaging, Trust Hub, Flex, Conversations, Proxy). The token is never logged or returned.
      - O(account_sid) may be the parent itself, which then acts with its own token.
      - Requires O(parent_auth_token); O(auth_token), O(api_key_sid) and O(api_key_secret) must not be given with it.
      - The inventory plugin P(tendlc.twilio.accounts#inventory) sets it for
        each of its hosts (C(twilio_parent_account_sid)).
      - If not set, the value of the E(TWILIO_PARENT_ACCOUNT_SID) environment variable is used.
    type: str
    version_added: 0.3.0
  parent_auth_token:
    description:
      - The auth token of O(parent_account_sid). Used for the one read of the subaccount only.
      - If not set, the value of the E(TWILIO_PARENT_AUTH_TOKEN) environment variable is used.
    type: str
    version_added: 0.3.0
  region:
    description:
      - The Twilio region to send requests to, for example C(ie1) or C(au1).
      - One lowercase host name label (letters, digits, inner hyphens), as the SDK puts it in the host name.
      - Leave unset when O(api_url) points at a local emulator or proxy.
      - If not set, the value of the E(TWILIO_REGION) environment variable is used.
    type: str
  edge:
    description:
      - The Twilio edge location to send requests to, for example C(dublin) or C(sydney).
      - One lowercase host name label (letters, digits, inner hyphens), as Twilio's edge location IDs are.
      - Leave unset when O(api_url) points at a local emulator or proxy.
      - If not set, the value of the E(TWILIO_EDGE) environment variable is used.
    type: str
  timeout:
    description:
      - Seconds to wait for Twilio to answer one HTTP request.
    type: float
    default: 30
  api_url:
    description:
      - Send every request to this base URL instead of Twilio's product hosts.
      - A request for C(https://<product>.twilio.com/<path>) goes to C(<api_url>/<product>/<path>),
        paging links included, for example C(https://messaging.twilio.com/v1/Services) becomes
        C(http://127.0.0.1:8080/messaging/v1/Services) with O(api_url=http://127.0.0.1:8080).
      - Use it to reach the collection's local Twilio emulator or an HTTP proxy of your own.
        Leave it unset to talk to Twilio.
      - An absolute C(http://) or C(https://) URL without user info (C(user:password@)), query or fragment; such a URL
        is refused, and its user info is not shown. Plain C(http://) to a host other than this machine (C(localhost),
        C(127.0.0.0/8), C(::1)) is warned about, as the credentials would cross the network unencrypted.
      - If not set, the value of the E(TWILIO_API_URL) environment variable is used.
    type: str
  max_retries:
    description:
      - How many times one request is retried after a failure that may go away by itself, on top of the first attempt.
        V(0) turns retries off.
      - HTTP 429 answers do not count, as Twilio did not process the request; they are retried until O(retry_deadline),
        so many hosts of one account under Twilio's 1 A2P request per second take turns instead of failing.
      - Retried are HTTP 429 (Twilio error 20429, too many requests), 500, 502, 503 and 504, and connection errors
        (the connection cannot be opened in time, is reset, or the answer does not come within O(timeout)). Other errors, such as
        400, 401 and 404, are Twilio's answer and are never retried; nor are a refused connection and a host name that
        does not resolve, which fail at once naming the host.
      - Reads, updates and deletes are retried freely. A request that creates something is retried only when Twilio
        cannot have applied it (after a 429, or when the connection could not be opened). When its outcome is unknown
        (a 5xx, a reset or a timeout after it was sent), the module looks the resource up (a service by its exact name,
        a sender in the pool, the service's campaign, a brand by its bundles) and creates it again only if it is still
        missing, at most O(max_retries) more times. After a timeout or a 504 Twilio may still be applying it, so the
        look-up is repeated for twice O(timeout) (at least 5 seconds, within O(retry_deadline)) before that.
        A create is never repeated blindly, so a retry never makes a duplicate.
      - A delete that answers 404 after it was retried is done (an earlier attempt deleted it).
    type: int
    default: 5
  retry_deadline:
    description:
      - Seconds after the first attempt of a request after which it is no longer retried. A wait that would end past
        the deadline is not started, and the last error is reported.
      - With O(max_retries), it bounds how long one request can take (alone, after 429s); the time of each attempt is bounded by O(timeout).
    type: float
    default: 120
  retry_backoff:
    description:
      - Seconds of the first backoff between retries. The wait before retry n (counted from 0) is a random time between
        0 and O(retry_backoff) * 2^n seconds, at most 30 ("full jitter", so that parallel requests do not retry in step).
      - When Twilio's response carries a C(Retry-After) header (seconds), that wait plus a random 0 to 1 times as much is
        used instead (clients told the same C(Retry-After) do not come back in step), never past O(retry_deadline).
      - V(0) retries at once; only useful against a local emulator.
    type: float
    default: 1
"""
