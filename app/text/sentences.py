"""Sentence spans of display text, for quoting the evidence of a role or a statement."""

from __future__ import annotations

import re

# A sentence ends at . ! ? ؟ ؛ or … followed by a space or the end, or at a line break.
# A dot between digits (2023.11.14, 3.5) does not end a sentence because it is not
# followed by a space.
_END = re.compile(r"(?:[.!?؟؛…]+[\"'»”)\]]*)(?=\s|$)|\n+")
# With run_on: also a stop run into the next Arabic word ("قريب.وتقدم"), checked in
# _run_on (not after a one-letter abbreviation: "د.محمد").
_RUN_ON_END = re.compile(r"[.!?؟؛…]+[\"'»”)\]]*(?=\s|$|[\u0621-\u064a])|\n+")
_CLOSERS = "\"'»”)]"


def sentence_spans(text: str, *, run_on: bool = False) -> list[tuple[int, int]]:
    """[start, end) of every sentence of `text`, trimmed of surrounding spaces. `run_on`:
    a stop run into the next Arabic word ends a sentence too (statements read pages that
    write "قريب.وتقدم"; the other readers keep the plain rule)."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in (_RUN_ON_END if run_on else _END).finditer(text):
        if run_on and not _ends(text, match.start(), match.end()):
            continue
        _append_trimmed(text, begin, match.end(), spans)
        begin = match.end()
    _append_trimmed(text, begin, len(text), spans)
    return spans


def _ends(text: str, start: int, end: int) -> bool:
    """Whether the stop matched at text[start:end] ends a sentence (run_on)."""
    if end == len(text) or not _arabic(text[end]) or text[start] == "\n":
        return True  # a space, the end or a line break follows
    k = start - (start > 0 and text[start - 1] in _CLOSERS)
    return k >= 2 and _arabic(text[k - 1]) and _arabic(text[k - 2])


def _arabic(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


def sentence_at(text: str, offset: int) -> str:
    """The sentence of `text` that holds character `offset` (the whole text if none does)."""
    return sentence_in(text, sentence_spans(text), offset)


def sentence_in(text: str, spans: list[tuple[int, int]], offset: int) -> str:
    """`sentence_at` given the `sentence_spans` of `text`: for several offsets of a text."""
    for start, end in spans:
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
