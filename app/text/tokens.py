"""Word tokens with their offsets, over normalized text."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[\w\u0600-\u06FF]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
