"""Who speaks: the subject noun phrase of a reporting verb, and the actor it names.

The recognizer's mentions are the evidence; this module only decides which mention, if any,
is the speaker. "أكد رئيس الائتلاف الوطني السوري، هادي البحرة، أن" names a person and an
organization: the person speaks. "قال رئيس الهيئة إن" names only the organization, inside a
title: the speaker is its head, unnamed, so the key stays None. "أكد المسؤولان الفرنسيان"
names France through a demonym: France speaks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.extract import statement_words as w
from app.extract.model import EntityKind, Mention
from app.ingest.model import TextBlock
from app.text.normalize import normalize
from app.text.normtext import Kind, NormText

_RELATIVES = frozenset(normalize("الذي التي الذين اللذين اللتين اللذان اللتان").split())
_COMMAS = frozenset({"،", ","})
_ALREADY = frozenset(normalize("قد لقد").split())
_WAS = frozenset(normalize("كان وكان كانت وكانت كانوا وكانوا").split())


@dataclass(frozen=True, slots=True)
class Placed:
    """A mention located on the tokens of one block."""

    mention: Mention
    first: int
    last: int  # inclusive
    kind: EntityKind | None
    nstart: int  # normalized offset where the mention begins (after a clitic, if any)

    def after_clitic(self, nt: NormText) -> bool:
        """ "بالنظام السوري": the mention starts inside its first token, after ب."""
        return self.nstart > nt.tokens[self.first].start


@dataclass(frozen=True, slots=True)
class Speaker:
    key: str | None
    surface: str


class MentionIndex:
    """Which mention covers, or starts at, each token of a block."""

    def __init__(
        self, nt: NormText, mentions: Sequence[Mention], kinds: dict[str, EntityKind]
    ) -> None:
        self.covering: list[Placed | None] = [None] * len(nt.tokens)
        self.starting: list[Placed | None] = [None] * len(nt.tokens)
        for mention in sorted(mentions, key=lambda m: m.span.start - m.span.end):
            start = nt.from_display(mention.span.start)
            end = nt.from_display(mention.span.end)
            found = nt.token_at(start)
            first = len(nt.tokens) if found is None else found
            if first > 0 and nt.tokens[first - 1].end > start:
                first -= 1  # the mention begins inside a token, after its clitic
            if first >= len(nt.tokens) or nt.tokens[first].start >= end:
                continue
            last = first
            while last + 1 < len(nt.tokens) and nt.tokens[last + 1].start < end:
                last += 1
            placed = Placed(mention, first, last, kinds.get(mention.entity_key), start)
            for i in range(first, last + 1):
                if self.covering[i] is None:
                    self.covering[i] = placed
            if self.starting[first] is None:
                self.starting[first] = placed


class BlockView:
    """One block's tokens and mentions, shared by the readers of subjects and of content."""

    def __init__(self, block: TextBlock, nt: NormText, index: MentionIndex) -> None:
        self.block, self.nt, self.index, self.toks = block, nt, index, nt.tokens

    def text(self, k: int) -> str:
        return self.toks[k].text if 0 <= k < len(self.toks) else ""

    def sentence_of(self, offset: int) -> int:
        k = self.nt.token_at(offset)
        return self.toks[k].sentence if k is not None else -1

    def is_demonym(self, placed: Placed) -> bool:
        """A one-word place mention shaped like an adjective: "الفرنسيان"، "أميركيون"."""
        if placed.kind is not EntityKind.PLACE or placed.first != placed.last:
            return False
        word = self.toks[placed.first].text
        return w.nisba(word) and not word.endswith("يا")


class SubjectReader(BlockView):
    def choose(self, first: int, end: int, start: int | None = None) -> Speaker:
        """The speaker named by tokens [first, end): a person, else the phrase's own actor.
        `start` overrides where the surface begins (after a clitic: "وفقاً للمرصد")."""
        placed = [p for i in range(first, end) if (p := self.index.starting[i]) is not None]
        surface = self._surface(first, end, start)
        person = next((p for p in placed if p.kind is EntityKind.PERSON), None)
        if person is not None:
            return Speaker(person.mention.entity_key, surface)
        if not placed:
            return Speaker(None, surface)
        head = placed[0]
        while first < head.first and self.toks[first].kind is Kind.PUNCT:
            first += 1  # 'قالت "هيئة التفاوض"'
        if head.first > first and not self.is_demonym(head):
            before = self.toks[head.first - 1].text
            if not w.definite(before) or w.has_stem(before, w.TITLE_STEMS):
                return Speaker(None, surface)  # "رئيس الهيئة": the head of the body, unnamed
        return Speaker(head.mention.entity_key, surface)

    def subject(self, p: int, *, clitic: bool = False) -> int:
        """End of the subject of a verb whose content is a bare object: "أكد المسؤولان الفرنسيان
        دعم بلادهما". Needs a recognized actor or a speaking noun at its head; else p.
        `clitic`: the subject carries a preposition ("وفقاً للمرصد")."""
        toks = self.toks
        if p >= len(toks) or toks[p].kind is not Kind.WORD:
            return p
        head, word = self.index.starting[p], toks[p].text
        if clitic and word.startswith("ل"):
            word = "ال" + word[2:] if word.startswith("لل") else word[1:]
        if head is not None and (clitic or not head.after_clitic(self.nt)):
            q = head.last + 1
        elif w.has_stem(word, w.SPEAKER_STEMS):
            q = p + 1
        else:
            return p
        while q < len(toks) and toks[q].sentence == toks[p].sentence and q - p < 10:
            step = self._subject_step(q)
            if not step:
                break
            q += step
        return q

    def _subject_step(self, q: int) -> int:
        word, prev = self.toks[q].text, self.toks[q - 1].text
        if self.toks[q].kind is not Kind.WORD:
            return self._apposition(q)
        after_name = self.index.covering[q - 1] is not None
        placed = self.index.starting[q]
        if word.startswith("لل") and w.serves((prev, self.text(q - 2))):
            return placed.last + 1 - q if placed is not None else 1  # "العام للأمم المتحدة"
        if placed is not None:
            if (
                placed.kind is EntityKind.PERSON
                or self.is_demonym(placed)
                or not (after_name or w.definite(prev))
            ):
                return placed.last + 1 - q
            return 0
        if word == "باسم" or (not after_name and not w.definite(prev) and w.definite(word)):
            return 1
        if w.nisba(word) and (w.definite(word) == w.definite(prev)):
            return 1
        if w.definite(word) and word in w.ADJECTIVES:
            return 1
        if not after_name and not w.definite(prev) and w.has_stem(prev, w.TITLE_STEMS):
            return 1  # "رئيس هيئة التفاوض"
        return 0

    def _apposition(self, q: int) -> int:
        """ "رئيس الائتلاف، هادي البحرة، أكد ...": a name between commas joins the subject."""
        if self.text(q) not in _COMMAS:
            return 0
        placed = self.index.starting[q + 1] if q + 1 < len(self.toks) else None
        if placed is None or placed.kind is not EntityKind.PERSON:
            return 0
        return placed.last + 2 - q if self.text(placed.last + 1) in _COMMAS else 0

    def names_speaker(self, first: int, end: int) -> bool:
        """Whether tokens [first, end) hold an actor or a noun that can speak."""
        for k in range(first, min(end, len(self.toks))):
            if self.index.covering[k] is not None:
                return True
            if w.has_stem(self.toks[k].text, w.SPEAKER_STEMS):
                return True
        return False

    def subject_before(self, i: int) -> Speaker | None:
        """ "هيئة التفاوض تؤكد"، "الائتلاف الذي قال إن": the actor just before the verb."""
        k = i - 1
        while k >= 0 and self.toks[k].text in w.CLOSE_QUOTE.values():
            k -= 1
        if self.text(k) in _ALREADY:
            k -= 1  # "وكان البحرة قد قال"
        relative = k >= 0 and self.toks[k].text in _RELATIVES
        if relative:
            k -= 1 + (self.text(k - 1) in _COMMAS)
        placed = self.index.covering[k] if k >= 0 else None
        if placed is None or placed.last != k:
            return None
        first = placed.first
        while first > 0 and w.has_stem(self.toks[first - 1].text, w.TITLE_STEMS):
            first -= 1  # "رئيس الهيئة يشدد"
        if not relative and first > 0 and not self._opens_clause(first - 1, i):
            return None  # "التقى بفرنسا تؤكد": no subject
        return self.choose(first, placed.last + 1)

    def _opens_clause(self, k: int, i: int) -> bool:
        prev = self.toks[k]
        if prev.sentence != self.toks[i].sentence:
            return True
        return (
            prev.text in _COMMAS
            or prev.text in _WAS
            or prev.text == ":"
            or prev.text in w.OPEN_QUOTES
            or (prev.text in w.COMPLEMENTIZERS)
        )

    def _surface(self, first: int, end: int, begin: int | None) -> str:
        while end > first and self.toks[end - 1].kind is Kind.PUNCT:
            end -= 1
        while first < end and self.toks[first].kind is Kind.PUNCT:
            first += 1
        if end <= first:
            return ""
        begin = self.toks[first].start if begin is None else begin
        start, stop = self.nt.to_display(begin, self.toks[end - 1].end)
        return _balanced(self.nt.display[start:stop])


def _balanced(surface: str) -> str:
    """Drop a quote mark left without its pair: 'صحيفة "الشرق الأوسط' -> 'صحيفة الشرق الأوسط'."""
    for opener, closer in (('"', '"'), ("'", "'"), ("«", "»"), ("“", "”")):
        if opener == closer:
            paired = surface.count(opener) % 2 == 0
        else:
            paired = surface.count(opener) == surface.count(closer)
        if not paired:
            surface = surface.replace(opener, "").replace(closer, "")
    return " ".join(surface.split())
