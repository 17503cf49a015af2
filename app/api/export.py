"""Streamed exports: JSON lines or CSV, a chunk per store page, so memory stays that of one
page whatever the number of matches."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from enum import StrEnum

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
CHUNK = 200


def chunks(items: Iterable[v.ArticleItem], fmt: Format) -> Iterator[bytes]:
    encode = _jsonl if fmt == "jsonl" else _csv
    if fmt == "csv":
        yield _csv_line(CSV_COLUMNS)
    batch: list[v.ArticleItem] = []
    for item in items:
        batch.append(item)
        if len(batch) == CHUNK:
            yield encode(batch)
            batch = []
    if batch:
        yield encode(batch)


def _jsonl(batch: list[v.ArticleItem]) -> bytes:
    return b"".join(item.model_dump_json(exclude_unset=True).encode() + b"\n" for item in batch)


def _csv(batch: list[v.ArticleItem]) -> bytes:
    return b"".join(_csv_line(_row(item)) for item in batch)


def _row(item: v.ArticleItem) -> tuple[object, ...]:
    def names(refs: list[v.EntityRef]) -> str:
        return "; ".join(r.name for r in refs)

    return (
        item.id,
        item.title,
        item.published_at.isoformat() if item.published_at else "",
        item.timezone or "",
        item.outlet or "",
        item.url or "",
        item.language,
        item.byline_place or "",
        item.lede or "",
        item.image.url if item.image and item.image.url else "",
        names(item.actors.person),
        names(item.actors.organization),
        names(item.actors.place),
        "; ".join(f"{r.body} {r.symbol}" for r in item.resolutions),
    )


def _csv_line(values: tuple[object, ...]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerow(values)
    return out.getvalue().encode()
