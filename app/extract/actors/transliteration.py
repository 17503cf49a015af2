"""Foreign names spelled two ways: "هانز غروندبيرج" and "هانس غروندبرغ" are one person.

Outlets transliterate a foreign name each their own way: a long vowel written or not
(ترمب، ترامب), g as غ or ج, s as ز or س, a final vowel kept or dropped (أبانيار،
أبانيارا). A name the gazetteer does not spell is the known person whose name has the
same skeleton, when exactly one does. Only a word no list knows as a first name loses
its vowels: "محمود" and "محمد" are two names, not two spellings, and an Arabic word with
the article (السعدي، السعيدي) keeps them too.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from app.extract.actors.gazetteer import Gazetteer, per_gazetteer
from app.extract.actors.lexicon import first_names
from app.extract.actors.matcher import name_tokens
from app.extract.model import EntityKind
from app.text.memo import CANDIDATES, EVERY_TOKEN

# Consonants transliterations trade: g (غ ج), z/s (ز س), th/t (ث ت), dh/d (ذ د); and ch,
# written تش or ج (عراقتشي، عراقجي).
_FOLD = str.maketrans({"غ": "ج", "ز": "س", "ث": "ت", "ذ": "د"})
_CH = "تش"
_VOWELS = frozenset("اوي")
_ARTICLE = "ال"

Skeleton = tuple[str, ...]


def skeleton(tokens: tuple[str, ...]) -> Skeleton:
    return tuple(word_skeleton(t) for t in tokens)


@lru_cache(maxsize=EVERY_TOKEN)
def word_skeleton(word: str) -> str:
    folded = word.translate(_FOLD)
    if word in first_names() or word.startswith(_ARTICLE):
        return folded
    folded = folded.replace(_CH, "ج")
    letters = [folded[0], *(ch for ch in folded[1:] if ch not in _VOWELS)]
    if len(letters) > 2 and letters[-1] == "ه":  # a final vowel: ديوداتو / ديوداته
        letters.pop()
    out = [ch for n, ch in enumerate(letters) if n == 0 or ch != letters[n - 1]]
    return "".join(out)


def initials(skeleton: str) -> frozenset[str]:
    """The letters a word whose `word_skeleton` is `skeleton` can begin with: its first
    letter, the letters folded into it, and for ج those of a تش (ت, or ث folded into it)."""
    first = skeleton[:1]
    firsts = {first, _CH[0]} if first == "ج" else {first}
    return frozenset(firsts | {chr(code) for code, into in _FOLD.items() if into in firsts})


@lru_cache(maxsize=CANDIDATES)
def vowel_skeleton(word: str) -> str:
    """`word_skeleton` for any word, a listed first name too: "جوزيف" and "جوزاف"."""
    folded = word.translate(_FOLD).replace(_CH, "ج")
    letters = [folded[0], *(ch for ch in folded[1:] if ch not in _VOWELS)] if folded else []
    return "".join(ch for n, ch in enumerate(letters) if n == 0 or ch != letters[n - 1])


def transliterated(gazetteer: Gazetteer, tokens: tuple[str, ...]) -> str | None:
    """The one known person whose name is `tokens` spelled another way, if any."""
    if len(tokens) < 2:
        return None
    ids = _index(gazetteer).get(skeleton(tokens), ())
    return ids[0] if len(ids) == 1 else None


def prepare(gazetteer: Gazetteer) -> None:
    """Build the skeleton index of `gazetteer` now rather than in the first article that
    needs it."""
    _index(gazetteer)


@per_gazetteer
def _index(gazetteer: Gazetteer) -> dict[Skeleton, tuple[str, ...]]:
    """Skeleton -> ids of the persons with a spelling of at least two words that has it."""
    found: dict[Skeleton, set[str]] = defaultdict(set)
    for entry in gazetteer.entries.values():
        if entry.kind is not EntityKind.PERSON:
            continue
        for spelling in entry.spellings:
            tokens = name_tokens(spelling)
            if len(tokens) >= 2:
                found[skeleton(tokens)].add(entry.id)
    return {key: tuple(sorted(ids)) for key, ids in found.items()}
