"""JSON input: ArticleDocument objects, arrays of them, NDJSON; errors that name the field."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.ingest import jsondoc
from app.ingest.errors import EmptyInput, InputTooLarge, InvalidDocument
from app.ingest.jsondoc import article_from_object, parse_json, parse_ndjson
from app.ingest.model import Image, Section, SectionKind

FIXTURES = Path(__file__).parent.parent / "fixtures" / "json"
BODY = "قال المتحدث باسم الحكومة إن الاجتماع المقبل سيعقد في العاصمة خلال الأسبوع القادم."


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def doc(**fields: Any) -> dict[str, Any]:
    return {"title": "الحكومة تعلن موعد الاجتماع المقبل", "body": BODY} | fields


# --- a full document -------------------------------------------------------------------


def test_a_full_document_fills_every_field() -> None:
    [article] = parse_json(fixture("snc_article.json"))
    assert article.title == "هيئة التفاوض تدعو إلى آليات تلزم النظام بتنفيذ القرارات الدولية"
    assert article.published_at == datetime(2023, 11, 14, 8, 22, tzinfo=UTC)
    assert article.timezone == "Europe/Istanbul"  # +03:00 is the byline city's offset
    assert article.url == "https://levant.example/news/snc-france"
    assert article.outlet == "تلفزيون المشرق"
    assert article.byline_place == "إسطنبول"
    assert article.authors == ["فريق التحرير"]
    assert article.summary[1] == "الجانب الفرنسي يجدد دعمه للقرار 2254."
    assert article.images == [
        Image(
            title="لقاء هيئة التفاوض والوفد الفرنسي",
            caption="جانب من اللقاء في إسطنبول",
            credit="تويتر",
            url="https://levant.example/img/1.jpg",
        )
    ]
    assert article.raw_format == "json"
    assert article.language == "ar"
    assert json.loads(article.raw)["source"] == "تلفزيون المشرق"


def test_a_body_splits_into_paragraphs_and_a_subheading() -> None:
    [article] = parse_json(fixture("snc_article.json"))
    assert [s.kind for s in article.sections] == [
        SectionKind.PARAGRAPH,
        SectionKind.HEADING,
        SectionKind.PARAGRAPH,
    ]
    assert article.sections[1].text == "موقف فرنسي ثابت"


def test_an_html_body_is_read_as_html() -> None:
    html = f"<p>{BODY}</p><h2>ردود الفعل</h2><p>{BODY}</p>"
    article = article_from_object(doc(body=html))
    assert [s.kind for s in article.sections] == [
        SectionKind.PARAGRAPH,
        SectionKind.HEADING,
        SectionKind.PARAGRAPH,
    ]
    assert article.sections[0].text == BODY
    assert "body holds HTML; read as an HTML fragment" in article.warnings


def test_a_body_of_invisible_characters_is_no_body() -> None:
    with pytest.raises(InvalidDocument, match="body: holds no visible text"):
        article_from_object(doc(body="\u200f\u200e"))


def test_unknown_fields_are_ignored_with_a_warning() -> None:
    [article] = parse_json(fixture("snc_article.json"))
    assert article.warnings == ["ignored unknown field(s): category"]


def test_sections_may_mix_plain_strings_and_kinds() -> None:
    first, _ = parse_json(fixture("batch.json"))
    assert first.sections[1] == Section(SectionKind.HEADING, "اعتراضات المستقلين")
    assert first.sections[0].kind is SectionKind.PARAGRAPH


# --- dates -----------------------------------------------------------------------------


def test_a_time_without_offset_is_read_in_the_byline_citys_zone() -> None:
    first, _ = parse_json(fixture("batch.json"))
    assert first.published_at == datetime(2023, 3, 26, 23, 10, tzinfo=UTC)  # Baghdad, UTC+3
    assert first.timezone == "Asia/Baghdad"


def test_an_arabic_date_is_read_and_the_missing_time_noted() -> None:
    _, second = parse_json(fixture("batch.json"))
    assert second.published_at == datetime(2023, 5, 7, tzinfo=UTC)
    assert "published_at gives the day only; the time is set to midnight" in second.warnings


def test_an_explicit_timezone_field_wins() -> None:
    article = article_from_object(doc(published_at="2024-05-01T09:00:00", timezone="Asia/Beirut"))
    assert article.timezone == "Asia/Beirut"
    assert article.published_at == datetime(2024, 5, 1, 6, 0, tzinfo=UTC)


def test_a_naive_time_with_no_place_is_taken_as_utc_with_a_warning() -> None:
    article = article_from_object(doc(published_at="2024-05-01T09:00:00"))
    assert article.published_at == datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
    assert "published time has no time zone; assumed UTC" in article.warnings


def test_an_unreadable_date_is_dropped_with_a_warning() -> None:
    article = article_from_object(doc(published_at="قريباً"))
    assert article.published_at is None
    assert "published_at 'قريباً' was not understood as a date; left empty" in article.warnings


# --- arrays and NDJSON -----------------------------------------------------------------


def test_an_array_gives_one_article_per_document() -> None:
    titles = [a.title for a in parse_json(fixture("batch.json"))]
    assert titles == [
        "البرلمان العراقي يصوت على قانون الانتخابات المعدل",
        "الجامعة العربية تستأنف عضوية سوريا",
    ]


def test_ndjson_skips_blank_lines() -> None:
    articles = parse_ndjson(fixture("wire.jsonl"))
    assert [a.outlet for a in articles] == ["وكالة الضفتين", "وكالة الضفتين"]
    assert articles[0].published_at == datetime(2023, 1, 9, 20, 0, tzinfo=UTC)


def test_an_error_in_an_array_names_the_document() -> None:
    with pytest.raises(InvalidDocument, match=r"^\[1\]: invalid article document: title"):
        parse_json(json.dumps([doc(), doc(title=" ")]))


def test_an_error_in_ndjson_names_the_line() -> None:
    text = json.dumps(doc()) + "\n\n" + json.dumps({"body": BODY})
    with pytest.raises(InvalidDocument, match=r"^line 3: .*title: required field is missing"):
        parse_ndjson(text)


def test_broken_ndjson_names_the_line() -> None:
    with pytest.raises(InvalidDocument, match=r"^line 2: not valid JSON"):
        parse_ndjson(json.dumps(doc()) + '\n{"title": ')


@pytest.mark.parametrize("text", ["[]", "\n \n"])
def test_no_documents_is_empty_input(text: str) -> None:
    parse = parse_json if text.startswith("[") else parse_ndjson
    with pytest.raises(EmptyInput):
        parse(text)


def test_too_many_documents_is_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsondoc, "MAX_DOCUMENTS", 2)
    with pytest.raises(InputTooLarge, match="3 documents in one request; the limit is 2"):
        parse_json(json.dumps([doc()] * 3))


# --- validation errors -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": None}, "title: Input should be a valid string"),
        ({"title": "   "}, "title: String should have at least 1 character"),
        ({"body": None}, "one of 'body' or 'sections' is required"),
        ({"body": "  ", "sections": []}, "one of 'body' or 'sections' is required"),
        ({"url": "not a url"}, "url: Input should be a valid URL"),
        ({"sections": [{"kind": "quote", "text": "نص"}]}, "sections.0.kind: Input should be"),
        ({"sections": ["نص", " "]}, 'sections.1: must be a non-blank string or an object {"kind"'),
        ({"published_at": [2023]}, "published_at: must be an ISO 8601 date-time or a date"),
        ({"sections": [{"text": "نص", "style": "x"}]}, "sections.0.style: Extra inputs"),
        ({"summary": "نقطة واحدة"}, "summary: Input should be a valid list"),
        ({"timezone": "Mars/Olympus"}, "timezone: unknown IANA time zone 'Mars/Olympus'"),
        ({"images": [{"url": "ftp://x"}]}, "images.0.url: URL scheme should be 'http' or 'https'"),
    ],
)
def test_an_invalid_field_is_named(fields: dict[str, Any], message: str) -> None:
    document = doc(**fields)
    if fields.get("title", "") is None:
        del document["title"]
        message = "title: required field is missing"
    with pytest.raises(InvalidDocument, match="invalid article document") as caught:
        article_from_object(document)
    assert message in caught.value.detail
    assert caught.value.status == 422


@pytest.mark.parametrize(("value", "kind"), [([1], "an array"), ("x", "a string"), (3, "a number")])
def test_a_document_must_be_an_object(value: object, kind: str) -> None:
    with pytest.raises(InvalidDocument, match=f"expected a JSON object, got {kind}"):
        article_from_object(value)


def test_broken_json_says_where() -> None:
    with pytest.raises(InvalidDocument, match=r"not valid JSON: .* at line 1, column"):
        parse_json('{"title": "عنوان", }')


def test_an_english_document_is_flagged() -> None:
    article = article_from_object(
        {"title": "Talks resume", "body": "Negotiators met again in Geneva on Monday."}
    )
    assert article.language == "en"
    assert "the text does not look Arabic (detected 'en')" in article.warnings
