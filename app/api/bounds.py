"""Bounded parameter types for the routes: every number, id, date and cursor a client sends is
bounded here, so a value the schema allows never reaches the database out of range."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Path, Query
from pydantic import AfterValidator, AwareDatetime, BeforeValidator

from app.ingest.dispatch import PUBLISHED_RANGE
from app.store.cursor import CURSOR_PATTERN
from app.text.digits import INT32_MAX

# Published dates outside this range are not news; filters are clamped into it, so a bound
# at the end of the calendar (9999-12-31T23:59:59-12:00) means "no bound", never an overflow.
EARLIEST, LATEST = PUBLISHED_RANGE
_RFC3339 = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,9})?)?"
    r"(?:[Zz]|[+-][0-9]{2}:[0-9]{2})"
)


def _rfc3339_only(value: object) -> object:
    """Pydantic also reads numbers ("0.5") as Unix times: a date filter takes RFC 3339 only."""
    if isinstance(value, str) and _RFC3339.fullmatch(value.strip()):
        return value.strip()
    raise ValueError("expected an RFC 3339 date-time with an offset: 2023-11-14T00:00:00+03:00")


def clamp_moment(moment: datetime) -> datetime:
    """The moment in UTC, within [EARLIEST, LATEST]."""
    try:
        utc = moment.astimezone(UTC)
    except OverflowError:  # within a day of year 1 or 9999
        return EARLIEST if moment.year < 2000 else LATEST
    return min(max(utc, EARLIEST), LATEST)


Moment = Annotated[AwareDatetime, BeforeValidator(_rfc3339_only), AfterValidator(clamp_moment)]
RowId = Annotated[int, Path(ge=1, le=INT32_MAX, description="A row id.", examples=[3])]
Limit = Annotated[int, Query(ge=1, le=100, description="Page size.")]
Cursor = Annotated[
    str | None,
    Query(
        max_length=200,
        pattern=CURSOR_PATTERN,
        description="`next_cursor` of the previous page.",
    ),
]
