"""Hypothesis on every parser and the extractor: whatever the input, the answer is articles or
an ingest error (a 4xx), never another exception (a 500)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.extract.pipeline import extract
from app.ingest.dates import parse_date, to_published
from app.ingest.dispatch import PUBLISHED_RANGE, dispatch_payload
from app.ingest.errors import IngestError
from app.ingest.html import parse_html
from app.ingest.jsondoc import parse_json, parse_ndjson
from app.ingest.model import ParsedArticle
from app.ingest.scraped import parse_scraped_text

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
TEXTY = st.text(
    st.one_of(
        ARABIC, st.characters(codec="utf-8"), st.sampled_from("\n\t <>/&;:\"'{}[],0123456789")
    ),
    max_size=400,
)
MEDIA = st.sampled_from(
    [
        None,
        "text/plain",
        "text/html",
        "application/json",
        "application/x-ndjson",
        "application/rss+xml",
        "application/atom+xml",
        "text/plain; charset=windows-1256",
        "text/plain; charset=rot13",
        "text/html; charset=utf-16",
        "application/octet-stream",
        "image/png",
    ]
)


def survives(call: object, *args: object) -> list[ParsedArticle]:
    """The parsers' contract: articles, or an IngestError (any other exception fails)."""
    try:
        result = call(*args)  # type: ignore[operator]
    except IngestError:
        return []
    return result if isinstance(result, list) else [result]


def check(articles: list[ParsedArticle], *, dispatched: bool = False) -> None:
    """Each article extracts; through dispatch (the one way in), its date is plausible."""
    for article in articles:
        if dispatched and article.published_at is not None:
            assert PUBLISHED_RANGE[0] <= article.published_at.astimezone(UTC) < PUBLISHED_RANGE[1]
        extract(article)  # the extractor takes whatever a parser produced


@FUZZ
@given(st.binary(max_size=600), MEDIA)
def test_any_bytes_with_any_type(data: bytes, media: str | None) -> None:
    try:
        payload = dispatch_payload(data, media)
    except IngestError:
        return
    check(payload.articles, dispatched=True)


@FUZZ
@given(TEXTY)
def test_scraped_text(text: str) -> None:
    check(survives(parse_scraped_text, text))


@FUZZ
@given(TEXTY.map(lambda body: f"<html><head><title>ع</title></head><body><p>{body}</p></body>"))
def test_html(page: str) -> None:
    check(survives(parse_html, page))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXTY,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXTY, inner, max_size=4),
    max_leaves=12,
)
DOCUMENTS = st.fixed_dictionaries(
    {"title": TEXTY, "body": TEXTY},
    optional={"published_at": TEXTY | st.datetimes().map(datetime.isoformat), "extra": JSON_VALUES},
)


@FUZZ
@given(st.one_of(JSON_VALUES, DOCUMENTS, st.lists(DOCUMENTS, max_size=3)))
def test_json_documents(value: object) -> None:
    text = json.dumps(value, ensure_ascii=False)
    check(survives(parse_json, text))
    check(survives(parse_ndjson, text))


@FUZZ
@given(TEXTY)
def test_feeds(text: str) -> None:
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>{text}</title><description>{text}</description>"
        f"<pubDate>{text}</pubDate></item></channel></rss>"
    ).encode()
    articles = survives(lambda d: dispatch_payload(d, "application/rss+xml").articles, feed)
    check(articles, dispatched=True)


@FUZZ
@given(st.one_of(TEXTY, st.datetimes().map(lambda d: f"{d:%d/%m/%Y %H:%M} +14:00")))
def test_dates(text: str) -> None:
    parsed = parse_date(text)
    if parsed is not None:
        to_published(parsed)
