"""A token trie: multi-word names found in one dict lookup per token, clitics and all.

Names are stored as tuples of normalized tokens. A match may begin on a token that carries
proclitics (وسوريا، للهيئة، بالائتلاف): every clitic reading of the first token is tried,
and the longest match wins, the bare reading first on ties. Later tokens must match
exactly, and no match crosses a comma, a stop or a quote.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, TypeVar

from app.extract.tokens import COMMA, QUOTE, STOP, WORD_RE, Block, Tok, reading_stems, readings
from app.text.clitics import PREFIXES
from app.text.memo import CANDIDATES, EVERY_TOKEN
from app.text.normalize import normalize

T = TypeVar("T")

_END = ""  # no token is empty, so "" can hold the payloads of a node
_NO_CROSS = COMMA | STOP | QUOTE
_MAX_CACHED = 4 * EVERY_TOKEN  # tokens whose first nodes a trie keeps (app/text/memo.py)
_CLITIC_INITIALS = frozenset(prefix[0] for prefix in PREFIXES)  # و ف ب ل ك

# Spelling alternations of transliterated names that normalize() does not fold; كوردستان
# is how Kurdish outlets write كردستان.
_ALTERNATIONS = (
    ("ميركي", "مريكي"),
    ("ميريك", "مريك"),
    ("كورد", "كرد"),
    # الكيميائية / الكيمائية / الكيماوية: one adjective, three spellings in the press
    ("كيميايي", "كيمايي"),
    ("كيميايي", "كيماوي"),
)
# Whole words that name the same thing in a body's name: "قوة/قوات اليونيفيل", "المجموعة
# الدولية لدعم سورية/سوريا" (normalized; ل is the one clitic a word inside a name takes).
_WORD_GROUPS = (
    ("قوه", "قوات"),
    ("سوريه", "سوريا"),
    ("ميليشيا", "مليشيا", "ميليشيات", "مليشيات"),
)
_WORD_ALTERNATIONS = {word: group for group in _WORD_GROUPS for word in group}
_ABD = "عبد"  # "عبد الله" and "عبدالله": a compound name written apart or joined
Openers = dict[str, tuple[tuple[str, object], ...]]


@lru_cache(maxsize=CANDIDATES)
def name_tokens(text: str) -> tuple[str, ...]:
    """The normalized token tuple of a name as written in a data file."""
    return tuple(WORD_RE.findall(normalize(text)))


def spelling_variants(tokens: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The name and its alternate spellings (الأميركية / الأمريكية)."""
    out = {tokens}
    for a, b in _ALTERNATIONS:
        for variant in list(out):
            joined = " ".join(variant)
            for old, new in ((a, b), (b, a)):
                if old in joined:
                    out.add(tuple(joined.replace(old, new).split(" ")))
    for variant in list(out):
        out |= _word_variants(variant)
    if any(t.startswith(_ABD) for t in tokens):
        out |= {compound(v) for v in out} | {_split(v) for v in out}
    return out | {joined for v in out for joined in _run_together(v)}


def _word_variants(tokens: tuple[str, ...]) -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for n, token in enumerate(tokens):
        clitic = "ل" if token[:1] == "ل" and token[1:] in _WORD_ALTERNATIONS else ""
        for other in _WORD_ALTERNATIONS.get(token[len(clitic) :], ()):
            out.add((*tokens[:n], clitic + other, *tokens[n + 1 :]))
    return out


def _run_together(tokens: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """ "الأممالمتحدة", "بعثة الأممالمتحدة للاستفتاء": scraped text loses the space before a
    word's article; one pair glued at a time, as text does."""
    for n in range(1, len(tokens)):
        if tokens[n].startswith("ال") and len(tokens[n]) > 3:
            yield (*tokens[: n - 1], tokens[n - 1] + tokens[n], *tokens[n + 1 :])


def compound(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """ "عبد الرحمن" -> "عبدالرحمن", "عبد ربه" -> "عبدربه"."""
    out: list[str] = []
    for token in tokens:
        if out and out[-1] == _ABD and len(token) >= 3:
            out[-1] += token
        else:
            out.append(token)
    return tuple(out)


def _split(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """ "عبدالرحمن" -> "عبد الرحمن", "عبدربه" -> "عبد ربه" (not عبده، عبدون: two letters
    left are an ending, not a name)."""
    out: list[str] = []
    for token in tokens:
        if token.startswith(_ABD) and len(token) >= len(_ABD) + 3:
            out.extend((_ABD, token[len(_ABD) :]))
        else:
            out.append(token)
    return tuple(out)


@dataclass(slots=True)  # not frozen: one per match, and frozen dataclasses are slow to build
class Match(Generic[T]):
    first: int  # token index where the match begins
    last: int  # token index one past its end
    prefix: str  # proclitic dropped from the first token ("" when none)
    values: tuple[T, ...]


class TokenTrie(Generic[T]):
    def __init__(self) -> None:
        self._root: dict[str, object] = {}
        self._starts: Openers = {}  # token -> the nodes it opens, filled as tokens are seen
        self.size = 0

    def add(self, tokens: tuple[str, ...], value: T) -> None:
        if not tokens:
            return
        self._starts.clear()
        node = self._root
        for token in tokens:
            child = node.get(token)
            if child is None:
                child = {}
                node[token] = child
            node = child  # type: ignore[assignment]
        values = node.get(_END)
        if values is None:
            node[_END] = [value]
            self.size += 1
            return
        assert isinstance(values, list)
        if value not in values:
            values.append(value)
            self.size += 1

    def add_all(self, tokens: tuple[str, ...], values: Iterable[T]) -> None:
        for value in values:
            self.add(tokens, value)

    def __contains__(self, tokens: tuple[str, ...]) -> bool:
        node: object = self._root
        for token in tokens:
            assert isinstance(node, dict)
            node = node.get(token)
            if node is None:
                return False
        assert isinstance(node, dict)
        return _END in node

    def get(self, tokens: tuple[str, ...]) -> list[T]:
        """The values stored for exactly these tokens."""
        node: object = self._root
        for token in tokens:
            assert isinstance(node, dict)
            node = node.get(token)
            if node is None:
                return []
        assert isinstance(node, dict)
        values = node.get(_END, [])
        assert isinstance(values, list)
        return list(values)

    def match_at(self, block: Block, index: int) -> Match[T] | None:
        """The longest match starting at token `index`, over every clitic reading."""
        token = block.toks[index].norm
        starts = self._starts.get(token)
        if starts is None:
            starts = self._first_nodes(token)
        return self._longest(block.toks, index, starts) if starts else None

    def _longest(
        self, toks: tuple[Tok, ...], index: int, starts: tuple[tuple[str, object], ...]
    ) -> Match[T] | None:
        """The longest match over the readings in `starts`; the first reading on ties."""
        n = len(toks)
        best_end, best_prefix = 0, ""
        best: list[T] | None = None
        for prefix, first in starts:
            node: dict[str, Any] | None = first  # type: ignore[assignment]  # trie nodes
            j = index + 1
            end = 0
            found: list[T] | None = None
            while node is not None:
                values = node.get(_END)
                if values:
                    end, found = j, values
                if j >= n or toks[j].sep & _NO_CROSS:
                    break
                node = node.get(toks[j].norm)
                j += 1
            if found is not None and end > best_end:
                best_end, best_prefix, best = end, prefix, found
        return None if best is None else Match(index, best_end, best_prefix, tuple(best))

    def _first_nodes(self, token: str) -> tuple[tuple[str, object], ...]:
        """Trie nodes a token can open, one per clitic reading; cached per token."""
        root = self._root
        found: tuple[tuple[str, object], ...] = ()
        if not root.keys().isdisjoint(reading_stems(token)):  # most tokens open nothing
            found = tuple(
                [
                    (prefix, node)
                    for prefix, stem in readings(token)
                    if (node := root.get(stem)) is not None
                ]
            )
        if len(self._starts) >= _MAX_CACHED:
            self._starts.clear()
        self._starts[token] = found
        return found

    def openers(self, words: Iterable[str]) -> frozenset[str]:
        """The ones of `words` that begin a path of the trie, for `scan_among`."""
        keys = self._root.keys()
        return frozenset(
            [
                word
                for word in words
                if word in keys  # the bare reading; a word with no clitic initial has no other
                or (word[0] in _CLITIC_INITIALS and not keys.isdisjoint(reading_stems(word)))
            ]
        )

    def scan_among(self, block: Block, openers: frozenset[str]) -> Iterator[Match[T]]:
        """`scan` given the `openers` of the block's words: the matches it finds, found
        from those tokens alone. For a trie made for one article: every word of the article
        is new to it, and telling most of them apart at once costs less than one by one."""
        after = 0
        for index in [k for k, token in enumerate(block.norms) if token in openers]:
            if index >= after:
                match = self.match_at(block, index)
                if match is not None:
                    yield match
                    after = match.last

    def scan(self, block: Block) -> Iterator[Match[T]]:
        """Left-to-right longest matches that do not overlap."""
        starts_of = self._starts
        keys = self._root.keys()
        toks = block.toks
        after = 0  # the token after the last match
        for index, token in enumerate(block.norms):
            if index < after:
                continue
            starts = starts_of.get(token)
            if starts is None:
                # `_first_nodes` inlined for a token that opens nothing, nearly every one
                bare = token[0] not in _CLITIC_INITIALS  # then its one reading is itself
                opens = token in keys if bare else not keys.isdisjoint(reading_stems(token))
                if not opens and len(starts_of) < _MAX_CACHED:
                    starts_of[token] = ()
                    continue
                starts = self._first_nodes(token)
            if starts:
                match = self._longest(toks, index, starts)
                if match is not None:
                    yield match
                    after = match.last
