"""Streamed exports: JSON lines or CSV, a chunk per store page, so memory stays that of one
page whatever the number of matches."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic_core import from_json

from app.store import views as v


class Format(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"


MEDIA_TYPES = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8"}
CSV_COLUMNS = (
    "id",
    "title",
    "published_at",
    "timezone",
    "outlet",
    "url",
    "language",
    "byline_place",
    "lede",
    "image_url",
    "persons",
    "organizations",
    "places",
    "resolutions",
)
# What a CSV row shows of the fields an export leaves out: the item's defaults.
_BLANK = v.ArticleItem(id=0).model_dump(mode="json")


def chunks(pages: Iterable[list[bytes]], fmt: Format) -> Iterator[bytes]:
    """A chunk per page of items, each item the JSON a list page writes: as it is for JSON
    lines; decoded for a CSV row (pydantic's parser: half json.loads' CPU on these items)."""
    if fmt == "csv":
        yield _csv_lines([CSV_COLUMNS])
        for page in pages:
            yield _csv_lines([_row(from_json(item)) for item in page])
    else:
        for page in pages:
            yield b"\n".join(page) + b"\n"


def _row(found: dict[str, Any]) -> tuple[object, ...]:
    item = _BLANK | found

    def names(refs: list[dict[str, Any]]) -> str:
        return "; ".join(r["name"] for r in refs)

    # The item's date as the model had it (isoformat writes UTC as +00:00, the JSON as Z).
    published = item["published_at"]
    image, actors = item["image"], item["actors"]
    return (
        item["id"],
        item["title"],
        datetime.fromisoformat(published).isoformat() if published else "",
        item["timezone"] or "",
        item["outlet"] or "",
        item["url"] or "",
        item["language"],
        item["byline_place"] or "",
        item["lede"] or "",
        image["url"] if image and image["url"] else "",
        names(actors["person"]),
        names(actors["organization"]),
        names(actors["place"]),
        "; ".join(f"{r['body']} {r['symbol']}" for r in item["resolutions"]),
    )


def _csv_lines(rows: list[tuple[object, ...]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()
