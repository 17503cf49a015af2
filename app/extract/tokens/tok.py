"""The one token class of the token layer, and the flags that describe what precedes a token.

A token sits in two texts at once: the block's normalized text, where the rules match, and
its display text, where they report offsets. Both the word view (`lex`) and the sentence
view (`NormText`) hand out this class, so a rule never has to know which view built it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# What stands between a token and the one before it, as bit flags.
SPACE = 0
COMMA = 1  # ، , : a soft boundary (appositions: "رئيس الهيئة، بدر جاموس،")
STOP = 2  # . ! ? ؛ ; : newline, dashes, brackets, a sentence start: nothing spans it
QUOTE = 4  # " « » “ ” ' : names may sit inside quotes, phrases must not cross them


class Kind(StrEnum):
    WORD = "word"
    NUMBER = "number"
    PUNCT = "punct"


@dataclass(slots=True)  # not frozen: frozen dataclasses are slow to build, and lexing is hot
class Tok:
    kind: Kind
    norm: str  # normalized form, clitics included
    nstart: int  # offset into the normalized text (where `norm` is, as is)
    start: int  # offsets [start, end) into the display text
    end: int
    sentence: int  # index of the sentence that holds it (NormText.sentences)
    sep: int  # flags for the characters between the previous token and this one
    latin: bool  # written in ASCII: a foreign name quoted as is, or a number
    capital: bool  # Latin and capitalized

    @property
    def nend(self) -> int:
        """The end of the token in the normalized text (derived: one field less to build)."""
        return self.nstart + len(self.norm)


def is_mark(ch: str) -> bool:
    return ch == "\u0640" or ("\u064b" <= ch <= "\u065f") or ch == "\u0670"


# Vowel marks and tatweel: folding drops them, a token's display span keeps its last ones
# (the tokenizers extend a span over those that follow its last letter).
MARKS = frozenset(chr(c) for c in range(0x0600, 0x0700) if is_mark(chr(c)))
