"""The token layer every extractor reads.

One structure per block, `NormText` (its folded text, sentences and offset map), and one
token class, `Tok` (normalized and display offsets, normalized form, kind, sentence,
separator and script flags), in two views of it: `NormText.tokens` (words, numbers and
punctuation, by sentence, on demand) for the citation and statement readers, and
`NormText.words` (the words alone, with the separators between them), which `lex` wraps
with its TextBlock as the `Block` the actor rules read.
"""

from app.extract.tokens.heads import head_words
from app.extract.tokens.lexer import (
    Block,
    bare,
    bracket_end,
    clean_display,
    comma_gap,
    gap,
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
from app.extract.tokens.words import QUOTES, WORD_RE

__all__ = [
    "COMMA",
    "QUOTE",
    "QUOTES",
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
    "gap",
    "has_quotes",
    "head_words",
    "is_mark",
    "lex",
    "reading_stems",
    "readings",
    "soft_gap",
    "stem_of",
    "texts_of",
    "written_forms",
]
