"""JSON input: one ArticleDocument, a list of them, or NDJSON (one per line)."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from app.ingest.dates import ParsedDate, parse_date, to_published
from app.ingest.errors import EmptyInput, InputTooLarge, InvalidDocument
from app.ingest.html import article_from_fragment
from app.ingest.jsonload import load_json
from app.ingest.lines import clean_line, is_heading_shaped, is_paragraph_like
from app.ingest.model import Image, ParsedArticle, Section, SectionKind
from app.text.language import detect_language

MAX_DOCUMENTS = 1000  # per request; a bigger archive goes through the batch CLI

# Messages for fields that accept several shapes: pydantic reports one error per shape.
# (field, None for each index below it) -> message
_UNION_HINTS: dict[tuple[object, ...], str] = {
    ("sections", None): 'must be a non-blank string or an object {"kind", "text"}',
    ("published_at",): "must be an ISO 8601 date-time or a date as the article prints it",
}

# Clients often paste a CMS's HTML into "body"
_HTML_BODY = re.compile(r"<(?:p|div|br|h[1-6]|ul|ol|li)\b[^>]*>", re.IGNORECASE)

NonBlank = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class SectionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: SectionKind = SectionKind.PARAGRAPH
    text: NonBlank


class ImageIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str | None = None
    caption: str | None = None
    credit: str | None = None
    url: HttpUrl | None = None


class ArticleDocument(BaseModel):
    """An article as a client sends it. Either `body` (plain text, paragraphs separated by
    line breaks) or `sections` (ordered paragraphs and headings) carries the story."""

    model_config = ConfigDict(
        extra="ignore",
        str_strip_whitespace=True,
        json_schema_extra={
            "example": {
                "title": "هيئة التفاوض تدعو إلى تطبيق القرار 2254",
                "published_at": "2023-11-14T11:22:00+03:00",
                "source": "تلفزيون سوريا",
                "url": "https://example.com/news/1",
                "summary": ["الهيئة تلتقي المبعوثة الفرنسية في إسطنبول."],
                "body": "شددت هيئة التفاوض السورية على ضرورة دعم سياسي أكبر.",
            }
        },
    )

    title: NonBlank
    body: str | None = None
    sections: list[NonBlank | SectionIn] | None = None
    published_at: datetime | str | None = None
    timezone: str | None = Field(default=None, description="IANA zone of the dateline's clock")
    url: HttpUrl | None = None
    source: str | None = None
    summary: list[NonBlank] = Field(default_factory=list)
    byline_place: str | None = None
    authors: list[NonBlank] = Field(default_factory=list)
    images: list[ImageIn] = Field(default_factory=list)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, zone: str | None) -> str | None:
        if zone is None:
            return None
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown IANA time zone {zone!r}") from exc
        return zone

    @model_validator(mode="after")
    def _has_story(self) -> ArticleDocument:
        if not (self.body and self.body.strip()) and not self.sections:
            raise ValueError("one of 'body' or 'sections' is required and must not be empty")
        return self


def parse_json(text: str) -> list[ParsedArticle]:
    """A JSON object (one article) or a JSON array of objects."""
    value = load_json(text)
    if isinstance(value, list):
        if not value:
            raise EmptyInput("the JSON array holds no documents")
        _check_count(len(value))
        return [article_from_object(item, where=f"[{i}]") for i, item in enumerate(value)]
    return [article_from_object(value)]


def parse_ndjson(text: str) -> list[ParsedArticle]:
    """Newline-delimited JSON: one article object per non-blank line."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    if not lines:
        raise EmptyInput("the NDJSON input holds no documents")
    _check_count(len(lines))
    articles = []
    for number, line in lines:
        try:
            value = load_json(line)
        except InvalidDocument as exc:
            raise InvalidDocument(f"line {number}: {exc.detail}") from exc
        articles.append(article_from_object(value, where=f"line {number}"))
    return articles


def article_from_object(value: object, *, where: str = "") -> ParsedArticle:
    prefix = f"{where}: " if where else ""
    if not isinstance(value, dict):
        raise InvalidDocument(f"{prefix}expected a JSON object, got {_json_type(value)}")
    try:
        document = ArticleDocument.model_validate(value)
    except ValidationError as exc:
        raise InvalidDocument(prefix + describe_errors(exc)) from exc
    article = to_article(document)
    article.raw = json.dumps(value, ensure_ascii=False)
    ignored = sorted(set(value) - set(ArticleDocument.model_fields))
    if ignored:
        article.warnings.append(f"ignored unknown field(s): {', '.join(map(str, ignored))}")
    return article


def to_article(document: ArticleDocument) -> ParsedArticle:
    warnings: list[str] = []
    published_at, zone = _published(document, document.timezone, warnings)
    sections = _sections(document, warnings)
    article = ParsedArticle(
        title=document.title,
        sections=sections,
        summary=list(document.summary),
        images=[
            Image(
                title=i.title or None,
                caption=i.caption or None,
                credit=i.credit or None,
                url=str(i.url) if i.url else None,
            )
            for i in document.images
        ],
        published_at=published_at,
        timezone=zone,
        outlet=document.source or None,
        byline_place=document.byline_place or None,
        authors=list(document.authors),
        url=str(document.url) if document.url else None,
        raw_format="json",
        warnings=warnings,
    )
    text = " ".join([article.title, *(s.text for s in sections)])
    article.language = detect_language(text)
    if article.language != "ar":
        warnings.append(f"the text does not look Arabic (detected {article.language!r})")
    return article


def describe_errors(exc: ValidationError) -> str:
    """One clause per invalid field: 'title: required field is missing; url: ...'."""
    errors = []
    for error in exc.errors(include_url=False):
        loc = tuple(p for p in error["loc"] if not _is_union_member(p))
        message = str(error["msg"]).removeprefix("Value error, ")
        if error["type"] == "missing":
            message = "required field is missing"
        errors.append((loc, message))
    clauses = []
    for loc, message in errors:
        if any(len(other) > len(loc) and other[: len(loc)] == loc for other, _ in errors):
            continue  # a union member's complaint, superseded by the member that fit better
        hint = _UNION_HINTS.get(loc[:1] + (None,) * (len(loc) - 1)) if loc else None
        field = ".".join(str(p) for p in loc) or "document"
        clauses.append(f"{field}: {hint or message}")
    return "invalid article document: " + "; ".join(dict.fromkeys(clauses))


def _is_union_member(part: object) -> bool:
    """Pydantic names the union member tried ("str", "function-after[...]") in error paths."""
    return isinstance(part, str) and (
        part in {"str", "constrained-str", "datetime", "SectionIn"} or part.startswith("function-")
    )


def _sections(document: ArticleDocument, warnings: list[str]) -> list[Section]:
    if document.sections:
        return [
            Section(SectionKind.PARAGRAPH, item)
            if isinstance(item, str)
            else Section(item.kind, item.text)
            for item in document.sections
        ]
    body = document.body or ""
    if _HTML_BODY.search(body):
        warnings.append("body holds HTML; read as an HTML fragment")
        return article_from_fragment(body, title=document.title).sections
    sections = body_sections(body)
    if not sections:
        raise InvalidDocument("invalid article document: body: holds no visible text")
    return sections


def body_sections(body: str) -> list[Section]:
    """Plain text, one paragraph per line; a short unfinished line over a paragraph heads it
    (the rule the scraped-text parser applies)."""
    lines = [line for line in (clean_line(raw) for raw in body.splitlines()) if line]
    sections = []
    for i, line in enumerate(lines):
        follows = i + 1 < len(lines) and is_paragraph_like(lines[i + 1])
        kind = SectionKind.HEADING if follows and is_heading_shaped(line) else SectionKind.PARAGRAPH
        sections.append(Section(kind, line))
    return sections


def _published(
    document: ArticleDocument, zone: str | None, warnings: list[str]
) -> tuple[datetime | None, str | None]:
    """An aware publication time and the zone it was read in (see dates.to_published)."""
    value = document.published_at
    if value is None:
        return None, zone
    if isinstance(value, str):
        parsed = parse_date(value)
        if parsed is None:
            warnings.append(f"published_at {value!r} was not understood as a date; left empty")
            return None, zone
        parsed = replace(
            parsed, city=parsed.city or document.byline_place, zone=parsed.zone or zone
        )
    else:
        parsed = ParsedDate(value, True, document.byline_place, zone)
    published = to_published(parsed)
    warnings.extend(published.warnings)
    if not parsed.has_time:
        warnings.append("published_at gives the day only; the time is set to midnight")
    return published.at, zone or published.timezone


def _check_count(count: int) -> None:
    if count > MAX_DOCUMENTS:
        raise InputTooLarge(f"{count} documents in one request; the limit is {MAX_DOCUMENTS}")


def _json_type(value: Any) -> str:
    names = {str: "a string", int: "a number", float: "a number", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, list):
        return "an array"
    return names.get(type(value), type(value).__name__)
