"""Sentence spans of display text, for quoting the evidence of a role or a statement."""

from __future__ import annotations

import re

# A sentence ends at . ! ? ؟ ؛ or … followed by a space or the end, or at a line break.
# A dot between digits (2023.11.14, 3.5) does not end a sentence because it is not
# followed by a space. Pages run sentences together ("قريب.وتقدم"): a stop between two
# Arabic words ends one too, unless the word before is one letter ("د.محمد": Dr.).
_END = re.compile(r"[.!?؟؛…]+[\"'»”)\]]*(?=\s|$|[\u0621-\u064a])|\n+")
_CLOSERS = "\"'»”)]"


def _ends(text: str, start: int, end: int) -> bool:
    """Whether the stop matched at text[start:end] ends a sentence."""
    if end == len(text) or not _arabic(text[end]) or text[start] == "\n":
        return True  # a space, the end or a line break follows
    k = start - (start > 0 and text[start - 1] in _CLOSERS)
    return k >= 2 and _arabic(text[k - 1]) and _arabic(text[k - 2])


def _arabic(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of every sentence of `text`, trimmed of surrounding spaces."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _END.finditer(text):
        if _ends(text, match.start(), match.end()):
            _append_trimmed(text, begin, match.end(), spans)
            begin = match.end()
    _append_trimmed(text, begin, len(text), spans)
    return spans


def sentence_at(text: str, offset: int) -> str:
    """The sentence of `text` that holds character `offset` (the whole text if none does)."""
    for start, end in sentence_spans(text):
        if start <= offset < end:
            return text[start:end]
    return text.strip()


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
