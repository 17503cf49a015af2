"""The token layer every extractor reads.

One token class, `Tok` (normalized and display offsets, normalized form, kind, sentence,
separator and script flags), handed out by two views of a block's folded text: `NormText`
(its sentences and tokens of every kind: words, numbers, punctuation) for the citation and
statement readers, and `lex`, whose `Block` holds that NormText and its word tokens (the
separators between words tell the actor rules where phrases may run on).
"""

from app.extract.tokens.lexer import (
    WORD_RE,
    Block,
    bare,
    bracket_end,
    clean_display,
    comma_gap,
    has_quotes,
    lex,
    reading_stems,
    readings,
    soft_gap,
    stem_of,
    written_forms,
)
from app.extract.tokens.normtext import NormText, texts_of
from app.extract.tokens.tok import COMMA, QUOTE, SPACE, STOP, Kind, Tok, is_mark

__all__ = [
    "COMMA",
    "QUOTE",
    "SPACE",
    "STOP",
    "WORD_RE",
    "Block",
    "Kind",
    "NormText",
    "Tok",
    "bare",
    "bracket_end",
    "clean_display",
    "comma_gap",
    "has_quotes",
    "is_mark",
    "lex",
    "reading_stems",
    "readings",
    "soft_gap",
    "stem_of",
    "texts_of",
    "written_forms",
]
