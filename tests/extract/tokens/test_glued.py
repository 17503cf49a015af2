"""Words run together by a lost space are read as the two words they were, and only then."""

from __future__ import annotations

import pytest

from app.extract.tokens import NormText


def _words(display: str) -> list[str]:
    """Each word token as the display text shows it."""
    return [display[t.start : t.end] for t in NormText(display).words.toks]


@pytest.mark.parametrize(
    ("display", "parts"),
    [
        ("التقى الوزيرالسابق خالد النمر وفدا", ["الوزير", "السابق"]),  # title + office adjective
        ("وصل السفيرالعراقي إلى عمان", ["السفير", "العراقي"]),  # title + nisba
        ("استقبل الرئيسمحمد وفدا", ["الرئيس", "محمد"]),  # title + first name
        ("وأضافسمير أن الاتفاق قائم", ["وأضاف", "سمير"]),  # speech verb + first name
        ("دعت الأممالمتحدة إلى التهدئة", ["الأمم", "المتحدة"]),  # a gazetteer body's two words
        ("زار الوفد تونسوالجزائر أمس", ["تونس", "والجزائر"]),  # place + و + place
        ("رحبت بالأممالمتحدة", ["بالأمم", "المتحدة"]),  # a preposition on the head
    ],
)
def test_a_glued_token_of_two_known_words_is_read_as_two(display: str, parts: list[str]) -> None:
    words = _words(display)
    assert parts == words[words.index(parts[0]) : words.index(parts[0]) + 2]


def test_the_two_words_keep_their_display_spans_through_diacritics() -> None:
    display = "وقال الوزيرُالسابقُ كلاما"
    toks = NormText(display).words.toks
    assert [t.norm for t in toks[1:3]] == ["الوزير", "السابق"]
    assert display[toks[1].start : toks[1].end] == "الوزيرُ"
    assert display[toks[2].start : toks[2].end] == "السابقُ"
    assert toks[2].start == toks[1].end  # nothing between them in the display text


def test_the_sentence_view_cuts_the_same_way() -> None:
    display = "قال الوزيرالسابق كلاما."
    assert [t.norm for t in NormText(display).tokens][:3] == ["قال", "الوزير", "السابق"]


@pytest.mark.parametrize(
    "display",
    [
        "وقعت الاتفاقية الرئيسية أمس",  # title + a suffix, no known word after it
        "قالت السفيرة إن الحاجة ماسة",  # feminine forms are words of their own
        "التقى الوزيرين في العاصمة",  # a dual is no title + name
        "بحث المجلس الإقليمي الأمر",  # unknown long words stay whole
    ],
)
def test_known_or_unreadable_words_stay_whole(display: str) -> None:
    assert _words(display) == display.split()
