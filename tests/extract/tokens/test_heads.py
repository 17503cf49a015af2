"""The shared word lists of data/heads.json: as written, and read by the glued repair."""

from __future__ import annotations

import pytest

from app.extract.tokens import NormText, head_words


def test_a_list_is_its_words_as_written_space_separated() -> None:
    offices = head_words("office_words").split()
    assert "الأسبق" in offices  # unnormalized: each reader folds the words its own way
    assert "السابق" in offices


def test_a_role_and_its_feminine_are_written_as_one_entry() -> None:
    assert "وزير/وزيرة" in head_words("roles").split()


def test_a_list_not_in_the_file_is_an_error() -> None:
    with pytest.raises(KeyError):
        head_words("nouns")


@pytest.mark.parametrize(
    ("display", "parts"),
    [
        ("وصلت المبعوثةسارة إلى الرياض", ["المبعوثة", "سارة"]),  # a shared role's feminine
        ("وأفادتليلى بأن الجلسة انتهت", ["وأفادت", "ليلى"]),  # a shared speech verb
        ("التقى المديرالعام الوفد", ["المدير", "العام"]),  # a shared office word
    ],
)
def test_the_glued_repair_cuts_after_the_shared_words(display: str, parts: list[str]) -> None:
    words = [display[t.start : t.end] for t in NormText(display).words.toks]
    assert parts == words[words.index(parts[0]) : words.index(parts[0]) + 2]
