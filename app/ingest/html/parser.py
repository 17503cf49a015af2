"""An HTML news page -> ParsedArticle.

trafilatura finds the main text (boilerplate gone, headings and lists kept); the page's
own metadata (JSON-LD, OpenGraph, <meta>) gives title, time, outlet, authors and URL;
the DOM between the headline and the story gives what trafilatura drops: the dateline,
the byline, the summary box and the picture captions. html.story reads them all.
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import urljoin

import lxml.html
from lxml.etree import ParserError

from app.ingest.dates import ParsedDate, parse_date, to_published
from app.ingest.errors import EmptyInput, NotAnArticle
from app.ingest.html.blocks import Block, Kind, walk
from app.ingest.html.meta import PageMeta, read_meta
from app.ingest.html.story import Story, read_story
from app.ingest.lines import is_paragraph_like, match_key, word_count
from app.ingest.model import ParsedArticle, SectionKind
from app.text.language import detect_language

log = logging.getLogger(__name__)

NO_DATE = "no publication date found"
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_TITLE_SUFFIX = re.compile(r"^(?P<title>.+\S)\s+[|\-–—]\s+(?P<site>[^|\-–—]{2,60})$")
_MIN_TITLE_WORDS = 3
_MAX_TITLE_WORDS = 35
_MAX_SITE_WORDS = 4
_KEY_PREFIX = 40  # characters of a paragraph's key that find it again in the DOM


def parse_html(html: str, *, source_url: str | None = None) -> ParsedArticle:
    """Parse a decoded HTML page; raise NotAnArticle when it holds no story."""
    if not html.strip():
        raise EmptyInput("the HTML page is empty")
    page_html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses it in a str
    doc = _dom(page_html)
    meta = read_meta(doc)
    warnings: list[str] = []
    body, guessed_date = _main_text(page_html, source_url)
    meta.guessed_date = guessed_date
    if not any(b.kind is Kind.PARAGRAPH for b in body) and meta.article_body:
        body = [Block(Kind.PARAGRAPH, line) for line in meta.article_body.splitlines()]
        warnings.append("story text taken from the page's JSON-LD articleBody")
    page_body = doc.find("body")
    dom = walk(page_body if page_body is not None else doc)
    title = _title(meta, dom)
    header, figures = _around_story(dom, body, title)
    story = read_story(body, header=header, figures=figures, title=title or "")
    if not _has_prose(story):
        raise NotAnArticle("no article text found in the HTML page")
    article = _article(story, meta, warnings)
    if not title:
        article.title = _first_sentence(story.sections[0].text)
        warnings.append("no headline found; title taken from the first paragraph")
    article.url = _canonical(meta, source_url)
    article.raw = html
    return article


def article_from_fragment(
    fragment: str, *, title: str, published: ParsedDate | None = None
) -> ParsedArticle:
    """The story in an HTML fragment that is all content (a feed item's body); `published`
    is the date its container gives (a feed's pubDate), read in the dateline's zone."""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError) as exc:
        raise NotAnArticle(f"the item's HTML could not be read: {exc}") from exc
    story = read_story(walk(root), header=[], figures=[], title=title)
    if not _has_prose(story):
        raise NotAnArticle("no article text found in the item's HTML")
    article = _article(story, PageMeta(), [], known_date=published)
    if not title.strip():
        article.title = _first_sentence(story.sections[0].text)
        article.warnings.append("the item has no title; title taken from its first paragraph")
    article.raw = fragment
    return article


def _has_prose(story: Story) -> bool:
    """A story has at least one real paragraph; headlines and link lists are not one."""
    return any(
        s.kind is SectionKind.PARAGRAPH and is_paragraph_like(s.text) for s in story.sections
    )


def _dom(html: str) -> Any:
    try:
        return lxml.html.document_fromstring(html)
    except (ParserError, ValueError) as exc:
        raise NotAnArticle(f"not a readable HTML page: {exc}") from exc


def _main_text(html: str, source_url: str | None) -> tuple[list[Block], str | None]:
    """trafilatura's main text as blocks, and the day htmldate guesses the page is from."""
    import trafilatura  # here, not at the top: ~0.4 s of every `khabar` start otherwise

    extracted = trafilatura.bare_extraction(
        html,
        url=source_url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_formatting=True,  # bold survives: subheadings dressed as bold paragraphs
        favor_precision=True,
    )
    body = getattr(extracted, "body", None)
    if body is None:
        log.debug("trafilatura found no main text")
        return [], None
    return walk(body), getattr(extracted, "date", None)


def _title(meta: PageMeta, dom: list[Block]) -> str | None:
    """JSON-LD headline > the page's <h1> > og:title > <title> without its site suffix."""
    h1 = next((b.text for b in dom if b.origin == "h1" and b.kind is Kind.HEADING), None)
    candidates = [meta.headline, h1, meta.og_title, _strip_site(meta.html_title)]
    for text in candidates:
        if text and _MIN_TITLE_WORDS <= word_count(text) <= _MAX_TITLE_WORDS:
            return " ".join(text.split())
    return next((" ".join(t.split()) for t in candidates if t and t.strip()), None)


def _strip_site(title: str | None) -> str | None:
    """ "Headline | Site" -> "Headline"; a long tail is part of the headline, not a site."""
    found = _TITLE_SUFFIX.match(title or "")
    if found and word_count(found.group("site")) <= _MAX_SITE_WORDS:
        return found.group("title")
    return title


def _around_story(
    dom: list[Block], body: list[Block], title: str | None
) -> tuple[list[Block], list[Block]]:
    """The DOM's header blocks (after the headline, before the story) and its pictures."""
    keys = {_key(b.text) for b in body if b.kind is Kind.PARAGRAPH} - {""}
    dom_keys = [_key(b.text) for b in dom]
    found = [i for i, key in enumerate(dom_keys) if key in keys]
    if not found:
        return [], []
    first, last = found[0], found[-1]
    title_key = _key(title or "")
    headlines = [
        i
        for i in range(first)
        if dom[i].kind is Kind.HEADING and (dom[i].origin == "h1" or dom_keys[i] == title_key)
    ]
    # no headline in the DOM: take a short run of blocks before the story
    start = headlines[-1] + 1 if headlines else max(0, first - 12)
    in_body = {_key(b.text) for b in body}
    header = [dom[i] for i in range(start, first) if dom[i].text and dom_keys[i] not in in_body]
    figures = [b for b in dom[start : last + 1] if b.kind is Kind.IMAGE]
    return header, figures


def _key(text: str) -> str:
    """Enough of a block's match key to find the same block in the other tree, cheaply."""
    return match_key(text[: _KEY_PREFIX * 3])[:_KEY_PREFIX]


def _article(
    story: Story, meta: PageMeta, warnings: list[str], known_date: ParsedDate | None = None
) -> ParsedArticle:
    article = ParsedArticle(
        title=story.title,
        sections=story.sections,
        summary=story.summary,
        images=story.images,
        outlet=meta.publisher
        or meta.site_name
        or story.byline.outlet
        or next(iter(story.sources), None),
        byline_place=story.byline.place,
        authors=meta.authors or meta.meta_authors or story.byline.authors,
        raw_format="html",
        warnings=warnings,
    )
    _date(article, meta, story, known_date)
    text = " ".join([story.title, *(s.text for s in story.sections)])
    article.language = detect_language(text)
    if article.language != "ar":
        warnings.append(f"the text does not look Arabic (detected {article.language!r})")
    return article


def _date(article: ParsedArticle, meta: PageMeta, story: Story, known: ParsedDate | None) -> None:
    """JSON-LD > <meta> > <time> > the printed dateline > htmldate's guess of the day;
    a naive time is read in the zone of the dateline's (or the byline's) city."""
    declared = (meta.published, meta.meta_published, meta.time_published)
    parsed = (
        known
        or _first_date(declared, article.warnings)
        or story.dateline
        or _first_date((meta.guessed_date,), article.warnings)
    )
    if parsed is None:
        article.warnings.append(NO_DATE)
        return
    if not parsed.has_time and story.dateline and story.dateline.has_time:
        parsed = story.dateline  # "2023-11-14" in the metadata, "11:22 دمشق" on the page
    city = (story.dateline.city if story.dateline else None) or story.byline.place
    zone = story.dateline.zone if story.dateline else None
    located = ParsedDate(parsed.value, parsed.has_time, parsed.city or city, parsed.zone or zone)
    published = to_published(located)
    article.published_at, article.timezone = published.at, published.timezone
    article.warnings.extend(published.warnings)
    if not parsed.has_time:
        article.warnings.append("the page gives the publication day only; time set to midnight")


def _first_date(texts: tuple[str | None, ...], warnings: list[str]) -> ParsedDate | None:
    for text in texts:
        if not text:
            continue
        parsed = parse_date(text)
        if parsed is not None:
            return parsed
        warnings.append(f"page date {text!r} could not be read")
    return None


def _canonical(meta: PageMeta, source_url: str | None) -> str | None:
    base = source_url or meta.og_url or meta.ld_url
    for candidate in (meta.canonical, meta.og_url, meta.ld_url):
        if not candidate:
            continue
        url = urljoin(base, candidate) if base else candidate
        if url.startswith(("http://", "https://")):
            return url
    return source_url


def _first_sentence(paragraph: str) -> str:
    sentence = re.split(r"(?<=[.!؟?])\s", paragraph, maxsplit=1)[0]
    words = sentence.split()
    return " ".join(words[:20]) + ("…" if len(words) > 20 else "")
