"""Clock and the two date formats Twilio uses (ISO 8601 in v1 APIs, RFC 2822 in the 2010 API)."""

import re
from datetime import datetime, timezone
from typing import Optional

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
"""What a seeded v1 date must look like (``2015-07-30T20:12:31Z``)."""


def now() -> datetime:
    """The current UTC time, truncated to whole seconds as Twilio reports it."""
    return datetime.now(timezone.utc).replace(microsecond=0)


def iso8601(moment: Optional[datetime] = None) -> str:
    """``2015-07-30T20:12:31Z``."""
    return (moment or now()).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def rfc2822(moment: Optional[datetime] = None) -> str:
    """``Thu, 30 Jul 2015 20:12:31 +0000`` (locale independent)."""
    moment = (moment or now()).astimezone(timezone.utc)
    days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return f"{days[moment.weekday()]}, {moment.day:02d} {months[moment.month - 1]} {moment.year} {moment:%H:%M:%S} +0000"


def log_timestamp() -> str:
    """Millisecond ISO 8601 timestamp for request-log records."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
