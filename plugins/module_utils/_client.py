# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The only place that builds a twilio Client (credentials, timeouts, retry policy), and the calls modules make with it.

The client's HTTP layer (URL rewrite to api_url, host check, retries, answer check) is C(_http.py); the retry policy is
C(_retry.py). Here: C(call()) runs one SDK call and turns its failure into a ModuleError naming the operation; a create
whose outcome is unknown raises C(AmbiguousWriteError), which C(create_once()) resolves by looking the resource up;
C(call_delete()) treats the 404 of a retried delete as done; C(fetch_or_none()) reads a 404 as "no such resource".

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable, TypeVar

from ansible.module_utils.basic import env_fallback
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import (
    AmbiguousWriteError, ModuleError, TransportError, bad_response, from_twilio, is_not_found,
)
from ansible_collections.tendlc.twilio.plugins.module_utils._http import CollectionHttpClient, answers_received, last_answer
from ansible_collections.tendlc.twilio.plugins.module_utils._retry import (
    DEFAULT_BACKOFF, DEFAULT_DEADLINE, DEFAULT_MAX_RETRIES, RetryPolicy, full_late_window, last_attempts, late_window, poll, reason_of,
)
from ansible_collections.tendlc.twilio.plugins.module_utils._sdk import TWILIO_IMPORT_ERROR, Client, RequestException, TwilioException

__all__ = [
    "AUTH_ARGUMENT_SPEC", "TWILIO_IMPORT_ERROR", "build_client", "call", "call_delete", "create_once", "fetch_or_none", "resource_dict",
]

T = TypeVar("T")

AUTH_ARGUMENT_SPEC: dict[str, dict[str, Any]] = {
    "account_sid": {"type": "str", "required": True, "fallback": (env_fallback, ["TWILIO_ACCOUNT_SID"])},
    "auth_token": {"type": "str", "no_log": True, "fallback": (env_fallback, ["TWILIO_AUTH_TOKEN"])},
    "api_key_sid": {"type": "str", "no_log": False, "fallback": (env_fallback, ["TWILIO_API_KEY"])},
    "api_key_secret": {"type": "str", "no_log": True, "fallback": (env_fallback, ["TWILIO_API_SECRET"])},
    # Acting for the subaccount account_sid with its parent's credentials (_subaccount.py).
    "parent_account_sid": {"type": "str", "no_log": False, "fallback": (env_fallback, ["TWILIO_PARENT_ACCOUNT_SID"])},
    "parent_auth_token": {"type": "str", "no_log": True, "fallback": (env_fallback, ["TWILIO_PARENT_AUTH_TOKEN"])},
    "region": {"type": "str", "fallback": (env_fallback, ["TWILIO_REGION"])},
    "edge": {"type": "str", "fallback": (env_fallback, ["TWILIO_EDGE"])},
    "timeout": {"type": "float", "default": 30},
    "api_url": {"type": "str", "fallback": (env_fallback, ["TWILIO_API_URL"])},
    "max_retries": {"type": "int", "default": DEFAULT_MAX_RETRIES},
    "retry_deadline": {"type": "float", "default": DEFAULT_DEADLINE},
    "retry_backoff": {"type": "float", "default": DEFAULT_BACKOFF},
}


def build_client(params: dict[str, Any], subaccount_token: str | None = None) -> Any:
    """Return a C(twilio.rest.Client) for the module's auth parameters.

    C(subaccount_token): the auth token of the subaccount C(account_sid), read through its parent (C(_subaccount.py)):
    the client then acts with the subaccount's own SID and token, as Twilio requires outside the 2010 API."""
    if subaccount_token:
        username, password = params["account_sid"], subaccount_token
    elif params.get("api_key_sid"):
        username, password = params["api_key_sid"], params["api_key_secret"]
    else:
        username, password = params["account_sid"], params["auth_token"]
    return Client(
        username=username,
        password=password,
        account_sid=params["account_sid"],
        region=params.get("region"),
        edge=params.get("edge"),
        http_client=CollectionHttpClient(api_url=params.get("api_url"), timeout=params.get("timeout"), policy=policy_from(params)),
    )


def policy_from(params: dict[str, Any]) -> RetryPolicy:
    """The retry policy the module's options ask for (defaults for options a caller does not have)."""
    return RetryPolicy(
        max_retries=params.get("max_retries", DEFAULT_MAX_RETRIES),
        deadline=params.get("retry_deadline", DEFAULT_DEADLINE),
        backoff=params.get("retry_backoff", DEFAULT_BACKOFF),
    )


def call(operation: str, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run one SDK call; a Twilio or transport error becomes a ModuleError naming the operation.

    A create with an unknown outcome raises AmbiguousWriteError (a ModuleError): see create_once(). An answer the
    client accepted as JSON but the SDK cannot read (a list where it wants a page, say) fails naming that answer.
    """
    answers = answers_received()
    try:
        return func(*args, **kwargs)
    except AmbiguousWriteError as exc:
        raise exc.during(operation) from exc
    except TransportError as exc:
        raise _after_retries(exc.during(operation)) from exc
    except TwilioException as exc:
        if getattr(exc, "status", None) is None and len(exc.args) < 2 and answers_received() != answers:
            raise _unreadable(operation) from exc  # "Page Records can not be deserialized": no page in the answer
        raise _after_retries(from_twilio(exc, operation)) from exc
    except RequestException as exc:  # raised by the SDK outside the HTTP client (not expected)
        raise _after_retries(ModuleError("Failed to %s: could not reach Twilio: %s" % (operation, reason_of(exc)), error={"message": reason_of(exc)})) from exc
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        if answers_received() == answers:
            raise  # no answer was received: not an answer's fault
        raise _unreadable(operation) from exc


def _unreadable(operation: str) -> TransportError:
    method, url, status, content_type = last_answer()
    return bad_response(method, url, status, content_type, "JSON that is not the shape the API sends for it").during(operation)


def _after_retries(error: ModuleError) -> ModuleError:
    """Say in the message how often the failed request was retried, when it was."""
    attempts = last_attempts()
    if attempts.retries:
        error.msg = "%s (%s %d retries: %s)" % (error.msg, "gave up after" if attempts.gave_up else "after", attempts.retries, attempts.summary())
        error.extra["retries"] = attempts.retries
    return error


def create_once(client: Any, operation: str, find: Callable[[], T | None], func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a create that must never be applied twice.

    When the client cannot tell whether Twilio applied it (AmbiguousWriteError), C(find()) looks the resource up:
    found, it is the result; still missing, the create is sent again, at most C(max_retries) more times. After an answer
    that did not come in time (read timeout, 504) the create may still be in progress at Twilio: the look-up is repeated
    with backoff for C(full_late_window()) seconds (twice C(timeout), at least 5 s) before that; when C(retry_deadline)
    ends the look-ups earlier, the create is not sent again (it could be applied twice): the error says so.
    """
    http = getattr(client, "http_client", None)
    policy = getattr(http, "policy", None) or RetryPolicy()
    timeout = getattr(http, "timeout", None)
    for round_ in range(policy.max_retries + 1):
        sent = policy.clock()
        try:
            return call(operation, func, *args, **kwargs)
        except AmbiguousWriteError as exc:
            full = full_late_window(timeout) if exc.in_flight else 0.0
            window = late_window(policy, timeout, policy.clock() - sent) if exc.in_flight else 0.0
            found, lookups = poll(policy, find, window)
            if found is not None:
                return found
            if window < full:
                why = ("retry_deadline (%g s) ended the look-ups before the %.1f s a late create is given to appear, so sending "
                       "it again could create it twice" % (policy.deadline, full))
            elif round_ == policy.max_retries:
                why = "max_retries (%d) allows no more" % policy.max_retries
            else:
                continue
            raise _unresolved(exc, operation, round_ + 1, lookups, window, why) from exc
    raise AssertionError("unreachable")


def _unresolved(exc: AmbiguousWriteError, operation: str, sends: int, lookups: int, window: float, why: str) -> AmbiguousWriteError:
    """The error of an ambiguous create that create_once() gives up on: how often it was sent and looked up, and why no more."""
    if sends == 1:
        sent = "it was sent once without a clear answer"
    else:
        sent = "it was sent %d times without a clear answer, each time again only after looking it up found nothing" % sends
    looked = "once" if lookups == 1 else "%d times" % lookups
    over = " over %.1f s" % window if window else ""
    error = exc.during(operation, "%s; looked up %s%s after the last, and not found; it was not sent again: %s" % (sent, looked, over, why))
    error.extra["error"].update(sent=sends, lookups=lookups)
    return error


def call_delete(operation: str, func: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    """Run a delete; a 404 (20404) to a delete that the client retried means an earlier attempt did it: done."""
    try:
        call(operation, func, *args, **kwargs)
    except ModuleError as exc:
        if not (is_not_found(exc) and last_attempts().retries):
            raise


def fetch_or_none(operation: str, func: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """Run one fetch as C(call()); None when Twilio answers that the resource does not exist (20404)."""
    try:
        return call(operation, func, *args, **kwargs)
    except ModuleError as exc:
        if is_not_found(exc):
            return None
        raise


def resource_dict(instance: Any) -> dict[str, Any]:
    """The fields of an SDK resource instance, as Twilio returned them (snake_case keys, ISO 8601 dates)."""
    result = {}
    for key, value in vars(instance).items():
        if key.startswith("_"):
            continue
        result[key] = value.isoformat().replace("+00:00", "Z") if isinstance(value, datetime) else value
    return result
