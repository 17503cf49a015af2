"""The actor rules read the titles, speech verbs and office words of data/heads.json."""

from __future__ import annotations

from app.extract.actors.lexicon import SPEECH_VERBS, words
from app.extract.actors.titles import HONORIFICS, MODIFIERS, ROLES, title_head
from app.extract.tokens import head_words
from app.text.normalize import normalize


def test_every_shared_role_is_a_title_with_its_lemma() -> None:
    for entry in head_words("roles").split():
        lemma, *feminine = (normalize(form) for form in entry.split("/"))
        assert ROLES[lemma] == lemma
        assert all(ROLES[form] == lemma for form in feminine)
        assert title_head("ال" + lemma) == ("", lemma, False)


def test_every_shared_honorific_is_an_honorific() -> None:
    for entry in head_words("honorifics").split():
        assert all(normalize(form) in HONORIFICS for form in entry.split("/"))


def test_the_rules_extend_the_shared_lists() -> None:
    assert words(head_words("speech_verbs")) < SPEECH_VERBS  # and رأى، دعا، يقول...
    assert words(head_words("office_words")) < MODIFIERS  # and الخاص، المؤقت...
    assert normalize("مسؤول") in ROLES and normalize("مهندس") in HONORIFICS
