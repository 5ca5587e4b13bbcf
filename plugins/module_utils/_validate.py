# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Input checks shared by the modules: each failure names the field and the value (shortened when long), before any request.

Every pattern matches the whole value (re.fullmatch or \\Z: Python's $ also accepts a trailing newline). The values of
credential fields are never repeated: a malformed SID is described by its length and first characters, as it may be a
secret given in the wrong field.

Private to the collection: the interface may change without notice.
"""

from __future__ import annotations

import ipaddress
import math
import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit

from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError

SID_KINDS = {
    "AC": "account",
    "SK": "API key",
    "MG": "messaging service",
    "PN": "phone number",
    "SC": "short code",
    "AI": "alpha sender",
    "QE": "A2P campaign",
    "BN": "A2P brand",
    "BU": "bundle",
}
SID_PATTERN = re.compile(r"^[A-Z]{2}[0-9a-f]{32}\Z")
# Fields whose value may be a secret given in the wrong place (a swapped API key SID and secret): never repeated.
CREDENTIAL_FIELDS = ("account_sid", "api_key_sid", "parent_account_sid")  # SIDs a secret may be given in by mistake: never echoed
SECRET_FIELDS = ("auth_token", "api_key_secret")
# Twilio's edge locations and regions are one DNS label of the API host (<product>.<edge>.<region>.twilio.com).
# Documented values: https://www.twilio.com/docs/global-infrastructure/edge-locations (edges) and
# https://www.twilio.com/docs/twilio-cli/general-usage/regional (regions and their edges); any well-formed label is
# accepted, as Twilio adds locations (and private interconnect edges such as ashburn-ix).
HOST_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
HOST_LABEL_EXAMPLES = {"edge": "sydney, sao-paulo, dublin, frankfurt, tokyo, singapore, ashburn, umatilla, roaming",
                       "region": "us1, au1, ie1, jp1"}
# Not in a name: control characters (Cc: NUL, CR, LF, tab, U+0085), line and paragraph separators (Zl, Zp: U+2028,
# U+2029) and invisible format characters (Cf: zero-width space U+200B, BOM U+FEFF, bidirectional overrides).
NOT_IN_NAME = ("Cc", "Cf", "Zl", "Zp")
URL = re.compile(r"https?://[^\s\x00-\x1f\x7f/?#]+[^\s\x00-\x1f\x7f]*", re.IGNORECASE)
SHOWN, LISTED = 60, 10


def shown(value: Any) -> str:
    """The value as messages show it: its repr, shortened to the first 60 characters and its length when longer."""
    if isinstance(value, str) and len(value) > SHOWN:
        return "%r... (%d characters)" % (value[:SHOWN], len(value))
    text = repr(value)
    return text if len(text) <= SHOWN + 20 else "%s... (%d characters)" % (text[:SHOWN], len(text))


def shown_list(values: list[Any]) -> str:
    """Values as messages list them: the first 10 (each as shown()), then how many more."""
    text = ", ".join(shown(value) for value in values[:LISTED])
    return text + (", ... and %d more" % (len(values) - LISTED) if len(values) > LISTED else "")


def is_blank(value: str) -> bool:
    """Only white space and invisible format characters (zero-width space, BOM: category Cf, which str.strip() keeps)."""
    return not "".join(char for char in value if unicodedata.category(char) != "Cf").strip()


def _shape(value: Any, prefix: str) -> str:
    """What a credential field's value looks like, without repeating any of it: its length, and whether it starts with the SID prefix."""
    if not isinstance(value, str):
        return "a %s, not a text" % type(value).__name__
    return "%d characters, %s with %r" % (len(value), "starting" if value.startswith(prefix) else "not starting", prefix)


def _article(kind: str) -> str:
    return "an" if kind[0] in "aAeiou" else "a"


def check_sid(field: str, value: str | None, prefix: str) -> None:
    """Fail unless value is a SID of the given kind (two letters and 32 lowercase hex digits)."""
    if value is None:
        return
    if not isinstance(value, str) or not SID_PATTERN.match(value) or not value.startswith(prefix):
        kind = SID_KINDS.get(prefix, prefix)
        expected = "expected %s followed by 32 lowercase hex digits (34 characters)" % prefix
        if field.rsplit(".", 1)[-1] in CREDENTIAL_FIELDS:
            raise ModuleError("%s is not %s %s SID: %s; the value given has %s (not shown: it may be a secret given in the wrong field)."
                              % (field, _article(kind), kind, expected, _shape(value, prefix)), field=field)
        raise ModuleError("%s=%s is not %s %s SID: %s." % (field, shown(value), _article(kind), kind, expected), field=field)


def check_text(field: str, value: str | None, low: int, high: int) -> None:
    """Fail unless value is a text of low to high characters that is not only spaces (when low > 0)."""
    check_length(field, value, low, high)
    if value and low > 0 and is_blank(value):
        raise ModuleError("%s=%s is blank: only spaces or invisible characters." % (field, shown(value)), field=field)


def check_length(field: str, value: str | None, low: int, high: int) -> None:
    """Fail unless value is a text and low <= len(value) <= high."""
    if value is not None and not isinstance(value, str):
        raise ModuleError("%s=%s is not a text." % (field, shown(value)), field=field)
    if value is not None and not low <= len(value) <= high:
        raise ModuleError("%s must be %d to %d characters long, got %d: %s." % (field, low, high, len(value), shown(value)), field=field)


def check_name(field: str, value: str | None, high: int = 64) -> None:
    """A name (a friendly name, a service given by name): 1 to high characters, not blank, no control character (NUL, CR, LF, ...)."""
    check_length(field, value, 1, high)
    if value is None:
        return
    if is_blank(value):
        raise ModuleError("%s=%s is blank: a name needs at least one visible character other than spaces." % (field, shown(value)),
                          field=field)
    bad = sorted({"U+%04X" % ord(char) for char in value if unicodedata.category(char) in NOT_IN_NAME})
    if bad:
        raise ModuleError("%s=%s contains a control character or an invisible one (%s): a name is one line of visible text, without NUL, "
                          "CR, LF, tab, line separators (U+2028, U+2029, U+0085) or zero-width characters." % (field, shown(value), ", ".join(bad)),
                          field=field)


def check_list(field: str, value: Any) -> None:
    """Fail unless value is a list (a text where a list is wanted would be read character by character)."""
    if value is not None and not isinstance(value, list):
        raise ModuleError("%s=%s is not a list: write it as a YAML list, one item per line or [a, b]." % (field, shown(value)), field=field)


def check_range(field: str, value: int | None, low: int, high: int) -> None:
    """Fail unless value is a finite number and low <= value <= high (nan is refused: it compares false)."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
        raise ModuleError("%s=%s is not a number." % (field, shown(value)), field=field)
    if value is not None and not low <= value <= high:
        raise ModuleError("%s must be between %d and %d, got %r." % (field, low, high, value), field=field)


def is_url(value: str) -> bool:
    """The URL rule: URL, and urlsplit() finds a host name and, if a port is written, a number (so not https://@/x,
    https://user:pw@ or https://a.com:abc/)."""
    if not URL.fullmatch(value):
        return False
    try:
        parts = urlsplit(value)
        return bool(parts.hostname) and (parts.port or 0) >= 0  # a port that is no number (or > 65535) raises ValueError
    except ValueError:
        return False


def check_url(field: str, value: str | None, allow_empty: bool = False) -> None:
    """Fail unless value is an absolute http(s) URL (or empty, where clearing is allowed). The message shows the URL as
    shown_url() does (a webhook URL may carry a password), or not at all when it is unreadable."""
    if value is None or (allow_empty and value == ""):
        return
    if not isinstance(value, str) or not is_url(value):
        raise ModuleError("%s=%s is not an absolute http:// or https:// URL (one line, no spaces, a host name, a numeric port)."
                          % (field, _shown_bad_url(value)), field=field)


def _shown_bad_url(value: Any) -> str:
    """A refused URL as its message shows it: as it is without user info, query or fragment (where a password or token may
    hide); else as shown_url() masks it, or URL_NOT_SHOWN when that cannot read it."""
    if not isinstance(value, str) or not any(char in value for char in "@?#"):
        return shown(value)
    masked = shown_url(value)
    return URL_NOT_SHOWN if masked == URL_NOT_SHOWN else shown(masked)


def _without_userinfo(parts: Any) -> str:
    host = parts.netloc.rsplit("@", 1)[-1]
    return "%s://%s%s" % (parts.scheme, "***@" if "@" in parts.netloc else "", host + parts.path)


URL_NOT_SHOWN = "(unreadable URL, not shown)"


def shown_url(url: str | None) -> str | None:
    """A webhook URL as output shows it: scheme://host[:port]/path, its user info (a user name and password, which Twilio
    accepts in webhook URLs for HTTP authentication) as '***@' and any query or fragment (which may carry a token) as
    '?...'. None and '' stay as they are; a value that is no URL with a host is URL_NOT_SHOWN."""
    if not url:
        return url
    try:
        parts = urlsplit(url)
        readable = bool(parts.scheme and parts.hostname) and (parts.port or 0) >= 0  # a port that is no number raises ValueError
    except (TypeError, ValueError):
        readable = False
    if not readable:
        return URL_NOT_SHOWN
    return _without_userinfo(parts) + ("?..." if "?" in url or "#" in url else "")


def check_api_url(value: str | None) -> None:
    """api_url: an absolute http(s) base URL without user info, query or fragment; its user info is never repeated."""
    if value is None:
        return
    field = "api_url"
    if not isinstance(value, str):
        raise ModuleError("%s=%s is not a text." % (field, shown(value)), field=field)
    try:
        parts = urlsplit(value)
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        parts, port_ok = None, False
    if parts is not None and "@" in parts.netloc:
        raise ModuleError("%s=%s holds user info (a user name or password before '@'), which would be sent to that host and shown in "
                          "logs: remove it; credentials go in account_sid with auth_token, or api_key_sid with api_key_secret."
                          % (field, _without_userinfo(parts)), field=field)
    if parts is not None and ("?" in value or "#" in value):
        raise ModuleError("%s=%s has a query (?...) or a fragment (#...): give the base URL only, such as http://127.0.0.1:8080."
                          % (field, shown(_without_userinfo(parts))), field=field)
    if parts is None or not port_ok or not parts.hostname or not URL.fullmatch(value):
        raise ModuleError("%s=%s is not an absolute http:// or https:// URL (one line, no spaces), such as http://127.0.0.1:8080."
                          % (field, shown(value)), field=field)


def is_loopback(host: str) -> bool:
    """localhost, 127.0.0.0/8 or ::1."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def api_url_warning(params: dict[str, Any]) -> str | None:
    """The warning for a plain http:// api_url to a host other than this machine (credentials and data in clear text), else None.

    Call after check_auth() passed: TwilioModule.run() gives it to module.warn().
    """
    value = params.get("api_url")
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme.lower() != "http" or is_loopback(parts.hostname or ""):
        return None
    return ("api_url=%r is plain http:// to %s, which is not this machine: the credentials (HTTP Basic) and every request and answer "
            "cross the network unencrypted. Use https://, or a loopback address (localhost, 127.0.0.1, ::1) for a local emulator."
            % (value, parts.hostname))


def url_secrets(url: Any, whole: bool = False) -> set[str]:
    """The parts of a URL that may be secrets, as output must mask them: its query and fragment (a token), with their '?'
    and '#' (and, with whole, the whole URL when it has them), and its user info with its '@' (a user name and password:
    Twilio accepts them in webhook URLs for HTTP authentication). Empty for a URL with neither."""
    hidden: set[str] = set()
    if not isinstance(url, str):
        return hidden
    if "?" in url or "#" in url:
        start = min(index for index in (url.find("?"), url.find("#")) if index >= 0)
        fragment = url.find("#")
        pieces = {url if whole else "", url[start:], url[fragment:] if fragment >= 0 else "", url[start:fragment] if fragment > start else ""}
        # A lone '?' or '#' is no secret, and masking it would mask its every occurrence in the output.
        hidden.update(piece for piece in pieces if len(piece) > 1)
    if "@" in url:
        try:
            parts = urlsplit(url)
        except ValueError:
            parts = None
        userinfo = parts.netloc.rsplit("@", 1)[0] if parts is not None else url.split("://", 1)[-1].rsplit("@", 1)[0]
        if userinfo:
            hidden.add(userinfo + "@")  # with its '@', so that a short user name masks nothing else
    return hidden


def hidden_values(params: dict[str, Any]) -> set[str]:
    """Input values that must not show in the module's output (its result's invocation included): api_url's user info; an
    api_url with a query or fragment (it may carry a token: check_api_url refuses it) whole, and its query and fragment
    with their '?' and '#'; and a credential SID field's value that is not a SID (it may be a secret in the wrong field).
    TwilioModule.run() adds them to module.no_log_values before anything can fail."""
    hidden = url_secrets(params.get("api_url"), whole=True)
    for field in CREDENTIAL_FIELDS:
        value = params.get(field)
        # A secret is long (an auth token 32 characters); a short malformed value is only a typo, and masking it would
        # mask its every occurrence in the output.
        if isinstance(value, str) and len(value) >= 8 and not SID_PATTERN.match(value):
            hidden.add(value)
    return hidden


def check_host_label(field: str, value: str | None) -> None:
    """region and edge: one lowercase DNS label, as the SDK puts them in the host name (edge 'a/b' would change the URL's path).

    Empty is unset, as for the SDK."""
    if value is None or value == "":
        return
    if not isinstance(value, str) or not HOST_LABEL.fullmatch(value):
        raise ModuleError("%s=%s is not a Twilio %s: one lowercase host name label (letters, digits, inner hyphens), such as %s."
                          % (field, shown(value), "edge location" if field == "edge" else "region", HOST_LABEL_EXAMPLES[field]),
                          field=field)


def _check_seconds(field: str, value: float | None, low_ok: bool) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0 or (value == 0 and not low_ok):
        raise ModuleError("%s must be a number of seconds, %s, got %s." % (field, "0 or more" if low_ok else "more than 0", shown(value)),
                          field=field)


def check_auth(params: dict[str, Any]) -> None:
    """Check the auth and connection options' shapes before any request, and the options several modules share
    (poll_interval, the messaging service given by name)."""
    check_sid("account_sid", params["account_sid"], "AC")
    check_sid("api_key_sid", params.get("api_key_sid"), "SK")
    for field in SECRET_FIELDS:
        secret = params.get(field)
        if isinstance(secret, str) and SID_PATTERN.match(secret):
            kind = SID_KINDS.get(secret[:2], secret[:2])
            raise ModuleError("%s has the shape of %s %s SID (two letters and 32 hex digits), not of a secret: are the SID and the secret "
                              "swapped? (the value is not shown)" % (field, _article(kind), kind), field=field)
    check_api_url(params.get("api_url"))
    for field in ("region", "edge"):
        check_host_label(field, params.get(field))
    _check_seconds("timeout", params.get("timeout"), low_ok=False)
    if params.get("max_retries") is not None and params["max_retries"] < 0:
        raise ModuleError("max_retries must be 0 or more, got %r." % params["max_retries"], field="max_retries")
    for field in ("retry_deadline", "retry_backoff"):
        _check_seconds(field, params.get(field), low_ok=True)
    # Options several modules share: the wait's poll interval (nan compares false with every bound), the service's name.
    if "poll_interval" in params:
        _check_seconds("poll_interval", params["poll_interval"], low_ok=True)
    service = params.get("service")
    if service is not None and not (isinstance(service, str) and service.startswith("MG") and SID_PATTERN.match(service)):
        check_name("service", service)


def _kind_of(value: Any) -> str | None:
    return "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else None


def check_text_types(spec: dict[str, dict[str, Any]], raw: Any, prefix: str = "") -> None:
    """Text options (C(type: str), in suboptions and list elements too) given a list or a mapping, as the user wrote them.

    Ansible turns such a value into its Python text (C(['87-4190362'])) without a word, which a module would then send to
    Twilio. C(raw) is the task's arguments before Ansible's conversion; the value is never shown (it may be personal data).
    """
    if not isinstance(raw, dict):
        return
    for name, option in spec.items():
        value, field = raw.get(name), prefix + name
        kind, elements = option.get("type", "str"), option.get("elements")
        if kind == "str" and _kind_of(value):
            raise ModuleError("%s is %s, not a text (value not shown)." % (field, _kind_of(value)), field=field)
        if kind == "dict" and option.get("options") and isinstance(value, dict):
            check_text_types(option["options"], value, field + ".")
        if kind == "list" and isinstance(value, list):
            for index, item in enumerate(value):
                where = "%s[%d]" % (field, index)
                if elements == "str" and _kind_of(item):
                    raise ModuleError("%s is %s, not a text (value not shown)." % (where, _kind_of(item)), field=where)
                if elements == "dict" and option.get("options"):
                    check_text_types(option["options"], item, where + ".")
