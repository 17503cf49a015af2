"""Arabic normalization for matching and search, never for display.

`normalize_with_map` also returns, for every output character, the index of the input
character it came from, so a match found in normalized text maps back to offsets in the
displayed text. Both run through one str.translate table filled on first sight of each
character (`fold_with_map` is the same with a range for a map when nothing was dropped).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence

_DIACRITICS = {chr(c) for c in range(0x064B, 0x0660)} | {
    "\u0670",
    "\u06d6",
    "\u06d7",
    "\u06d8",
    "\u06d9",
    "\u06da",
    "\u06db",
    "\u06dc",
    "\u06df",
    "\u06e0",
    "\u06e1",
    "\u06e2",
    "\u06e3",
    "\u06e4",
    "\u06e7",
    "\u06e8",
    "\u06ea",
    "\u06eb",
    "\u06ec",
    "\u06ed",
}
_INVISIBLE = {
    "\u0640",  # tatweel
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u061c",
    "\ufeff",
    "\u00ad",
}
_SPACES = {"\u00a0", "\u2007", "\u202f", "\u2009", "\u200a", "\u2002", "\u2003", "\u3000"}

_LETTERS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ی": "ي",
    "ې": "ي",  # Persian/Urdu yeh forms seen in scraped text
    "ة": "ه",
    "ۀ": "ه",
    "ہ": "ه",
    "ە": "ه",
    "ک": "ك",
    "ڪ": "ك",
    "ؤ": "و",
    "ئ": "ي",
}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {
    chr(0x06F0 + i): str(i) for i in range(10)
}


def _fold_char(ch: str) -> str:
    """The normalized form of one character: "" to drop it, possibly several characters."""
    if ch in _DIACRITICS or ch in _INVISIBLE:
        return ""
    if ch in _SPACES:
        return " "
    if ch in _DIGITS:
        return _DIGITS[ch]
    if ch in _LETTERS:
        return _LETTERS[ch]
    if "\ufb50" <= ch <= "\ufeff":  # Arabic presentation forms (e.g. the ligature ﻻ)
        decomposed = unicodedata.normalize("NFKC", ch)
        if decomposed != ch:
            return "".join(_fold_char(c) for c in decomposed)
    return ch.lower()


class _FoldTable(dict[int, str]):
    """str.translate table, filled with `_fold_char` on first sight of each character.

    It also learns which characters do not fold to exactly one character (dropped marks,
    ligatures that expand): the only places where the offset map is not the identity.
    """

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._irregular: set[str] = set()
        self.irregular: re.Pattern[str] | None = None

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(folded) != 1:
            with self._lock:
                self._irregular.add(chr(code))
                chars = "".join(sorted(self._irregular))
                self.irregular = re.compile("[" + re.escape(chars) + "]")
        self[code] = folded  # stored last: whoever reads it sees the pattern updated
        return folded


_TABLE = _FoldTable()
_DIGIT_TABLE = str.maketrans(_DIGITS)


def fold_with_map(text: str) -> tuple[str, Sequence[int]]:
    """`normalize_with_map` with the map as a range when no character was dropped or
    expanded (the common case), else a list spliced around the characters that were."""
    norm = text.translate(_TABLE)
    pattern = _TABLE.irregular
    if pattern is None or not pattern.search(text):
        return norm, range(len(text))
    origin: list[int] = []
    pos = 0
    for match in pattern.finditer(text):
        i = match.start()
        origin.extend(range(pos, i))
        origin.extend([i] * len(_TABLE[ord(text[i])]))
        pos = i + 1
    origin.extend(range(pos, len(text)))
    return norm, origin


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    norm, origin = fold_with_map(text)
    return norm, origin if isinstance(origin, list) else list(origin)


def normalize(text: str) -> str:
    """Fold an Arabic text to its matching form (idempotent)."""
    return text.translate(_TABLE)


def to_ascii_digits(text: str) -> str:
    """Only the digits folded: for parsing numbers and dates in display text."""
    return text.translate(_DIGIT_TABLE)


def span_to_original(origin: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """Map a [start, end) span of normalized text back to the original text."""
    return origin[start], origin[end - 1] + 1


def collapse_spaces(text: str) -> str:
    """Display clean-up: NBSP and friends become spaces, runs of spaces one space. Every
    one of _SPACES is whitespace to str.split, so the split alone does both: replacing
    them first was a pass over the line for each (a tenth of parsing a page)."""
    return " ".join(text.split())
