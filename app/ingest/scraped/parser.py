"""Scraped page text of an Arabic news outlet -> ParsedArticle.

A scraped page reads: site chrome, the title, a header (dates, byline, image caption and
credit, summary points, share and font buttons), the story (paragraphs and subheadings,
with "اقرأ أيضاً" blocks and inline chrome), then a footer (tags, related links,
copyright) and lines that close the page after the story (a note on the writer,
"التفاصيل بعد قليل", contacts: see scraped.tail). Chrome is dropped only when a rule
recognizes it: a line the rules are unsure about stays in the story as a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.ingest.dates import ParsedDate, find_dateline, to_published
from app.ingest.errors import EmptyInput, NotAnArticle
from app.ingest.lines import (
    Block,
    Byline,
    MediaLine,
    block_marker,
    caption_with_credit,
    clean_line,
    copyright_holder,
    ends_sentence,
    explicit_media,
    is_bullet,
    is_chrome,
    is_heading_shaped,
    is_outlet_name,
    is_paragraph_like,
    outlet_dateline,
    read_byline,
    source_credit,
    split_dateline,
    strip_any_bullet,
    strip_glyph_bullet,
    word_count,
)
from app.ingest.model import Image, ParsedArticle, Section, SectionKind
from app.ingest.scraped.blocks import block_end, story_follows
from app.ingest.scraped.tail import drop_tail, is_author_note
from app.ingest.scraped.title import pick_title
from app.text.language import detect_language

NO_DATE = "no publication date found"
_DATE_LABEL = re.compile(
    r"^(?:(?:نُ?شر|تحديث|published|updated)(?:\s+(?:في|بتاريخ|on))?\s*[:：]|تاريخ النشر|آخر تحديث)",
    re.IGNORECASE,
)
# "منذ 3 ساعات": relative to a scrape time nobody recorded, so unreadable
_RELATIVE_DATE = re.compile(
    r"^(?:نُ?شر\s+)?(?:منذ|قبل)\s+(?:[\d٠-٩]+\s+)?(?:ثانية|ثوان|ثواني|دقيقة|دقيقتين|دقائق|ساعة"
    r"|ساعتين|ساعات|يوم|يومين|أيام|ايام|أسبوع|اسبوع|أسبوعين|أسابيع|شهر|شهرين|أشهر)$"
)
_MAX_LABEL_WORDS = 2  # header lines this short are labels ("عاجل", "سياسة"), not text
_MAX_IMAGE_TITLE_WORDS = 12
_HEADER_WINDOW = 16  # non-blank lines after the title that may still be header
_OPENING_PARAGRAPHS = 2  # where a "دمشق - رويترز:" dateline may open the story


@dataclass(slots=True)
class _Draft:
    lines: list[str]
    title: str = ""
    sections: list[Section] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    date: ParsedDate | None = None
    unreadable_date: str | None = None
    byline: Byline = field(default_factory=Byline)
    credited: list[str] = field(default_factory=list)  # "المصدر: ..." lines
    mastheads: list[str] = field(default_factory=list)  # known outlet names above the title
    footers: list[str] = field(default_factory=list)  # copyright holders
    note_authors: list[str] = field(default_factory=list)  # named by a note on the writer
    last_text_at: int = -1  # line index of the newest section, for late image credits
    last_image_at: int = -1
    warnings: list[str] = field(default_factory=list)

    def only_blanks_between(self, start: int, end: int) -> bool:
        return start >= 0 and not any(self.lines[start + 1 : end])


def parse_scraped_text(text: str) -> ParsedArticle:
    """Parse the text of a news page, chrome included; raise IngestError if there is none."""
    if not text.strip():
        raise EmptyInput("the text is empty")
    d = _Draft([clean_line(line) for line in text.splitlines()])
    title = pick_title(d.lines)
    d.title = title.text
    d.warnings.extend(filter(None, [title.warning]))
    _read_body(d, _read_header(d, title.next_index))
    _read_masthead(d, title.next_index)
    d.mastheads.extend(filter(None, [title.site]))
    # A date above the title may be the site's "today" bar: it only stands in.
    d.date = d.date or title.early_date
    if not any(s.kind is SectionKind.PARAGRAPH for s in d.sections):
        raise NotAnArticle("no article text found: only page chrome, or a title alone")
    return _finish(d, text)


def _read_masthead(d: _Draft, end: int) -> None:
    """Above the title: outlet names, and a byline that fills what the story left unknown."""
    for line in d.lines[:end]:
        if is_outlet_name(line):
            d.mastheads.append(line)
        elif byline := read_byline(line):
            d.byline.merge(byline)


def _take_date(d: _Draft, i: int, *, max_stray_words: int) -> bool:
    line = d.lines[i]
    # "عنب بلدي - 3 تشرين الأول 2024": the outlet's name is no stray word of the date
    stamped = outlet_dateline(line)
    if stamped:
        d.mastheads.append(stamped[0])
    parsed = stamped[1] if stamped else find_dateline(line, max_stray_words=max_stray_words)
    if parsed is None:
        labelled = _DATE_LABEL.match(line) and any(c.isdigit() for c in line)
        if (labelled and word_count(line) <= 12) or _RELATIVE_DATE.match(line):
            d.unreadable_date = d.unreadable_date or line
            return True
        return False
    # A later line may add the time to the date an earlier one gave ("[14/نوفمبر/2023]").
    current = d.date
    if current is None or (parsed.has_time and not current.has_time and _same_day(parsed, current)):
        d.date = parsed
    return True


def _same_day(a: ParsedDate, b: ParsedDate) -> bool:
    return (a.value.year, a.value.month, a.value.day) == (b.value.year, b.value.month, b.value.day)


def _take_meta(d: _Draft, i: int, *, header: bool) -> int | None:
    """Consume a line that is not story text; return the next index, or None."""
    line = d.lines[i]
    if not line or line == d.title or _take_date(d, i, max_stray_words=2 if header else 0):
        return i + 1
    marker = block_marker(line)
    if marker and marker[0] is Block.COMMENTS and not _story_started(d):
        return i + 1  # a comment heading above the story closes nothing yet
    if marker:
        end, owned = block_end(d.lines, i, *marker)
        if marker[0] is Block.SUMMARY:
            d.summary.extend(owned)
        d.footers.extend(filter(None, map(copyright_holder, owned)))
        return end
    credit = source_credit(line)
    if credit:
        d.credited.append(credit)
        return i + 1
    # Bylines before chrome: "تلفزيون سوريا | إسطنبول" has the shape of a section path.
    byline = read_byline(line, strict=not header)
    if byline:
        d.byline.merge(byline)
        return i + 1
    if is_outlet_name(line):
        d.mastheads.append(line)
        return i + 1
    if is_chrome(line):
        d.footers.extend(filter(None, [copyright_holder(line)]))
        return i + 1
    media = explicit_media(line)
    if media:
        _add_image(d, i, media)
        return i + 1
    return None


def _add_image(d: _Draft, i: int, media: MediaLine, title: str | None = None) -> None:
    last = d.images[-1] if d.images else None
    fills_last = last is not None and (
        (media.credit and not last.credit) or (media.caption and not last.caption)
    )
    if last and fills_last and d.only_blanks_between(d.last_image_at, i):
        # "مصدر الصورة، ..." then "التعليق على الصورة، ...": one image, two lines
        d.images[-1] = Image(last.title, last.caption or media.caption, last.credit or media.credit)
        d.last_image_at = i
        return
    caption = media.caption
    if caption is None and media.credit and _unfinished_line_above(d, i):
        caption = d.sections.pop().text  # "© UNICEF/..." under its caption
    d.images.append(Image(title=title, caption=caption, credit=media.credit))
    d.last_image_at = i


def _unfinished_line_above(d: _Draft, i: int, max_words: int = 40) -> bool:
    """Whether the line right above i became a paragraph that finishes no sentence."""
    previous = d.sections[-1] if d.sections else None
    return (
        previous is not None
        and previous.kind is SectionKind.PARAGRAPH
        and d.only_blanks_between(d.last_text_at, i)
        and word_count(previous.text) <= max_words
        and not ends_sentence(previous.text)
    )


def _read_header(d: _Draft, start: int) -> int:
    """Read the header and return where the story starts.

    The header ends after the last header-only line (dateline, byline, caption, summary,
    chrome) before two story paragraphs in a row. A dry run on a scratch draft finds that
    line; the real run then reads up to it. Unsure header lines (a deck, an image title)
    are kept as paragraphs at once, so a caption or credit below can still claim them.
    """
    end = _walk_header(_Draft(d.lines, title=d.title), start, stop=None)
    _walk_header(d, start, stop=end)
    return end


def _walk_header(d: _Draft, i: int, stop: int | None) -> int:
    header_end, paragraphs_in_a_row, seen = i, 0, 0
    while i < (len(d.lines) if stop is None else stop):
        if stop is None and (paragraphs_in_a_row == 2 or seen == _HEADER_WINDOW):
            break
        line = d.lines[i]
        if not line:
            i += 1
            continue
        seen += 1
        after_meta = _take_meta(d, i, header=True)
        media = caption_with_credit(line) if after_meta is None else None
        if after_meta is None and is_bullet(line) and not _story_started(d):
            d.summary.append(strip_any_bullet(line))
            after_meta = i + 1
        elif media:
            _add_image(d, i, media, title=_pop_image_title(d, i))
            after_meta = i + 1
        if after_meta is not None:
            header_end, paragraphs_in_a_row, i = after_meta, 0, after_meta
            continue
        paragraphs_in_a_row += is_paragraph_like(line)
        if word_count(line) > _MAX_LABEL_WORDS:
            _add_section(d, i, SectionKind.PARAGRAPH, line)
        i += 1
    return header_end if stop is None else i


def _story_started(d: _Draft) -> bool:
    """Bullets above the first story paragraph are summary points; below it, story text."""
    return any(is_paragraph_like(section.text) for section in d.sections)


def _pop_image_title(d: _Draft, i: int) -> str | None:
    """The short line right above a header caption titles its image."""
    if not _unfinished_line_above(d, i, max_words=_MAX_IMAGE_TITLE_WORDS):
        return None
    return d.sections.pop().text


def _read_body(d: _Draft, i: int) -> None:
    while i < len(d.lines):
        after_meta = _take_meta(d, i, header=False)
        if after_meta is not None:
            i = after_meta
            continue
        line = d.lines[i]
        if is_bullet(line) and not is_author_note(line):
            _add_section(d, i, SectionKind.PARAGRAPH, strip_glyph_bullet(line))
        elif is_heading_shaped(line) and story_follows(d.lines, i):
            _add_section(d, i, SectionKind.HEADING, line)
        else:
            _add_section(d, i, SectionKind.PARAGRAPH, line)
        i += 1
    _split_opening_dateline(d)
    d.note_authors.extend(drop_tail(d.sections))


def _add_section(d: _Draft, i: int, kind: SectionKind, text: str) -> None:
    d.sections.append(Section(kind, text))
    d.last_text_at = i


def _split_opening_dateline(d: _Draft) -> None:
    """ "دمشق - رويترز: قال ..." -> place and agency to the byline, the rest stays text."""
    opening = [i for i, s in enumerate(d.sections) if s.kind is SectionKind.PARAGRAPH]
    for index in opening[:_OPENING_PARAGRAPHS]:
        found = split_dateline(d.sections[index].text)
        if found:
            byline, rest = found
            d.byline.merge(byline)
            d.sections[index] = Section(SectionKind.PARAGRAPH, rest)
            return


def _outlet(d: _Draft) -> str | None:
    """Byline first, then "المصدر:" lines, a masthead above the title, the copyright."""
    hints = [d.byline.outlet, *d.credited, *d.mastheads, *d.footers]
    return next((hint for hint in hints if hint), None)


def _finish(d: _Draft, raw: str) -> ParsedArticle:
    article = ParsedArticle(
        title=d.title,
        sections=d.sections,
        summary=[point for point in d.summary if point],
        images=d.images,
        outlet=_outlet(d),
        byline_place=d.byline.place,
        # A note on the writer names the author only when no byline did
        authors=d.byline.authors or d.note_authors,
        raw=raw,
        raw_format="text",
        warnings=d.warnings,
    )
    body = " ".join(section.text for section in d.sections)
    article.language = detect_language(f"{d.title} {body}")
    if d.date is not None:
        published = to_published(d.date)
        article.published_at, article.timezone = published.at, published.timezone
        article.warnings.extend(published.warnings)
    elif d.unreadable_date:
        article.warnings.append(f"published date could not be read: {d.unreadable_date!r}")
    else:
        article.warnings.append(NO_DATE)
    return article
