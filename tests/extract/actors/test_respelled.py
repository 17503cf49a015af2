"""Which surnames of an article are looked for again in another spelling."""

from app.extract.actors.respelled import skeletons


def test_a_foreign_surname_is_looked_for_by_its_consonants() -> None:
    found = skeletons({"كارلسون": "new:person:a"})
    assert list(found.values()) == ["new:person:a"]


def test_surnames_with_the_article_first_names_and_short_words_are_not() -> None:
    assert skeletons({"الخطيب": "a", "سامر": "b", "عون": "c"}) == {}


def test_two_surnames_with_one_skeleton_name_neither() -> None:
    assert skeletons({"كارلسون": "a", "كارلسن": "b"}) == {}
