# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment:
    """Authentication and connection options shared by every tendlc.twilio module."""

    DOCUMENTATION = r"""
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
      - Required unless O(api_key_sid) and O(api_key_secret) are given.
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
  region:
    description:
      - The Twilio region to send requests to, for example C(ie1) or C(au1).
      - Leave unset when O(api_url) points at a local emulator or proxy.
      - If not set, the value of the E(TWILIO_REGION) environment variable is used.
    type: str
  edge:
    description:
      - The Twilio edge location to send requests to, for example C(dublin) or C(sydney).
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
      - If not set, the value of the E(TWILIO_API_URL) environment variable is used.
    type: str
notes:
  - Give either O(auth_token), or O(api_key_sid) with O(api_key_secret). An API key is the safer choice for automation
    because it can be revoked without rotating the account's auth token.
  - Messaging API paths carry no account SID, so the credentials alone choose the account; manage each subaccount with
    its own credentials or API key.
  - Secrets are never logged or returned.
requirements:
  - twilio >= 9.0.0, < 10
"""
