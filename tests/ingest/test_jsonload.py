"""JSON is bounded before it is parsed: depth, integer size; NUL is stripped from strings."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.ingest.errors import InvalidDocument
from app.ingest.jsonload import MAX_DEPTH, load_json


def test_nesting_past_the_limit_is_refused_before_parsing() -> None:
    with pytest.raises(InvalidDocument, match="nested"):
        load_json("[" * 100_000 + "]" * 100_000)
    assert load_json("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None


def test_brackets_inside_strings_do_not_count() -> None:
    text = json.dumps({"a": "[" * 500, "b": ['x\\"[{' * 100]})
    assert load_json(text)["a"] == "[" * 500


def test_long_integers_are_refused_floats_are_read() -> None:
    with pytest.raises(InvalidDocument, match="digits"):
        load_json('{"n": ' + "9" * 5000 + "}")
    assert load_json('{"n": 1e400}')["n"] == float("inf")


def test_nul_is_stripped_from_keys_and_values() -> None:
    assert load_json('{"a\\u0000": ["x\\u0000y"]}') == {"a": ["xy"]}


def test_syntax_errors_say_where() -> None:
    with pytest.raises(InvalidDocument, match="line 1, column"):
        load_json("{")


@given(st.text(max_size=200))
def test_any_text_gives_a_value_or_an_invalid_document(text: str) -> None:
    with contextlib.suppress(InvalidDocument):
        load_json(text)
