"""One reader for numbers people type: Western and Arabic-Indic digits, nothing else."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.text.digits import INT32_MAX, is_digits, parse_digits


@pytest.mark.parametrize(
    ("text", "value"), [("2254", 2254), ("٢٢٥٤", 2254), ("۲۲۵۴", 2254), (" 42 ", 42), ("007", 7)]
)
def test_western_and_arabic_indic_digits_are_read(text: str, value: int) -> None:
    assert parse_digits(text) == value


@pytest.mark.parametrize("text", ["²", "⁹⁹", "①", "১২", "12a", "-1", "1.5", "", " ", "١ ٢"])
def test_anything_else_is_refused(text: str) -> None:
    assert parse_digits(text) is None


def test_values_past_the_column_are_refused_without_building_them() -> None:
    assert parse_digits(str(INT32_MAX)) == INT32_MAX
    assert parse_digits(str(INT32_MAX + 1)) is None
    assert parse_digits("9" * 100_000) is None
    assert parse_digits("0" * 30 + "5") == 5


@given(st.text(max_size=30))
def test_never_raises_and_agrees_with_is_digits(text: str) -> None:
    value = parse_digits(text)
    assert value is None or (is_digits(text.strip()) and 0 <= value <= INT32_MAX)
