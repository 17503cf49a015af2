"""Blocks of an HTML page -> the story: sections, summary points, images, byline, dateline.

HTML says what a heading and a list are, so structure comes from the tags; what a line
*means* (a "ملخص" marker, chrome, a byline, a dateline, a caption credit) is decided by the
same rules the scraped-text parser uses (app.ingest.lines), so both formats agree.

Two runs of blocks come in: the page header (the DOM between the headline and the story,
which trafilatura drops) is read for metadata only and never yields story text; the main
text (trafilatura's, or a feed item's HTML) yields the sections.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.ingest.dates import ParsedDate, find_dateline
from app.ingest.html.blocks import Block, Kind
from app.ingest.lines import Block as Marker
from app.ingest.lines import (
    Byline,
    block_marker,
    caption_with_credit,
    clean_line,
    copyright_holder,
    ends_sentence,
    explicit_media,
    is_bullet,
    is_chrome,
    is_heading_shaped,
    is_paragraph_like,
    match_key,
    read_byline,
    source_credit,
    split_dateline,
    strip_any_bullet,
    strip_glyph_bullet,
    word_count,
)
from app.ingest.model import Image, Section, SectionKind

_MAX_TRAILING_JUNK_WORDS = 3


@dataclass(slots=True)
class Story:
    title: str = ""
    sections: list[Section] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    byline: Byline = field(default_factory=Byline)
    dateline: ParsedDate | None = None
    sources: list[str] = field(default_factory=list)  # "المصدر:" credits, then copyright


def read_story(
    body: list[Block], *, header: list[Block], figures: list[Block], title: str
) -> Story:
    """`figures`: the page's pictures around the story (trafilatura drops their captions)."""
    story = Story(title=title)
    _read_header(story, _cleaned(header))
    _read_body(story, _cleaned(body))
    pictures = [b.image for b in figures + body if b.image]
    story.images = [_image(p) for p in pictures if _useful(p, title)]
    return story


def _cleaned(blocks: list[Block]) -> list[Block]:
    out = []
    for block in blocks:
        text = clean_line(block.text) if block.text else ""
        if text or block.kind is Kind.IMAGE:
            out.append(Block(block.kind, text, block.emphasis, block.image, block.origin))
    return out


def _read_header(story: Story, blocks: list[Block]) -> None:
    """Metadata lines between the headline and the story; everything else is dropped."""
    i = 0
    while i < len(blocks):
        block = blocks[i]
        marker = block_marker(block.text) if block.text else None
        if marker and marker[0] is Marker.SUMMARY and marker[1]:
            i = _take_summary(story, blocks, i + 1)
            continue
        if block.text and not _take_meta(story, block.text, header=True) and is_bullet(block.text):
            story.summary.append(strip_any_bullet(block.text))
        i += 1


def _read_body(story: Story, blocks: list[Block]) -> None:
    i = 0
    title_key = match_key(story.title)
    while i < len(blocks):
        block, text = blocks[i], blocks[i].text
        i += 1
        if block.kind is Kind.IMAGE or not text:
            continue
        if not story.sections and match_key(text) == title_key:
            continue  # the headline repeated at the top of the main text
        marker = block_marker(text)
        if marker:
            kind, alone = marker
            if kind is Marker.COMMENTS and not story.sections:
                continue  # a comment heading above the story closes nothing yet
            if alone:
                i = (
                    _take_summary(story, blocks, i)
                    if kind is Marker.SUMMARY
                    else _skip(blocks, i, kind)
                )
            continue
        if _take_meta(story, text, header=False):
            continue
        if not story.sections and is_bullet(text) and not is_paragraph_like(text):
            story.summary.append(strip_any_bullet(text))  # points printed before the story
            continue
        heading = block.kind is Kind.HEADING or (block.emphasis and block.kind is Kind.PARAGRAPH)
        if heading and is_heading_shaped(text) and _text_follows(blocks, i):
            story.sections.append(Section(SectionKind.HEADING, text))
        elif not heading or is_paragraph_like(text):
            story.sections.append(Section(SectionKind.PARAGRAPH, strip_glyph_bullet(text)))
    _split_opening_dateline(story)
    while story.sections and _is_trailing_junk(story.sections[-1]):
        story.sections.pop()


def _take_meta(story: Story, line: str, *, header: bool) -> bool:
    """Consume a line that is not story text (date, credit, chrome, byline)."""
    parsed = find_dateline(line, max_stray_words=2 if header else 0)
    if parsed is not None:
        story.dateline = story.dateline or parsed
        return True
    credit = source_credit(line)
    if credit:
        story.sources.insert(0, credit)
        return True
    if is_chrome(line):
        holder = copyright_holder(line)
        if holder:
            story.sources.append(holder)
        return True
    if explicit_media(line):
        return True  # "مصدر الصورة، ..." left over from a figure
    byline = read_byline(line, strict=not header)
    if byline:
        story.byline.merge(byline)
        return True
    return False


def _take_summary(story: Story, blocks: list[Block], i: int) -> int:
    """The points after a "ملخص" marker: list items, or bulleted lines."""
    while i < len(blocks) and blocks[i].kind is Kind.IMAGE:
        i += 1
    while i < len(blocks) and (blocks[i].kind is Kind.ITEM or is_bullet(blocks[i].text)):
        story.summary.append(strip_any_bullet(blocks[i].text))
        i += 1
    return i


def _skip(blocks: list[Block], i: int, kind: Marker) -> int:
    """Past the related links or tags a marker owns; a comment section ends the story."""
    if kind is Marker.COMMENTS:
        return len(blocks)
    while i < len(blocks):
        block = blocks[i]
        if block.kind is Kind.HEADING or (block.text and block_marker(block.text)):
            break
        owned = block.kind in {Kind.ITEM, Kind.IMAGE} or (
            not is_paragraph_like(block.text)
            if kind is Marker.LINKS
            else word_count(block.text) <= 3
        )
        if not owned:
            break
        i += 1
    return i


def _text_follows(blocks: list[Block], i: int) -> bool:
    """Whether story text comes next, so the line at i-1 heads it."""
    for block in blocks[i:]:
        if block.kind is Kind.IMAGE or is_chrome(block.text):
            continue
        return block.kind is not Kind.HEADING and not block_marker(block.text)
    return False


def _split_opening_dateline(story: Story) -> None:
    """ "دمشق - رويترز: قال ..." opening the story: place and agency go to the byline."""
    if not story.sections or story.sections[0].kind is not SectionKind.PARAGRAPH:
        return
    found = split_dateline(story.sections[0].text)
    if found:
        byline, rest = found
        story.byline.merge(byline)
        story.sections[0] = Section(SectionKind.PARAGRAPH, rest)


def _is_trailing_junk(section: Section) -> bool:
    return section.kind is SectionKind.HEADING or (
        word_count(section.text) <= _MAX_TRAILING_JUNK_WORDS and not ends_sentence(section.text)
    )


def _image(image: Image) -> Image:
    """Split "caption - credit" and labelled credits out of a figure caption."""
    caption = clean_line(image.caption) if image.caption else None
    credit = image.credit
    if caption:
        media = explicit_media(caption) or caption_with_credit(caption)
        if media:
            caption, credit = media.caption, media.credit or credit
    title = clean_line(image.title) if image.title else None
    return Image(title=title or None, caption=caption or None, credit=credit, url=image.url)


def _useful(image: Image, title: str) -> bool:
    """A picture adds text to the article only with a caption or a descriptive alt text."""
    if image.caption:
        return True
    alt = image.title or ""
    return word_count(alt) >= 2 and match_key(alt) != match_key(title)
