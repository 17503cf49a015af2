"""Sentence spans of display text, for quoting the evidence of a role or a statement."""

from __future__ import annotations

import re

# A sentence ends at . ! ? ؟ ؛ or … followed by a space or the end, or at a line break.
# A dot between digits (2023.11.14, 3.5) does not end a sentence because it is not
# followed by a space.
_END = re.compile(r"(?:[.!?؟؛…]+[\"'»”)\]]*)(?=\s|$)|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of every sentence of `text`, trimmed of surrounding spaces."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _END.finditer(text):
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
