"""A foreign surname named again in another spelling: "نتنياهو" then "نتانياهو",
"بوتين" then "بوتن", "بلينكن" then "بلينكين". Outlets, and sometimes one article, write
a long vowel or leave it out; the consonants stay (transliteration.py). Only a surname of
one person of the article, no first name, no word with the article, is looked for."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from operator import methodcaller

from app.extract.actors.candidates import BlockResult, Cand, Form
from app.extract.actors.lexicon import NOT_NAMES, PARTICLES, TIME_WORDS, first_names, is_verb
from app.extract.actors.names import is_boundary_word
from app.extract.actors.org_lexicon import org_head
from app.extract.actors.titles import title_head
from app.extract.actors.transliteration import initials, skeleton, word_skeleton
from app.extract.model import EntityKind
from app.extract.tokens import SPACE
from app.text.memo import CANDIDATES, EVERY_TOKEN

_SHORTEST = 4  # letters: "بري" and "عون" are words as often as names
_AND = "و"


def skeletons(surnames: Mapping[str, str]) -> dict[str, str]:
    """Skeleton -> person key, for the foreign-looking surnames of the article."""
    found: dict[str, set[str]] = {}
    for surname, key in surnames.items():
        if _foreign(surname):
            found.setdefault(skeleton((surname,))[0], set()).add(key)
    return {s: next(iter(keys)) for s, keys in found.items() if len(keys) == 1 and len(s) >= 3}


def respelled(
    results: list[BlockResult], words: set[str], known: Mapping[str, str], spelled: Iterable[str]
) -> None:
    """Add to each block the surname mentions spelled otherwise than `spelled` (the
    surnames as written); `words` are the article's."""
    skeletons = frozenset(known)
    firsts = frozenset().union(*map(initials, skeletons))
    # The words of the article one of whose readings has a known skeleton, found once per
    # article rather than once per token (most words come back), and only among the words
    # that begin, bare or after و, with a letter a skeleton can begin with: a new word
    # costs a skeleton of each reading. In most articles, none.
    begins = methodcaller("startswith", (*firsts, *(_AND + f for f in firsts)))
    hits = frozenset([w for w in filter(begins, words) if not _skeletons(w).isdisjoint(skeletons)])
    if not hits:
        return
    exact = frozenset(spelled)
    for result in results:
        if not hits.isdisjoint(result.block.norms):
            result.cands.extend(_respelled(result, known, hits, exact))


def _respelled(
    result: BlockResult, known: Mapping[str, str], hits: frozenset[str], exact: frozenset[str]
) -> list[Cand]:
    block, taken = result.block, _taken(result)
    out: list[Cand] = []
    for k, word in enumerate(block.norms):
        if word not in hits or taken[k]:
            continue
        for prefix, stem, stem_skeleton in _skeleton_readings(word):
            key = known.get(stem_skeleton)
            if key is None or stem in exact or not _foreign(stem) or not _closed(result, k):
                continue
            out.append(
                Cand(
                    block, EntityKind.PERSON, k, k + 1, prefix, Form.SHORT_FORM, key, tokens=(stem,)
                )
            )
            break
    return out


@lru_cache(maxsize=CANDIDATES)
def _skeleton_readings(word: str) -> tuple[tuple[str, str, str], ...]:
    """(proclitic, stem, skeleton) of each `_readings` of a word that may be a surname
    respelled; none for a Latin word or a short one. Cached: the loop above reads every
    word of the article, and most words come back."""
    if word.isascii() or len(word) < _SHORTEST:  # what Tok.latin tells of a word token
        return ()
    return tuple((prefix, stem, word_skeleton(stem)) for prefix, stem in _readings(word))


@lru_cache(maxsize=EVERY_TOKEN)
def _skeletons(word: str) -> frozenset[str]:
    """The skeletons of `_skeleton_readings`, for a set test against the known ones."""
    return frozenset(skeleton for _, _, skeleton in _skeleton_readings(word))


def _readings(word: str) -> tuple[tuple[str, str], ...]:
    """The word, and the word after a و that may be the conjunction."""
    if word[:1] == _AND and len(word) > _SHORTEST:
        return (("", word), (_AND, word[1:]))
    return (("", word),)


def _foreign(word: str) -> bool:
    return (
        len(word) >= _SHORTEST
        and not word.startswith("ال")
        and word not in first_names()
        and word not in NOT_NAMES
        and word not in PARTICLES
        and word not in TIME_WORDS
        and not is_verb(word)
        and title_head(word) is None
        and org_head(word) is None
    )


def _closed(result: BlockResult, k: int) -> bool:
    """A surname said alone ends where the next phrase starts."""
    toks = result.block.toks
    nxt = k + 1
    return nxt >= len(toks) or toks[nxt].sep != SPACE or is_boundary_word(toks[nxt].norm)


def _taken(result: BlockResult) -> list[bool]:
    taken = [False] * len(result.block.toks)
    for cand in result.cands:
        for k in range(cand.first, cand.last):
            taken[k] = True
    return taken
