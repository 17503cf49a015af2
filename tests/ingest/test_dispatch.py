"""parse_payload: the parser chosen by media type, file extension or the bytes themselves."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.ingest.dispatch import dispatch_payload, parse_payload, sniff_format
from app.ingest.errors import (
    InvalidDocument,
    NotAnArticle,
    UndecodableInput,
    UnsupportedFormat,
)
from app.ingest.formats import Format

FIXTURES = Path(__file__).parent.parent / "fixtures"
SCRAPED = """الرئيسية
البرلمان يقر الموازنة العامة للعام المقبل بعد نقاش طويل

2024.02.01 | 14:30 بيروت

أقر البرلمان بالأغلبية مشروع قانون الموازنة العامة للعام المقبل، بعد جلسة استمرت عشر ساعات.

وقال وزير المالية إن الموازنة الجديدة تحافظ على الإنفاق الاجتماعي وتخفض العجز.
"""
DOCUMENT = {
    "title": "الحكومة تعلن موعد الاجتماع المقبل",
    "body": "قال المتحدث إن الاجتماع سيعقد الأسبوع المقبل.",
}


def fixture(path: str) -> bytes:
    return (FIXTURES / path).read_bytes()


# --- by media type ---------------------------------------------------------------------


def test_plain_text_goes_to_the_scraped_text_parser() -> None:
    [article] = parse_payload(SCRAPED.encode(), "text/plain; charset=utf-8")
    assert article.title == "البرلمان يقر الموازنة العامة للعام المقبل بعد نقاش طويل"
    assert article.timezone == "Asia/Beirut"
    assert article.raw_format == "text"
    assert article.raw == SCRAPED


def test_html_goes_to_the_html_parser_with_the_charset_it_declares() -> None:
    [article] = parse_payload(fixture("html/cp1256_agency.html"), "text/html")
    assert article.title == "الصفدي: على مجلس الأمن ضمان تنفيذ القرار 2720"
    assert article.raw_format == "html"


def test_json_gives_one_article_or_many() -> None:
    assert len(parse_payload(json.dumps(DOCUMENT).encode(), "application/json")) == 1
    assert len(parse_payload(fixture("json/batch.json"), "application/json")) == 2


def test_ndjson_gives_one_article_per_line() -> None:
    articles = parse_payload(fixture("json/wire.jsonl"), "application/x-ndjson")
    assert [a.raw_format for a in articles] == ["json", "json"]


def test_a_jsonl_url_means_ndjson_whatever_the_server_says() -> None:
    articles = parse_payload(
        fixture("json/wire.jsonl"), "text/plain", source_url="https://x.example/wire.jsonl"
    )
    assert len(articles) == 2


@pytest.mark.parametrize("content_type", ["application/rss+xml", "application/xml", "text/xml"])
def test_feeds(content_type: str) -> None:
    [article] = parse_payload(fixture("feeds/mashreq_rss.xml"), content_type)
    assert article.raw_format == "feed"


def test_a_feed_of_teasers_names_the_links_to_ingest_instead() -> None:
    feed = (
        b"<rss version='2.0'><channel><title>t</title><item><title>a</title>"
        b"<link>https://x.example/1</link></item></channel></rss>"
    )
    with pytest.raises(NotAnArticle, match=r"1 item\(s\) carry no full text.*https://x.example/1"):
        parse_payload(feed, "application/rss+xml")
    payload = dispatch_payload(feed, "application/rss+xml")
    assert payload.to_fetch == ["https://x.example/1"]
    assert payload.articles == []


@pytest.mark.parametrize("content_type", ["image/png", "application/pdf", "multipart/form-data"])
def test_other_media_types_are_unsupported(content_type: str) -> None:
    with pytest.raises(UnsupportedFormat, match=f"content type '{content_type}'") as caught:
        parse_payload(b"\x89PNG....", content_type)
    assert caught.value.status == 415
    assert "application/x-ndjson" in caught.value.detail


def test_binary_data_labelled_as_text_is_refused() -> None:
    with pytest.raises(UndecodableInput, match="binary data"):
        parse_payload(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "text/plain")


def test_decoding_warnings_reach_the_article() -> None:
    data = b'<meta charset="windows-1256">' + fixture("html/cp1256_agency.html")
    [article] = parse_payload(data, "text/html; charset=iso-8859-1")
    assert article.warnings[0].startswith("declared charset iso-8859-1 looks like a server default")


def test_an_archived_html_page_parses_again_from_its_raw_text() -> None:
    [first] = parse_payload(fixture("html/cp1256_agency.html"), "text/html")
    [again] = parse_payload(first.raw.encode(), "text/html")
    assert again.title == first.title
    assert again.sections == first.sections


# --- untyped input ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<!DOCTYPE html><html><body>", Format.HTML),
        (b"\xef\xbb\xbf  <html lang='ar'>", Format.HTML),
        (b"<div><p>fragment</p></div>", Format.HTML),
        (b'<?xml version="1.0"?>\n<rss version="2.0">', Format.FEED),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', Format.FEED),
        (b'<?xml version="1.0"?><note/>', Format.FEED),
        (b'  {"title": "x"}', Format.JSON),
        (b'[{"title": "x"}]', Format.JSON),
        (b'{"title": "a"}\n{"title": "b"}\n', Format.NDJSON),
        ("خبر عاجل".encode(), Format.TEXT),
    ],
)
def test_untyped_bytes_are_sniffed(data: bytes, expected: Format) -> None:
    assert sniff_format(data) is expected


@pytest.mark.parametrize("content_type", [None, "", "application/octet-stream"])
def test_untyped_payloads_are_parsed_after_sniffing(content_type: str | None) -> None:
    [article] = parse_payload(json.dumps(DOCUMENT).encode(), content_type)
    assert article.raw_format == "json"


def test_the_url_extension_decides_before_the_bytes() -> None:
    [article] = parse_payload(SCRAPED.encode(), None, source_url="https://x.example/a.txt")
    assert article.raw_format == "text"


# --- URLs ------------------------------------------------------------------------------


def test_the_source_url_fills_in_a_missing_url() -> None:
    [article] = parse_payload(SCRAPED.encode(), "text/plain", source_url="https://x.example/a")
    assert article.url == "https://x.example/a"


def test_a_url_document_is_a_fetch_request_and_nothing_is_fetched() -> None:
    body = json.dumps({"url": " https://x.example/start "}).encode()
    payload = dispatch_payload(body, "application/json")
    assert payload.fetch_request == "https://x.example/start"
    assert payload.articles == []


def test_a_url_document_without_fetch_settings_is_refused() -> None:
    with pytest.raises(InvalidDocument, match="not enabled"):
        parse_payload(b'{"url": "https://x.example/"}', "application/json")


@pytest.mark.parametrize("value", [None, "", 3])
def test_a_url_document_needs_a_url(value: Any) -> None:
    with pytest.raises(InvalidDocument, match="url: must be a non-empty string"):
        parse_payload(json.dumps({"url": value}).encode(), "application/json")
