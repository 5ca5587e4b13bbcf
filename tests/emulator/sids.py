"""Twilio SIDs: a two-letter prefix and 32 lowercase hex digits, generated reproducibly."""

import hashlib
import re

SID_PATTERN = re.compile(r"^[A-Z]{2}[0-9a-f]{32}$")


def is_sid(value: object, prefix: str) -> bool:
    """True when ``value`` is a SID with the given prefix (lowercase hex, as Twilio issues them)."""
    return isinstance(value, str) and value.startswith(prefix) and SID_PATTERN.match(value) is not None


def make_sid(prefix: str, namespace: str, counter: int) -> str:
    """A deterministic SID: the same namespace (an account SID) and counter give the same SID."""
    digest = hashlib.sha256(f"{namespace}/{prefix}/{counter}".encode("ascii")).hexdigest()
    return prefix + digest[:32]
