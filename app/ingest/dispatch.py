"""One entry point for every input: pick the parser from the media type, or sniff it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

from app.ingest.decode import Decoded, decode_bytes, parse_content_type
from app.ingest.errors import InvalidDocument, NotAnArticle, UnsupportedFormat
from app.ingest.formats import SUPPORTED_MEDIA_TYPES, Format
from app.ingest.jsonload import load_json
from app.ingest.model import ParsedArticle
from app.ingest.scraped import parse_scraped_text

# Types that say nothing about the content: the bytes (and the URL) decide.
_UNTYPED = {None, "application/octet-stream", "binary/octet-stream", "application/unknown"}
_EXTENSIONS = {
    ".txt": Format.TEXT,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".json": Format.JSON,
    ".jsonl": Format.NDJSON,
    ".ndjson": Format.NDJSON,
    ".rss": Format.FEED,
    ".atom": Format.FEED,
    ".xml": Format.FEED,
}
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)\b", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_MAX_FETCH_REQUEST_BYTES = 10_000
# Publication dates Khabar believes; the API clamps its date filters to the same range.
PUBLISHED_RANGE = (datetime(1800, 1, 1, tzinfo=UTC), datetime(2200, 1, 1, tzinfo=UTC))


@dataclass(slots=True)
class Payload:
    articles: list[ParsedArticle]
    format: Format
    to_fetch: list[str] = field(default_factory=list)  # feed links whose story is not inline
    fetch_request: str | None = None  # the URL of a body that is exactly {"url": ...}


def parse_payload(
    data: bytes, content_type: str | None, *, source_url: str | None = None
) -> list[ParsedArticle]:
    """Articles in the input, parsed without any I/O. A feed whose items are only teasers
    raises NotAnArticle naming their links, and a body {"url": ...} InvalidDocument;
    `dispatch_payload` returns both for a caller that fetches (app/ingestion.py)."""
    payload = dispatch_payload(data, content_type, source_url=source_url)
    if payload.fetch_request is not None:
        raise InvalidDocument('{"url": ...} asks for a fetch, which is not enabled here')
    if not payload.articles and payload.to_fetch:
        shown = ", ".join(payload.to_fetch[:3])
        raise NotAnArticle(
            f"the feed's {len(payload.to_fetch)} item(s) carry no full text; "
            f"ingest their pages instead ({shown})"
        )
    if not payload.articles:
        raise NotAnArticle("the feed has no item with full text or a link")
    return payload.articles


def dispatch_payload(
    data: bytes, content_type: str | None, *, source_url: str | None = None
) -> Payload:
    """What the input holds: articles, teaser links to fetch, or a request to fetch a URL.
    Parsers do no I/O: the caller fetches (app/ingestion.py)."""
    mime, charset = parse_content_type(content_type)
    fmt = choose_format(data, mime, source_url)
    url = fetch_request(data) if fmt is Format.JSON else None
    if url is not None:
        return Payload([], fmt, fetch_request=url)
    if fmt is Format.FEED:
        from app.ingest.feed import feed_articles  # lxml, defusedxml: only for a feed

        # XML names its own encoding; the parser reads the bytes as they are
        found = feed_articles(data)
        links = [item.link for item in found.to_fetch if item.link]
        return Payload([_plausible_date(a) for a in found.articles], fmt, links)
    decoded = decode_bytes(data, charset=charset, markup=fmt is Format.HTML)
    articles = _parse_text(fmt, decoded, source_url)
    for article in articles:
        article.warnings[:0] = decoded.warnings
        if article.url is None and source_url and len(articles) == 1:
            article.url = source_url
    return Payload([_plausible_date(a) for a in articles], fmt)


def _plausible_date(article: ParsedArticle) -> ParsedArticle:
    """A publication date outside PUBLISHED_RANGE is a misreading (or a probe at the ends
    of the calendar, which no engine converts to UTC): dropped, with a warning."""
    moment = article.published_at
    if moment is None:
        return article
    try:
        utc = moment.astimezone(UTC)
    except OverflowError:
        utc = None
    if utc is None or not PUBLISHED_RANGE[0] <= utc < PUBLISHED_RANGE[1]:
        article.warnings.append(f"publication date {moment.isoformat()} out of range; dropped")
        article.published_at = None
    return article


def fetch_request(data: bytes) -> str | None:
    """The URL of a body that is exactly {"url": "..."}: a request to fetch that page."""
    if len(data) > _MAX_FETCH_REQUEST_BYTES:
        return None
    try:
        value = load_json(data)
    except InvalidDocument:
        return None  # the JSON parser will say what is wrong with it
    if isinstance(value, dict) and set(value) == {"url"}:
        url = value["url"]
        if not isinstance(url, str) or not url.strip():
            raise InvalidDocument("url: must be a non-empty string")
        return url.strip()
    return None


def choose_format(data: bytes, mime: str | None, source_url: str | None) -> Format:
    by_extension = _extension_format(source_url)
    if mime in _UNTYPED:
        return by_extension or sniff_format(data)
    if mime in SUPPORTED_MEDIA_TYPES:
        fmt = SUPPORTED_MEDIA_TYPES[mime]
        # servers label .jsonl files text/plain or application/json
        if by_extension is Format.NDJSON and fmt in {Format.TEXT, Format.JSON}:
            return Format.NDJSON
        return fmt
    accepted = ", ".join(sorted(SUPPORTED_MEDIA_TYPES))
    raise UnsupportedFormat(f"content type {mime!r} is not supported; send one of: {accepted}")


def sniff_format(data: bytes) -> Format:
    """The format of untyped bytes, from how they start."""
    head = data[:2048]
    for bom in _BOMS:
        head = head.removeprefix(bom)
    head = head.lstrip()
    if head.startswith((b"{", b"[")):
        return Format.NDJSON if _looks_like_ndjson(data) else Format.JSON
    if head.startswith(b"<"):
        if _FEED_ROOT.search(head):
            return Format.FEED
        if _HTML_ROOT.search(head) or not head.startswith(b"<?xml"):
            return Format.HTML
        return Format.FEED
    return Format.TEXT


def _looks_like_ndjson(data: bytes) -> bool:
    lines = [line.strip() for line in data.splitlines() if line.strip()]
    return len(lines) > 1 and all(
        line.startswith(b"{") and line.endswith(b"}") for line in lines[:20]
    )


def _extension_format(source_url: str | None) -> Format | None:
    if not source_url:
        return None
    path = urlsplit(source_url).path.lower()
    return next((fmt for ext, fmt in _EXTENSIONS.items() if path.endswith(ext)), None)


def _parse_text(fmt: Format, decoded: Decoded, source_url: str | None) -> list[ParsedArticle]:
    # The HTML and JSON parsers (lxml, pydantic models) are imported when first needed:
    # a process start costs less for the scraped text the batch CLI mostly reads.
    text = decoded.text
    if fmt is Format.HTML:
        from app.ingest.html import parse_html

        return [parse_html(text, source_url=source_url)]
    if fmt is Format.JSON:
        from app.ingest.jsondoc import parse_json

        return parse_json(text)
    if fmt is Format.NDJSON:
        from app.ingest.jsondoc import parse_ndjson

        return parse_ndjson(text)
    article = parse_scraped_text(text)
    article.raw = article.raw or text
    return [article]
