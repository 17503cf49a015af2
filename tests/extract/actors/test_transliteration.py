"""A foreign name spelled another way is the person the gazetteer knows."""

from actor_support import entity, names, run, surfaces
from hypothesis import given
from hypothesis import strategies as st

from app.extract.actors.matcher import name_tokens
from app.extract.actors.transliteration import initials, skeleton, word_skeleton
from app.extract.model import EntityKind


def same(a: str, b: str) -> bool:
    return skeleton(name_tokens(a)) == skeleton(name_tokens(b))


def test_long_vowels_g_and_s_are_spelling_not_name() -> None:
    assert same("جير بيدرسون", "غير بيدرسن")
    assert same("أنطونيو جوتيريس", "أنطونيو غوتيريش") is False  # ش and س are two letters
    assert same("أنطونيو غوتيرش", "أنطونيو غوتيريش")


def test_arabic_first_names_that_differ_by_a_vowel_are_two_names() -> None:
    assert not same("محمود عباس", "محمد عباس")
    assert not same("سامي السعيدي", "سامي السعدي")


def test_a_title_then_another_spelling_names_the_known_person() -> None:
    result = run("وقال المبعوث الأممي جير بيدرسين إن الحل سياسي.")
    assert "غير بيدرسن" in names(result, EntityKind.PERSON)
    assert surfaces(result, "غير بيدرسن") == ["جير بيدرسين"]


def test_a_word_after_the_variant_is_not_kept_as_a_surname() -> None:
    result = run("وهذا يخالف موقف الأمين العام أنطونيو غوتيرش المعروف في هذا الملف.")
    assert surfaces(result, "أنطونيو غوتيريش") == ["أنطونيو غوتيرش"]


def test_an_unknown_name_stays_a_new_person() -> None:
    result = run("وقال المبعوث الأممي جير بيدرسكي إن الحل سياسي.")
    assert entity(result, "جير بيدرسكي").key.startswith("new:")


def test_ch_written_tsh_or_jim_is_spelling_not_name() -> None:
    assert same("عباس عراقتشي", "عباس عراقجي")


# Normalized Arabic letters, with the ones the skeleton folds or drops well represented.
_WORDS = st.lists(
    st.sampled_from([*"ابتثجحخدذرزسشصضطظعغفقكلمنهويء", "تش", "تش", "ال"]), min_size=1
).map("".join)


@given(_WORDS)
def test_a_word_begins_with_one_of_the_initials_of_its_skeleton(word: str) -> None:
    assert word[0] in initials(word_skeleton(word))


def test_the_initials_of_a_skeleton_are_its_letter_and_the_letters_folded_into_it() -> None:
    assert initials("جرد") == {"ج", "غ", "ت", "ث"}  # "تشرشل" is spelled "جرجل" too
    assert "ث" in initials(word_skeleton("ثشر"))  # ث folds into ت, and تش into ج
    assert initials("بتن") == {"ب"}
