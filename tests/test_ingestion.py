"""app.ingestion, on both engines: every article of a payload, feed links fetched, identity
(canonical URL or normalized content hash), updates that recompute the extraction, the
original kept compressed, and nothing written unless the whole payload is good."""

from __future__ import annotations

import json
import logging
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import CLI, FIXTURES, serve

from app import ingestion
from app.config import Settings
from app.errors import KhabarError
from app.extract.model import Extraction
from app.ingest.errors import FetchError, ForbiddenTarget, InvalidDocument, NotAnArticle
from app.ingest.fetch import Fetched
from app.ingest.model import ParsedArticle
from app.ingestion import articles_in, ingest_parsed, ingest_payload
from app.store import models as m
from app.store.base import Base
from app.store.writes import Outcome

JSON = "application/json"
URL = "https://levant.example/news/2024/05/geneva-talks"
DOCUMENT = {
    "title": "فرنسا تدعو في جنيف إلى تطبيق القرار 2254",
    "url": URL,
    "published_at": "2024-05-06T10:00:00+02:00",
    "source": "شبكة المشرق",
    "body": "دعت فرنسا خلال اجتماع في جنيف إلى تطبيق قرار مجلس الأمن 2254 في سوريا.",
}
SCRAPED = (CLI / "english.txt").read_bytes()


@pytest.fixture
def fetching(settings: Settings) -> Settings:
    return settings.model_copy(
        update={"fetch_allowed_hosts": ["127.0.0.1"], "fetch_timeout_seconds": 0.5}
    )


@pytest.fixture
def site() -> Iterator[str]:
    with serve() as base:
        yield base


def send(session: Session, settings: Settings, value: Any, content_type: str = JSON) -> list[Any]:
    data = value if isinstance(value, bytes) else json.dumps(value, ensure_ascii=False).encode()
    return ingest_payload(session=session, data=data, content_type=content_type, settings=settings)


def count(session: Session, model: type[Base]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def actors(session: Session, article_id: int) -> set[str]:
    return set(
        session.scalars(
            select(m.Entity.key)
            .join(m.ArticleEntity)
            .where(m.ArticleEntity.article_id == article_id)
        )
    )


def cited(session: Session, article_id: int) -> set[int]:
    return set(
        session.scalars(
            select(m.Resolution.number).join(m.Citation).where(m.Citation.article_id == article_id)
        )
    )


# --- identity -----------------------------------------------------------------------------


def test_the_same_canonical_url_and_text_is_unchanged(session: Session, settings: Settings) -> None:
    (first,) = send(session, settings, DOCUMENT)
    (again,) = send(session, settings, DOCUMENT)
    assert (first.outcome, again.outcome) == (Outcome.INGESTED, Outcome.UNCHANGED)
    assert again.id == first.id
    assert count(session, m.Article) == 1


def test_the_same_text_without_a_url_is_found_by_its_normalized_hash(
    session: Session, settings: Settings
) -> None:
    plain = {k: v for k, v in DOCUMENT.items() if k != "url"}
    marked = dict(
        plain, body="دَعَتْ فرنسا  خلال اجتماعٍ في جنيف إلى تطبيق قرار مجلس الأمن ٢٢٥٤ في سوريا."
    )
    (first,) = send(session, settings, plain)
    (again,) = send(session, settings, marked)  # diacritics, spacing, Arabic-Indic digits
    assert again.id == first.id and again.outcome is Outcome.UNCHANGED
    assert count(session, m.Article) == 1


def test_changed_text_at_the_same_url_replaces_the_old_version(
    session: Session, settings: Settings
) -> None:
    (first,) = send(session, settings, DOCUMENT)
    assert {"country:FR", "country:SY"} <= actors(session, first.id)
    assert cited(session, first.id) == {2254}
    newer = dict(
        DOCUMENT,
        title="روسيا ترحب بتمديد آلية المساعدات",
        body="رحبت روسيا بتمديد القرار 2672 الخاص بإدخال المساعدات.",
    )
    (second,) = send(session, settings, newer)
    assert (second.id, second.outcome) == (first.id, Outcome.UPDATED)
    keys = actors(session, first.id)
    assert "country:RU" in keys and "country:FR" not in keys  # recomputed, not appended
    assert cited(session, first.id) == {2672}
    assert count(session, m.Article) == 1
    sections = session.scalars(select(m.ArticleSection.text)).all()
    assert sections == [newer["body"]]


def test_a_corrected_date_with_the_same_text_updates_the_article(
    session: Session, settings: Settings
) -> None:
    (first,) = send(session, settings, DOCUMENT)
    (again,) = send(session, settings, dict(DOCUMENT, published_at="2024-05-07T10:00:00+02:00"))
    assert again.outcome is Outcome.UPDATED
    stored = session.get_one(m.Article, first.id)
    assert stored.published_at == datetime(2024, 5, 7, 8, 0, tzinfo=UTC)


def test_an_update_whose_text_another_article_has_is_not_a_crash(
    session: Session, settings: Settings
) -> None:
    send(session, settings, DOCUMENT)
    other = {"title": "لبنان يبحث ضبط الحدود", "body": "بحث مسؤولون في بيروت ضبط الحدود."}
    send(session, settings, other)
    try:
        with session.begin_nested():
            send(session, settings, dict(other, url=URL))  # the page at URL now has that text
    except KhabarError:
        pass  # a clear problem (a 409) would do as well as a merge
    assert count(session, m.Article) <= 2


# --- the original and the language ----------------------------------------------------------


def test_each_document_keeps_its_own_original_compressed(
    session: Session, settings: Settings
) -> None:
    lines = (FIXTURES / "json" / "wire.jsonl").read_bytes()
    items = send(session, settings, lines, "application/x-ndjson")
    originals = [json.loads(line) for line in lines.splitlines() if line.strip()]
    for item, original in zip(items, originals, strict=True):
        article = session.get_one(m.Article, item.id)
        assert article.raw_format == "json"
        assert json.loads(zlib.decompress(article.raw_compressed)) == original


def test_an_article_not_in_arabic_is_stored_without_analysis(
    session: Session, settings: Settings
) -> None:
    (item,) = send(session, settings, (CLI / "english.txt").read_bytes(), "text/plain")
    article = session.get_one(m.Article, item.id)
    assert (article.language, article.analysed) == ("en", False)
    assert count(session, m.Mention) == count(session, m.Statement) == 0


# --- all or none --------------------------------------------------------------------------


def test_a_list_with_one_bad_document_writes_nothing(session: Session, settings: Settings) -> None:
    with pytest.raises(InvalidDocument, match=r"\[1\]: invalid article document: title"):
        send(session, settings, [DOCUMENT, {"body": "نص بلا عنوان"}])
    assert count(session, m.Article) == 0


def test_everything_is_extracted_before_the_first_write(
    session: Session, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """So a writer holds the (SQLite) write lock only while it writes."""
    stored_when_extracting: list[int] = []

    def spying(parsed: ParsedArticle) -> Extraction:
        stored_when_extracting.append(count(session, m.Article))
        return Extraction()

    monkeypatch.setattr(ingestion, "extract", spying)
    send(session, settings, json.loads((FIXTURES / "json" / "batch.json").read_text()))
    assert stored_when_extracting == [0, 0]
    assert count(session, m.Article) == 2


def test_a_given_extraction_is_used_as_it_is(session: Session, settings: Settings) -> None:
    (parsed,) = articles_in(json.dumps(DOCUMENT).encode(), JSON, settings=settings)
    done = ingest_parsed(session=session, parsed=parsed, extraction=Extraction())
    assert done.outcome is Outcome.INGESTED
    assert count(session, m.Mention) == 0


# --- feeds --------------------------------------------------------------------------------


def test_a_feed_of_teasers_has_its_links_fetched(fetching: Settings, site: str) -> None:
    feed = (CLI / "teasers.rss").read_bytes().replace(b"{base}", site.encode())
    articles = articles_in(feed, "application/rss+xml", settings=fetching)
    assert [a.url for a in articles] == [f"{site}/news/story-1.html", f"{site}/news/story-2.html"]
    assert articles[0].title == "الأردن يستضيف اجتماعاً خماسياً حول سوريا"


def test_a_feed_url_is_fetched_then_its_links(fetching: Settings, site: str) -> None:
    request = json.dumps({"url": f"{site}/teasers.rss"}).encode()
    assert len(articles_in(request, JSON, settings=fetching)) == 2


def test_a_url_request_goes_through_the_fetcher_given() -> None:
    fetched: list[str] = []

    def fake_fetch(url: str) -> Fetched:
        fetched.append(url)
        return Fetched("https://x.example/final", "text/plain; charset=utf-8", SCRAPED)

    body = json.dumps({"url": " https://x.example/start "}).encode()
    payload = ingestion.read_payload(body, JSON, fetch=fake_fetch)
    assert fetched == ["https://x.example/start"]
    assert [a.url for a in payload.articles] == ["https://x.example/final"]


def test_a_fetched_page_may_not_ask_for_another_fetch() -> None:
    def fetch_a_request(url: str) -> Fetched:
        return Fetched(url, JSON, json.dumps({"url": "https://x.example/next"}).encode())

    body = json.dumps({"url": "https://x.example/start"}).encode()
    with pytest.raises(InvalidDocument, match="yet another fetch"):
        ingestion.read_payload(body, JSON, fetch=fetch_a_request)


def test_one_link_that_fails_fails_the_whole_payload(fetching: Settings, site: str) -> None:
    feed = (CLI / "teasers_one_gone.rss").read_bytes().replace(b"{base}", site.encode())
    with pytest.raises(FetchError, match=r"news/gone\.html answered HTTP 404"):
        articles_in(feed, "application/rss+xml", settings=fetching)


def test_at_most_max_feed_links_are_fetched(
    fetching: Settings, site: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(ingestion, "MAX_FEED_LINKS", 1)
    feed = (CLI / "teasers.rss").read_bytes().replace(b"{base}", site.encode())
    with caplog.at_level(logging.WARNING, logger="app.ingestion"):
        assert len(articles_in(feed, "application/rss+xml", settings=fetching)) == 1
    assert "feed lists 2 teaser links; fetching the first 1" in caplog.text


def test_feed_links_obey_the_fetch_rules_and_an_empty_feed_has_no_article(
    settings: Settings,
) -> None:
    feed = (CLI / "teasers.rss").read_bytes().replace(b"{base}", b"http://127.0.0.1:9")
    with pytest.raises(ForbiddenTarget, match="loopback"):  # 127.0.0.1 is not allowed here
        articles_in(feed, "application/rss+xml", settings=settings)
    empty = b'<rss version="2.0"><channel><title>t</title></channel></rss>'
    with pytest.raises(NotAnArticle):
        articles_in(empty, "application/rss+xml", settings=settings)
