"""Batch ingestion (`khabar ingest`) and re-extraction (`khabar reextract`) over a real,
committed archive on both engines: files, folders, JSON lines, URLs and feeds; a summary;
one bad item never stops the others; identity, updates and re-extraction in place.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from support import ARCHIVE, CLI, FIXTURES, committed, count, failures, serve, summary

from app import batch, bulk
from app.config import Settings
from app.extract.model import Extraction
from app.store import models as m


@pytest.fixture
def archive(engine: Engine) -> Iterator[Engine]:
    """The migrated test database, written to for real; what a test adds is removed after."""
    with committed(engine) as engine:
        yield engine


@pytest.fixture
def batch_settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url,
        fetch_allowed_hosts=["127.0.0.1"],
        fetch_timeout_seconds=0.5,
        max_body_bytes=200_000,
    )


@pytest.fixture
def site() -> Iterator[str]:
    with serve() as base:
        yield base


def ingest(settings: Settings, *inputs: str | Path, only_if_empty: bool = False) -> int:
    return batch.run_ingest(
        [str(i) for i in inputs], settings=settings, only_if_empty=only_if_empty
    )


def stored(engine: Engine) -> dict[str, m.Article]:
    with Session(engine) as session:
        return {a.title: a for a in session.scalars(select(m.Article))}


# --- what a run takes ---------------------------------------------------------------------


def test_files_folders_jsonl_and_feeds_go_in_one_run(
    archive: Engine, batch_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    status = ingest(
        batch_settings,
        ARCHIVE,  # three articles in nested folders; notes.md is not an input
        FIXTURES / "scraped" / "002_aljazeera_style.txt",
        FIXTURES / "json" / "wire.jsonl",  # two documents and a blank line
        CLI / "fulltext.rss",  # two items with their full text
    )
    assert status == 0
    assert summary(capsys.readouterr().err) == "ingested 8, updated 0, unchanged 0, failed 0"
    titles = set(stored(archive))
    assert "لبنان وسوريا يبحثان ضبط الحدود المشتركة" in titles  # archive/2024/03/*.html
    assert "مجلس الأمن يناقش تقريراً أممياً عن الأوضاع في اليمن" in titles
    assert count(archive, m.Article) == 8


def test_running_again_stores_nothing_twice(
    archive: Engine, batch_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ingest(batch_settings, ARCHIVE, CLI / "fulltext.rss") == 0
    mentions = count(archive, m.Mention)
    assert ingest(batch_settings, ARCHIVE, CLI / "fulltext.rss") == 0
    assert summary(capsys.readouterr().err) == "ingested 0, updated 0, unchanged 5, failed 0"
    assert count(archive, m.Article) == 5
    assert count(archive, m.Mention) == mentions


def test_urls_are_fetched_and_a_feed_of_teasers_has_its_links_fetched(
    archive: Engine, batch_settings: Settings, site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status = ingest(batch_settings, f"{site}/news/story-2.html", f"{site}/teasers.rss")
    assert status == 0
    # story-2 came first by its own URL, then again as the feed's second link
    assert summary(capsys.readouterr().err) == "ingested 2, updated 0, unchanged 1, failed 0"
    articles = stored(archive)
    assert articles["الأردن يستضيف اجتماعاً خماسياً حول سوريا"].url == f"{site}/news/story-1.html"
    assert articles["المبعوث الأممي يزور دمشق الأسبوع المقبل"].url == f"{site}/news/story-2.html"
    assert count(archive, m.Article) == 2


def test_a_jsonl_url_and_a_full_text_feed_url(
    archive: Engine, batch_settings: Settings, site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ingest(batch_settings, f"{site}/wire.jsonl", f"{site}/fulltext.rss") == 0
    assert summary(capsys.readouterr().err) == "ingested 4, updated 0, unchanged 0, failed 0"
    # items of a JSON lines file are articles of their own, not pages at the file's URL
    assert all(a.url != f"{site}/wire.jsonl" for a in stored(archive).values())


# --- failures -----------------------------------------------------------------------------


def test_one_bad_item_never_stops_the_others(
    archive: Engine,
    batch_settings: Settings,
    site: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "menu.html").write_text(
        "<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>"
    )
    status = ingest(
        batch_settings,
        CLI / "mixed.jsonl",  # lines 1 and 4 are articles, 2 is cut off, 3 has no title
        tmp_path / "missing.txt",
        tmp_path / "empty",
        tmp_path / "menu.html",
        f"{site}/gone.html",
        f"{site}/teasers-one-gone.rss",  # its first link is gone, its second is story-1
        ARCHIVE / "amman_talks.txt",
    )
    assert status == 1
    err = capsys.readouterr().err
    assert summary(err) == "ingested 4, updated 0, unchanged 0, failed 7"
    reasons = "\n".join(failures(err))
    assert "mixed.jsonl line 2: not valid JSON" in reasons
    assert (
        "mixed.jsonl line 3: invalid article document: title: required field is missing" in reasons
    )
    assert "missing.txt: No such file or directory" in reasons
    assert "empty: no file ending in .txt" in reasons
    assert "menu.html: no article text found" in reasons
    assert f"failed {site}/gone.html: {site}/gone.html answered HTTP 404" in reasons
    assert f"failed {site}/news/gone.html: {site}/news/gone.html answered HTTP 404" in reasons
    assert count(archive, m.Article) == 4


def test_a_json_list_is_ingested_document_by_document(
    archive: Engine, batch_settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    documents = json.loads((FIXTURES / "json" / "batch.json").read_text())
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps([documents[0], {"title": "بلا نص"}, documents[1]]))
    assert ingest(batch_settings, path) == 1
    err = capsys.readouterr().err
    assert summary(err) == "ingested 2, updated 0, unchanged 0, failed 1"
    assert failures(err) == [
        f"failed {path} [1]: invalid article document: "
        "document: one of 'body' or 'sections' is required and must not be empty"
    ]


def test_the_size_limit_holds_per_file_and_per_jsonl_line(
    archive: Engine, batch_settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = batch_settings.model_copy(update={"max_body_bytes": 2_000})
    big = tmp_path / "long.txt"
    big.write_text("عنوان طويل\n\n" + "فقرة من كلمات كثيرة. " * 200)
    lines = [
        json.dumps({"title": f"خبر قصير رقم {n}", "body": f"نص الخبر القصير رقم {n} عن سوريا."})
        for n in range(12)
    ]
    lines.insert(5, json.dumps({"title": "خبر طويل", "body": "كلمة " * 1_000}))
    archive_file = tmp_path / "archive.jsonl"  # over the limit as a whole, not line by line
    archive_file.write_text("\n".join(lines) + "\n")
    assert archive_file.stat().st_size > settings.max_body_bytes
    assert ingest(settings, big, archive_file) == 1
    err = capsys.readouterr().err
    assert summary(err) == "ingested 12, updated 0, unchanged 0, failed 2"
    assert any("long.txt: the file is" in f and "the limit is 2000" in f for f in failures(err))
    assert any("archive.jsonl line 6:" in f and "the limit is 2000" in f for f in failures(err))


def test_if_empty_does_nothing_when_the_archive_has_articles(
    archive: Engine, batch_settings: Settings
) -> None:
    assert ingest(batch_settings, ARCHIVE / "amman_talks.txt", only_if_empty=True) == 0
    assert count(archive, m.Article) == 1  # the archive was empty: ingested
    assert ingest(batch_settings, CLI / "fulltext.rss", only_if_empty=True) == 0
    assert count(archive, m.Article) == 1


def test_an_article_not_in_arabic_is_stored_but_not_analysed(
    archive: Engine, batch_settings: Settings
) -> None:
    assert ingest(batch_settings, CLI / "english.txt") == 0
    (article,) = stored(archive).values()
    assert (article.language, article.analysed) == ("en", False)
    assert count(archive, m.Mention) == count(archive, m.ArticleEntity) == 0


# --- identity and updates -----------------------------------------------------------------


def test_changed_text_at_a_known_url_replaces_the_old_version(
    archive: Engine, batch_settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads((ARCHIVE / "2024" / "cairo_statement.json").read_text())
    first = tmp_path / "first.json"
    first.write_text(json.dumps(document))
    document["title"] = "الأردن يدعو إلى وقف فوري لإطلاق النار في السودان"
    document["body"] = "دعت وزارة الخارجية الأردنية إلى تطبيق القرار 2254 في سوريا."
    second = tmp_path / "second.json"
    second.write_text(json.dumps(document))
    assert ingest(batch_settings, first, second) == 0
    assert summary(capsys.readouterr().err) == "ingested 1, updated 1, unchanged 0, failed 0"
    (article,) = stored(archive).values()
    assert article.title == document["title"]
    with Session(archive) as session:
        keys = set(session.scalars(select(m.Entity.key).join(m.ArticleEntity)))
        cited = set(session.scalars(select(m.Resolution.number).join(m.ArticleResolution)))
    assert "country:EG" not in keys and "country:SY" in keys
    assert cited == {2254}


def test_the_original_input_is_kept_compressed(archive: Engine, batch_settings: Settings) -> None:
    page = ARCHIVE / "2024" / "03" / "border_meeting.html"
    assert ingest(batch_settings, page, ARCHIVE / "amman_talks.txt") == 0
    raw = {
        a.raw_format: zlib.decompress(a.raw_compressed).decode() for a in stored(archive).values()
    }
    assert raw["html"] == page.read_text()
    assert raw["text"] == (ARCHIVE / "amman_talks.txt").read_text()


# --- re-extraction ------------------------------------------------------------------------

_ROWS = (m.Article, m.ArticleSection, m.SummaryPoint, m.Mention, m.Citation, m.Statement)


def rows(engine: Engine) -> dict[str, int]:
    return {model.__tablename__: count(engine, model) for model in (*_ROWS, m.Entity)}


def test_reextract_parses_and_extracts_everything_again_without_duplicating(
    archive: Engine, batch_settings: Settings, site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = (ARCHIVE, CLI / "fulltext.rss", FIXTURES / "json" / "batch.json", CLI / "english.txt")
    assert ingest(batch_settings, *inputs, f"{site}/teasers.rss") == 0
    before, ids = rows(archive), set(stored(archive).values())
    assert batch.run_reextract(settings=batch_settings) == 0
    assert summary(capsys.readouterr().err) == "re-extracted 10, failed 0"
    assert rows(archive) == before
    assert {(a.id, a.url, a.title) for a in stored(archive).values()} == {
        (a.id, a.url, a.title) for a in ids
    }


def test_an_article_whose_extraction_changes_gets_the_new_rows(
    archive: Engine, batch_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as old_extractor:
        old_extractor.setattr(bulk, "extract", lambda parsed: Extraction())
        assert ingest(batch_settings, ARCHIVE / "amman_talks.txt") == 0
    assert count(archive, m.Mention) == count(archive, m.Citation) == 0
    assert batch.run_reextract(settings=batch_settings) == 0
    assert count(archive, m.Article) == 1
    assert count(archive, m.Mention) > 0
    with Session(archive) as session:
        assert set(session.scalars(select(m.Resolution.number).join(m.Citation))) == {2254}


def test_reextract_reports_an_unreadable_original_and_goes_on(
    archive: Engine, batch_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ingest(batch_settings, ARCHIVE) == 0
    broken = stored(archive)["لبنان وسوريا يبحثان ضبط الحدود المشتركة"]
    with Session(archive) as session, session.begin():
        session.get_one(m.Article, broken.id).raw_compressed = zlib.compress(b"<html></html>")
    assert batch.run_reextract(settings=batch_settings) == 1
    err = capsys.readouterr().err
    assert summary(err) == "re-extracted 2, failed 1"
    assert failures(err) == [f"failed article {broken.id}: no article text found in the HTML page"]
    assert count(archive, m.Article) == 3
