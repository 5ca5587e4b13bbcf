# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The only place that builds a twilio Client: credentials, api_url rewrite, timeouts, retries.

Every request of every module goes through C(CollectionHttpClient.request()), which sends it only to the
configured host (C(check_host())), applies the one retry policy of C(_retry.py), and refuses an answer that is
not Twilio's JSON (C(body_problem())). A create whose outcome is unknown raises C(AmbiguousWriteError);
C(create_once()) resolves it by looking the resource up, C(call_delete()) treats the 404 of a retried
delete as done.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import json
import re
import threading
import traceback
from datetime import datetime
from typing import Any, Callable, TypeVar
from urllib.parse import urlsplit

from ansible.module_utils.basic import env_fallback
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import (
    AmbiguousWriteError, ModuleError, TransportError, bad_response, from_twilio,
)
from ansible_collections.tendlc.twilio.plugins.module_utils._retry import (
    DEFAULT_BACKOFF, DEFAULT_DEADLINE, DEFAULT_MAX_RETRIES, RetryPolicy, forget_attempts, full_late_window, last_attempts, late_window, poll, reason_of, send,
    unreachable,
)

TWILIO_IMPORT_ERROR: str | None
try:
    from requests import RequestException
    from requests.models import PreparedRequest
    from twilio.base.exceptions import TwilioException
    from twilio.http.http_client import TwilioHttpClient
    from twilio.rest import Client
    from urllib3.exceptions import LocationParseError
    from urllib3.util import parse_url

    TWILIO_IMPORT_ERROR = None
except ImportError:
    class RequestException(Exception):  # type: ignore[no-redef]
        """Stands in for requests' base exception when twilio (and so requests) is missing."""

    class TwilioException(Exception):  # type: ignore[no-redef]
        """Stands in for the SDK's base exception when twilio is missing."""

    class LocationParseError(Exception):  # type: ignore[no-redef]
        """Stands in for urllib3's URL parse error when twilio (and so urllib3) is missing."""

    TwilioHttpClient = PreparedRequest = parse_url = object  # type: ignore[assignment,misc]
    Client = None  # type: ignore[assignment,misc]
    TWILIO_IMPORT_ERROR = traceback.format_exc()

T = TypeVar("T")

TWILIO_HOST_SUFFIX = ".twilio.com"
WRITE_METHODS = ("POST", "DELETE")
DEFAULT_PORTS = {"http": 80, "https": 443}
# Characters that URL parsers read differently (a backslash ends the host for urllib3, not for urllib.parse; whitespace
# and control characters are stripped by some): a URL with one is refused, never interpreted.
URL_TRAPS = re.compile(r"[\\\s\x00-\x1f\x7f]")
HOST_NAME = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")
JSON_TYPES = {list: "array", str: "string", int: "number", float: "number", bool: "boolean", type(None): "null"}
# The last answer this thread received (method, URL, status, content type) and a count of answers, for call()'s
# message when the SDK cannot read an answer that is JSON but not of the shape it expects.
_ANSWERS = threading.local()

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
    other hosts, every URL when api_url is not set, and a URL that C(check_host()) refuses outright are left alone.
    """
    if not api_url or URL_TRAPS.search(url):
        return url
    parts = urlsplit(url)
    if "@" in parts.netloc:
        return url
    host = parts.hostname or ""
    if not host.endswith(TWILIO_HOST_SUFFIX):
        return url
    product = host.split(".", 1)[0]
    rewritten = "%s/%s%s" % (api_url.rstrip("/"), product, parts.path)
    return "%s?%s" % (rewritten, parts.query) if parts.query else rewritten


def origin(url: str) -> tuple[str, str, int | None]:
    """Scheme, lower-case host and port (the scheme's default when absent) of a URL; ValueError for a bad port."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or DEFAULT_PORTS.get(scheme)


def shown_origin(scheme: str, host: str, port: int | None) -> str:
    shown = "[%s]" % host if ":" in host else host  # an IPv6 address, bracketed as in a URL
    return "%s://%s%s" % (scheme, shown, "" if port is None or port == DEFAULT_PORTS.get(scheme) else ":%d" % port)


def sent_to(url: str) -> tuple[str, str, int | None, str]:
    """Scheme, host, port and path that requests will send C(url) to, found as requests finds them.

    requests prepares the URL with urllib3's C(parse_url()) (C(PreparedRequest.prepare_url())), and its adapter connects
    to the C(urlparse()) host of the prepared URL: both are applied here, and they must agree. ValueError, saying why,
    for a URL whose host the parsers could read differently (a backslash, whitespace, a control character, user info
    before an C(@)) or that requests would not send.
    """
    if URL_TRAPS.search(url):
        raise ValueError("it contains a backslash, whitespace or a control character")
    if "@" in urlsplit(url).netloc:
        raise ValueError("it contains user info (an @ before the host)")
    prepared = PreparedRequest()
    try:
        prepared.prepare_url(url, None)
        parts = urlsplit(prepared.url)
        scheme, host, port = parts.scheme.lower(), (parts.hostname or "").lower(), parts.port or DEFAULT_PORTS.get(parts.scheme.lower())
        parsed = parse_url(prepared.url)
    except (RequestException, LocationParseError, UnicodeError, ValueError) as exc:
        raise ValueError("requests cannot send it") from exc
    if "@" in parts.netloc or parsed.auth:
        raise ValueError("it contains user info (an @ before the host)")
    if (parsed.host or "").strip("[]").lower() != host or (parsed.port or DEFAULT_PORTS.get(scheme)) != port:
        raise ValueError("urllib3 and urllib.parse read its host differently")
    return scheme, host, port, parts.path


def check_host(method: str, url: str, api_url: str | None) -> None:
    """Refuse (TransportError) a URL off the configured host, before anything is sent: every request carries the credentials.

    With api_url, only its scheme, host and port (Twilio URLs are rewritten to it first); without, only https on port 443 of
    a host name under twilio.com. A page link in an answer (v1 C(next_page_url) is absolute) may name any host. The host is
    the one requests will connect to (C(sent_to())); a URL whose host parsers may read differently is refused outright.
    """
    expected = "%s (api_url)" % shown_origin(*origin(api_url)) if api_url else "https://*.twilio.com (api_url is not set)"
    try:
        scheme, host, port, path = sent_to(url)
    except ValueError as exc:
        raise TransportError(
            "refused to send %s to %r: %s, so its host cannot be told for sure (the configured host is %s), and every "
            "request carries the credentials. Nothing was sent." % (method.upper(), _bare(url), exc, expected),
            error={"message": "ambiguous URL", "host": None, "url": url}) from None
    if api_url:
        try:
            allowed: tuple[str, str, int | None] | None = sent_to(api_url)[:3]
        except ValueError:
            allowed = None
        if (scheme, host, port) == allowed:
            return
    elif scheme == "https" and HOST_NAME.match(host) and host.endswith(TWILIO_HOST_SUFFIX) and port == 443:
        return
    raise TransportError(
        "refused to send %s %s to %s: it is not the configured host %s, and every request carries the credentials. "
        "Nothing was sent there." % (method.upper(), path, shown_origin(scheme, host, port), expected),
        error={"message": "foreign host", "host": host or None, "url": url})


def body_problem(method: str, status: int, text: str) -> str | None:
    """What makes an answer's body not Twilio's (None when it is a JSON object, or the empty body of a 204 or a delete)."""
    if status == 204 or (method.upper() == "DELETE" and 200 <= status < 300 and not text.strip()):
        return None
    if not text.strip():
        return "an empty body"
    try:
        body = json.loads(text)
    except ValueError:
        return "a body that is not JSON (%s)" % ("an HTML page" if text.lstrip()[:1] == "<" else "%d characters of text" % len(text))
    if not isinstance(body, dict):
        return "a JSON %s where Twilio sends an object" % JSON_TYPES.get(type(body), type(body).__name__)
    if status >= 400 and not isinstance(body.get("code"), int):
        return "a JSON object without Twilio's error code"
    meta = body.get("meta")
    if isinstance(meta, dict) and isinstance(meta.get("key"), str) and not isinstance(body.get(meta["key"]), list):
        return "a list page without its list %r" % meta["key"]
    return None


def _content_type(response: Any) -> str | None:
    headers = getattr(response, "headers", None) or {}
    return headers.get("Content-Type") or headers.get("content-type")


def _bare(url: str) -> str:
    """A URL without its query (page tokens, filters), as messages show it."""
    return url.split("?", 1)[0]


class CollectionHttpClient(TwilioHttpClient):  # type: ignore[misc,valid-type]
    """The SDK's HTTP client with the collection's URL rewrite, host check, retry policy and answer check
    (the SDK itself never retries 429 or 5xx)."""

    def __init__(self, api_url: str | None = None, timeout: float | None = None, policy: RetryPolicy | None = None) -> None:
        super().__init__(timeout=timeout)
        self.api_url = api_url
        self.policy = policy or RetryPolicy()
        # Write requests (POST, DELETE) that Twilio answered with a success, and those whose outcome is unknown:
        # a module that fails after one of these reports changed=true (TwilioModule.run()).
        self.writes = 0
        self.unknown_writes = 0
        self._count_lock = threading.Lock()
        if self.session is not None and api_url:
            # The SDK mounts its connection pool for https only; size the http one alike.
            self.session.mount("http://", self.session.get_adapter("https://"))

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        target = rewrite_url(url, self.api_url)
        forget_attempts()  # the retries of an earlier request are not this one's
        check_host(method, target, self.api_url)
        write = method.upper() in WRITE_METHODS
        try:
            response = send(self.policy, method, target, lambda: super(CollectionHttpClient, self).request(method, target, *args, **kwargs))
        except AmbiguousWriteError:
            self._count("unknown_writes")
            raise
        except RequestException as exc:
            if write and not unreachable(exc):  # an update or delete that may have reached Twilio before the connection failed
                self._count("unknown_writes")
            raise unreachable_error(target, exc) from exc
        if write and 200 <= response.status_code < 300:
            self._count("writes")
        problem = body_problem(method, response.status_code, response.text or "")
        if problem:
            raise bad_response(method, _bare(target), response.status_code, _content_type(response), problem)
        _ANSWERS.last = (method, _bare(target), response.status_code, _content_type(response))
        _ANSWERS.count = getattr(_ANSWERS, "count", 0) + 1
        return response

    def _count(self, counter: str) -> None:
        with self._count_lock:
            setattr(self, counter, getattr(self, counter) + 1)


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


def unreachable_error(url: str, exc: BaseException) -> TransportError:
    """The error for a request that got no answer: the host (scheme, host, port) and what happened, in words."""
    try:
        where = shown_origin(*origin(url))
    except ValueError:
        where = _bare(url)
    msg = "could not reach %s: %s" % (where, reason_of(exc))
    if unreachable(exc):
        msg += ". Not retried: check api_url (and region, edge), or the proxy between this host and Twilio."
    return TransportError(msg, error={"message": reason_of(exc), "url": _bare(url)})


def call(operation: str, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run one SDK call; a Twilio or transport error becomes a ModuleError naming the operation.

    A create with an unknown outcome raises AmbiguousWriteError (a ModuleError): see create_once(). An answer the
    client accepted as JSON but the SDK cannot read (a list where it wants a page, say) fails naming that answer.
    """
    answers = getattr(_ANSWERS, "count", 0)
    try:
        return func(*args, **kwargs)
    except AmbiguousWriteError as exc:
        raise exc.during(operation) from exc
    except TransportError as exc:
        raise _after_retries(exc.during(operation)) from exc
    except TwilioException as exc:
        if getattr(exc, "status", None) is None and len(exc.args) < 2 and getattr(_ANSWERS, "count", 0) != answers:
            raise _unreadable(operation) from exc  # "Page Records can not be deserialized": no page in the answer
        raise _after_retries(from_twilio(exc, operation)) from exc
    except RequestException as exc:  # raised by the SDK outside the HTTP client (not expected)
        raise _after_retries(ModuleError("Failed to %s: could not reach Twilio: %s" % (operation, reason_of(exc)), error={"message": reason_of(exc)})) from exc
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        if getattr(_ANSWERS, "count", 0) == answers:
            raise  # no answer was received: not an answer's fault
        raise _unreadable(operation) from exc


def _unreadable(operation: str) -> TransportError:
    method, url, status, content_type = _ANSWERS.last
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
