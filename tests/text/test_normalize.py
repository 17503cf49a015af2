"""One normalization for extraction, storage and search: what it folds, and its offset map."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.text.clitics import clitic_splits
from app.text.normalize import (
    _SPACES,
    collapse_spaces,
    normalize,
    normalize_with_map,
    span_to_original,
    to_ascii_digits,
)


@pytest.mark.parametrize(
    ("display", "folded"),
    [
        ("أحمد إبراهيم آمال ٱلله", "احمد ابراهيم امال الله"),
        ("مصطفى", "مصطفي"),
        ("سورية", "سوريه"),
        ("مُشَدِّداً", "مشددا"),
        ("الـــهيئة المسؤولة", "الهييه المسووله"),
        ("٢٢٥٤ و۲۲۵۴", "2254 و2254"),
        ("قرار\u00a0مجلس", "قرار مجلس"),
        ("\u200fسوريا\u200e", "سوريا"),
        ("ﻻ", "لا"),
        ("﴿الآية﴾", "﴿الايه﴾"),
        ("UN Security Council", "un security council"),
    ],
)
def test_folds(display: str, folded: str) -> None:
    assert normalize(display) == folded


def test_spelling_variants_meet() -> None:
    assert normalize("الأميركية") != normalize("الأمريكية")  # a spelling, not a folding
    assert normalize("سورية")[:-1] == normalize("سوريا")[:-1]


def test_digits_only() -> None:
    assert to_ascii_digits("القرار ٢٢٥٤ (۲۰۱۵)") == "القرار 2254 (2015)"


def test_collapse_spaces_for_display() -> None:
    assert collapse_spaces("  نص\u00a0\u00a0مع   فراغات ") == "نص مع فراغات"


@pytest.mark.parametrize("space", sorted(_SPACES))
def test_every_wide_or_narrow_space_becomes_one_space(space: str) -> None:
    assert collapse_spaces(f"{space}قال{space} {space}الوزير{space}") == "قال الوزير"


@pytest.mark.parametrize(
    ("token", "stem"),
    [("وسوريا", "سوريا"), ("للهيئه", "الهيئه"), ("بالائتلاف", "الائتلاف"), ("فروسيا", "روسيا")],
)
def test_clitic_readings_include_the_bare_name(token: str, stem: str) -> None:
    assert stem in [s for _p, s in clitic_splits(token)]


arabic_text = st.text(
    alphabet=st.sampled_from(
        [chr(c) for c in range(0x0600, 0x0700)] + list(" .،\u00a0\u200fabc123ﻻ﴿") + ["\ufefb"]
    ),
    max_size=80,
)


@given(arabic_text)
def test_normalize_is_idempotent(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


@given(arabic_text)
def test_the_map_points_every_folded_character_back_into_the_display_text(text: str) -> None:
    folded, origin = normalize_with_map(text)
    assert folded == normalize(text)
    assert len(origin) == len(folded)
    assert origin == sorted(origin)
    assert all(0 <= i < len(text) for i in origin)
    for i, ch in enumerate(folded):
        assert ch in normalize(text[origin[i]])


@given(arabic_text, st.data())
def test_a_folded_span_maps_to_display_text_that_folds_back_to_it(
    text: str, data: st.DataObject
) -> None:
    folded, origin = normalize_with_map(text)
    if not folded:
        return
    start = data.draw(st.integers(0, len(folded) - 1))
    end = data.draw(st.integers(start + 1, len(folded)))
    lo, hi = span_to_original(origin, start, end)
    assert folded[start:end] in normalize(text[lo:hi])
