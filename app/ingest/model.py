"""What every input format parses into: one ParsedArticle, whatever the source."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class SectionKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"


class Part(StrEnum):
    """Where in an article a piece of text sits; mentions and citations point at one."""

    TITLE = "title"
    SUMMARY = "summary"
    SECTION = "section"
    IMAGE_TITLE = "image_title"
    CAPTION = "caption"


@dataclass(frozen=True, slots=True)
class Section:
    kind: SectionKind
    text: str


@dataclass(frozen=True, slots=True)
class Image:
    title: str | None = None
    caption: str | None = None
    credit: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class TextBlock:
    """One addressable run of display text: (part, index) names it, offsets index into text."""

    part: Part
    index: int
    text: str


@dataclass(slots=True)
class ParsedArticle:
    title: str
    sections: list[Section]
    summary: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    published_at: datetime | None = None  # timezone-aware when known
    timezone: str | None = None  # IANA name of the dateline's clock, e.g. Asia/Damascus
    outlet: str | None = None
    byline_place: str | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None  # canonical URL when the input gives one
    language: str = "ar"
    raw: str = ""  # the original input, kept so the archive can be re-extracted
    raw_format: str = "text"  # text | html | json | feed
    warnings: list[str] = field(default_factory=list)

    def blocks(self) -> Iterator[TextBlock]:
        """The story's own text, in reading order. Datelines and bylines are not story text."""
        yield TextBlock(Part.TITLE, 0, self.title)
        for i, point in enumerate(self.summary):
            yield TextBlock(Part.SUMMARY, i, point)
        for i, image in enumerate(self.images):
            if image.title:
                yield TextBlock(Part.IMAGE_TITLE, i, image.title)
            if image.caption:
                yield TextBlock(Part.CAPTION, i, image.caption)
        for i, section in enumerate(self.sections):
            yield TextBlock(Part.SECTION, i, section.text)
