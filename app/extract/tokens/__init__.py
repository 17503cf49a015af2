"""The token layer every extractor reads.

Two views of a block: `lex` gives its word tokens (`Tok`: display offsets, the separators
between words) for the actor rules; `NormText` gives its normalized text, sentences and
tokens of every kind (`NormTok`: words, numbers, punctuation) for the citation and
statement readers. Both read the same folded text.
"""

from app.extract.tokens.lexer import (
    COMMA,
    QUOTE,
    SPACE,
    STOP,
    WORD_RE,
    Block,
    Tok,
    bare,
    bracket_end,
    clean_display,
    comma_gap,
    has_quotes,
    is_mark,
    lex,
    reading_stems,
    readings,
    soft_gap,
    stem_of,
    written_forms,
)
from app.extract.tokens.normtext import Kind, NormText, NormTok, texts_of

__all__ = [
    "COMMA",
    "QUOTE",
    "SPACE",
    "STOP",
    "WORD_RE",
    "Block",
    "Kind",
    "NormText",
    "NormTok",
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
