# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The only place that builds a twilio Client: credentials, api_url rewrite, timeouts, retries.

Every request of every module goes through C(CollectionHttpClient.request()), which applies the one
retry policy of C(_retry.py). A create whose outcome is unknown raises C(AmbiguousWriteError);
C(create_once()) resolves it by looking the resource up, C(call_delete()) treats the 404 of a retried
delete as done.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import traceback
from datetime import datetime
from typing import Any, Callable, TypeVar
from urllib.parse import urlsplit

from ansible.module_utils.basic import env_fallback
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import AmbiguousWriteError, ModuleError, from_twilio
from ansible_collections.tendlc.twilio.plugins.module_utils._retry import (
    DEFAULT_BACKOFF, DEFAULT_DEADLINE, DEFAULT_MAX_RETRIES, RetryPolicy, last_attempts, send,
)

TWILIO_IMPORT_ERROR: str | None
try:
    from requests import RequestException
    from twilio.base.exceptions import TwilioException
    from twilio.http.http_client import TwilioHttpClient
    from twilio.rest import Client

    TWILIO_IMPORT_ERROR = None
except ImportError:
    class RequestException(Exception):  # type: ignore[no-redef]
        """Stands in for requests' base exception when twilio (and so requests) is missing."""

    class TwilioException(Exception):  # type: ignore[no-redef]
        """Stands in for the SDK's base exception when twilio is missing."""

    TwilioHttpClient = object  # type: ignore[assignment,misc]
    Client = None  # type: ignore[assignment,misc]
    TWILIO_IMPORT_ERROR = traceback.format_exc()

T = TypeVar("T")

TWILIO_HOST_SUFFIX = ".twilio.com"

AUTH_ARGUMENT_SPEC: dict[str, dict[str, Any]] = {
    "account_sid": {"type": "str", "required": True, "fallback": (env_fallback, ["TWILIO_ACCOUNT_SID"])},
    "auth_token": {"type": "str", "no_log": True, "fallback": (env_fallback, ["TWILIO_AUTH_TOKEN"])},
    "api_key_sid": {"type": "str", "no_log": False, "fallback": (env_fallback, ["TWILIO_API_KEY"])},
    "api_key_secret": {"type": "str", "no_log": True, "fallback": (env_fallback, ["TWILIO_API_SECRET"])},
    "region": {"type": "str", "fallback": (env_fallback, ["TWILIO_REGION"])},
    "edge": {"type": "str", "fallback": (env_fallback, ["TWILIO_EDGE"])},
    "timeout": {"type": "float", "default": 30},
    "api_url": {"type": "str", "fallback": (env_fallback, ["TWILIO_API_URL"])},
    "max_retries": {"type": "int", "default": DEFAULT_MAX_RETRIES},
    "retry_deadline": {"type": "float", "default": DEFAULT_DEADLINE},
    "retry_backoff": {"type": "float", "default": DEFAULT_BACKOFF},
}
NOT_FOUND = 20404


def rewrite_url(url: str, api_url: str | None) -> str:
    """Map C(https://<product>.twilio.com/<path>) to C(<api_url>/<product>/<path>).

    The product is the first label of the Twilio host, so edge/region hosts
    (C(messaging.dublin.ie1.twilio.com)) map to the same product. URLs of
    other hosts, and every URL when api_url is not set, are left alone.
    """
    if not api_url:
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not host.endswith(TWILIO_HOST_SUFFIX):
        return url
    product = host.split(".", 1)[0]
    rewritten = "%s/%s%s" % (api_url.rstrip("/"), product, parts.path)
    return "%s?%s" % (rewritten, parts.query) if parts.query else rewritten


class CollectionHttpClient(TwilioHttpClient):  # type: ignore[misc,valid-type]
    """The SDK's HTTP client with the collection's URL rewrite and retry policy (the SDK itself never retries 429 or 5xx)."""

    def __init__(self, api_url: str | None = None, timeout: float | None = None, policy: RetryPolicy | None = None) -> None:
        super().__init__(timeout=timeout)
        self.api_url = api_url
        self.policy = policy or RetryPolicy()
        if self.session is not None and api_url:
            # The SDK mounts its connection pool for https only; size the http one alike.
            self.session.mount("http://", self.session.get_adapter("https://"))

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        target = rewrite_url(url, self.api_url)
        return send(self.policy, method, target, lambda: super(CollectionHttpClient, self).request(method, target, *args, **kwargs))


def build_client(params: dict[str, Any]) -> Any:
    """Return a C(twilio.rest.Client) for the module's auth parameters."""
    if params.get("api_key_sid"):
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

    A create with an unknown outcome raises AmbiguousWriteError (a ModuleError): see create_once().
    """
    try:
        return func(*args, **kwargs)
    except AmbiguousWriteError as exc:
        raise exc.during(operation) from exc
    except TwilioException as exc:
        raise _after_retries(from_twilio(exc, operation)) from exc
    except RequestException as exc:
        raise _after_retries(ModuleError("Failed to %s: could not reach Twilio: %s" % (operation, exc), error={"message": str(exc)})) from exc


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
    found, it is the result; still missing, the create is sent again, at most C(max_retries) more times.
    """
    rounds = getattr(getattr(client, "http_client", None), "policy", RetryPolicy()).max_retries
    for round_ in range(rounds + 1):
        try:
            return call(operation, func, *args, **kwargs)
        except AmbiguousWriteError:
            found = find()
            if found is not None:
                return found
            if round_ == rounds:
                raise
    raise AssertionError("unreachable")


def call_delete(operation: str, func: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    """Run a delete; a 404 (20404) to a delete that the client retried means an earlier attempt did it: done."""
    try:
        call(operation, func, *args, **kwargs)
    except ModuleError as exc:
        if (exc.extra.get("error") or {}).get("code") == NOT_FOUND and last_attempts().retries:
            return
        raise


def resource_dict(instance: Any) -> dict[str, Any]:
    """The fields of an SDK resource instance, as Twilio returned them (snake_case keys, ISO 8601 dates)."""
    result = {}
    for key, value in vars(instance).items():
        if key.startswith("_"):
            continue
        result[key] = value.isoformat().replace("+00:00", "Z") if isinstance(value, datetime) else value
    return result
