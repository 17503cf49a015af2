"""Keyset cursors: the sort key and id of the last row of a page, as integers joined by `_`.

The format is declared in the schema (CURSOR_PATTERN), and every string that matches it is
a cursor: each part is clamped into its column's range rather than refused (nothing sorts
past the bounds, so the page is the one a cursor at the bound gives), a missing part counts
as 0 and an extra one is ignored. Nothing in a cursor reaches SQL unchecked.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from app.errors import InvalidParameter

CURSOR_PATTERN = r"^-?[0-9]{1,18}(?:_-?[0-9]{1,18}){0,2}$"
_CURSOR = re.compile(CURSOR_PATTERN)
_INT32_MAX = 2**31 - 1
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)
_MIN_MICROS = (datetime(1, 1, 2, tzinfo=UTC) - _EPOCH) // _MICRO
_MAX_MICROS = (datetime(9999, 12, 30, tzinfo=UTC) - _EPOCH) // _MICRO


def _parts(cursor: str, count: int) -> list[int]:
    if not _CURSOR.fullmatch(cursor):
        raise InvalidParameter("cursor is not one this API issued")
    parts = [int(part) for part in cursor.split("_")][:count]
    return parts + [0] * (count - len(parts))


def _row(value: int) -> int:
    return min(max(value, 0), _INT32_MAX)


def _moment(micros: int) -> datetime:
    return _EPOCH + min(max(micros, _MIN_MICROS), _MAX_MICROS) * _MICRO


def encode_cursor(sort_at: datetime, row_id: int, *, skip: int = 0) -> str:
    """`skip`: rows of that same row already given (a row's children spanning two pages)."""
    key = f"{(sort_at - _EPOCH) // _MICRO}_{row_id}"
    return f"{key}_{skip}" if skip else key


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    micros, row_id = _parts(cursor, 2)
    return _moment(micros), _row(row_id)


def decode_cursor_skip(cursor: str) -> tuple[datetime, int, int]:
    micros, row_id, skip = _parts(cursor, 3)
    return _moment(micros), _row(row_id), _row(skip)


def encode_offset_cursor(count: int, row_key: str = "") -> str:
    """For lists ordered by a count (entities, resolutions): (count, id) of the last row;
    a bare count is an offset (relevance)."""
    return f"{count}_{row_key}" if row_key else str(count)


def decode_offset_cursor(cursor: str) -> tuple[int, str]:
    count, row_id = _parts(cursor, 2)
    return _row(count), str(_row(row_id))
