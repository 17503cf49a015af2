"""parse_html: a news page's story, structure and metadata, without the page around it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.ingest.decode import decode_bytes
from app.ingest.errors import EmptyInput, NotAnArticle
from app.ingest.html import article_from_fragment, parse_html
from app.ingest.html.parser import NO_DATE
from app.ingest.model import Image, ParsedArticle, SectionKind

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "html"
LEVANT_URL = "https://mashreq.example/news/2023/11/coalition-2254"


def page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def all_text(article: ParsedArticle) -> str:
    return "\n".join(block.text for block in article.blocks())


@pytest.fixture(scope="module")
def levant() -> ParsedArticle:
    return parse_html(page("levant_report.html"), source_url=LEVANT_URL + "?utm_source=x")


# --- a full page: JSON-LD, OpenGraph, summary box, figure, chrome -------------------------


def test_the_headline_comes_from_json_ld(levant: ParsedArticle) -> None:
    assert levant.title == "الائتلاف الوطني يطالب بتفعيل القرار 2254 ويحذر من تجميد الحل السياسي"


def test_the_summary_box_becomes_summary_points_once(levant: ParsedArticle) -> None:
    assert levant.summary == [
        "الائتلاف الوطني يدعو المجتمع الدولي إلى خطوات عملية لتطبيق القرار 2254.",
        "رئيس الائتلاف يحذر من أن تجميد العملية السياسية يطيل معاناة السوريين.",
        "الهيئة السياسية تبحث مع وفد أوروبي ملف اللاجئين والعودة الآمنة.",
    ]


def test_sections_keep_paragraphs_and_subheadings_in_order(levant: ParsedArticle) -> None:
    kinds = [s.kind for s in levant.sections]
    assert (
        kinds == [SectionKind.PARAGRAPH] * 3 + [SectionKind.HEADING] + [SectionKind.PARAGRAPH] * 2
    )
    assert levant.sections[0].text.startswith("طالب الائتلاف الوطني السوري المجتمع الدولي")
    assert levant.sections[3].text == "ملف اللاجئين على الطاولة"


def test_page_chrome_is_not_story_text(levant: ParsedArticle) -> None:
    text = all_text(levant)
    for chrome in (
        "اقرأ أيضاً",
        "هيئة التفاوض تلتقي المبعوث الأممي",  # a related headline
        "الأكثر قراءة",
        "الوسوم",
        "فيسبوك",
        "حجم الخط",
        "جميع الحقوق محفوظة",
        "الرئيسية",
        "ملخص",
        "2023.11.20",
    ):
        assert chrome not in text


def test_a_figure_gives_the_image_title_caption_and_credit(levant: ParsedArticle) -> None:
    assert levant.images == [
        Image(
            title="اجتماع الهيئة السياسية للائتلاف",
            caption="جانب من اجتماع الهيئة السياسية للائتلاف الوطني في مدينة أعزاز",
            credit="المكتب الإعلامي",
            url="https://mashreq.example/img/coalition-meeting.jpg",
        )
    ]


def test_the_json_ld_time_is_read_in_the_datelines_zone(levant: ParsedArticle) -> None:
    assert levant.published_at == datetime(2023, 11, 20, 9, 5, tzinfo=UTC)
    assert levant.published_at is not None and levant.published_at.hour == 12
    assert levant.timezone == "Asia/Damascus"


def test_outlet_authors_place_and_canonical_url(levant: ParsedArticle) -> None:
    assert levant.outlet == "شبكة المشرق الإخبارية"  # JSON-LD publisher over og:site_name
    assert levant.authors == ["سامر الحلبي", "ليلى منصور"]
    assert levant.byline_place == "غازي عنتاب"
    assert levant.url == LEVANT_URL  # the relative canonical link, resolved


def test_the_raw_page_is_kept(levant: ParsedArticle) -> None:
    assert levant.raw == page("levant_report.html")
    assert levant.raw_format == "html"
    assert levant.language == "ar"
    assert levant.warnings == []


# --- a windows-1256 agency page: no JSON-LD, bold subheadings, opening dateline -----------


@pytest.fixture(scope="module")
def agency() -> ParsedArticle:
    data = (FIXTURES / "cp1256_agency.html").read_bytes()
    return parse_html(decode_bytes(data, markup=True).text)


def test_a_windows_1256_page_decodes_from_its_meta_tag(agency: ParsedArticle) -> None:
    assert agency.title == "الصفدي: على مجلس الأمن ضمان تنفيذ القرار 2720"


def test_a_bold_line_over_a_paragraph_is_a_subheading(agency: ParsedArticle) -> None:
    headings = [s.text for s in agency.sections if s.kind is SectionKind.HEADING]
    assert headings == ["تنسيق أردني إسباني"]


def test_the_opening_dateline_moves_to_the_byline(agency: ParsedArticle) -> None:
    assert agency.sections[0].text.startswith("دعا وزير الخارجية الأردني أيمن الصفدي")
    assert agency.byline_place == "عمّان"


def test_a_time_without_offset_is_read_in_the_dateline_citys_zone(agency: ParsedArticle) -> None:
    assert agency.published_at == datetime(2024, 1, 9, 11, 30, tzinfo=UTC)  # Amman is UTC+3
    assert agency.timezone == "Asia/Amman"


def test_source_and_tag_lines_are_not_story_text(agency: ParsedArticle) -> None:
    assert agency.sections[-1].text.startswith("وبحث الوزيران كذلك")
    assert agency.outlet == "وكالة الضفتين للأنباء"
    assert agency.authors == ["قسم الأخبار الدولية"]


# --- metadata precedence ---------------------------------------------------------------


def test_json_ld_wins_over_opengraph_for_the_date() -> None:
    html = _page(
        head='<meta property="article:published_time" content="2024-02-01">'
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "datePublished": "2024-02-01T10:00:00+02:00"}</script>'
    )
    article = parse_html(html)
    assert article.published_at == datetime(2024, 2, 1, 8, 0, tzinfo=UTC)


def test_opengraph_fills_in_without_json_ld() -> None:
    html = _page(
        head='<meta property="og:site_name" content="صحيفة الشرق"><meta property="og:url"'
        ' content="https://sharq.example/a/77"><meta property="article:published_time"'
        ' content="2024-02-01T07:45:00Z">'
    )
    article = parse_html(html)
    assert article.outlet == "صحيفة الشرق"
    assert article.url == "https://sharq.example/a/77"
    assert article.published_at == datetime(2024, 2, 1, 7, 45, tzinfo=UTC)


def test_the_site_suffix_of_a_bare_title_is_dropped() -> None:
    html = _page(
        head="<title>البرلمان يقر الموازنة العامة للعام المقبل | صحيفة الشرق</title>", h1=""
    )
    assert parse_html(html).title == "البرلمان يقر الموازنة العامة للعام المقبل"


def test_a_printed_dateline_dates_a_page_without_metadata() -> None:
    html = _page(h1="البرلمان يقر الموازنة العامة للعام المقبل بعد نقاش طويل")
    html = html.replace("</h1>", '</h1><div class="date">2024.02.01 | 14:30 بيروت</div>')
    article = parse_html(html)
    assert article.published_at == datetime(2024, 2, 1, 12, 30, tzinfo=UTC)
    assert article.timezone == "Asia/Beirut"
    assert "2024.02.01" not in all_text(article)


def test_the_comment_section_ends_the_story() -> None:
    story = (
        "<p>أقر البرلمان بالأغلبية مشروع قانون الموازنة العامة للعام المقبل، بعد جلسة طويلة.</p>"
        "<p>وقال وزير المالية إن الموازنة الجديدة تحافظ على الإنفاق الاجتماعي وتخفض العجز.</p>"
    )
    comments = (
        "<h3>تعليقات القراء</h3><p>لن ينشر أي تعليق يسيء إلى وزارة المالية أو إلى أي جهة"
        " أخرى، ونرجو من القراء الالتزام بآداب الحوار.</p><p>الاسم :</p>"
    )
    article = parse_html(_page(body=story + comments))
    assert len(article.sections) == 2
    assert "وزارة المالية" not in all_text(article)


def test_a_time_element_dates_the_article() -> None:
    html = _page().replace("</h1>", '</h1><time datetime="2024-02-01T09:00:00+03:00">الخميس</time>')
    assert parse_html(html).published_at == datetime(2024, 2, 1, 6, 0, tzinfo=UTC)


def test_a_page_without_any_date_says_so() -> None:
    article = parse_html(_page())
    assert article.published_at is None
    assert NO_DATE in article.warnings


def test_without_canonical_the_source_url_is_the_url() -> None:
    assert (
        parse_html(_page(), source_url="https://sharq.example/x").url == "https://sharq.example/x"
    )


# --- fallbacks and refusals ------------------------------------------------------------


def test_a_script_rendered_page_falls_back_to_the_json_ld_article_body() -> None:
    article = parse_html(page("jsonld_shell.html"))
    assert article.title == "مجلس الأمن يمدد ولاية البعثة الأممية في ليبيا"
    assert len(article.sections) == 3
    assert article.sections[2].text.startswith("ورحب المبعوث الأممي عبد الله باتيلي")
    assert article.url == "https://maghreb.example/libya/unsmil-renewal"
    assert article.outlet == "بوابة المغرب العربي"
    assert article.published_at == datetime(2023, 10, 30, 16, 40, tzinfo=UTC)
    assert article.warnings == ["story text taken from the page's JSON-LD articleBody"]


def test_a_section_front_is_not_an_article() -> None:
    with pytest.raises(NotAnArticle, match="no article text") as caught:
        parse_html(page("section_front.html"))
    assert caught.value.status == 422


@pytest.mark.parametrize("html", ["<html><body></body></html>", "<p>عاجل</p>"])
def test_a_page_without_prose_is_not_an_article(html: str) -> None:
    with pytest.raises(NotAnArticle):
        parse_html(html)


def test_an_empty_page_is_empty_input() -> None:
    with pytest.raises(EmptyInput):
        parse_html("  \n")


def test_an_xhtml_page_with_an_xml_declaration_parses() -> None:
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + _page()
    article = parse_html(html)
    assert article.title == "البرلمان يقر الموازنة العامة للعام المقبل بعد نقاش طويل"
    assert article.raw == html


def test_an_english_page_is_flagged() -> None:
    html = _page(
        h1="Parliament passes next year's budget after a long debate",
        body="<p>The parliament approved the general budget on Tuesday after a session that "
        "lasted more than ten hours, with most blocs voting in favour of the bill.</p>"
        "<p>The finance minister said the new budget keeps spending on public services "
        "steady while cutting the deficit by two points over the coming year.</p>",
    )
    article = parse_html(html)
    assert article.language == "en"
    assert "the text does not look Arabic (detected 'en')" in article.warnings


# --- fragments (feed items) ------------------------------------------------------------


def test_a_fragment_is_all_story() -> None:
    article = article_from_fragment(
        "<p>بيروت - رويترز: قال رئيس الحكومة إن المشاورات مستمرة لتشكيل حكومة جديدة قبل نهاية"
        " الشهر.</p><p><b>مواقف الكتل</b></p><p>وأضاف أن معظم الكتل النيابية أبدت استعدادها"
        " للمشاركة وفق برنامج إصلاحي واضح.</p>",
        title="مشاورات تشكيل الحكومة مستمرة",
    )
    assert [s.kind for s in article.sections] == [
        SectionKind.PARAGRAPH,
        SectionKind.HEADING,
        SectionKind.PARAGRAPH,
    ]
    assert article.sections[0].text.startswith("قال رئيس الحكومة")
    assert article.byline_place == "بيروت"


def test_line_breaks_in_a_fragment_separate_paragraphs() -> None:
    article = article_from_fragment(
        "أعلنت الحكومة عن خطة جديدة لدعم المزارعين في المناطق المتضررة من الجفاف.<br><br>"
        "وتشمل الخطة قروضاً ميسرة وتوزيع بذور محسنة على آلاف الأسر الريفية.",
        title="",
    )
    assert len(article.sections) == 2
    assert (
        article.title == "أعلنت الحكومة عن خطة جديدة لدعم المزارعين في المناطق المتضررة من الجفاف."
    )
    assert "the item has no title; title taken from its first paragraph" in article.warnings


def _page(
    *,
    head: str = "",
    h1: str = "البرلمان يقر الموازنة العامة للعام المقبل بعد نقاش طويل",
    body: str = "",
) -> str:
    body = body or (
        "<p>أقر البرلمان بالأغلبية مشروع قانون الموازنة العامة للعام المقبل، بعد جلسة ماراثونية"
        " استمرت أكثر من عشر ساعات وشهدت نقاشاً حاداً بين الكتل النيابية.</p>"
        "<p>وقال وزير المالية إن الموازنة الجديدة تحافظ على الإنفاق الاجتماعي وتخفض العجز"
        " بنقطتين مئويتين خلال العام المقبل، مع توسيع قاعدة الضرائب المباشرة.</p>"
    )
    heading = f"<h1>{h1}</h1>" if h1 else ""
    return (
        f'<html lang="ar"><head><meta charset="utf-8">{head}</head><body><article>{heading}'
        f"{body}</article></body></html>"
    )
