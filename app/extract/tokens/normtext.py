"""A block of display text seen through its normalized form, as tokens with sentence numbers.

Rule-based extractors match on the normalized text and report offsets in the display text;
this keeps the two in step. `tokens` are words, numbers (with their inner "/" or "." kept, so
a date or a session-style number stays one token) and single punctuation marks; `words` are
the words alone (`[^\\W_]+`, digits included) with the separators between them.

Several extractors read the same block (the actor rules, citations, then statements): the
pipeline builds one NormText per block and hands it to each of them (`texts_of`), so a block
is normalized once and tokenized once: the word view is read off the sentence view's tokens
(`words.word_tokens`), which the actor rules' asking for it builds for every sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import cached_property

from app.extract.tokens.glued import glued_cuts
from app.extract.tokens.tok import MARKS, SPACE, STOP, Kind, Tok
from app.extract.tokens.words import Words, word_tokens
from app.ingest.model import TextBlock
from app.text.normalize import fold_with_map
from app.text.sentences import sentence_spans
from app.text.tokens import LETTER_RUN

# A number (its inner / . : - kept), a word, or any other single character.
_TOKEN = re.compile(rf"\d+(?:[./:\-]\d+)*|{LETTER_RUN}|\S")


class NormText:
    """Normalized text, its sentences, and its tokens, built sentence by sentence on demand.

    `only(sentences)` gives a view of the same text whose `tokens` are those of the chosen
    sentences (a reader that only looks at sentences with a reporting verb or the noun قرار
    never tokenizes the others). Token indices are then indices into the view's tokens; the
    gaps between chosen sentences look like sentence boundaries, which they are.
    """

    def __init__(self, display: str, *, run_on: bool = False) -> None:
        self.display = display
        self.text, self._origin = fold_with_map(display)
        cuts = glued_cuts(self.text)
        if cuts:  # words run together by a lost space: give the space back (tokens.glued)
            self.text, self._origin = _unglue(self.text, self._origin, cuts)
        self._plain = isinstance(self._origin, range)  # nothing dropped: the same offsets
        self.sentences = sentence_spans(self.text, run_on=run_on)  # (app.text.sentences)
        self._by_sentence: list[list[Tok] | None] = [None] * len(self.sentences)

    @cached_property
    def tokens(self) -> list[Tok]:
        """Built on first use: a reader that only needs the text never pays for them."""
        return self._gather(range(len(self.sentences)))

    @cached_property
    def words(self) -> Words:
        """The word view: the words alone, each with the separators before it (`lex`).
        Built on first use, once, whoever asks first, from every sentence's tokens."""
        return word_tokens(self.display, self.text, self._origin, self.sentences, self._sentence)

    @cached_property
    def starts(self) -> list[int]:
        """Where each token starts, for bisecting."""
        return [t.nstart for t in self.tokens]

    def only(self, sentences: Iterable[int]) -> NormText:
        """A view of this text with the tokens of `sentences` only (indices into .sentences)."""
        cls = type(self)
        view = cls.__new__(cls)  # copy.copy, without the detour through the copy protocol
        state = view.__dict__
        state.update(self.__dict__)
        state.pop("starts", None)
        state["tokens"] = self._gather(sorted(set(sentences)))
        return view

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence that holds normalized `offset` (or the one before it)."""
        return max(bisect.bisect_right(self._sentence_starts, offset) - 1, 0)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    def _gather(self, sentences: Iterable[int]) -> list[Tok]:
        tokens: list[Tok] = []
        for k in sentences:
            tokens += self._sentence(k)
        return tokens

    def _sentence(self, k: int) -> list[Tok]:
        """The tokens of sentence k, tokenized on first use."""
        found = self._by_sentence[k]
        if found is None:
            start, end = self.sentences[k]
            found = self._by_sentence[k] = self._sentence_tokens(start, end, k)
        return found

    def _sentence_tokens(self, start: int, end: int, k: int) -> list[Tok]:
        # A token never crosses a sentence boundary (sentences end after punctuation followed
        # by a space, or at a line break), so each sentence is tokenized on its own.
        # A token's kind is told by its first character, as the regex groups tell it.
        # Inside a sentence only spaces lie between tokens (every other character is one):
        # the first token follows a STOP, the others a SPACE.
        words, starts = _pieces(self.text[start:end], start)
        number, word_kind, punct = Kind.NUMBER, Kind.WORD, Kind.PUNCT
        display, origin, plain = self.display, self._origin, self._plain
        size = len(display)
        tokens: list[Tok] = []
        append = tokens.append
        sep = STOP
        for word, pos in zip(words, starts, strict=True):
            first = word[0]
            if first.isalpha():
                kind = word_kind  # most tokens: a letter is a word character and no digit
            elif first.isdecimal():
                kind = number  # \d is a decimal digit
            elif first.isalnum():
                kind = word_kind  # [^\W\d_]: a word character, not a digit nor "_"
            else:
                kind = punct
            after = pos + len(word)
            if plain:
                shown, shown_end = pos, after
            else:
                shown, shown_end = origin[pos], origin[after - 1] + 1
                while shown_end < size and display[shown_end] in MARKS:
                    shown_end += 1  # the word's last vowel mark or tatweel, as in `lex`
            if kind is not punct and word.isascii():
                capital = display[shown].isupper()
                append(Tok(kind, word, pos, shown, shown_end, k, sep, True, capital))
            else:
                append(Tok(kind, word, pos, shown, shown_end, k, sep, False, False))
            sep = SPACE
        return tokens

    @property
    def origin(self) -> Sequence[int]:
        """The display offset of every normalized character (a range when they agree)."""
        return self._origin

    def to_display(self, start: int, end: int) -> tuple[int, int]:
        """Display offsets of the normalized span [start, end) (end > start)."""
        return self._origin[start], self._origin[end - 1] + 1

    def from_display(self, offset: int) -> int:
        """The first normalized position whose character comes from display `offset` or later."""
        if self._plain:
            return min(max(offset, 0), len(self.text))
        return bisect.bisect_left(self._origin, offset)

    def token_at(self, start: int) -> int | None:
        """Index of the first token that starts at or after normalized position `start`."""
        index = bisect.bisect_left(self.starts, start)
        return index if index < len(self.tokens) else None


def _pieces(text: str, offset: int) -> tuple[list[str], list[int]]:
    """The tokens `_TOKEN` finds in `text`, and where each starts (plus `offset`). Most of
    what stands between two spaces is one whole word or number, which a string test tells
    at C speed; the regex reads only the rest (punctuation glued to a word, a date, other
    spaces than " "): it costs some hundreds of instructions a character."""
    words: list[str] = []
    starts: list[int] = []
    pos = offset
    for piece in text.split(" "):
        if piece.isalpha() or piece.isdecimal():  # all [^\W\d_], or all \d: one token
            words.append(piece)
            starts.append(pos)
        elif piece:
            for match in _TOKEN.finditer(piece):
                words.append(match.group())
                starts.append(pos + match.start())
        pos += len(piece) + 1
    return words, starts


def _unglue(text: str, origin: Sequence[int], cuts: list[int]) -> tuple[str, list[int]]:
    """`text` with a space inserted at each cut; the space maps to the display offset of the
    letter after it, so both words keep their own display spans (and an empty gap)."""
    parts: list[str] = []
    mapped: list[int] = []
    last = 0
    for cut in cuts:
        parts += (text[last:cut], " ")
        mapped += (*origin[last:cut], origin[cut])
        last = cut
    parts.append(text[last:])
    mapped += origin[last:]
    return "".join(parts), mapped


def texts_of(blocks: Iterable[TextBlock]) -> list[NormText]:
    """One NormText per block, in order: what the extraction stages read, built once."""
    return [NormText(block.text) for block in blocks]
