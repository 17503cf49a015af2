"""Scraped excerpts that lost their layout: a dateline with no space or with a
colon, a story with no title line, a "read also" label run into its headline, stray HTML
or markdown in a line, a quoted name that looks like a breadcrumb.

Every line is written for these tests.
"""

from __future__ import annotations

import pytest

from app.ingest.lines import block_marker, clean_line, is_chrome, split_dateline
from app.ingest.lines.chrome import Block
from app.ingest.scraped import parse_scraped_text

_REST = "استقبل وزير الخارجية نظيره الزائر وبحثا سبل تعزيز التعاون بين البلدين في المجالات كافة."


@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        ("روما-" + _REST, "روما"),  # the space after the dash lost
        ("رام الله: " + _REST, "رام الله"),  # one city and a colon
    ],
)
def test_a_known_city_before_a_dash_or_a_colon_is_a_dateline(paragraph: str, place: str) -> None:
    found = split_dateline(paragraph)
    assert found is not None
    assert found[0].place == place
    assert found[1] == _REST


@pytest.mark.parametrize(
    "paragraph",
    [
        "دمشق: «لن نعود إلى طاولة المفاوضات قبل وقف القصف» بحسب الوفد.",  # a quoted capital
        "دمشق تستضيف اليوم اجتماعا لوزراء خارجية دول الجوار لبحث الأزمة.",  # a city as subject
    ],
)
def test_a_city_that_opens_a_sentence_stays_in_it(paragraph: str) -> None:
    assert split_dateline(paragraph) is None


def test_a_title_taken_from_the_story_leaves_its_dateline_out() -> None:
    article = parse_scraped_text("روما-" + _REST + "\n\nوأضاف الوزير أن اللقاء كان مثمرا وبناء.\n")
    assert article.title.startswith("استقبل وزير الخارجية")
    assert article.byline_place == "روما"


@pytest.mark.parametrize(
    "line",
    [
        "اقرأ أيضاًالوزير يصل إلى العاصمة في زيارة رسمية",  # run into the headline
        "اقرأ أيضا الوزير يصل إلى العاصمة في زيارة رسمية",  # no colon
    ],
)
def test_read_also_without_its_colon_carries_a_linked_headline(line: str) -> None:
    assert block_marker(line) == (Block.LINKS, False)


def test_a_long_story_line_is_no_read_also_label() -> None:
    line = "اقرأ أيضا " + " ".join(["كلمة"] * 30)
    assert block_marker(line) is None


@pytest.mark.parametrize(
    ("line", "clean"),
    [
        ("وطالب بتنفيذ القرار <b>2216</b> كاملا<br/>", "وطالب بتنفيذ القرار 2216 كاملا"),
        ("وانتشرت قوات « *اليونيفيل* » جنوبا", "وانتشرت قوات « اليونيفيل » جنوبا"),
        ("**عاجل**: اجتماع طارئ", "عاجل: اجتماع طارئ"),
        ("* بند أول من القائمة", "* بند أول من القائمة"),  # a bullet keeps its star
        ("والنتيجة 5 * 3 تقريبا", "والنتيجة 5 * 3 تقريبا"),  # a lone star is no emphasis
    ],
)
def test_stray_markup_is_cleaned_from_a_line(line: str, clean: str) -> None:
    assert clean_line(line) == clean


def test_a_quoted_name_in_guillemets_is_no_breadcrumb() -> None:
    assert not is_chrome("وطالب الوزير بتعزيز قوات « اليونيفيل » التابعة للأمم المتحدة جنوبا.")
    assert is_chrome("الرئيسية » أخبار » سياسة")


def test_an_address_alone_on_a_line_is_chrome() -> None:
    assert is_chrome("https://cdn.example.org/img/07e9/1106002913_0:0:3072_1920x0.jpg")
    assert not is_chrome("ونشر الموقع الرسمي https://example.org تفاصيل الخطة كاملة.")


def test_an_outlet_named_under_the_title_is_the_masthead_not_a_paragraph() -> None:
    article = parse_scraped_text(
        "الوزير يصل إلى العاصمة في زيارة رسمية\n\nسبوتنيك عربي\n\n" + _REST + "\n"
    )
    assert article.outlet == "سبوتنيك عربي"
    assert all(block.text != "سبوتنيك عربي" for block in article.blocks())
