# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Transport: the SDK's HTTP client with the collection's host rewrite, host check, retry policy and answer check.

Every request of every module goes through C(CollectionHttpClient.request()), which rewrites Twilio's URLs to
C(api_url) (C(rewrite_url())), sends a request only to the configured host (C(check_host())), applies the one retry
policy of C(_retry.py), and refuses an answer that is not Twilio's JSON (C(body_problem())). The calls that modules
make through it are in C(_client.py).

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import json
import re
import threading
from typing import Any
from urllib.parse import urlsplit

from ansible_collections.tendlc.twilio.plugins.module_utils._errors import AmbiguousWriteError, TransportError, bad_response
from ansible_collections.tendlc.twilio.plugins.module_utils._retry import RetryPolicy, forget_attempts, last_attempts, reason_of, send, unreachable
from ansible_collections.tendlc.twilio.plugins.module_utils._sdk import LocationParseError, PreparedRequest, RequestException, TwilioHttpClient, parse_url

TWILIO_HOST_SUFFIX = ".twilio.com"
WRITE_METHODS = ("POST", "DELETE")
DEFAULT_PORTS = {"http": 80, "https": 443}
# Characters that URL parsers read differently (a backslash ends the host for urllib3, not for urllib.parse; whitespace
# and control characters are stripped by some): a URL with one is refused, never interpreted.
URL_TRAPS = re.compile(r"[\\\s\x00-\x1f\x7f]")
HOST_NAME = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")
JSON_TYPES = {list: "array", str: "string", int: "number", float: "number", bool: "boolean", type(None): "null"}
# The last answer this thread received (method, URL, status, content type) and a count of answers, for _client.call()'s
# message when the SDK cannot read an answer that is JSON but not of the shape it expects.
_ANSWERS = threading.local()


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
        # With reads_cached set (flex_a2p_plan: every step in check mode, so nothing the run reads can change under it),
        # a GET already answered with a 2xx is answered again from memory: the steps share one read of each URL.
        self.reads_cached: dict[tuple[str, str], Any] | None = None
        if self.session is not None and api_url:
            # The SDK mounts its connection pool for https only; size the http one alike.
            self.session.mount("http://", self.session.get_adapter("https://"))

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        target = rewrite_url(url, self.api_url)
        forget_attempts()  # the retries of an earlier request are not this one's
        check_host(method, target, self.api_url)
        write = method.upper() in WRITE_METHODS
        key = _read_key(method, target, kwargs.get("params")) if self.reads_cached is not None else None
        if key is not None and key in self.reads_cached:
            return self._answer(method, target, self.reads_cached[key])
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
        elif write and any(reason.startswith("HTTP 5") for reason in last_attempts().reasons):
            # an update retried after a 5xx and then refused (a toll-free edit: "cannot be edited" once the first attempt
            # sent it back to review): the first attempt may have been applied
            self._count("unknown_writes")
        problem = body_problem(method, response.status_code, response.text or "")
        if problem:
            raise bad_response(method, _bare(target), response.status_code, _content_type(response), problem)
        if key is not None and 200 <= response.status_code < 300:
            self.reads_cached[key] = response
        return self._answer(method, target, response)

    @staticmethod
    def _answer(method: str, target: str, response: Any) -> Any:
        _ANSWERS.last = (method, _bare(target), response.status_code, _content_type(response))
        _ANSWERS.count = answers_received() + 1
        return response

    def _count(self, counter: str) -> None:
        with self._count_lock:
            setattr(self, counter, getattr(self, counter) + 1)


def _read_key(method: str, url: str, params: Any) -> tuple[str, str] | None:
    """The key of a GET in the read cache: its URL and its query parameters in order; None for any other method."""
    if method.upper() != "GET":
        return None
    return url, repr(sorted((str(k), str(v)) for k, v in (params or {}).items()))


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


def answers_received() -> int:
    """How many answers this thread has received so far: a call whose count did not change got no answer."""
    return getattr(_ANSWERS, "count", 0)


def last_answer() -> tuple[str, str, int, str | None]:
    """Method, URL (without query), status and content type of the last answer this thread received."""
    return _ANSWERS.last
