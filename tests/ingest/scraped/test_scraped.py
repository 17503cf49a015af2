"""parse_scraped_text: scraped page text of Arabic news outlets -> ParsedArticle."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reference import reference_text

from app.ingest.dates import UTC_ASSUMED
from app.ingest.errors import EmptyInput, IngestError, NotAnArticle
from app.ingest.model import Image, ParsedArticle, SectionKind
from app.ingest.scraped import parse_scraped_text
from app.ingest.scraped.parser import NO_DATE

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "scraped"
CHROME = ("icon", "التغطية الحية", "+A", "حجم الخط", "-A")

STORY = (
    "قال المبعوث الأممي إلى سوريا إن تطبيق القرار 2254 هو الطريق الوحيد للحل السياسي، "
    "داعياً جميع الأطراف إلى الانخراط في المفاوضات."
)
STORY_2 = (
    "وأضاف أن الأمم المتحدة مستعدة لاستضافة جولة جديدة من المحادثات في جنيف خلال الشهر المقبل."
)


def page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def article_page(*middle: str, title: str = "المبعوث الأممي يدعو إلى إحياء المسار السياسي") -> str:
    return page(title, "", *middle, "", STORY, "", STORY_2)


def texts(article: ParsedArticle) -> list[str]:
    return [block.text for block in article.blocks()]


# --- the reference article --------------------------------------------------------------


@pytest.fixture(scope="module")
def reference() -> tuple[str, ParsedArticle]:
    text = reference_text()
    return text, parse_scraped_text(text)


def test_reference_title_date_outlet_and_place(reference: tuple[str, ParsedArticle]) -> None:
    _, article = reference
    assert article.title == ('"هيئة التفاوض" تؤكد ضرورة دعم سياسي وحراك دولي ينهي المأساة السورية')
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2023-11-14T11:22:00+03:00"
    assert article.timezone == "Asia/Damascus"
    assert article.outlet == "تلفزيون سوريا"
    assert article.byline_place == "إسطنبول"
    assert article.language == "ar"
    assert article.warnings == []


def test_reference_image_title_caption_and_credit(reference: tuple[str, ParsedArticle]) -> None:
    _, article = reference
    assert article.images == [
        Image(
            title="هيئة التفاوض مع فرنسا",
            caption="أكدت هيئة التفاوض على ضرورة إيجاد آليات فعالة تنهي هروب النظام السوري"
            " من تنفيذ القرارات الدولية",
            credit="تويتر",
        )
    ]


def test_reference_summary_points_in_order(reference: tuple[str, ParsedArticle]) -> None:
    _, article = reference
    assert len(article.summary) == 5
    assert article.summary[0] == (
        "هيئة التفاوض تشدد على ضرورة دعم سياسي أكبر وحراك دولي لإنهاء المأساة السورية."
    )
    assert article.summary[4] == (
        "فرنسا تدعم قرار مجلس الأمن 2254 والقرارات الدولية لتلبية تطلعات الشعب السوري."
    )
    assert all(not point.startswith(("•", " ")) for point in article.summary)


def test_reference_sections_are_eight_paragraphs_and_one_heading(
    reference: tuple[str, ParsedArticle],
) -> None:
    _, article = reference
    kinds = [section.kind for section in article.sections]
    assert len(kinds) == 9
    assert kinds.count(SectionKind.PARAGRAPH) == 8
    assert kinds[5] is SectionKind.HEADING
    assert article.sections[5].text == "الملف السوري بحاجة لإجراءات دولية"
    assert article.sections[0].text.startswith("شددت هيئة التفاوض السورية")
    assert article.sections[-1].text.startswith("وذكر البحرة أن السوريين")


def test_reference_has_no_chrome_anywhere(reference: tuple[str, ParsedArticle]) -> None:
    _, article = reference
    everything = [*texts(article), *(i.credit or "" for i in article.images)]
    for text in everything:
        for chrome in CHROME:
            assert text != chrome
            assert chrome not in text.split()


def test_reference_keeps_the_raw_text(reference: tuple[str, ParsedArticle]) -> None:
    text, article = reference
    assert article.raw == text
    assert article.raw_format == "text"


# --- fixtures: one scraped page per outlet layout -------------------------------------


def _expected(article: ParsedArticle) -> dict[str, Any]:
    return {
        "title": article.title,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "timezone": article.timezone,
        "outlet": article.outlet,
        "byline_place": article.byline_place,
        "authors": article.authors,
        "summary": article.summary,
        "sections": [[section.kind.value, section.text] for section in article.sections],
        "images": [
            {"title": i.title, "caption": i.caption, "credit": i.credit} for i in article.images
        ],
    }


@pytest.mark.parametrize("page_file", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.stem)
def test_fixture_page_parses_as_expected(page_file: Path) -> None:
    expected = json.loads(page_file.with_suffix(".expected.json").read_text(encoding="utf-8"))
    article = parse_scraped_text(page_file.read_text(encoding="utf-8"))
    assert _expected(article) == expected


def test_there_are_at_least_twelve_fixture_layouts() -> None:
    pages = sorted(FIXTURES.glob("*.txt"))
    assert len(pages) >= 12
    for page_file in pages:
        assert page_file.with_suffix(".expected.json").exists(), page_file.name


# --- input that is not an article -----------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n"])
def test_empty_or_whitespace_input_raises_empty_input(text: str) -> None:
    with pytest.raises(EmptyInput):
        parse_scraped_text(text)


@pytest.mark.parametrize(
    "text",
    [
        page("icon", "شارك", "تويتر", "+A", "-A", "جميع الحقوق محفوظة © 2024"),
        page("--- | ---", "2023.11.14 | 11:22"),
        page("عنوان قصير بلا أي نص بعده"),
    ],
)
def test_text_with_no_story_raises_not_an_article(text: str) -> None:
    with pytest.raises(NotAnArticle) as caught:
        parse_scraped_text(text)
    assert isinstance(caught.value, IngestError) and caught.value.detail


# --- title ----------------------------------------------------------------------------


def test_navigation_and_mastheads_above_the_title_are_skipped() -> None:
    article = parse_scraped_text(
        page("تخطي إلى المحتوى الرئيسي", "الأخبار", "منظور عالمي", "", article_page())
    )
    assert article.title == "المبعوث الأممي يدعو إلى إحياء المسار السياسي"


def test_masthead_line_names_the_outlet_when_nothing_better_does() -> None:
    article = parse_scraped_text(page("عنب بلدي", "", article_page()))
    assert article.outlet == "عنب بلدي"


def test_site_suffix_is_cut_from_the_title_and_names_the_outlet() -> None:
    article = parse_scraped_text(article_page(title="بيدرسن يزور دمشق الأسبوع المقبل | عنب بلدي"))
    assert article.title == "بيدرسن يزور دمشق الأسبوع المقبل"
    assert article.outlet == "عنب بلدي"


def test_page_without_title_line_takes_the_first_sentence() -> None:
    article = parse_scraped_text(page(STORY, "", STORY_2))
    assert article.title.startswith("قال المبعوث الأممي إلى سوريا")
    assert article.sections[0].text == STORY
    assert "no title line; title taken from the first paragraph" in article.warnings


# --- bylines and datelines ------------------------------------------------------------


@pytest.mark.parametrize("separator", ["ـ", "-", "–", "—", "|"])
def test_byline_outlet_and_place_split_at_any_dash_or_bar(separator: str) -> None:
    article = parse_scraped_text(article_page(f"تلفزيون سوريا {separator} إسطنبول"))
    assert (article.outlet, article.byline_place) == ("تلفزيون سوريا", "إسطنبول")


def test_byline_place_outlet_and_agencies() -> None:
    article = parse_scraped_text(article_page("نيويورك - «الحياة»، رويترز، أ ف ب"))
    assert article.byline_place == "نيويورك"
    assert article.outlet == "الحياة"
    assert article.authors == ["رويترز", "أ ف ب"]


def test_byline_with_an_agency_only_credits_the_agency() -> None:
    article = parse_scraped_text(article_page("بيروت - أ ف ب"))
    assert (article.byline_place, article.outlet, article.authors) == ("بيروت", None, ["أ ف ب"])


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("كتب: محمد علي", ["محمد علي"]),
        ("بقلم: سلمى العلي", ["سلمى العلي"]),
        ("بقلم وليد حسن", ["وليد حسن"]),
        ("إعداد: نور الهدى، سامر يوسف", ["نور الهدى", "سامر يوسف"]),
    ],
)
def test_labelled_bylines_name_the_authors(line: str, authors: list[str]) -> None:
    article = parse_scraped_text(article_page(line))
    assert article.authors == authors
    assert line not in texts(article)


def test_place_colon_reporter_byline() -> None:
    article = parse_scraped_text(article_page("بيروت: كارين حداد"))
    assert (article.byline_place, article.authors) == ("بيروت", ["كارين حداد"])


@pytest.mark.parametrize(
    ("opening", "place", "authors"),
    [
        ("دمشق - رويترز: ", "دمشق", ["رويترز"]),
        ("بيروت (رويترز) - ", "بيروت", ["رويترز"]),
        ("صنعاء - سبأ : ", "صنعاء", ["سبأ"]),
        ("أنقرة/ الأناضول: ", "أنقرة", ["الأناضول"]),
        ("حلب - ", "حلب", []),
        ("الدوحة - قنا - ", "الدوحة", ["قنا"]),
        ("رام الله ـ وفا ـ ", "رام الله", ["وفا"]),
        ("طرابلس، 21 حزيران (رويترز) - ", "طرابلس", ["رويترز"]),
        ("بيروت – خاص – ", "بيروت", []),
        ("جنيف، أيلول/سبتمبر 2023 – ", "جنيف", []),
        ("القاهرة في 5 مارس /أ ش أ/ ", "القاهرة", ["أ ش أ"]),
        ("الموصل/أربيل: ", "الموصل/أربيل", []),
        ("إدلب (شمال غربي سوريا) - ", "إدلب", []),
    ],
)
def test_dateline_opening_the_first_paragraph_is_cut_and_read(
    opening: str, place: str, authors: list[str]
) -> None:
    article = parse_scraped_text(
        page("المبعوث الأممي يدعو إلى إحياء المسار السياسي", "", opening + STORY)
    )
    assert article.byline_place == place
    assert article.authors == authors
    assert article.sections[0].text == STORY


@pytest.mark.parametrize(
    "first",
    [
        "قال المتحدث - في بيان مقتضب: إن الاجتماع سيعقد في موعده المحدد الأسبوع المقبل.",
        "دمشق، أكد مصدر مطلع: أن الوفد سيصل إلى جنيف خلال الأيام المقبلة لاستئناف المحادثات.",
    ],
)
def test_a_first_paragraph_that_only_looks_like_a_dateline_is_left_whole(first: str) -> None:
    article = parse_scraped_text(page("المبعوث الأممي يدعو إلى إحياء المسار السياسي", "", first))
    assert article.sections[0].text == first


@pytest.mark.parametrize(
    ("opening", "place", "outlet"),
    [
        ("الخرطوم - «صدى النيل» - ", "الخرطوم", "صدى النيل"),
        ("حماة (شبكة الساحل) - ", "حماة", "شبكة الساحل"),
        ("نيويورك (الأمم المتحدة) – ", "نيويورك", "الأمم المتحدة"),
        ("واشنطن، دمشق - «الحياة»، رويترز - ", "واشنطن، دمشق", "الحياة"),
    ],
)
def test_dateline_crediting_an_outlet_by_name_is_cut_and_read(
    opening: str, place: str, outlet: str
) -> None:
    article = parse_scraped_text(
        page("المبعوث الأممي يدعو إلى إحياء المسار السياسي", "", opening + STORY)
    )
    assert (article.byline_place, article.outlet) == (place, outlet)
    assert article.sections[0].text == STORY


@pytest.mark.parametrize(
    "first",
    [
        "دمشق تستضيف غداً اجتماعاً - بحسب مصادر - لبحث ملف المعتقلين مع الوفد الأممي.",
        "القاهرة (التي تستضيف القمة) - تستعد لاستقبال الوفود العربية نهاية الأسبوع.",
        "بيروت (لبنان) شهدت أمس احتجاجات واسعة على رفع أسعار المحروقات والخبز.",
        "دمشق: «لن نقبل بأي شروط مسبقة» قالها الوزير في ختام لقائه المبعوث الأممي.",
        "قال الوزير (رويترز) - إن الحكومة ستعلن خطتها للإصلاح الاقتصادي قريباً.",
        "موسكو، 3 سيارات - هكذا وصف شهود الموكب الذي عبر الحدود صباح اليوم.",
    ],
)
def test_a_city_followed_by_a_verb_or_a_gloss_is_left_whole(first: str) -> None:
    article = parse_scraped_text(page("المبعوث الأممي يدعو إلى إحياء المسار السياسي", "", first))
    assert article.sections[0].text == first
    assert article.outlet is None


@pytest.mark.parametrize(
    ("line", "place"),
    [("بغداد/أنقرة:", "بغداد/أنقرة"), ("حلب، إدلب", "حلب، إدلب"), ("درعا -", "درعا")],
)
def test_a_header_line_of_cities_is_the_byline_place(line: str, place: str) -> None:
    article = parse_scraped_text(article_page(line))
    assert article.byline_place == place
    assert [s.text for s in article.sections] == [STORY, STORY_2]


def test_our_reporter_is_no_outlet() -> None:
    article = parse_scraped_text(article_page("حمص – مراسلنا"))
    assert (article.byline_place, article.outlet, article.authors) == ("حمص", None, [])


def test_an_outlet_and_its_agency_on_one_line_credit_both() -> None:
    article = parse_scraped_text(article_page("الجزيرة نت/ وكالات"))
    assert (article.outlet, article.authors) == ("الجزيرة نت", ["وكالات"])
    assert "الجزيرة نت/ وكالات" not in texts(article)


def test_an_outlet_name_then_the_date_is_a_dateline() -> None:
    article = parse_scraped_text(article_page("عنب بلدي - 3 تشرين الأول/أكتوبر 2024"))
    assert article.outlet == "عنب بلدي"
    assert article.published_at is not None
    assert article.published_at.date().isoformat() == "2024-10-03"
    assert [s.text for s in article.sections] == [STORY, STORY_2]


def test_a_header_dateline_with_a_slashed_agency_is_read() -> None:
    article = parse_scraped_text(article_page("القاهرة في 5 مارس /أ ش أ/"))
    assert (article.byline_place, article.authors) == ("القاهرة", ["أ ش أ"])
    assert [s.text for s in article.sections] == [STORY, STORY_2]


@pytest.mark.parametrize("closing", ["--(كونا)", "/أ ش أ/", "— (سانا)"])
def test_agency_credits_closing_a_wire_story_are_dropped(closing: str) -> None:
    article = parse_scraped_text(article_page() + closing + "\n")
    assert [s.text for s in article.sections] == [STORY, STORY_2]
    assert article.outlet is None and len(article.authors) == 1


def test_only_the_place_is_cut_when_a_sentence_follows_the_dash() -> None:
    first = "القاهرة - قال وزير الخارجية: إن بلاده ستشارك في الاجتماع المقبل للجنة الاتصال."
    article = parse_scraped_text(page("المبعوث الأممي يدعو إلى إحياء المسار السياسي", "", first))
    assert article.byline_place == "القاهرة"
    assert article.outlet is None
    assert article.sections[0].text == first.removeprefix("القاهرة - ")


# --- chrome ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "chrome",
    [
        "شارك",
        "فيسبوك تويتر واتساب تيليغرام نسخ الرابط",
        "A+ A-",
        "الرئيسية > أخبار > سياسة",
        "5 دقائق قراءة",
        "1,234 مشاهدة",
        "12 تعليق",
        "تابعونا على تيليغرام",
        "اشترك في النشرة البريدية",
        "جميع الحقوق محفوظة © 2024",
        "© 2024",
        "(إعداد سامر يوسف للنشرة العربية - تحرير نادية الجمال)",
        "(Reporting by Omar Haddad in Amman; Editing by Lina Saleh)",
        "Additional reporting by Cairo newsroom",
        "#سوريا #لبنان",
        "#مجلس_الأمن، #غزة",
    ],
)
def test_chrome_lines_are_dropped(chrome: str) -> None:
    article = parse_scraped_text(article_page(chrome) + chrome + "\n")
    assert chrome not in texts(article)
    assert [s.text for s in article.sections] == [STORY, STORY_2]


def test_two_step_section_path_is_chrome_but_a_subheading_with_a_bar_is_not() -> None:
    article = parse_scraped_text(
        article_page("أخبار | سوريا") + "\nسوريا | عام على الزلزال\n\n" + STORY + "\n"
    )
    assert "أخبار | سوريا" not in texts(article)
    assert article.sections[2].kind is SectionKind.HEADING


def test_a_sentence_that_looks_like_a_wire_credit_is_story_text() -> None:
    line = "إعداد الموازنة العامة يتطلب تحرير الأسعار وفق الخطة."
    article = parse_scraped_text(article_page() + line + "\n")
    assert article.sections[-1].text == line


def test_agency_in_parentheses_closing_the_story_is_a_credit() -> None:
    article = parse_scraped_text(article_page() + "(رويترز)\n")
    assert article.authors == ["رويترز"]
    assert [s.text for s in article.sections] == [STORY, STORY_2]


def test_a_sentence_that_mentions_share_words_is_story_text() -> None:
    line = "وقال المتحدث إن الحساب الرسمي على تويتر وفيسبوك نشر البيان كاملاً."
    article = parse_scraped_text(article_page() + line + "\n")
    assert article.sections[-1].text == line


def test_read_also_block_drops_the_marker_and_its_linked_headlines() -> None:
    article = parse_scraped_text(
        page(
            "المبعوث الأممي يدعو إلى إحياء المسار السياسي",
            "",
            STORY,
            "",
            "اقرأ أيضاً",
            "بيدرسن يلتقي وزير الخارجية السوري في دمشق",
            "هل تعود اجتماعات اللجنة الدستورية؟",
            "",
            STORY_2,
        )
    )
    assert [s.text for s in article.sections] == [STORY, STORY_2]


def test_inline_read_also_line_is_dropped_alone() -> None:
    article = parse_scraped_text(
        article_page() + "إقرأ المزيد: بيدرسن يلتقي وزير الخارجية السوري\n" + STORY + "\n"
    )
    assert [s.text for s in article.sections] == [STORY, STORY_2, STORY]


def test_subheading_after_a_read_also_block_is_kept() -> None:
    article = parse_scraped_text(
        page(
            "المبعوث الأممي يدعو إلى إحياء المسار السياسي",
            "",
            STORY,
            "",
            "اقرأ أيضا",
            "بيدرسن يلتقي وزير الخارجية السوري في دمشق",
            "",
            "مواقف متباينة",
            "",
            STORY_2,
        )
    )
    assert [s.kind for s in article.sections] == [
        SectionKind.PARAGRAPH,
        SectionKind.HEADING,
        SectionKind.PARAGRAPH,
    ]


def test_source_line_is_dropped_and_names_an_unknown_outlet() -> None:
    article = parse_scraped_text(article_page() + "المصدر: الجزيرة + وكالات\n")
    assert article.outlet == "الجزيرة"
    assert "المصدر: الجزيرة + وكالات" not in texts(article)


def test_source_line_does_not_override_the_byline_outlet() -> None:
    article = parse_scraped_text(article_page("تلفزيون سوريا - إسطنبول") + "المصدر: رويترز\n")
    assert article.outlet == "تلفزيون سوريا"


def test_tags_block_and_tags_line_are_dropped() -> None:
    article = parse_scraped_text(
        article_page() + "\nالوسوم\nسوريا\nالأمم المتحدة\n\nكلمات مفتاحية: سوريا، جنيف\n"
    )
    assert [s.text for s in article.sections] == [STORY, STORY_2]


def test_a_tags_marker_owns_one_line_of_space_separated_tags() -> None:
    article = parse_scraped_text(
        article_page() + "\nالكلمات المفتاحية\nالعراق تركيا المياه نهر دجلة الجفاف\nشارك\n"
    )
    assert [s.text for s in article.sections] == [STORY, STORY_2]


def test_an_english_sentence_opening_with_reporting_by_is_text() -> None:
    line = "Reporting by local media suggested that the talks in Geneva had stalled again."
    article = parse_scraped_text(article_page() + line + "\n")
    assert article.sections[-1].text == line


def test_copyright_footer_names_the_outlet_as_a_last_resort() -> None:
    article = parse_scraped_text(article_page() + "© 2024 عنب بلدي. جميع الحقوق محفوظة\n")
    assert article.outlet == "عنب بلدي"


def test_a_line_the_rules_are_unsure_about_stays_as_a_paragraph() -> None:
    unsure = "وفد من المعارضة يزور موسكو"
    article = parse_scraped_text(article_page() + unsure + "\n")
    assert article.sections[-1].text == unsure


# --- what closes the page after the story --------------------------------------------


@pytest.mark.parametrize(
    "closing",
    [
        "* كاتب وباحث سوري مقيم في برلين",
        "*صحفية سورية مقيمة في غازي عنتاب",
        "(*) أستاذ القانون الدولي في جامعة دمشق سابقاً",
        "الكاتب: باحث في شؤون الجماعات المسلحة ومقيم في إسطنبول منذ عام 2016",
        "نبذة عن الكاتبة: صحفية تغطي الشأن اللبناني منذ عقدين",
        "التفاصيل بعد قليل...",
        "المزيد من التفاصيل لاحقاً",
        "تفاصيل أكثر بعد قليل",
        "يتبع",
        "(يتبع)",
        "الخبر قيد التحديث",
        "الوسوم: سوريا، جنيف، اللجنة الدستورية",
        "للتواصل: newsroom@example.org",
        "للتواصل مع المحرر وإرسال المقترحات: 00963944000222",
        "راسلونا عبر البريد الخاص بالموقع",
        "هاتف: 011-2233445",
        "للإعلان على الموقع يرجى الاتصال على +90 555 123 4567",
        "تابعونا على قناتنا في تلغرام لمتابعة آخر الأخبار العاجلة والتطورات الميدانية لحظة بلحظة",
        "تابعوا عبر حساباتنا على فيسبوك وإكس ويوتيوب كل جديد عن الشأن السوري",
        "حقوق النشر محفوظة لموقع الرأي الحر ولا يجوز الاقتباس دون ذكر المصدر",
        "يمنع نسخ أو إعادة نشر المحتوى من دون إذن خطي من إدارة الموقع",
        "المقال يعبر عن رأي كاتبه ولا يعبر بالضرورة عن رأي الموقع",
        "المصدر: الشرق الأوسط + وكالات + مواقع التواصل الاجتماعي ومصادر محلية في ريف حلب الشمالي",
        "المصادر: تقارير أممية ومنظمات حقوقية",
    ],
)
def test_what_closes_the_page_after_the_story_is_dropped(closing: str) -> None:
    article = parse_scraped_text(article_page() + "\n" + closing + "\n")
    assert [s.text for s in article.sections] == [STORY, STORY_2]


def test_several_closing_lines_in_a_row_are_all_dropped() -> None:
    article = parse_scraped_text(
        article_page()
        + "\nالتفاصيل لاحقاً\n* محلل سياسي سوري\nللتواصل: +963 11 222 3344\n#حلب #إدلب\n"
    )
    assert [s.text for s in article.sections] == [STORY, STORY_2]


@pytest.mark.parametrize(
    ("closing", "author"),
    [
        ("* سامر الأحمد، كاتب وباحث سوري", "سامر الأحمد"),
        ("*ليلى حداد صحفية مقيمة في عمّان", "ليلى حداد"),
        ("الكاتب: نادر قاسم - أكاديمي فلسطيني", "نادر قاسم"),
        ("* الكاتبة هالة منصور باحثة في مركز دراسات", "هالة منصور"),
    ],
)
def test_a_note_naming_the_writer_gives_the_author_when_no_byline_did(
    closing: str, author: str
) -> None:
    article = parse_scraped_text(article_page() + "\n" + closing + "\n")
    assert article.authors == [author]
    assert [s.text for s in article.sections] == [STORY, STORY_2]


def test_a_byline_author_wins_over_the_note_and_loses_its_star() -> None:
    article = parse_scraped_text(article_page("بقلم: وائل الحسن*") + "\n* عماد يوسف، محلل سياسي\n")
    assert article.authors == ["وائل الحسن"]
    assert [s.text for s in article.sections] == [STORY, STORY_2]


def test_a_note_with_no_name_gives_no_author() -> None:
    article = parse_scraped_text(article_page() + "\n* كاتب وباحث مقيم في مونتريال\n")
    assert article.authors == []


@pytest.mark.parametrize(
    "last",
    [
        "* إطلاق سراح المعتقلين وكشف مصير المفقودين.",
        "وختم البيان بالدعوة إلى الاتصال بالرقم 00963112233445 للإبلاغ عن أي انتهاك.",
        "وقالت المنظمة إن الشكاوى تصلها عبر العنوان complaints@example.org.",
        "تابعنا خلال الأسابيع الماضية تطورات الملف عبر حساب الوزارة على منصة إكس.",
        "المصدر الأساسي للتمويل بات الصندوق الإنساني المشترك بحسب التقرير الأممي.",
        "جميع الحقوق المنصوص عليها في القرار 2254 تبقى حبراً على ورق ما لم يُطبق.",
    ],
)
def test_a_story_paragraph_that_only_looks_like_a_closing_line_is_kept(last: str) -> None:
    article = parse_scraped_text(article_page() + "\n" + last + "\n")
    assert article.sections[-1].text == last.removeprefix("* ")


def test_a_starred_note_inside_the_story_loses_its_star_and_stays() -> None:
    article = parse_scraped_text(article_page("* كاتب وباحث سوري مقيم في لندن") + STORY + "\n")
    assert "كاتب وباحث سوري مقيم في لندن" in texts(article)
    assert all(not text.startswith("*") for text in texts(article))


# --- headings, bullets, summary -------------------------------------------------------


def test_short_unpunctuated_line_before_story_text_is_a_heading() -> None:
    article = parse_scraped_text(article_page() + "\nخلفية القرار\n\n" + STORY + "\n")
    assert article.sections[2].kind is SectionKind.HEADING
    assert article.sections[2].text == "خلفية القرار"


def test_an_unpunctuated_short_paragraph_opening_with_a_reporting_verb_is_no_heading() -> None:
    article = parse_scraped_text(article_page() + "\nوأضاف أن الوفد سيعود غداً\n\n" + STORY + "\n")
    assert article.sections[2].kind is SectionKind.PARAGRAPH


def test_a_question_can_be_a_heading() -> None:
    article = parse_scraped_text(article_page() + "\nماذا بعد؟\n\n" + STORY + "\n")
    assert article.sections[2] == article.sections[2].__class__(SectionKind.HEADING, "ماذا بعد؟")


@pytest.mark.parametrize("bullet", ["•", "-", "*", "◾", "1.", "2-", "(3)"])
def test_summary_points_lose_their_bullets_and_numbers(bullet: str) -> None:
    article = parse_scraped_text(
        article_page(
            "ملخص", "", f"{bullet} بيدرسن يدعو إلى خطوات متبادلة.", f"{bullet} لا موعد بعد."
        )
    )
    assert article.summary == ["بيدرسن يدعو إلى خطوات متبادلة.", "لا موعد بعد."]


def test_summary_without_bullets_is_the_run_of_lines_under_the_marker() -> None:
    article = parse_scraped_text(
        article_page("أبرز النقاط", "بيدرسن يدعو إلى خطوات متبادلة.", "لا موعد بعد لجولة جديدة.")
    )
    assert article.summary == ["بيدرسن يدعو إلى خطوات متبادلة.", "لا موعد بعد لجولة جديدة."]
    assert [s.text for s in article.sections] == [STORY, STORY_2]


def test_article_without_summary_has_none() -> None:
    assert parse_scraped_text(article_page()).summary == []


def test_bullets_in_the_story_are_paragraphs_without_the_glyph() -> None:
    article = parse_scraped_text(article_page() + "• وقف إطلاق النار.\n◾ إطلاق سراح المعتقلين.\n")
    assert [s.text for s in article.sections[-2:]] == ["وقف إطلاق النار.", "إطلاق سراح المعتقلين."]


# --- images ---------------------------------------------------------------------------


def test_credit_after_the_last_dash_is_split_only_when_short() -> None:
    caption = "جانب من اجتماع مجلس الأمن بشأن سوريا في نيويورك"
    short = parse_scraped_text(article_page(f"{caption} - رويترز"))
    assert short.images == [Image(caption=caption, credit="رويترز")]
    long_tail = f"{caption} - بحسب ما نقلت وكالة الأنباء الرسمية"
    kept = parse_scraped_text(article_page(long_tail))
    assert kept.images == []
    assert kept.sections[0].text == long_tail


def test_bbc_style_credit_and_caption_lines_make_one_image() -> None:
    article = parse_scraped_text(
        article_page("مصدر الصورة، Getty Images", "التعليق على الصورة، المبعوث الأممي في دمشق")
    )
    assert article.images == [Image(caption="المبعوث الأممي في دمشق", credit="Getty Images")]


# --- dates and warnings ---------------------------------------------------------------


def test_dateline_city_sets_the_zone() -> None:
    article = parse_scraped_text(article_page("2023.11.14 | 11:22 دمشق"))
    assert article.published_at == datetime.fromisoformat("2023-11-14T11:22:00+03:00")
    assert article.timezone == "Asia/Damascus"


def test_explicit_offset_is_kept() -> None:
    article = parse_scraped_text(article_page("2023-11-14T11:22:00+03:00"))
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2023-11-14T11:22:00+03:00"
    assert article.warnings == []


def test_date_without_zone_assumes_utc_and_warns() -> None:
    article = parse_scraped_text(article_page("14/11/2023 - 13:05"))
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2023-11-14T13:05:00+00:00"
    assert UTC_ASSUMED in article.warnings


def test_unreadable_date_is_a_warning_not_a_failure() -> None:
    article = parse_scraped_text(article_page("تاريخ النشر: 31 فبراير 2023"))
    assert article.published_at is None
    assert any("could not be read" in warning for warning in article.warnings)
    assert "تاريخ النشر: 31 فبراير 2023" not in texts(article)


def test_relative_date_is_an_unreadable_date() -> None:
    article = parse_scraped_text(article_page("منذ 3 ساعات"))
    assert article.published_at is None
    assert article.warnings == ["published date could not be read: 'منذ 3 ساعات'"]
    assert "منذ 3 ساعات" not in texts(article)


def test_missing_date_is_a_warning() -> None:
    article = parse_scraped_text(article_page())
    assert article.published_at is None and article.warnings == [NO_DATE]


def test_date_above_the_title_yields_to_the_article_date() -> None:
    article = parse_scraped_text(
        page("الخميس 16 نوفمبر 2023", "", article_page("15 نوفمبر 2023 08:45 (GMT)"))
    )
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2023-11-15T08:45:00+00:00"


def test_later_dateline_adds_the_time_to_the_same_day() -> None:
    article = parse_scraped_text(
        article_page("[14/نوفمبر/2023]", "الثلاثاء 14 نوفمبر 2023 - 11:22 م")
    )
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2023-11-14T23:22:00+00:00"


# --- display text ---------------------------------------------------------------------


def test_display_text_is_cleaned_of_entities_nbsp_and_bidi_marks() -> None:
    article = parse_scraped_text(
        page(
            "غوتيريش يطالب بـ&quot;هدنة إنسانية&quot;\u00a0فورية",
            "",
            "\u200fقال الأمين العام&nbsp;إن &quot;الوضع&quot; لا يحتمل التأجيل &amp; الانتظار.",
        )
    )
    assert article.title == 'غوتيريش يطالب بـ"هدنة إنسانية" فورية'
    assert article.sections[0].text == 'قال الأمين العام إن "الوضع" لا يحتمل التأجيل & الانتظار.'


def test_language_is_detected_from_title_and_body() -> None:
    assert parse_scraped_text(article_page()).language == "ar"
    english = page(
        "UN envoy calls for a new round of talks",
        "",
        "The UN envoy said on Tuesday that resolution 2254 remained the only way forward.",
    )
    assert parse_scraped_text(english).language == "en"


# --- properties -----------------------------------------------------------------------

_WORDS = st.sampled_from(f"{STORY} {STORY_2}".replace("،", "").replace(".", "").split())
_SENTENCE = st.lists(_WORDS, min_size=12, max_size=40).map(lambda words: " ".join(words) + ".")


@settings(max_examples=60, deadline=None)
@given(paragraphs=st.lists(_SENTENCE, min_size=1, max_size=8))
def test_story_paragraphs_are_never_lost(paragraphs: list[str]) -> None:
    text = page("المبعوث الأممي يدعو إلى إحياء المسار السياسي", "", "شارك", "", *paragraphs)
    article = parse_scraped_text(text)
    assert [section.text for section in article.sections] == paragraphs


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=400))
def test_any_text_gives_an_article_or_an_ingest_error(text: str) -> None:
    try:
        article = parse_scraped_text(text)
    except IngestError:
        return
    assert article.raw == text
    assert article.published_at is None or article.published_at.tzinfo is not None
