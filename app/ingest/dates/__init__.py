"""Dates: the many ways an article states when it was published, and datelines' cities."""

from app.ingest.dates.datelines import is_territory, zone_for_city
from app.ingest.dates.parse import (
    UTC_ASSUMED,
    ParsedDate,
    find_dateline,
    is_date_phrase,
    parse_date,
    to_published,
)

__all__ = [
    "UTC_ASSUMED",
    "ParsedDate",
    "find_dateline",
    "is_date_phrase",
    "is_territory",
    "parse_date",
    "to_published",
    "zone_for_city",
]
