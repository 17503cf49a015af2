"""What the rest of an article tells about a citation's body.

Two readings, both lazy (most citations are settled by their own words or the table):
- the body named in the citation's own sentence, the nearest before it ("وتبنى مجلس الأمن
  بالإجماع القرار 2728") else the only one after it;
- the one body the whole article names, when a plain citation says nothing else ("وجرى
  التصويت على القرار 2554" in a story about the Security Council);
- the body a short form points back at: "المجلس", "الجمعية", "الجامعة" name the council,
  assembly or league the article has named in full, the nearest one before (else the first
  after). A full name outside the body phrases ("مجلس النواب", "جامعة دمشق") is a state's or
  someone else's body, and makes the short form a national decision's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from app.extract.resolutions import lexicon as lex
from app.extract.resolutions.bodies import anaphor_at, body_at
from app.extract.resolutions.lexicon import Hint
from app.extract.resolutions.parse import EXPLICIT, Found
from app.extract.tokens import NormText, Tok

_PREFIXES = ("بال", "لل", "كال", "ال", "ب", "ل", "ك")
_STEMS = tuple(sorted(set(lex.ANAPHOR_STEMS.values())))
_WORDS = re.compile(r"[^\W\d_]+")
_HAS_STEM = re.compile("|".join(map(re.escape, _STEMS)))  # any of them, anywhere in a word


@dataclass(frozen=True, slots=True)
class _Named:
    seq: int  # block
    start: int  # normalized offset in the block
    hint: Hint


class ArticleBodies:
    def __init__(self, texts: Sequence[NormText]) -> None:
        self._texts = texts
        self._named: dict[str, list[_Named]] | None = None
        self._bodies: set[Hint] | None = None
        self._un: bool | None = None

    def antecedent(self, stem: str, seq: int, start: int) -> Hint | None:
        """The body the short form with `stem` at (block seq, offset start) points back at."""
        if stem == lex.ANY_BODY:
            entries = sorted(
                (e for named in self._index().values() for e in named),
                key=lambda e: (e.seq, e.start),
            )
        else:
            entries = self._index().get(stem, [])
        before = [e for e in entries if (e.seq, e.start) < (seq, start)]
        pick = before[-1] if before else (entries[0] if entries else None)
        return pick.hint if pick is not None else None

    def in_sentence(self, f: Found) -> Hint | None:
        """The body the citation's sentence names, in full or by a short form: the nearest
        one before the citation ("وطالب المجلس في القرار 55/28، الذي قدمته باكستان باسم
        منظمة التعاون الإسلامي"), else the only one after it."""
        toks = f.nt.tokens
        k = f.nt.token_at(f.start)
        if k is None:
            return None
        before: list[Hint] = []
        after: set[Hint] = set()
        for j in _sentence_range(toks, k):
            hint: Hint | None = None
            body = body_at(toks, j)
            if body is not None and (_owns_a_mission(toks, j) or _sponsors(toks, j)):
                continue
            if body is not None and body[0] in EXPLICIT:
                hint = body[0]
            elif _HAS_STEM.search(toks[j].norm):
                short = anaphor_at(toks, j)
                if short is not None:
                    hint = self.antecedent(short, f.seq, toks[j].nstart)
            if hint is None:
                continue
            if toks[j].nstart < f.start:
                before.append(hint)
            else:
                after.add(hint)
        if before:
            return before[-1]
        return after.pop() if len(after) == 1 else None

    def only_body(self) -> Hint | None:
        """The one issuing body the whole article names in full, if it names exactly one."""
        if self._bodies is None:
            named: set[Hint] = set()
            for nt in self._texts:
                toks = nt.tokens
                for j in range(len(toks)):
                    body = body_at(toks, j)
                    if body is not None and not (_owns_a_mission(toks, j) or _sponsors(toks, j)):
                        named.add(body[0])
            self._bodies = named
        explicit = self._bodies & EXPLICIT
        return next(iter(explicit)) if len(explicit) == 1 else None

    def speaks_of_un(self) -> bool:
        """Whether any sentence of the article has a UN word or names a UN organ."""
        if self._un is None:
            self._un = any(lex.has_un_cue(_WORDS.findall(nt.text)) for nt in self._texts)
        return self._un

    def _index(self) -> dict[str, list[_Named]]:
        if self._named is None:
            named: dict[str, list[_Named]] = defaultdict(list)
            for seq, nt in enumerate(self._texts):
                for j, tok in enumerate(nt.tokens):
                    stem = _stem_of(tok.norm)
                    if stem is None:
                        continue
                    body = body_at(nt.tokens, j)
                    if body is None and anaphor_at(nt.tokens, j) is not None:
                        continue  # a short form itself, not a name
                    named[stem].append(_Named(seq, tok.nstart, body[0] if body else Hint.NATIONAL))
            self._named = named
        return self._named


def _stem_of(word: str) -> str | None:
    """ "ومجلس" -> "مجلس", "بالجمعيه" -> "جمعيه"; None for other words."""
    if not _HAS_STEM.search(word):
        return None
    if word[:1] in {"و", "ف"} and word[1:] and any(word[1:].endswith(s) for s in _STEMS):
        word = word[1:]
    for prefix in _PREFIXES:
        if word.startswith(prefix) and word[len(prefix) :] in _STEMS:
            return word[len(prefix) :]
    return word if word in _STEMS else None


def _sentence_range(toks: list[Tok], k: int) -> range:
    sentence = toks[k].sentence
    first = k
    while first > 0 and toks[first - 1].sentence == sentence:
        first -= 1
    last = k
    while last + 1 < len(toks) and toks[last + 1].sentence == sentence:
        last += 1
    return range(first, last + 1)


def _sponsors(toks: list[Tok], j: int) -> bool:
    """ "نيابة عن دول مجلس التعاون"، "باسم المجموعة العربية": on whose behalf a draft was
    put forward, not who adopted it."""
    before = [toks[k].norm for k in range(max(j - 3, 0), j)]
    return any(word in lex.ON_BEHALF for word in before)


def _owns_a_mission(toks: list[Tok], j: int) -> bool:
    """ "بعثة الاتحاد الأفريقي": the body at j only owns the mission named before it; "دول
    مجلس التعاون": its member states are meant, not the body that votes."""
    if j == 0:
        return False
    word = toks[j - 1].norm
    if word[:1] in {"و", "ل", "ب"} and word[1:] in lex.MISSION_NOUNS | lex.MEMBER_NOUNS:
        word = word[1:]
    return word in lex.MISSION_NOUNS or word in lex.MEMBER_NOUNS
