"""The input formats and the media types that name them (shared by dispatch and fetch)."""

from __future__ import annotations

from enum import StrEnum


class Format(StrEnum):
    TEXT = "text"
    HTML = "html"
    JSON = "json"
    NDJSON = "ndjson"
    FEED = "feed"


SUPPORTED_MEDIA_TYPES: dict[str, Format] = {
    "text/plain": Format.TEXT,
    "text/html": Format.HTML,
    "application/xhtml+xml": Format.HTML,
    "application/json": Format.JSON,
    "application/x-ndjson": Format.NDJSON,
    "application/ndjson": Format.NDJSON,
    "application/jsonl": Format.NDJSON,
    "application/x-jsonlines": Format.NDJSON,
    "application/rss+xml": Format.FEED,
    "application/atom+xml": Format.FEED,
    "application/rdf+xml": Format.FEED,
    "application/xml": Format.FEED,
    "text/xml": Format.FEED,
}
