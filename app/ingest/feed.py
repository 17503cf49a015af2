"""RSS 2.0, RSS 1.0 and Atom feeds: items carrying full text become articles, the others
are links to fetch. Parsed with defusedxml: no entity expansion, no external references,
no network."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from xml.etree.ElementTree import Element, ParseError, SubElement, tostring

import lxml.html
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET
from lxml.etree import ParserError

from app.ingest.dates import ParsedDate, parse_date, to_published
from app.ingest.errors import EmptyInput, InvalidDocument, NotAnArticle
from app.ingest.html import article_from_fragment
from app.ingest.model import ParsedArticle

FULL_TEXT_CHARS = 500  # an item whose content is shorter is a teaser: fetch its link

_NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rss1": "http://purl.org/rss/1.0/",
}
_A = "{" + _NS["atom"] + "}"
_RSS1 = "{" + _NS["rss1"] + "}"
_RDF_ROOT = "{" + _NS["rdf"] + "}RDF"
_NOT_A_FEED = "not an RSS or Atom feed"


@dataclass(slots=True)
class FeedItem:
    link: str | None
    title: str | None
    published: datetime | None  # aware; a date without offset is read as UTC
    content_html: str | None  # the item's full content (content:encoded, atom:content)
    summary_html: str | None = None  # description / atom:summary, often a teaser
    authors: list[str] = field(default_factory=list)
    date_text: str | None = None  # as written, when it could not be read
    parsed_date: ParsedDate | None = field(default=None, repr=False)

    @property
    def full_text_html(self) -> str | None:
        """The item's HTML when it carries the whole story, else None (fetch the link)."""
        for candidate in (self.content_html, self.summary_html):
            if candidate and len(_text_of(candidate)) > FULL_TEXT_CHARS:
                return candidate
        return None


@dataclass(slots=True)
class Feed:
    title: str | None
    link: str | None
    items: list[FeedItem]
    kind: str  # rss | rdf (RSS 1.0) | atom
    elements: list[Element] = field(default_factory=list, repr=False)


@dataclass(slots=True)
class FeedArticles:
    articles: list[ParsedArticle]
    to_fetch: list[FeedItem]  # teasers whose link must be fetched to get the story


def parse_feed(data: bytes) -> list[FeedItem]:
    return read_feed(data).items


def read_feed(data: bytes) -> Feed:
    if not data.strip():
        raise EmptyInput("the feed is empty")
    try:
        root = SafeET.fromstring(data)
    except DefusedXmlException as exc:
        raise InvalidDocument(
            "XML with entity declarations or external references is refused "
            f"(entity expansion / XXE protection): {exc}"
        ) from exc
    except ParseError as exc:
        raise InvalidDocument(f"{_NOT_A_FEED}: the XML is malformed ({exc})") from exc
    if root.tag == "rss" and root.find("channel") is not None:
        return _rss(root)
    if root.tag == f"{_A}feed":
        return _atom(root)
    if root.tag == _RDF_ROOT:
        return _rdf(root)
    raise InvalidDocument(f"{_NOT_A_FEED} (root element is <{_local(root.tag)}>)")


def feed_articles(data: bytes) -> FeedArticles:
    feed = read_feed(data)
    articles, to_fetch = [], []
    for item, element in zip(feed.items, feed.elements, strict=True):
        content = item.full_text_html
        if content is not None:
            try:
                articles.append(_article(feed, item, element, content))
                continue
            except NotAnArticle:
                pass  # long, but not prose (a gallery, a table): the page may hold the story
        if item.link:
            to_fetch.append(item)
    return FeedArticles(articles=articles, to_fetch=to_fetch)


def _article(feed: Feed, item: FeedItem, element: Element, content: str) -> ParsedArticle:
    article = article_from_fragment(content, title=item.title or "", published=item.parsed_date)
    article.url = item.link
    article.outlet = feed.title or article.outlet
    article.authors = item.authors or article.authors
    if item.date_text:
        article.warnings.append(f"feed date {item.date_text!r} could not be read")
    article.raw = _single_item_feed(feed, element)
    article.raw_format = "feed"
    return article


def _single_item_feed(feed: Feed, element: Element) -> str:
    """A one-item feed: what the archive keeps so this article can be re-extracted alone."""
    if feed.kind == "atom":
        root = Element(f"{_A}feed")
        SubElement(root, f"{_A}title").text = feed.title or ""
        root.append(element)
    elif feed.kind == "rdf":
        root = Element(_RDF_ROOT)
        channel = SubElement(root, f"{_RSS1}channel")
        SubElement(channel, f"{_RSS1}title").text = feed.title or ""
        root.append(element)
    else:
        root = Element("rss", {"version": "2.0"})
        channel = SubElement(root, "channel")
        SubElement(channel, "title").text = feed.title or ""
        channel.append(element)
    return tostring(root, encoding="unicode")


def _rss(root: Element) -> Feed:
    channel = root.find("channel")
    assert channel is not None  # checked by the caller
    elements = channel.findall("item") or root.findall("item")
    items = [_rss_item(e) for e in elements]
    return Feed(_text(channel, "title"), _text(channel, "link"), items, "rss", elements)


def _rdf(root: Element) -> Feed:
    channel = root.find("rss1:channel", _NS)
    elements = root.findall("rss1:item", _NS)
    items = [
        FeedItem(
            link=_text(e, "rss1:link"),
            title=_text(e, "rss1:title"),
            content_html=_text(e, "content:encoded"),
            summary_html=_text(e, "rss1:description"),
            authors=_all_text(e, "dc:creator"),
            **_date(_text(e, "dc:date")),
        )
        for e in elements
    ]
    title = _text(channel, "rss1:title") if channel is not None else None
    return Feed(title, None, items, "rdf", elements)


def _rss_item(e: Element) -> FeedItem:
    link = _text(e, "link")
    guid = e.find("guid")
    if link is None and guid is not None and guid.get("isPermaLink", "true") == "true":
        link = _text(e, "guid")
    return FeedItem(
        link=link,
        title=_text(e, "title"),
        content_html=_text(e, "content:encoded"),
        summary_html=_text(e, "description"),
        authors=_all_text(e, "dc:creator") or _all_text(e, "author"),
        **_date(_text(e, "pubDate") or _text(e, "dc:date")),
    )


def _atom(root: Element) -> Feed:
    elements = root.findall(f"{_A}entry")
    items = [
        FeedItem(
            link=_atom_link(e),
            title=_text(e, "atom:title"),
            content_html=_atom_html(e.find(f"{_A}content")),
            summary_html=_atom_html(e.find(f"{_A}summary")),
            authors=_all_text(e, "atom:author/atom:name"),
            **_date(_text(e, "atom:published") or _text(e, "atom:updated")),
        )
        for e in elements
    ]
    return Feed(_text(root, "atom:title"), _atom_link(root), items, "atom", elements)


def _atom_link(e: Element) -> str | None:
    for link in e.findall(f"{_A}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href", "").strip()
    return None


def _atom_html(e: Element | None) -> str | None:
    if e is None:
        return None
    kind = e.get("type", "text")
    if kind == "xhtml":
        return "".join(tostring(child, encoding="unicode") for child in e) or None
    text = (e.text or "").strip()
    if not text:
        return None
    if kind == "html":
        return text
    return "".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())


def _date(text: str | None) -> dict[str, Any]:
    """The FeedItem fields of a feed date: RFC 822 (RSS), RFC 3339 (Atom), or as printed."""
    if not text:
        return {"published": None, "parsed_date": None, "date_text": None}
    parsed: ParsedDate | None
    try:
        parsed = ParsedDate(parsedate_to_datetime(text), True)
    except (TypeError, ValueError):
        parsed = parse_date(text)
    if parsed is None:
        return {"published": None, "parsed_date": None, "date_text": text}
    return {"published": to_published(parsed).at, "parsed_date": parsed, "date_text": None}


def _text(e: Element, path: str) -> str | None:
    found = e.find(path, _NS)
    if found is None or found.text is None or not found.text.strip():
        return None
    return found.text.strip()


def _all_text(e: Element, path: str) -> list[str]:
    return [f.text.strip() for f in e.findall(path, _NS) if f.text and f.text.strip()]


def _text_of(fragment: str) -> str:
    try:
        return str(lxml.html.fromstring(fragment).text_content()).strip()
    except (ParserError, ValueError):
        return ""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
