"""Keyset cursors: (sort key, id) of the last row of a page, as `<key>_<id>`.

The format is declared in the schema (CURSOR_PATTERN), and every string that matches it is
a cursor: each part is clamped into its column's range rather than refused, which gives the
same page a cursor at that bound would (nothing sorts past the bounds), never an overflow.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from app.errors import InvalidParameter

CURSOR_PATTERN = r"^-?[0-9]{1,18}_[0-9]{1,10}$"
_CURSOR = re.compile(CURSOR_PATTERN)
_INT32_MAX = 2**31 - 1
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)
_MIN_MICROS = (datetime(1, 1, 2, tzinfo=UTC) - _EPOCH) // _MICRO
_MAX_MICROS = (datetime(9999, 12, 30, tzinfo=UTC) - _EPOCH) // _MICRO


def _parts(cursor: str) -> tuple[int, int]:
    if not _CURSOR.fullmatch(cursor):
        raise InvalidParameter("cursor is not one this API issued")
    key, _, row_id = cursor.partition("_")
    return int(key), min(int(row_id), _INT32_MAX)


def _clamp(value: int, low: int, high: int) -> int:
    return min(max(value, low), high)


def encode_cursor(sort_at: datetime, row_id: int) -> str:
    return f"{(sort_at - _EPOCH) // _MICRO}_{row_id}"


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    micros, row_id = _parts(cursor)
    return _EPOCH + _clamp(micros, _MIN_MICROS, _MAX_MICROS) * _MICRO, row_id


def encode_offset_cursor(count: int, row_key: str) -> str:
    """For lists ordered by a count (entities, resolutions): (count, id) of the last row."""
    return f"{count}_{row_key}"


def decode_offset_cursor(cursor: str) -> tuple[int, str]:
    count, row_id = _parts(cursor)
    return _clamp(count, 0, _INT32_MAX), str(row_id)
