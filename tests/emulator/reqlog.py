"""The request log: one JSON object per API request, in memory and (optionally) appended to a JSONL file.

Records never carry the Authorization header or any secret; admin routes are not logged. Responses that carry an account's
``auth_token`` (the 2010 Account resource, its list) are logged with the value replaced by :data:`REDACTED`.
"""

import copy
import json
import threading
from typing import Any, Optional, TextIO

REDACTED = "[redacted]"
SECRET_KEYS = ("auth_token",)


def redacted(value: Any) -> Any:
    """A copy of a JSON value with every :data:`SECRET_KEYS` value (at any depth) replaced by :data:`REDACTED`."""
    if isinstance(value, dict):
        return {key: REDACTED if key in SECRET_KEYS and item is not None else redacted(item) for key, item in value.items()}
    if isinstance(value, list):
        return [redacted(item) for item in value]
    return value


class RequestLog:
    """Thread-safe recorder; the file is appended and flushed line by line."""

    def __init__(self, path: Optional[str] = None) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._records: list[dict[str, Any]] = []
        self._file: Optional[TextIO] = open(path, "a", encoding="utf-8") if path else None  # pylint: disable=consider-using-with

    def record(self, entry: dict[str, Any]) -> None:
        """Keep ``entry`` (secrets redacted) and append it to the file."""
        entry = redacted(entry)
        line = json.dumps(entry, separators=(",", ":"), sort_keys=False)
        with self._lock:
            self._records.append(entry)
            if self._file is not None:
                self._file.write(line + "\n")
                self._file.flush()

    def records(self) -> list[dict[str, Any]]:
        """A copy of the in-memory records, oldest first."""
        with self._lock:
            return copy.deepcopy(self._records)

    def clear(self) -> None:
        """Forget the in-memory records (the file keeps growing)."""
        with self._lock:
            self._records.clear()

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None
