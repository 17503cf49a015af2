"""Opaque keyset cursors: (sort key, id) of the last row of a page."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime

from app.errors import InvalidParameter


def encode_cursor(sort_at: datetime, row_id: int) -> str:
    raw = f"{sort_at.isoformat()}|{row_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        stamp, row_id = raw.split("|")
        return datetime.fromisoformat(stamp), int(row_id)
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise InvalidParameter("cursor is not one this API issued") from exc


def encode_offset_cursor(count: int, row_key: str) -> str:
    """For lists ordered by a count (entities, resolutions): (count, key) of the last row."""
    raw = f"{count}|{row_key}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_offset_cursor(cursor: str) -> tuple[int, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        count, row_key = raw.split("|", 1)
        return int(count), row_key
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise InvalidParameter("cursor is not one this API issued") from exc
