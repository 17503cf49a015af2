import pytest

from app.extract.actors.name_shapes import family_names, foreign_shaped, surname_ending
from app.text.normalize import normalize


@pytest.mark.parametrize(
    "word",
    [
        "لافروف",
        "زاخاروفا",
        "رومانسكي",
        "ميلوسيفيتش",
        "غروندبرغ",
        "هوكشتاين",
        "باشينيان",
        "جونسون",
        "تشاندراسيكارا",
        "تثيرو",
        "فرناندو",
        "ڤلاديمير",
        "هارتمان",
        "ساكاشفيلي",
        "عليزاده",
    ],
)
def test_transliterated_names_have_the_shape(word: str) -> None:
    assert foreign_shaped(normalize(word))


@pytest.mark.parametrize(
    "word",
    [
        "معروف",
        "صفوف",
        "والظروف",
        "للوقوف",
        "بيان",
        "كيان",
        "مؤسسون",
        "يجلسون",
        "تحتويان",
        "ويدعو",
        "ستدعو",
        "فيديو",
        "والاستقرار",
        "استراتيجية",
        "سورياواليمن",
        "الجونسون",
        "برلمان",
        "سليمان",
    ],
)
def test_arabic_words_and_words_run_together_have_not(word: str) -> None:
    assert not foreign_shaped(normalize(word))


def test_family_names_are_normalized_and_hold_no_nationality() -> None:
    names = family_names()
    assert normalize("العتيبي") in names
    assert not {normalize(w) for w in ("السوري", "المصري", "العراقي", "الجميل")} & names


def test_a_name_in_waw_is_no_surname_ending() -> None:
    assert surname_ending(normalize("لافروف"))
    assert not surname_ending(normalize("فرناندو"))
