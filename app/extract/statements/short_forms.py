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
The tables are built on the first unlinked speaker of an article (most articles have none),
the two that read the words around every mention (generic heads, titles) on first use.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from app.extract.model import Entity, EntityKind, Mention
from app.extract.statements import words as w
from app.extract.statements.speakers import misread
from app.extract.statements.verbs import WORDS
from app.extract.tokens import Kind, NormText, Tok
from app.ingest.model import Part, TextBlock
from app.text.normalize import normalize

Where = tuple[int, int]  # the block's place in the article, a normalized offset in it
_MAX_TITLE = 10  # tokens of a title around a name ("المندوب الدائم لجمهورية السودان لدى الأمم")
_PREFIXES = ("وال", "بال", "لل", "ال", "و", "ب", "ل")
_MINISTRY = normalize("وزارة")
_OFFICIAL = frozenset(normalize("مسؤول مسؤولة مسئول مسئولة دبلوماسي دبلوماسية").split())
_ABD = normalize("عبد")
_COMPOUND_OPENERS = frozenset(normalize("عبد أبو أبي أبا ابن بن آل أم").split())
_QUOTE_MARKS = frozenset(w.CLOSE_QUOTE) | frozenset(w.CLOSE_QUOTE.values())
_ABD_SPACE = re.compile(rf"(?<!\S){_ABD} (?=\S)")


@dataclass(frozen=True, slots=True)
class _Seen:
    where: Where
    key: str
    words: frozenset[str] = frozenset()


class ShortForms:
    def __init__(
        self,
        blocks: Sequence[TextBlock],
        texts: Sequence[NormText],
        by_block: dict[tuple[Part, int], list[Mention]],
        entities: Sequence[Entity],
    ) -> None:
        self._blocks, self._by_block, self._entities = blocks, by_block, entities
        self._persons = frozenset(e.key for e in entities if e.kind is EntityKind.PERSON)
        self._texts = texts
        self._order = {(b.part, b.index): seq for seq, b in enumerate(blocks)}
        self._built = False
        self._heads: dict[str, list[_Seen]] = defaultdict(list)  # body head noun
        # Built on first use: both read the tokens around every mention of their kind.
        self._parts: dict[str, list[_Seen]] | None = None  # generic head + لـ body
        self._titles: list[_Seen] | None = None  # persons with the words that introduced them
        self._tails: dict[str, set[str]] = defaultdict(set)  # ends of person names
        self._skeletons: dict[str, set[str]] = defaultdict(set)  # surnames without long vowels
        self.recent: list[str] = []  # speakers so far, in reading order
        self._firsts = _first_names(entities)
        self.lone_names = frozenset(self._firsts) | _last_names(entities)

    def resolve(self, surface: str, part: Part, index: int, offset: int) -> str | None:
        """The key of the actor `surface` shortens, said at display `offset` of a block."""
        if not self._built:
            self._build()
        words = normalize(surface).split()
        if not words or w.has_stem(words[0], w.ANONYMOUS_STEMS):
            return None
        if words[0] in w.UNNAMED_OFFICIALS:
            return None  # "مسؤول بمكتب الرئيس": an anonymous source, not the president
        if words[0] in w.DOCUMENT_SUBJECTS:
            return None  # "ويطالب القرار حزب الله": a document, and whom it addresses
        at = self._where(part, index, offset)
        phrase = " ".join(words)
        found = None
        if len(words) <= 2 and all(w.definite(word) for word in words):  # as a part is named
            found = _nearest(self._parts_table().get(phrase, []), at)
        if found is None and len(words) == 1 and words[0].startswith("ال"):
            found = self._headed(_bare(words[0]))
        titled = w.has_stem(words[0], w.TITLE_STEMS)
        if found is None:
            found = self._named(words)
            if titled and found not in self._persons:
                found = None  # "المدير العام للوكالة الدولية للطاقة الذرية": its holder
        if found is None and titled:
            found = self._titled(words, at)
        if found is None and len(words) == 1:
            found = self._firsts.get(words[0])  # "وقال قيس" for "قيس سعيد"
        official = w.definite(words[0]) and _bare(words[0]) in _OFFICIAL  # not "مسؤول أمريكي"
        if found is None and official and all(map(w.nisba, words[1:])):
            found = self._last_person()
        return found

    def holder(self, surface: str, part: Part, index: int, offset: int) -> str | None:
        """The person the article introduced with every word of the title `surface`: "قال
        المتحدث باسم الخارجية" after "إسماعيل بقائي، المتحدث باسم الخارجية" is his."""
        if not self._built:
            self._build()
        return self._titled(normalize(surface).split(), self._where(part, index, offset))

    def _where(self, part: Part, index: int, offset: int) -> Where:
        seq = self._order.get((part, index), 0)
        return seq, self._texts[seq].from_display(offset)

    def _last_person(self) -> str | None:
        """ "وشدد المسؤول الأممي": an official described, not named, is the person who spoke
        last."""
        return next((key for key in reversed(self.recent) if key in self._persons), None)

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
        fits = [seen for seen in self._titles_table() if wanted <= seen.words]
        return _nearest(fits, at)

    def _build(self) -> None:
        self._built = True
        heads: dict[str, list[str]] = {}
        for entity in self._entities:
            words = normalize(entity.name).split()
            if entity.kind is EntityKind.ORGANIZATION and len(words) > 1:
                # the name only: aliases from the gazetteer ("هيئة الأمم المتحدة") are not
                # how this article shortens it
                heads[entity.key] = [_unprefixed(words[0])]
                if normalize(entity.name).startswith(_MINISTRY):
                    # "وقالت الخارجية" for "وزارة الخارجية القطرية": a ministry goes by its
                    # portfolio
                    heads[entity.key].append(_unprefixed(words[1]))
                # "الديمقراطي الكوردستاني" for "الحزب الديمقراطي الكوردستاني"
                self._tails[" ".join(words[1:])].add(entity.key)
            if entity.kind is EntityKind.PERSON:
                for name in {entity.name, *entity.aliases}:
                    words = normalize(name).split()
                    for k in range(1, len(words)):
                        tail = " ".join(words[k:])
                        self._tails[tail].add(entity.key)
                        # "عبدالسلام" for "عبد السلام": the press writes them run together too
                        self._tails[_ABD_SPACE.sub(_ABD, tail)].add(entity.key)
                    if len(words) > 1 and len(words[-1]) >= 6:
                        self._skeletons[_skeleton(words[-1])].add(entity.key)
        for seq, full, mention in self._mentions_of(EntityKind.ORGANIZATION):
            for head in heads.get(mention.entity_key, ()):
                where = (seq, full.from_display(mention.span.start))
                self._heads[head].append(_Seen(where, mention.entity_key))
        for entries in self._heads.values():
            entries.sort(key=lambda e: e.where)

    def _mentions_of(self, kind: EntityKind) -> Iterator[tuple[int, NormText, Mention]]:
        """The mentions of actors of `kind`, in reading order, with their block."""
        kinds = {e.key: e.kind for e in self._entities}
        for seq, block in enumerate(self._blocks):
            mentions = self._by_block.get((block.part, block.index), [])
            if mentions:
                full = self._texts[seq]
                for mention in mentions:
                    if kinds.get(mention.entity_key) is kind and not misread(mention, kind):
                        yield seq, full, mention

    def _parts_table(self) -> dict[str, list[_Seen]]:
        if self._parts is None:
            parts: dict[str, list[_Seen]] = defaultdict(list)
            views: dict[tuple[int, int], NormText] = {}  # a sentence's tokens, read once
            for seq, full, mention in self._mentions_of(EntityKind.ORGANIZATION):
                where = (seq, full.from_display(mention.span.start))
                head = _part_of(_view(full, seq, where[1], views), where[1])
                if head is not None:
                    parts[head].append(_Seen(where, mention.entity_key))
            for entries in parts.values():
                entries.sort(key=lambda e: e.where)
            self._parts = parts
        return self._parts

    def _titles_table(self) -> list[_Seen]:
        if self._titles is None:
            titles: list[_Seen] = []
            views: dict[tuple[int, int], NormText] = {}
            for seq, full, mention in self._mentions_of(EntityKind.PERSON):
                where = (seq, full.from_display(mention.span.start))
                end = full.from_display(mention.span.end)
                words = _title_of(_view(full, seq, where[1], views), where[1], end)
                if words is not None:
                    titles.append(_Seen(where, mention.entity_key, words))
            titles.sort(key=lambda e: e.where)
            self._titles = titles
        return self._titles


def _first_names(entities: Sequence[Entity]) -> dict[str, str]:
    """The first word of each person's full name, for the one person it opens ("قيس" ->
    "قيس سعيد"); not a word that opens a compound (عبد الله، أبو محمد) nor a shared one."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        if entity.kind is not EntityKind.PERSON:
            continue
        for name in {entity.name, *entity.aliases}:
            words = normalize(name).split()
            if len(words) > 1 and len(words[0]) > 2 and words[0] not in _COMPOUND_OPENERS:
                owners[words[0]].add(entity.key)
    return {word: next(iter(keys)) for word, keys in owners.items() if len(keys) == 1}


def _last_names(entities: Sequence[Entity]) -> frozenset[str]:
    """The last word of each person's full name, and "عبدالسلام" for one ending "عبد السلام"
    (the press writes them run together): a word that names him alone."""
    found: set[str] = set()
    for entity in entities:
        if entity.kind is not EntityKind.PERSON:
            continue
        for name in {entity.name, *entity.aliases}:
            words = normalize(name).split()
            if len(words) > 1 and len(words[-1]) > 3:
                found.add(words[-1])
            if len(words) > 2 and words[-2] == _ABD:
                found.add(_ABD + words[-1])
    return frozenset(found)


def _part_of(nt: NormText, start: int) -> str | None:
    """ "الأمانة العامة لجامعة الدول العربية": the generic head before "لـ" + the body that
    starts at normalized `start`. `nt` holds the tokens of the mention's sentence."""
    k = nt.token_at(start)
    if k is None or k == 0:
        return None
    if nt.tokens[k].nstart >= start:
        k -= 1  # the clitic stands alone: "لـ الجامعة"
    tok = nt.tokens[k]
    if tok.nstart >= start or not nt.text[tok.nstart : start].endswith("ل"):
        return None  # not "لـ" + the body
    head = [t.norm for t in nt.tokens[max(k - 2, 0) : k] if t.kind is Kind.WORD]
    if len(head) == 2 and not w.definite(head[1]):
        head = head[1:]
    generic = bool(head) and all(w.definite(word) for word in head)
    if generic and not w.has_stem(head[0], w.TITLE_STEMS):
        return " ".join(head)
    return None


def _title_of(nt: NormText, start: int, end: int) -> frozenset[str] | None:
    """The words of the title before a name ("المدعي العام للمحكمة الجنائية الدولية، كريم
    خان") or right after it ("بدر عبد العاطي وزير الخارجية"), bare, for the name at normalized
    [start, end). `nt` holds the tokens of the mention's sentence."""
    toks = nt.tokens
    first = nt.token_at(start)
    if first is None:
        return None
    last = bisect.bisect_left(nt.starts, end) - 1
    words = _title_words(toks, range(first - 1, max(first - 1 - _MAX_TITLE, -1), -1))
    after = last + 1 + (last + 1 < len(toks) and toks[last + 1].norm in _QUOTE_MARKS)
    after += after < len(toks) and toks[after].norm in {"،", ","}
    if after < len(toks) and w.has_stem(toks[after].norm, w.TITLE_STEMS):
        words |= _title_words(toks, range(after, min(after + _MAX_TITLE, len(toks))))
    if any(w.has_stem(word, w.TITLE_STEMS) for word in words):
        # both readings of a word that may open with و: "وزيرة" is the title, not و + "زيرة",
        # and a subject "الوزيرة" is read bare as "وزيرة"
        return frozenset(form for word in words for form in (_bare(word), *w.readings(word)))
    return None


def _view(full: NormText, seq: int, start: int, views: dict[tuple[int, int], NormText]) -> NormText:
    """The view of `full` (block `seq`) holding the sentence at normalized `start`, built
    once."""
    sentence = full.sentence_at(start)
    view = views.get((seq, sentence))
    if view is None:
        view = views[(seq, sentence)] = full.only([sentence])
    return view


def _title_words(toks: list[Tok], order: range) -> set[str]:
    """The words of a title read in `order` from a name, up to punctuation or a verb; one
    comma right next to the name is an apposition's and is passed."""
    words: set[str] = set()
    commas = 0
    for n, k in enumerate(order):
        tok = toks[k]
        if tok.sentence != toks[order[0]].sentence:
            break
        if tok.kind is not Kind.WORD:
            if n == 0 and tok.norm in _QUOTE_MARKS:
                continue  # "وزيرة الاستثمار، «سحر نصر»": the name in quotes
            # "المندوب الدائم للسودان، السفير الحارث"، "المبعوث إلى اليمن، السويدي، هانز":
            # an honorific, or a demonym set off by commas, may stand between the title's
            # comma and the name (not "غوتيريش، البريطاني مارتن": that title is another's)
            honorific = all(word in w.HONORIFICS for word in words)
            set_off = commas == 1 and all(word in w.HONORIFICS or w.nisba(word) for word in words)
            if tok.norm in {"،", ","} and (n == 0 or honorific or set_off) and commas < 2:
                commas += 1
                continue
            break
        if tok.norm in WORDS or tok.norm in w.COMPLEMENTIZERS or tok.norm in w.NOT_APPOSITION:
            break  # "خلال لقائه نظيره الروسي، سيرغي لافروف": another's title, not his
        words.add(tok.norm)
    return words


def _bare(word: str) -> str:
    """The word without its clitics and article: "للأمين" -> "امين"."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


def _unprefixed(word: str) -> str:
    """A word of a name without its article only: its first letter may be و or ب of the root
    ("وزارة"، "وكالة"، "بعثة"), never a clitic, as it is in a subject ("الوزارة" -> "وزاره")."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _skeleton(name: str) -> str:
    """A transliterated name without its long vowels, which spellings disagree on, and with
    one letter for the hard g the press writes four ways ("غروندبرغ"، "جروندبيرج")."""
    return "".join("غ" if ch in "جقكگ" else ch for ch in name if ch not in "اوي")


def _nearest(seen: list[_Seen], at: Where) -> str | None:
    """The key seen last before `at`, else the first seen after it."""
    before = [s for s in seen if s.where < at]
    if before:
        return before[-1].key
    return seen[0].key if seen else None
