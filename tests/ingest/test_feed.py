"""Feeds: RSS 2.0, RSS 1.0 and Atom items; full-text items become articles, teasers links."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.ingest.errors import EmptyInput, InvalidDocument
from app.ingest.feed import FULL_TEXT_CHARS, FeedArticles, feed_articles, parse_feed, read_feed
from app.ingest.model import SectionKind

FIXTURES = Path(__file__).parent.parent / "fixtures" / "feeds"
PARAGRAPH = (
    "<p>" + "أكد المتحدث باسم الخارجية أن المشاورات مستمرة مع الشركاء الإقليميين. " * 12 + "</p>"
)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture(scope="module")
def rss() -> FeedArticles:
    return feed_articles(fixture("mashreq_rss.xml"))


# --- RSS 2.0 ---------------------------------------------------------------------------


def test_rss_items_give_link_title_and_date() -> None:
    items = parse_feed(fixture("mashreq_rss.xml"))
    assert [i.link for i in items] == [
        "https://mashreq.example/news/2023/12/snc-envoy",
        "https://mashreq.example/news/2023/12/arab-league",
        "https://mashreq.example/news/2023/12/brussels",  # a permalink guid stands in
    ]
    assert items[1].title == "وزراء الخارجية العرب يناقشون الملف السوري في القاهرة"
    assert items[0].published == datetime(2023, 12, 5, 7, 15, tzinfo=UTC)
    assert items[2].published == datetime(2023, 12, 4, tzinfo=UTC)  # "الاثنين 4 كانون الأول 2023"


def test_an_item_with_full_text_becomes_an_article(rss: FeedArticles) -> None:
    [article] = rss.articles
    assert article.title == "هيئة التفاوض تبحث مع المبعوث الأممي إحياء اجتماعات اللجنة الدستورية"
    assert article.url == "https://mashreq.example/news/2023/12/snc-envoy"
    assert article.outlet == "شبكة المشرق - سياسة"
    assert article.authors == ["رامي العلي"]
    assert article.raw_format == "feed"


def test_the_items_html_is_read_like_a_page(rss: FeedArticles) -> None:
    [article] = rss.articles
    assert article.summary == [
        "هيئة التفاوض تبحث مع غير بيدرسون مستقبل اللجنة الدستورية.",
        "الهيئة تتمسك بالقرار 2254 مرجعاً للعملية السياسية.",
    ]
    assert [s.kind for s in article.sections].count(SectionKind.HEADING) == 1
    assert article.sections[0].text.startswith("بحث رئيس هيئة التفاوض السورية")
    assert article.byline_place == "إسطنبول"
    assert article.images[0].credit == "المكتب الإعلامي"


def test_the_feed_date_is_read_in_the_datelines_zone(rss: FeedArticles) -> None:
    [article] = rss.articles
    assert article.published_at == datetime(2023, 12, 5, 7, 15, tzinfo=UTC)
    assert article.timezone == "Europe/Istanbul"
    assert article.warnings == []


def test_teasers_are_links_to_fetch(rss: FeedArticles) -> None:
    assert [i.link for i in rss.to_fetch] == [
        "https://mashreq.example/news/2023/12/arab-league",
        "https://mashreq.example/news/2023/12/brussels",
    ]


def test_an_article_keeps_a_one_item_feed_that_parses_back_to_it(rss: FeedArticles) -> None:
    [article] = rss.articles
    again = feed_articles(article.raw.encode())
    assert again.articles == [article]


def test_a_long_description_counts_as_full_text() -> None:
    feed = _rss(f"<item><title>عنوان</title><link>https://x.example/1</link>"
                f"<description><![CDATA[{PARAGRAPH}]]></description></item>")  # fmt: skip
    assert len(feed_articles(feed).articles) == 1


def test_content_under_the_threshold_is_a_teaser() -> None:
    short = "<p>" + "ب" * (FULL_TEXT_CHARS - 10) + "</p>"
    feed = _rss(
        "<item><title>عنوان</title><link>https://x.example/1</link>"
        f"<content:encoded><![CDATA[{short}]]></content:encoded></item>"
    )
    found = feed_articles(feed)
    assert found.articles == []
    assert [i.link for i in found.to_fetch] == ["https://x.example/1"]


def test_an_unreadable_date_is_kept_as_written() -> None:
    feed = _rss(f"<item><title>عنوان</title><pubDate>قريباً</pubDate>"
                f"<content:encoded><![CDATA[{PARAGRAPH}]]></content:encoded></item>")  # fmt: skip
    [item] = parse_feed(feed)
    assert item.published is None and item.date_text == "قريباً"
    [article] = feed_articles(feed).articles
    assert "feed date 'قريباً' could not be read" in article.warnings


def test_a_windows_1256_feed_decodes_from_its_declaration() -> None:
    data = _rss("<item><title>وزير الخارجية يزور دمشق</title></item>", encoding="windows-1256")
    assert parse_feed(data)[0].title == "وزير الخارجية يزور دمشق"


# --- Atom and RSS 1.0 ------------------------------------------------------------------


def test_atom_entries() -> None:
    feed = read_feed(fixture("maghreb_atom.xml"))
    assert feed.kind == "atom"
    assert feed.title == "بوابة المغرب العربي"
    assert feed.link == "https://maghreb.example/"
    first, second = feed.items
    assert first.link == "https://maghreb.example/libya/unsmil-renewal"
    assert first.authors == ["نادية الطرابلسي"]
    assert first.published == datetime(2023, 10, 30, 16, 40, tzinfo=UTC)  # <published>
    assert second.published == datetime(2023, 10, 29, 12, 0, tzinfo=UTC)  # <updated>
    assert second.content_html is None


def test_an_atom_entry_with_html_content_becomes_an_article() -> None:
    found = feed_articles(fixture("maghreb_atom.xml"))
    [article] = found.articles
    assert len(article.sections) == 3
    assert article.sections[0].text.startswith("صوت مجلس الأمن الدولي بالإجماع")
    assert article.byline_place == "طرابلس"
    assert article.timezone == "Africa/Tripoli"
    assert [i.link for i in found.to_fetch] == ["https://maghreb.example/tunisia/migration-meeting"]


def test_atom_xhtml_and_text_content() -> None:
    xhtml = PARAGRAPH.replace("<p>", '<p xmlns="http://www.w3.org/1999/xhtml">')
    data = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>ت</title>'
        f'<entry><title>أ</title><content type="xhtml"><div>{xhtml}</div></content></entry>'
        f'<entry><title>ب</title><content type="text">{PARAGRAPH[3:-4]}\n\nسطر ثان.</content>'
        "</entry></feed>"
    ).encode()
    xhtml_article, text_article = feed_articles(data).articles
    assert xhtml_article.sections[0].text.startswith("أكد المتحدث باسم الخارجية")
    assert len(text_article.sections) == 2


def test_rss_1_0() -> None:
    data = (
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<channel><title>نشرة</title></channel>"
        "<item><title>خبر</title><link>https://x.example/a</link>"
        "<dc:date>2023-05-07T10:00:00+03:00</dc:date></item></rdf:RDF>"
    ).encode()
    [item] = parse_feed(data)
    assert item.link == "https://x.example/a"
    assert item.published == datetime(2023, 5, 7, 7, 0, tzinfo=UTC)


def test_an_rss_1_0_article_keeps_a_feed_that_parses_back_to_it() -> None:
    data = (
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>نشرة</title></channel><item><title>خبر</title>"
        f"<content:encoded><![CDATA[{PARAGRAPH}]]></content:encoded></item></rdf:RDF>"
    ).encode()
    [article] = feed_articles(data).articles
    assert article.outlet == "نشرة"
    assert feed_articles(article.raw.encode()).articles == [article]


# --- refusals --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"just some text", "not an RSS or Atom feed: the XML is malformed"),
        (
            b"<html><body><p>page</p></body></html>",
            r"not an RSS or Atom feed \(root element is <html>\)",
        ),
        (b"<note><to>x</to></note>", r"root element is <note>"),
        (b"<rss version='2.0'><item/></rss>", r"root element is <rss>"),
    ],
)
def test_not_a_feed(data: bytes, message: str) -> None:
    with pytest.raises(InvalidDocument, match=message):
        parse_feed(data)


def test_an_empty_feed_is_empty_input() -> None:
    with pytest.raises(EmptyInput):
        parse_feed(b"  \n")


def test_entity_expansion_is_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "ha">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        b"<rss><channel><title>&c;</title></channel></rss>"
    )
    with pytest.raises(InvalidDocument, match="entity declarations"):
        parse_feed(bomb)


def test_external_entities_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<rss><channel><title>&x;</title></channel></rss>"
    ).encode()
    with pytest.raises(InvalidDocument, match="external references") as caught:
        parse_feed(xxe)
    assert "root:x" not in caught.value.detail


def _rss(items: str, *, encoding: str = "utf-8") -> bytes:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>موقع</title>{items}</channel></rss>"
    ).encode("cp1256" if encoding == "windows-1256" else encoding)
