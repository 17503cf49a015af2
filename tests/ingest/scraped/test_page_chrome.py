"""Page chrome around a scraped story that names actors: an outlet's tag over the story, a
wire dateline with the country after the city, the writer's credit run into the first
paragraph, the comment section, the headlines of other stories closing the page.

Extraction reads what the parser keeps, so none of these may reach the story. Every line
is written for these tests.
"""

from __future__ import annotations

import pytest

from app.ingest.lines import is_chrome, read_byline, split_dateline
from app.ingest.scraped import parse_scraped_text

_TITLE = "وزير الخارجية يبحث مع نظيره الزائر ملف المياه"
_STORY = "استقبل وزير الخارجية اليوم نظيره الزائر وبحثا سبل تعزيز التعاون بين البلدين."
_STORY_2 = "وأضاف الوزير أن البلدين اتفقا على تشكيل فريق فني لمتابعة ملف المياه المشتركة."


def _texts(text: str) -> list[str]:
    return [block.text for block in parse_scraped_text(text).blocks()]


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("متابعة ـ منصة الوادي ـ", "منصة الوادي"),  # tatweel on both sides
        ("خاص - موقع الضفة", "موقع الضفة"),
    ],
)
def test_an_outlet_tag_after_a_word_that_credits_no_one_is_a_byline(line: str, outlet: str) -> None:
    found = read_byline(line)
    assert found is not None
    assert found.outlet == outlet


def test_an_outlet_tag_above_the_story_is_neither_title_nor_text() -> None:
    text = f"متابعة ـ منصة الوادي ـ\n{_STORY}\n{_STORY_2}\n"
    assert parse_scraped_text(text).outlet == "منصة الوادي"
    assert all("منصة الوادي" not in block for block in _texts(text))


def test_a_tag_word_before_a_long_phrase_is_no_byline() -> None:
    assert read_byline("متابعات - اجتماع وزراء الخارجية العرب في القاهرة اليوم") is None


def test_a_wire_dateline_may_name_the_country_after_the_city() -> None:
    found = split_dateline("بيروت، لبنان (CNN)-- " + _STORY)
    assert found is not None
    assert (found[0].place, found[0].outlet, found[1]) == ("بيروت", "CNN", _STORY)


def test_a_city_then_a_clause_before_a_bracket_is_no_dateline() -> None:
    assert split_dateline("بيروت، قال الوزير (رويترز) - إن اللقاء كان مثمرا وبناء.") is None


@pytest.mark.parametrize(
    ("opening", "place"),
    [("القاهرة - كتب سامي فهمي - ", "القاهرة"), ("كتبت ليلى حداد: ", None)],
)
def test_the_writers_credit_run_into_the_story_is_cut(opening: str, place: str | None) -> None:
    found = split_dateline(opening + _STORY)
    assert found is not None
    byline, rest = found
    assert byline.place == place
    assert byline.authors and byline.authors[0] in ("سامي فهمي", "ليلى حداد")
    assert rest == _STORY


@pytest.mark.parametrize(
    "paragraph",
    [
        "كتب الوزير على حسابه: إن اللقاء كان مثمرا وبناء جدا.",  # a title, then a sentence
        "كتب في مقاله - إن الوضع صعب جدا هذه الأيام.",
    ],
)
def test_a_sentence_that_opens_with_wrote_keeps_its_words(paragraph: str) -> None:
    assert split_dateline(paragraph) is None


def test_a_doctors_byline_credits_a_writer() -> None:
    found = read_byline("حلب - د . سامي فهمي:")
    assert found is not None
    assert (found.place, found.authors) == ("حلب", ["سامي فهمي"])


def test_the_comment_section_ends_the_story() -> None:
    comments = (
        "تعليقات القراء",
        "لا يوجد تعليقات",
        "لن ينشر أي تعليق يسيء إلى وزارة الخارجية أو إلى أي جهة أخرى ونرجو الالتزام بالآداب.",
        "الاسم :",
    )
    text = "\n".join([_TITLE, _STORY, _STORY_2, *comments]) + "\n"
    assert _texts(text) == [_TITLE, _STORY, _STORY_2]


def test_a_comment_heading_above_the_story_closes_nothing() -> None:
    text = "\n".join([_TITLE, "اكتب تعليقك", _STORY, _STORY_2]) + "\n"
    assert _texts(text) == [_TITLE, _STORY, _STORY_2]


def test_headlines_of_other_stories_closing_the_page_are_dropped() -> None:
    others = (
        "وزارة الصحة تعلن افتتاح مستشفى جديد في العاصمة",
        "الأرصاد تتوقع طقسا حارا حتى نهاية الأسبوع…",
    )
    text = "\n".join([_TITLE, _STORY, _STORY_2, *others]) + "\n"
    assert _texts(text) == [_TITLE, _STORY, _STORY_2]


@pytest.mark.parametrize(
    "last",
    [
        "وأضاف الوزير أن الجانبين ناقشا أيضا",  # a paragraph cut off under its subheading
        "كما بحث الجانبان ملف الحدود المشتركة وسبل",
    ],
)
def test_a_subheading_and_a_cut_paragraph_are_no_headlines(last: str) -> None:
    text = "\n".join([_TITLE, _STORY, _STORY_2, "ملف الحدود على الطاولة", last]) + "\n"
    assert _texts(text)[-2:] == ["ملف الحدود على الطاولة", last]


def test_one_unfinished_line_after_the_story_stays() -> None:
    text = "\n".join([_TITLE, _STORY, _STORY_2, "الوزير يعود إلى العاصمة مساء اليوم"]) + "\n"
    assert _texts(text)[-1] == "الوزير يعود إلى العاصمة مساء اليوم"


@pytest.mark.parametrize(
    "line", ["31.5°حلب", "طرابلس 27°", "2.9دينار ليبي", "يورو1.12", "0.38 ريال عماني"]
)
def test_weather_and_currency_tickers_are_chrome(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize("line", ["القرار 2254", "الجولة 21", "3 قتلى في قصف على حلب"])
def test_a_number_in_a_short_heading_is_no_ticker(line: str) -> None:
    assert not is_chrome(line)


def test_a_city_in_brackets_before_a_dash_is_a_dateline() -> None:
    found = split_dateline("(جنيف) - " + _STORY)
    assert found is not None
    assert (found[0].place, found[1]) == ("جنيف", _STORY)


def test_a_wire_dateline_may_date_the_story_after_its_source() -> None:
    found = split_dateline("الخرطوم (وكالة الوادي) 3 مارس 2025 —" + _STORY)
    assert found is not None
    assert (found[0].place, found[0].outlet, found[1]) == ("الخرطوم", "وكالة الوادي", _STORY)


def test_a_city_and_its_source_alone_on_a_line_are_a_byline() -> None:
    found = read_byline("عمّان (صحيفة الوادي)")
    assert found is not None
    assert found.outlet == "صحيفة الوادي"


@pytest.mark.parametrize(
    "line",
    [
        "صورة الخبر",
        "مساحة إعلانية",
        "التخطي إلى المحتوى",
        "زر الذهاب إلى الأعلى",
        "نحن نستخدم ملفات تعريف الارتباط لنمنحك أفضل تجربة. موافق",
        "رئيس التحرير: سامي فهمي",
        "مدير التحرير ليلى حداد",
    ],
)
def test_page_furniture_cookie_notices_and_masthead_staff_are_chrome(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    ["رئيس التحرير يعتذر للقراء عن الخطأ في عدد الأمس", "وقال رئيس التحرير إن الصحيفة ستغلق."],
)
def test_a_story_about_an_editor_is_no_masthead(line: str) -> None:
    assert not is_chrome(line)


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("صوت الوادي/ خاص", "صوت الوادي"),  # the tag word on the right
        ("موقع الضفة – رصد", "موقع الضفة"),
        ("نبض الشمال _ حلب", "نبض الشمال"),  # an underscore for a dash
        ("شبكة الوادي/", "شبكة الوادي"),  # the tag alone, its story run on below
    ],
)
def test_outlet_tags_in_their_many_shapes_are_bylines(line: str, outlet: str) -> None:
    found = read_byline(line)
    assert found is not None
    assert found.outlet == outlet


def test_a_city_and_an_exclusive_keep_the_city_as_the_place() -> None:
    found = read_byline("حلب - خاص")
    assert found is not None
    assert (found.place, found.outlet) == ("حلب", None)


def test_the_wires_end_mark_is_no_outlet() -> None:
    found = read_byline("انتهى/")
    assert found is None or found.outlet is None


def test_an_interviewers_credit_is_a_byline() -> None:
    found = read_byline("حاورته: ليلى حداد")
    assert found is not None
    assert found.authors == ["ليلى حداد"]
