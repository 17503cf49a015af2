"""NormText: tokens of normalized text, with offsets that lead back to the display text."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from app.extract.tokens import SPACE, STOP, Kind, NormText
from app.text.normalize import fold_with_map, normalize_with_map


def test_tokens_and_sentences() -> None:
    nt = NormText("قال البحرة: «الحل ٢٢٥٤». وأضاف أن 67/19 و14/11/2023 ليست 2.5")
    words = [(t.norm, t.kind) for t in nt.tokens]
    assert ("2254", Kind.NUMBER) in words
    assert ("67/19", Kind.NUMBER) in words
    assert ("14/11/2023", Kind.NUMBER) in words  # a date stays one token
    assert ("2.5", Kind.NUMBER) in words
    assert ("«", Kind.PUNCT) in words
    assert len(nt.sentences) == 2
    assert nt.tokens[-1].sentence == 1


def test_offsets_map_back_through_diacritics() -> None:
    display = "وأكّدَت الهيئةُ"
    nt = NormText(display)
    second = nt.tokens[1]
    start, end = nt.to_display(second.nstart, second.nend)
    assert display[start:end] == "الهيئة"  # the mark after the last letter is left out
    assert display[second.start : second.end] == "الهيئةُ"  # the token's span keeps it
    assert nt.from_display(display.index("الهيئة")) == nt.tokens[1].nstart
    assert nt.token_at(nt.tokens[1].nstart) == 1
    assert nt.token_at(len(nt.text) + 1) is None


# normalize() recursion on some presentation forms: see tests/extract/test_resolutions.py.
_RECURSIVE = "".join(
    chr(c) for c in range(0xFB50, 0xFEFF) if unicodedata.normalize("NFKC", chr(c)) == chr(c)
)


@given(st.text(st.characters(exclude_characters=_RECURSIVE)))
def test_any_token_maps_into_the_display(text: str) -> None:
    nt = NormText(text)
    for tok in nt.tokens:
        start, end = nt.to_display(tok.nstart, tok.nend)
        assert 0 <= start < end <= len(text)
        assert tok.start == start and start < tok.end <= len(text)


@given(st.text(st.characters(exclude_characters=_RECURSIVE)))
def test_fold_with_map_is_normalize_with_map(text: str) -> None:
    folded, origin = fold_with_map(text)
    expected, expected_origin = normalize_with_map(text)
    assert folded == expected
    assert list(origin) == expected_origin


def test_a_text_without_marks_maps_to_itself() -> None:
    _, origin = fold_with_map("قال البحرة إن الحل سياسي")
    assert isinstance(origin, range)  # no list to build
    _, origin = fold_with_map("وأكّد البحرة")
    assert list(origin) == [0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11]  # the shadda is dropped


def test_a_view_holds_the_tokens_of_its_sentences_only() -> None:
    nt = NormText("قال الوزير إن الحل قريب. وتشهد المدينة أزمة. وأضاف أن الوفد وصل.")
    view = nt.only([0, 2])
    assert [t.sentence for t in view.tokens] == sorted(
        t.sentence for t in nt.tokens if t.sentence != 1
    )
    assert view.tokens[0] is nt.tokens[0]  # built once, shared
    second = nt.sentences[2][0]
    k = view.token_at(second)
    assert k is not None and view.tokens[k].norm == "واضاف"
    assert nt.sentence_at(second + 3) == 2
    assert view.text == nt.text and view.display == nt.display


def test_a_token_starts_a_sentence_after_a_stop_and_follows_the_others_after_a_space() -> None:
    nt = NormText("قال Guterres: نعم. وأضاف")
    assert [(t.norm, t.sep) for t in nt.tokens] == [
        ("قال", STOP),
        ("guterres", SPACE),
        (":", SPACE),
        ("نعم", SPACE),
        (".", SPACE),
        ("واضاف", STOP),
    ]
    assert [t.norm for t in nt.tokens if t.latin] == ["guterres"]
    assert [t.norm for t in nt.tokens if t.capital] == ["guterres"]


# Words, numbers and dates between spaces of every kind, with punctuation glued to them.
PIECES = st.text(
    alphabet=st.sampled_from(list('قال الهيئةُ ٣4 2015/12/18 2.5 Ab_،.:«»"- \t\u00a0\u2009ـx²')),
    max_size=60,
)


@given(st.one_of(PIECES, st.text(st.characters(exclude_characters=_RECURSIVE), max_size=40)))
def test_the_tokens_are_what_the_token_regex_finds_in_each_sentence(text: str) -> None:
    nt = NormText(text)
    found = [
        (m.group(), start + m.start())
        for start, end in nt.sentences
        for m in re.finditer(r"\d+(?:[./:\-]\d+)*|[^\W\d_]+|\S", nt.text[start:end])
    ]
    assert [(t.norm, t.nstart) for t in nt.tokens] == found
