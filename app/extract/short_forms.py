"""Speakers the recognizer left unlinked, named by a short form of an actor of the article.

Each rule points back at an actor the article has named in full, the nearest one before the
statement (else the first after):
- a body's head noun: "وتشير الهيئة" after "هيئة التفاوض السورية" (of two bodies with that
  head, the one that spoke last);
- a generic head seen serving a body: "وتؤكد الأمانة العامة" after "الأمانة العامة لجامعة
  الدول العربية" (a sub-body speaks for its parent);
- a person's title, every word of it among the words that introduced that person: "وأضاف
  المدعي العام" after "المدعي العام للمحكمة الجنائية الدولية، كريم خان"، "وشدد قائد الإدارة
  الجديدة" after "قائد الإدارة السورية الجديدة أحمد الشرع";
- the end of a person's name, a title before it or not, a foreign surname in another spelling
  of its long vowels ("غروندبيرغ" for "غروندبرغ"): "وقال عبد السلام" after "محمد عبد
  السلام", "بأن الوزير عبد العاطي أكد" after "بدر عبد العاطي".
The tables are built on the first unlinked speaker of an article: most articles have none.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from app.extract import statement_words as w
from app.extract.model import Entity, EntityKind, Mention
from app.extract.verbs import WORDS
from app.ingest.model import Part, TextBlock
from app.text.normalize import normalize
from app.text.normtext import Kind, NormText, Tok, shared

Where = tuple[int, int]  # the block's place in the article, a normalized offset in it
_MAX_TITLE = 7  # words of a title around a name
_PREFIXES = ("وال", "بال", "لل", "ال", "و", "ب", "ل")


@dataclass(frozen=True, slots=True)
class _Seen:
    where: Where
    key: str
    words: frozenset[str] = frozenset()


class ShortForms:
    def __init__(
        self,
        blocks: Sequence[TextBlock],
        by_block: dict[tuple[Part, int], list[Mention]],
        entities: Sequence[Entity],
    ) -> None:
        self._blocks, self._by_block, self._entities = blocks, by_block, entities
        self._order = {(b.part, b.index): seq for seq, b in enumerate(blocks)}
        self._built = False
        self._heads: dict[str, list[_Seen]] = defaultdict(list)  # body head noun
        self._parts: dict[str, list[_Seen]] = defaultdict(list)  # generic head + لـ body
        self._titles: list[_Seen] = []  # persons with the words that introduced them
        self._tails: dict[str, set[str]] = defaultdict(set)  # ends of person names
        self._skeletons: dict[str, set[str]] = defaultdict(set)  # surnames without long vowels
        self.recent: list[str] = []  # speakers so far, in reading order

    def resolve(self, surface: str, part: Part, index: int, offset: int) -> str | None:
        """The key of the actor `surface` shortens, said at display `offset` of a block."""
        if not self._built:
            self._build()
        words = normalize(surface).split()
        if not words or w.has_stem(words[0], w.ANONYMOUS_STEMS):
            return None
        seq = self._order.get((part, index), 0)
        at = (seq, shared(self._blocks[seq].text).from_display(offset))
        phrase = " ".join(words)
        found = _nearest(self._parts.get(phrase, []), at)
        if found is None and len(words) == 1 and words[0].startswith("ال"):
            found = self._headed(_bare(words[0]))
        if found is None:
            found = self._named(words)
        if found is None and w.has_stem(words[0], w.TITLE_STEMS):
            found = self._titled(words, at)
        return found

    def _named(self, words: list[str]) -> str | None:
        """ "عبد السلام"، "الوزير عبد العاطي": the one person whose name ends as the subject
        does (a title may come first)."""
        whole = self._tails.get(" ".join(words), set())
        if len(words) > 1 and len(whole) == 1:
            return next(iter(whole))  # a body's name without its head noun
        for size in (3, 2, 1):
            if len(words) < size or (size == len(words) and words[0].startswith("ال")):
                continue
            tail = " ".join(words[-size:])
            keys = self._tails.get(tail, set())
            if len(tail) >= 4 and len(keys) == 1:
                return next(iter(keys))
        last = words[-1]
        if len(words) == 1 and len(last) >= 6 and not last.startswith("ال"):
            # a foreign name spelt with other long vowels: "غروندبيرغ" for "غروندبرغ"
            keys = self._skeletons.get(_skeleton(last), set())
            return next(iter(keys)) if len(keys) == 1 else None
        return None

    def spoke(self, key: str) -> None:
        """Record a speaker, so that a short form two bodies share goes to the one speaking."""
        self.recent.append(key)

    def _headed(self, head: str) -> str | None:
        """The one body whose name opens with `head`; of several, the one that spoke last."""
        keys = {seen.key for seen in self._heads.get(head, [])}
        if len(keys) == 1:
            return next(iter(keys))
        return next((key for key in reversed(self.recent) if key in keys), None)

    def _titled(self, words: list[str], at: Where) -> str | None:
        wanted = {_bare(word) for word in words if len(word) > 1}
        fits = [seen for seen in self._titles if wanted <= seen.words]
        return _nearest(fits, at)

    def _build(self) -> None:
        self._built = True
        heads: dict[str, str] = {}
        for entity in self._entities:
            words = normalize(entity.name).split()
            if entity.kind is EntityKind.ORGANIZATION and len(words) > 1:
                # the name only: aliases from the gazetteer ("هيئة الأمم المتحدة") are not
                # how this article shortens it
                heads[entity.key] = _bare(words[0])
                # "الديمقراطي الكوردستاني" for "الحزب الديمقراطي الكوردستاني"
                self._tails[" ".join(words[1:])].add(entity.key)
            if entity.kind is EntityKind.PERSON:
                for name in {entity.name, *entity.aliases}:
                    words = normalize(name).split()
                    for k in range(1, len(words)):
                        self._tails[" ".join(words[k:])].add(entity.key)
                    if len(words) > 1 and len(words[-1]) >= 6:
                        self._skeletons[_skeleton(words[-1])].add(entity.key)
        kinds = {e.key: e.kind for e in self._entities}
        for seq, block in enumerate(self._blocks):
            mentions = self._by_block.get((block.part, block.index), [])
            if not mentions:
                continue
            full = shared(block.text)
            for mention in mentions:
                kind = kinds.get(mention.entity_key)
                start = full.from_display(mention.span.start)
                where = (seq, start)
                if kind is EntityKind.ORGANIZATION:
                    if mention.entity_key in heads:
                        seen = _Seen(where, mention.entity_key)
                        self._heads[heads[mention.entity_key]].append(seen)
                    self._part_of(full, mention, where)
                elif kind is EntityKind.PERSON:
                    self._title_of(full, mention, where)
        for table in (self._heads, self._parts):
            for entries in table.values():
                entries.sort(key=lambda e: e.where)
        self._titles.sort(key=lambda e: e.where)

    def _part_of(self, full: NormText, mention: Mention, where: Where) -> None:
        """ "الأمانة العامة لجامعة الدول العربية": the generic head before "لـ" + the body."""
        start = where[1]
        nt = full.only([full.sentence_at(start)])
        k = nt.token_at(start)
        if k is None or k == 0:
            return
        if nt.tokens[k].start >= start:
            k -= 1  # the clitic stands alone: "لـ الجامعة"
        tok = nt.tokens[k]
        if tok.start >= start or not nt.text[tok.start : start].endswith("ل"):
            return  # not "لـ" + the body
        head = [t.text for t in nt.tokens[max(k - 2, 0) : k] if t.kind is Kind.WORD]
        if len(head) == 2 and not w.definite(head[1]):
            head = head[1:]
        generic = bool(head) and all(w.definite(word) for word in head)
        if generic and not w.has_stem(head[0], w.TITLE_STEMS):
            self._parts[" ".join(head)].append(_Seen(where, mention.entity_key))

    def _title_of(self, full: NormText, mention: Mention, where: Where) -> None:
        """The words of the title before a name ("المدعي العام للمحكمة الجنائية الدولية، كريم
        خان") or right after it ("بدر عبد العاطي وزير الخارجية")."""
        start, end = where[1], full.from_display(mention.span.end)
        nt = full.only([full.sentence_at(start)])
        toks = nt.tokens
        first = nt.token_at(start)
        if first is None:
            return
        last = bisect.bisect_left(nt.starts, end) - 1
        words = _title_words(toks, range(first - 1, max(first - 1 - _MAX_TITLE, -1), -1))
        after = last + 1 + (last + 1 < len(toks) and toks[last + 1].text in {"،", ","})
        if after < len(toks) and w.has_stem(toks[after].text, w.TITLE_STEMS):
            words |= _title_words(toks, range(after, min(after + _MAX_TITLE, len(toks))))
        if any(w.has_stem(word, w.TITLE_STEMS) for word in words):
            self._titles.append(_Seen(where, mention.entity_key, frozenset(map(_bare, words))))


def _title_words(toks: list[Tok], order: range) -> set[str]:
    """The words of a title read in `order` from a name, up to punctuation or a verb; one
    comma right next to the name is an apposition's and is passed."""
    words: set[str] = set()
    for n, k in enumerate(order):
        tok = toks[k]
        if tok.sentence != toks[order[0]].sentence:
            break
        if tok.kind is not Kind.WORD:
            if n == 0 and tok.text in {"،", ","}:
                continue
            break
        if tok.text in WORDS or tok.text in w.COMPLEMENTIZERS:
            break
        words.add(tok.text)
    return words


def _bare(word: str) -> str:
    """The word without its clitics and article: "للأمين" -> "امين"."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


def _skeleton(name: str) -> str:
    """A transliterated name without its long vowels, which spellings disagree on."""
    return "".join(ch for ch in name if ch not in "اوي")


def _nearest(seen: list[_Seen], at: Where) -> str | None:
    """The key seen last before `at`, else the first seen after it."""
    before = [s for s in seen if s.where < at]
    if before:
        return before[-1].key
    return seen[0].key if seen else None
