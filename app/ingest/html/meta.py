"""What a page says about itself: JSON-LD (schema.org NewsArticle), OpenGraph and <meta>.

Read with lxml rather than trusted to trafilatura, because trafilatura keeps only the day
of the publication date and one author string; JSON-LD carries the time with its offset.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

from app.ingest.errors import InvalidDocument
from app.ingest.jsonload import load_json

log = logging.getLogger(__name__)

# schema.org types of a story, preferred in this order (a page often also has WebPage...)
_ARTICLE_TYPES = (
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "Article",
    "LiveBlogPosting",
    "BlogPosting",
    "Report",
)
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publish-date",
    "publishdate",
    "pubdate",
    "dc.date.issued",
    "dc.date",
    "date",
)


@dataclass(slots=True)
class PageMeta:
    headline: str | None = None  # JSON-LD
    og_title: str | None = None
    html_title: str | None = None  # <title>
    publisher: str | None = None  # JSON-LD publisher.name
    site_name: str | None = None  # og:site_name
    published: str | None = None  # JSON-LD datePublished, as written
    meta_published: str | None = None  # article:published_time and kin
    time_published: str | None = None  # <time datetime> in the article
    guessed_date: str | None = None  # htmldate's guess (through trafilatura), a day
    canonical: str | None = None
    og_url: str | None = None
    ld_url: str | None = None
    description: str | None = None
    authors: list[str] = field(default_factory=list)  # JSON-LD
    meta_authors: list[str] = field(default_factory=list)
    article_body: str | None = None  # JSON-LD articleBody
    language: str | None = None  # <html lang>


def read_meta(doc: HtmlElement) -> PageMeta:
    meta = PageMeta()
    values = _meta_values(doc)
    meta.og_title = values.get("og:title")
    meta.site_name = values.get("og:site_name")
    meta.og_url = values.get("og:url")
    meta.description = values.get("og:description") or values.get("description")
    meta.meta_published = next((values[k] for k in _PUBLISHED_META if k in values), None)
    meta.meta_authors = [
        a for a in (values.get("author"), values.get("article:author")) if a and "://" not in a
    ]
    meta.html_title = _first_text(doc, "//title")
    meta.canonical = _first_attr(doc, "//link[@rel='canonical']/@href")
    meta.time_published = _first_attr(
        doc,
        "//*[@itemprop='datePublished']/@content | //*[@itemprop='datePublished']/@datetime"
        " | //article//time/@datetime | //main//time/@datetime",
    )
    meta.language = _first_attr(doc, "/html/@lang")
    article = _ld_article(doc)
    if article is not None:
        _apply_ld(meta, article)
    return meta


def _apply_ld(meta: PageMeta, article: dict[str, Any]) -> None:
    meta.headline = _string(article.get("headline")) or _string(article.get("name"))
    meta.published = _string(article.get("datePublished"))
    meta.authors = _names(article.get("author"))
    publisher = _names(article.get("publisher"))
    meta.publisher = publisher[0] if publisher else None
    body = article.get("articleBody")
    meta.article_body = (body.strip() or None) if isinstance(body, str) else None
    meta.description = meta.description or _string(article.get("description"))
    page = article.get("mainEntityOfPage")
    url = article.get("url") or (page.get("@id") if isinstance(page, dict) else page)
    meta.ld_url = _string(url)


def _ld_article(doc: HtmlElement) -> dict[str, Any] | None:
    """The page's story object among all its JSON-LD blocks, @graph and lists included."""
    found: dict[str, dict[str, Any]] = {}
    for script in doc.xpath("//script[@type='application/ld+json']"):
        text = (script.text or "").strip().removeprefix("<!--").removesuffix("-->")
        try:
            data = load_json(text.strip().removeprefix("//<![CDATA[").removesuffix("//]]>"))
        except InvalidDocument:
            log.debug("unreadable JSON-LD block skipped")
            continue
        for obj in _objects(data):
            types = obj.get("@type")
            for kind in types if isinstance(types, list) else [types]:
                if isinstance(kind, str) and kind in _ARTICLE_TYPES:
                    found.setdefault(kind, obj)
    return next((found[t] for t in _ARTICLE_TYPES if t in found), None)


def _objects(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [obj for item in data for obj in _objects(item)]
    if not isinstance(data, dict):
        return []
    return [data, *_objects(data.get("@graph", []))]


def _names(value: Any) -> list[str]:
    """Person/Organization names: "a", {"name": "a"}, or a list of those."""
    items = value if isinstance(value, list) else [value]
    names = [_string(i.get("name") if isinstance(i, dict) else i) for i in items]
    return [n for n in names if n and "://" not in n]


def _string(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _meta_values(doc: HtmlElement) -> dict[str, str]:
    """<meta property|name|itemprop=... content=...>, first value of each key, lowercased key."""
    values: dict[str, str] = {}
    for tag in doc.xpath("//meta[@content]"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = " ".join((tag.get("content") or "").split())
        if key and content:
            values.setdefault(key.strip().lower(), content)
    return values


def _first_text(doc: HtmlElement, path: str) -> str | None:
    for element in doc.xpath(path):
        text = " ".join(element.text_content().split())
        if text:
            return text
    return None


def _first_attr(doc: HtmlElement, path: str) -> str | None:
    for value in doc.xpath(path):
        text = str(value).strip()
        if text:
            return text
    return None
