"""The per-word memos of the extraction and of ingest stay within fixed bounds however many
new words they are asked, so a server ingesting an archive does not grow with its vocabulary."""

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from typing import Any

import pytest

import app.extract
from app.extract.tokens import glued
from app.text.memo import CANDIDATES, EVERY_TOKEN

_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_OTHER_MEMOS = ("app.store.search", "app.ingest.dates.datelines", "app.ingest.dates.parse")
# Entries all the word memos may hold together: 50 MB at most at ~400 bytes an entry (rss7).
_ENTRIES_BUDGET = 125_000
_TABLES = 8


def word_memos() -> Iterator[tuple[str, Any]]:
    names = [m.name for m in pkgutil.walk_packages(app.extract.__path__, "app.extract.")]
    found: dict[str, Any] = {}
    for name in [*names, *_OTHER_MEMOS]:
        for value in vars(importlib.import_module(name)).values():
            if hasattr(value, "cache_info") and value.__module__ == name:
                found[f"{name}.{value.__qualname__}"] = value
    for name, memo in sorted(found.items()):
        # Tables built once (no argument, or a few kept) are not memos of words.
        size = memo.cache_info().maxsize
        if (size is None or size > _TABLES) and inspect.signature(memo).parameters:
            yield name, memo


def invented_word(n: int) -> str:
    """A distinct word of letters for every n, none of them in a lexicon."""
    letters = []
    while True:
        n, digit = divmod(n, len(_LETTERS))
        letters.append(_LETTERS[digit])
        if not n:
            return "غظ" + "".join(letters) + "ظغ"


def test_every_word_memo_has_one_of_the_fixed_bounds() -> None:
    bounds = {name: memo.cache_info().maxsize for name, memo in word_memos()}
    assert bounds
    assert {name: size for name, size in bounds.items() if size is None or size > EVERY_TOKEN} == {}
    assert sum(bounds.values()) + glued._LONGEST_CACHE <= _ENTRIES_BUDGET


@pytest.mark.parametrize("name", [name for name, _ in word_memos()])
def test_a_memo_asked_more_new_words_than_its_bound_keeps_its_bound(name: str) -> None:
    memo = dict(word_memos())[name]
    bound = memo.cache_info().maxsize
    first = next(iter(inspect.signature(memo.__wrapped__).parameters.values()))
    as_tuple = str(first.annotation).startswith("tuple")
    memo.cache_clear()
    try:
        for n in range(bound + 100):
            word = invented_word(n)
            memo((word,) if as_tuple else word)
        assert memo.cache_info().currsize == bound
    finally:
        memo.cache_clear()


def test_glued_cuts_keep_their_bound_however_many_long_words_they_see() -> None:
    for n in range(glued._LONGEST_CACHE + 100):
        glued.glued_cut(invented_word(n) + "ابتث")
    assert 0 < len(glued._cuts) <= glued._LONGEST_CACHE


def test_the_memos_asked_of_every_token_keep_more_than_the_others() -> None:
    assert EVERY_TOKEN > CANDIDATES
