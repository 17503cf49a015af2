from app.extract.actors.demonyms import inflect
from app.text.normalize import normalize


def test_every_number_gender_and_article() -> None:
    forms = inflect("فرنسي")
    for word in [
        "فرنسي",
        "الفرنسي",
        "الفرنسية",
        "الفرنسيان",
        "الفرنسيين",
        "الفرنسيون",
        "الفرنسيتان",
        "الفرنسيتين",
        "الفرنسيات",
        "فرنسية",
    ]:
        assert normalize(word) in forms, word


def test_hamza_and_article_in_the_stem_are_folded() -> None:
    assert normalize("الأمريكية") in inflect("أمريكي")
    assert inflect("السوري") == inflect("سوري")


def test_broken_plurals() -> None:
    assert normalize("الأتراك") in inflect("تركي")
    assert normalize("الروس") in inflect("روسي")


def test_homographs_are_not_demonyms() -> None:
    assert inflect("مالي") == set()  # "financial" far more often than "Malian"
    assert inflect("") == set()


def test_a_compound_demonym_inflects_its_last_word_and_takes_the_article_first() -> None:
    forms = inflect("جنوب أفريقي")
    for word in ["جنوب أفريقي", "الجنوب أفريقية", "الجنوب أفريقيون", "جنوب أفريقيين"]:
        assert normalize(word) in forms, word
