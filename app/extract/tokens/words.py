"""The word view of a block's folded text: its words, with what separates them.

`app.text.tokens.tokenize` keeps Arabic punctuation (، ؛ ؟) glued to words because its
character class spans the whole Arabic block; the actor rules need that punctuation as
boundaries, so words are the runs of `[^\\W_]` here and each records what separates it from
the word before (`Tok.sep`). `NormText.words` builds them once per block, from the sentence
view's tokens (most words are one token there, and share its object); the regex cuts them
only in a block where a token holds several words (a date) or with an HTML entity.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from app.extract.tokens.tok import COMMA, MARKS, QUOTE, SPACE, STOP, Kind, Tok, is_mark
from app.text.tokens import ALNUM_RUN

WORD_RE = re.compile(ALNUM_RUN)  # [^\W_]+
# HTML entities left in scraped text ("&nbsp;", "&#160;") stand for a space here.
ENTITY = re.compile(r"&(?:[a-z]{2,8}|#[0-9]{1,6}|#x[0-9a-f]{1,6});")

# A hyphen glued to letters on both sides joins the parts of one compound name
# ("توماس-غرينفيلد", "هينيس-بلاسخارت"): it reads as a space. Spaced dashes stay stops.
_JOINERS = frozenset("-\u2010\u2011")

COMMAS = frozenset("،,")
_STOPS = frozenset(".!?؟؛;:\n()[]{}-–—ـ/|•*…")
QUOTES = frozenset("\"'«»“”‘’„")
_WORD, _NUMBER, _PUNCT = Kind.WORD, Kind.NUMBER, Kind.PUNCT
_WORD_SPLIT = re.compile(f"({ALNUM_RUN})")  # WORD_RE, kept by re.split: gap, word, gap, ...


class Words(NamedTuple):
    toks: tuple[Tok, ...]
    norms: tuple[str, ...]  # the tokens' normalized forms, for set tests on the whole block


def word_tokens(
    display: str,
    norm: str,
    origin: Sequence[int],
    sentences: Sequence[tuple[int, int]],
    tokens: Callable[[int], list[Tok]] | None = None,
) -> Words:
    """The words of `norm` (the folding of `display`, mapped back by `origin`); `tokens`
    gives the sentence view's tokens of a sentence, which most words are already."""
    bounds = _sentence_bounds(sentences)
    if "&" in norm and ENTITY.search(norm):
        toks = _with_entities(display, norm, origin, bounds)
        return Words(toks, tuple(t.norm for t in toks))
    if tokens is not None:
        shared = _from_tokens(display, norm, origin, map(tokens, range(len(sentences))))
        if shared is not None:
            return shared
    parts = _WORD_SPLIT.split(norm)  # gap, word, gap, word, ..., gap
    if isinstance(origin, range):
        return Words(tuple(_plain_tokens(display, parts, bounds)), tuple(parts[1::2]))
    return Words(tuple(_mapped_tokens(display, parts, origin, bounds)), tuple(parts[1::2]))


def _from_tokens(
    display: str, norm: str, origin: Sequence[int], sentences: Iterable[list[Tok]]
) -> Words | None:
    """The words read off the sentence view's tokens (its punctuation dropped): one
    tokenization of the block instead of two. A token is taken as it is when its separator
    is the same in both views (a word after a space: most of them). None when a token there
    holds several words here (a date), for the regex to cut."""
    plain = isinstance(origin, range)
    toks: list[Tok] = []
    append = toks.append
    prev_nend = prev_end = -1  # the last word's ends (normalized, display); -1: none yet
    for sentence in sentences:
        after_word = False  # the token before is a word of this sentence
        for tok in sentence:
            kind = tok.kind
            if kind is _PUNCT:
                after_word = False
                continue
            if kind is _NUMBER and not tok.norm.isdecimal():
                return None  # a date or a decimal: its parts are words here
            nstart, start = tok.nstart, tok.start
            if after_word and nstart == prev_nend:  # letters run into digits ("و2254")
                first = toks.pop()
                word, k = first.norm + tok.norm, tok.sentence
                tok = _word(display, word, first.nstart, first.start, tok.end, k, first.sep)
            elif not (after_word and start - prev_end == 1 and norm[prev_nend:nstart] == " "):
                sep = _sep_between(display, norm, plain, prev_nend, prev_end, nstart, start)
                if sep != tok.sep:
                    tok = Tok(
                        kind, tok.norm, nstart, start, tok.end, tok.sentence, sep,
                        tok.latin, tok.capital,
                    )  # fmt: skip
            append(tok)  # (after a word and one space: SPACE in both views, the token as it is)
            prev_nend, prev_end = tok.nstart + len(tok.norm), tok.end
            after_word = True
    return Words(tuple(toks), tuple([t.norm for t in toks]))


def _sep_between(
    display: str, norm: str, plain: bool, prev_nend: int, prev_end: int, nstart: int, start: int
) -> int:
    """A word's separator flags, as `_plain_tokens` and `_mapped_tokens` tell them."""
    if prev_end < 0:
        return STOP
    gap = norm[prev_nend:nstart]
    if plain:
        if gap == " " or (gap in _JOINERS and _joins(display, prev_end, start)):
            return SPACE
        return _separator(display[prev_end:start])
    if start - prev_end == 1 and gap == " ":
        return SPACE
    return _gap_flags(display, prev_end, start)


def _sentence_bounds(sentences: Sequence[tuple[int, int]]) -> list[int]:
    """Where each sentence after the first starts, then a sentinel past every token: the
    tokenizers below walk it alongside the tokens to number their sentences."""
    return [start for start, _ in sentences[1:]] + [sys.maxsize]


def _plain_tokens(text: str, parts: list[str], bounds: list[int]) -> list[Tok]:
    """Tokens of a text whose folded form has the same offsets. A folded gap of one space
    was a space of some kind (NBSP...), which separates like a space; any other gap is read
    from the display text, as in `_mapped_tokens`."""
    toks: list[Tok] = []
    append = toks.append
    pos = len(parts[0])
    size = len(text)
    sep = STOP
    sentence, next_sentence = 0, bounds[0]
    for k in range(1, len(parts), 2):
        word = parts[k]
        start = pos
        end = pos = pos + len(word)
        while start >= next_sentence:
            sentence += 1
            next_sentence = bounds[sentence]
        kind = _NUMBER if word.isdecimal() else _WORD
        latin = word.isascii()
        capital = latin and text[start].isupper()
        append(Tok(kind, word, start, start, end, sentence, sep, latin, capital))
        gap = parts[k + 1]
        pos += len(gap)
        if gap == " " or (gap in _JOINERS and pos < size and _joins(text, end, pos)):
            sep = SPACE  # (after the last word, pos is the end of the text)
        else:
            sep = _separator(text[end:pos])
    return toks


def _mapped_tokens(
    text: str, parts: list[str], origin: Sequence[int], bounds: list[int]
) -> list[Tok]:
    """Tokens of a text that lost characters to folding (marks, tatweel, invisible ones):
    display offsets through `origin`, separators from the display text."""
    toks: list[Tok] = []
    append = toks.append
    pos = len(parts[0])
    size = len(text)
    prev_end = -1
    sentence, next_sentence = 0, bounds[0]
    for k in range(1, len(parts), 2):
        word = parts[k]
        nstart = pos
        nend = nstart + len(word)
        pos = nend + len(parts[k + 1])
        while nstart >= next_sentence:
            sentence += 1
            next_sentence = bounds[sentence]
        start, end = origin[nstart], origin[nend - 1] + 1
        while end < size and text[end] in MARKS:
            end += 1  # keep a word's last vowel mark or tatweel inside its span
        if prev_end < 0:
            sep = STOP
        elif start - prev_end == 1 and parts[k - 1] == " ":
            sep = SPACE  # one display character, folded to a space: a space of some kind
        else:
            sep = _gap_flags(text, prev_end, start)
        kind = _NUMBER if word.isdecimal() else _WORD
        latin = word.isascii()
        capital = latin and text[start].isupper()
        append(Tok(kind, word, nstart, start, end, sentence, sep, latin, capital))
        prev_end = end
    return toks


def _with_entities(
    text: str, norm: str, origin: Sequence[int], bounds: list[int]
) -> tuple[Tok, ...]:
    """The words of a text with HTML entities in it: the words inside them are left out."""
    plain = isinstance(origin, range)  # nothing dropped: offsets are the same
    size = len(text)
    toks: list[Tok] = []
    append = toks.append
    prev_end = 0
    sep = STOP
    sentence = 0
    entities = [m.span() for m in ENTITY.finditer(norm)]
    for match in WORD_RE.finditer(norm):
        nstart, nend = match.span()
        if any(a < nstart < b for a, b in entities):
            continue
        while nstart >= bounds[sentence]:
            sentence += 1
        if plain:
            start, end = nstart, nend
        else:
            start, end = origin[nstart], origin[nend - 1] + 1
            while end < size and text[end] in MARKS:
                end += 1  # keep a word's last vowel mark or tatweel inside its span
        word = match.group()
        if toks:
            sep = _gap_flags(text, prev_end, start)
        append(_word(text, word, nstart, start, end, sentence, sep))
        prev_end = end
    return tuple(toks)


def _word(text: str, word: str, nstart: int, start: int, end: int, sentence: int, sep: int) -> Tok:
    """One word token (`_plain_tokens` and `_mapped_tokens`, which are hot, build theirs inline)."""
    kind = _NUMBER if word.isdecimal() else _WORD
    latin = word.isascii()
    return Tok(
        kind, word, nstart, start, end, sentence, sep, latin, latin and text[start].isupper()
    )


def _gap_flags(text: str, before: int, after: int) -> int:
    """The separator flags of the display text between two words."""
    gap = text[before:after]
    if gap == " " or (gap in _JOINERS and _joins(text, before, after)):
        return SPACE
    return _separator(gap)


def _joins(text: str, before: int, after: int) -> bool:
    """A hyphen between two letters (not digits: "ES-10", "Mi-8" stay apart)."""
    left = text[before - 1]
    return (left.isalpha() or is_mark(left)) and text[after].isalpha()


def _separator(gap: str) -> int:
    if gap == " ":
        return SPACE
    if "&" in gap:
        gap = ENTITY.sub(" ", gap.lower())
    flags = SPACE
    for ch in gap:
        if ch in COMMAS:
            flags |= COMMA
        elif ch in _STOPS:
            flags |= STOP
        elif ch in QUOTES:
            flags |= QUOTE
    return flags
