"""Who speaks: the subject noun phrase of a reporting verb, and the actor it names.

The recognizer's mentions are the evidence; this module only decides which mention, if any,
is the speaker:
- a person named anywhere in the subject speaks ("أكد رئيس الائتلاف الوطني السوري، هادي
  البحرة، أن"), and so does a person set off by commas after a title and its complements
  ("قال مدير المرصد المحلي في درعا، سامر الحوراني، إن") — unless what stands between says
  the name is someone else's ("خلال لقائه نظيره الروسي، سيرغي لافروف");
- a body's spokesperson speaks for the body ("المتحدث باسم الجيش الإسرائيلي"), a body named
  by its head noun is the body ("منظمة «هيومن رايتس ووتش»"), a title over a body without a
  name is its holder, unnamed ("قال رئيس الهيئة": no key);
- a group named by a demonym speaks for the country ("المسؤولان الفرنسيان"), one person
  described by it does not ("الدبلوماسي السنغالي");
- actors joined by و each speak ("أعلنت روسيا وتركيا").
The subject before the verb is read in statements.subjects.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from app.extract.model import EntityKind, Mention
from app.extract.statements import words as w
from app.extract.statements.verbs import WORDS
from app.extract.tokens import Kind, NormText
from app.ingest.model import TextBlock
from app.text.normalize import normalize

_COMMAS = frozenset({"،", ","})
_QUOTES = frozenset(w.CLOSE_QUOTE) | frozenset(w.CLOSE_QUOTE.values())
_SINGULAR_NISBA = ("ي", "يه")
_MAX_APPOSITION = 16  # tokens between a title and the name set off after it
_FI = normalize("في")
_MAX_COORDINATED_TITLE = 6  # tokens of "ورئيس إقليم كردستان" between two joined persons


@dataclass(slots=True)  # not frozen: built for every mention of every block read
class Placed:
    """A mention located on the tokens of one block."""

    mention: Mention
    first: int
    last: int  # inclusive
    kind: EntityKind | None
    nstart: int  # normalized offset where the mention begins (after a clitic, if any)

    def after_clitic(self, nt: NormText) -> bool:
        """ "بالنظام السوري": the mention starts inside its first token, after ب."""
        return self.nstart > nt.tokens[self.first].nstart


@dataclass(frozen=True, slots=True)
class Speaker:
    key: str | None
    surface: str
    others: tuple[str, ...] = ()  # coordinated speakers: "أعلنت روسيا وتركيا"
    served: str | None = None  # the actor an unnamed title serves: "رئيس الهيئة" -> the body
    fallback: Speaker | None = None  # the speaker if this one turns out to name no one
    also: tuple[str, ...] = ()  # coordinated speakers named by a title only, to resolve
    said_as: str = ""  # "m" or "f": the gender of the finite verb it last spoke with


def _longest_first(mention: Mention) -> int:
    return mention.span.start - mention.span.end


def misread(mention: Mention, kind: EntityKind | None) -> bool:
    """A person "named" by a verb's own preposition and its "that" ("وشدد الرئيس على أن":
    "علي أن"): the words of the sentence, not a name."""
    if kind is not EntityKind.PERSON:
        return False
    return normalize(mention.surface.rsplit(maxsplit=1)[-1]) in w.COMPLEMENTIZERS


class MentionIndex:
    """Which mention covers, or starts at, each token of a block."""

    def __init__(
        self,
        nt: NormText,
        mentions: Sequence[Mention],
        kinds: dict[str, EntityKind],
        lone_names: frozenset[str] = frozenset(),
    ) -> None:
        toks, starts = nt.tokens, nt.starts
        n = len(toks)
        covering: list[Placed | None] = [None] * n
        starting: list[Placed | None] = [None] * n
        from_display, bisect_left = nt.from_display, bisect.bisect_left
        for mention in sorted(mentions, key=_longest_first):
            if misread(mention, kinds.get(mention.entity_key)):
                continue
            span = mention.span
            start = from_display(span.start)
            first = bisect_left(starts, start)
            if first > 0 and toks[first - 1].nend > start:
                first -= 1  # the mention begins inside a token, after its clitic
            if first >= n:
                continue
            end = from_display(span.end)
            if toks[first].nstart >= end:
                continue
            last = bisect_left(starts, end, first) - 1
            placed = Placed(mention, first, last, kinds.get(mention.entity_key), start)
            for i in range(first, last + 1):
                if covering[i] is None:
                    covering[i] = placed
            if starting[first] is None:
                starting[first] = placed
        self.covering, self.starting, self.kinds = covering, starting, kinds
        # words that name one of the article's persons alone: the first word of a full name
        # ("وقال قيس" for "قيس سعيد"), its last ("وأوضح عبدالسلام" for "محمد عبد السلام")
        self.lone_names = lone_names


class BlockView:
    """One block's tokens and mentions, shared by the readers of subjects and of content."""

    def __init__(self, block: TextBlock, nt: NormText, index: MentionIndex) -> None:
        self.block, self.nt, self.index, self.toks = block, nt, index, nt.tokens
        self._n = len(self.toks)

    def text(self, k: int) -> str:
        return self.toks[k].norm if 0 <= k < self._n else ""

    def sentence_of(self, offset: int) -> int:
        """The sentence of the token that holds normalized `offset` (or starts after it)."""
        k = self.nt.token_at(offset)
        if k is None or self.toks[k].nstart > offset:
            k = (len(self.toks) if k is None else k) - 1
            if k < 0 or self.toks[k].nend <= offset:
                k += 1  # between tokens: the next one's
        return self.toks[k].sentence if 0 <= k < len(self.toks) else -1

    def is_demonym(self, placed: Placed) -> bool:
        """A one-word place mention shaped like an adjective: "الفرنسيان"، "أميركيون"."""
        if placed.kind is not EntityKind.PLACE or placed.first != placed.last:
            return False
        word = self.toks[placed.first].norm
        return w.nisba(word) and not word.endswith("يا")

    def is_adjective(self, placed: Placed) -> bool:
        """A demonym, or a body's adjective after a title: "المبعوث الأممي"."""
        if self.is_demonym(placed):
            return True
        word = self.toks[placed.first].norm
        return placed.first == placed.last and w.definite(word) and word.endswith("ي")

    def person_at(self, k: int) -> Placed | None:
        placed = self.index.starting[k] if 0 <= k < len(self.toks) else None
        return placed if placed is not None and placed.kind is EntityKind.PERSON else None


class SpeakerChooser(BlockView):
    def choose(self, first: int, end: int, start: int | None = None) -> Speaker:
        """The speaker named by tokens [first, end): a person, else the phrase's own actor.
        `start` overrides where the surface begins (after a clitic: "وفقاً للمرصد")."""
        end = next((k for k in range(first + 1, end) if self.text(k) in w.RECEIVED), end)
        placed = [p for i in range(first, end) if (p := self.index.starting[i]) is not None]
        surface = self._surface(first, end, start)
        person = self._own_person(placed, first)
        if self._unnamed_official(first, person):
            return Speaker(None, surface)  # "مسؤول بمكتب ماكرون": not Macron
        if person is not None:
            group = self._coordinated([p for p in placed if p.kind is EntityKind.PERSON])
            if len(group) > 1 and person in group:
                keys = [p.mention.entity_key for p in group]
                return Speaker(keys[0], surface, tuple(k for k in keys[1:] if k != keys[0]))
            return Speaker(person.mention.entity_key, surface, self._joined(person, placed))
        if not placed:
            return Speaker(None, surface)
        head = placed[0]
        while first < head.first and self.toks[first].kind is Kind.PUNCT:
            first += 1  # 'قالت "هيئة التفاوض"'
        if w.has_stem(self.toks[first].norm, w.ANONYMOUS_STEMS):
            return Speaker(None, surface)  # "مصادر في الخارجية الروسية"
        if self.toks[first].norm in w.DOCUMENT_SUBJECTS and head.first > first:
            return Speaker(None, surface)  # "المشروع البريطاني": a document, not Britain
        if head.first > first and not self._speaks_for(head, first):
            # "رئيس الهيئة": the head of the body, unnamed
            return Speaker(None, surface, served=head.mention.entity_key)
        return Speaker(head.mention.entity_key, surface, self._joined(head, placed))

    def _unnamed_official(self, first: int, person: Placed | None) -> bool:
        """Whether the subject is an indefinite official ("مسؤول في الخارجية") whom no name
        set off after a comma identifies ("مسؤول في الخارجية، جون كيربي")."""
        while first < len(self.toks) and self.toks[first].kind is Kind.PUNCT:
            first += 1
        if self.text(first) not in w.UNNAMED_OFFICIALS:
            return False
        body = self.index.starting[first + 1] if first + 1 < len(self.toks) else None
        if body is not None and not body.after_clitic(self.nt):
            return False  # "مسؤول برنامج الأغذية العالمي": a post, as "مدير البرنامج"
        return person is None or all(
            self.toks[k].norm not in _COMMAS for k in range(first, person.first)
        )

    def _coordinated(self, persons: list[Placed]) -> list[Placed]:
        """The persons joined by و from the first one: "الرئيس الفرنسي إيمانويل ماكرون
        والمستشار الألماني فريدريش ميرتس" (a title may come between و and the name)."""
        group = persons[:1]
        for p in persons[1:]:
            k = group[-1].last + 1
            word = self.text(k)
            if not word.startswith("و") or p.first - k > _MAX_COORDINATED_TITLE:
                break
            titled = w.has_stem(word[1:], w.TITLE_STEMS) or word[1:] in w.HONORIFICS
            titled = titled or word in w.COUNTERPARTS  # "ونظيره المصري"
            if p.first != k and not titled:
                break
            if p.first == k and not p.after_clitic(self.nt):
                break  # "البوسعيدي وزير الخارجية": the و of وزير is no conjunction
            if any(self.toks[m].kind is not Kind.WORD for m in range(k, p.first)):
                break
            group.append(p)
        return group

    def _own_person(self, placed: list[Placed], first: int) -> Placed | None:
        """The person the subject names as its own: the last one, as a title's complements
        come before the name of its holder ("المبعوث الخاص للأمين العام أنطونيو غوتيريش إلى
        سوريا غير بيدرسن"), but not one inside a relative clause ("البحرة، الذي التقى
        بيدرسن،")."""
        own: Placed | None = None
        for p in placed:
            if own is not None and any(
                self.toks[k].norm in w.RELATIVES for k in range(own.last + 1, p.first)
            ):
                break
            apposed = own is not None and p.first == own.last + 1 and w.is_title(self.text(p.first))
            if p.kind is EntityKind.PERSON and not apposed:
                own = p  # not the title set after his name ("جاموس وزير الخارجية")
        return own

    def _speaks_for(self, head: Placed, first: int) -> bool:
        """Whether the words before the head mention let its actor speak."""
        k = head.first - 1
        while k > first and self.toks[k].norm in _QUOTES:
            k -= 1
        before = self.toks[k].norm
        documented = w.has_stem(before, w.DOCUMENT_STEMS) and head.first == k + 1
        if before == _FI and self.toks[first].norm in w.GROUP_WORDS | w.MEMBERS:
            return True  # "الدول الأعضاء في مجلس الأمن": the council
        if before == "باسم" or before in w.THEY_ARE or before in w.MEMBERS_OF or documented:
            # "المتحدث باسم الجيش": the spokesperson speaks for the body; so do its members
            # ("أعضاء مجلس الأمن"), the states of a list ("دول، هي بلجيكا") and its
            # statement ("بيان لمجلس الأمن")
            return True
        titled = w.has_stem(self.toks[first].norm, w.TITLE_STEMS)
        envoy = w.has_stem(before, w.ENVOY_STEMS) and head.first == k + 1
        if envoy and head.kind is EntityKind.PLACE:
            # "مندوب روسيا"، "المندوبة الأمريكية"، "نائبة المندوب الروسي": a state speaks
            # through its envoy and his deputy (not the state he is sent to: "المبعوث الأممي
            # إلى اليمن")
            return True
        if self.part_of_body(first, head):
            return True  # "الدائرة الإعلامية لمجلس النواب": a part speaks for its body
        if self.is_demonym(head):
            if any(w.has_stem(self.text(m), w.NON_STATE_STEMS) for m in range(first, head.first)):
                return False  # "فصائل المقاومة الفلسطينية": not the state
            # "المسؤولان الفرنسيان" speak for France; "الدبلوماسي السنغالي" and "وزير الخارجية
            # التركي" are one man, unnamed
            single = self.toks[head.first].norm.endswith(_SINGULAR_NISBA)
            person = w.has_stem(before, w.SPEAKER_STEMS) and not w.has_stem(before, w.BODY_HEADS)
            return not (single and (person or titled))
        if titled:
            return False  # "رئيس حكومة إقليم كوردستان": the head of the body, unnamed
        return w.has_stem(before, w.BODY_HEADS) and not w.has_stem(before, w.TITLE_STEMS)

    def part_of_body(self, first: int, body: Placed) -> bool:
        """ "الدائرة الإعلامية لمجلس النواب"، "المكتب الإعلامي للحزب": an institution's
        head noun and its adjective, then لـ and the body it is part of."""
        head = self.toks[first].norm
        if w.has_stem(head, w.TITLE_STEMS) or not w.has_stem(head, w.INSTITUTION_STEMS):
            return False
        if body.first < first + 2 or not body.after_clitic(self.nt):
            return False
        if not self.toks[body.first].norm.startswith("ل"):
            return False
        between = [self.toks[k].norm for k in range(first + 1, body.first)]
        return all(w.definite(word) and (w.nisba(word) or word in w.ADJECTIVES) for word in between)

    def _joined(self, head: Placed, placed: list[Placed]) -> tuple[str, ...]:
        """Actors joined to the head by و, each a speaker: "روسيا وتركيا"."""
        if len(placed) < 2:
            return ()
        others: list[str] = []
        last = head.last
        for p in placed:
            joined = p.first == last + 1 and p.kind is head.kind and p.after_clitic(self.nt)
            if joined and self.toks[p.first].norm.startswith("و"):
                others.append(p.mention.entity_key)
                last = p.last
        return tuple([k for k in others if k != head.mention.entity_key])

    def to_person(self, p: int, end: int, limit: int) -> int:
        """Where the subject [p, end) ends once a person named after its title is taken in:
        "قال مدير المرصد المحلي في درعا، سامر الحوراني، إن" (up to `limit`)."""
        if end <= p or any(self.person_at(k) for k in range(p, end)):
            return end
        head = self.toks[p].norm
        if not w.has_stem(head, w.SPEAKER_STEMS) or w.has_stem(head, w.ANONYMOUS_STEMS):
            return end
        comma, inner_title, in_phrase = False, False, False
        q, stop = end, min(limit, end + _MAX_APPOSITION, len(self.toks))
        while q < stop:
            tok = self.toks[q]
            if tok.sentence != self.toks[p].sentence:
                break
            person = self.person_at(q)
            if person is not None:
                return person.last + 1 if comma or not inner_title else end
            if tok.norm in _COMMAS:
                comma, inner_title, in_phrase = True, False, False
                q += 1
                while self.text(q) in w.HONORIFICS:
                    q += 1
                continue
            if tok.kind is Kind.PUNCT and tok.norm not in _QUOTES and tok.norm not in "()":
                break
            if tok.kind is Kind.WORD and (
                tok.norm in w.NOT_APPOSITION or tok.norm in w.COMPLEMENTIZERS or tok.norm in WORDS
            ):
                break
            if tok.kind is Kind.WORD and tok.norm in w.PREPOSITIONS:
                in_phrase = True
            elif in_phrase and tok.norm in w.HONORIFICS and self.person_at(q + 1):
                pass  # "مندوب فلسطين في الأمم المتحدة السفير X": his style, not another's title
            elif in_phrase and tok.kind is Kind.WORD and w.has_stem(tok.norm, w.TITLE_STEMS):
                # "مصدر في مكتب رئيس الحكومة نجيب ميقاتي": the name is that title's; a title
                # set right after the first ("نائب رئيس الوزراء وزير الخارجية") is the same man's
                inner_title = True
            q += 1
        return end

    def names_speaker(self, first: int, end: int) -> bool:
        """Whether tokens [first, end) hold an actor or a noun that can speak."""
        for k in range(first, min(end, len(self.toks))):
            if self.index.covering[k] is not None:
                return True
            if w.has_stem(self.toks[k].norm, w.SPEAKER_STEMS):
                return True
        return end == first + 1 and self.text(first) in self.index.lone_names

    def _surface(self, first: int, end: int, begin: int | None) -> str:
        while end > first and self.toks[end - 1].kind is Kind.PUNCT:
            end -= 1
        while first < end and self.toks[first].kind is Kind.PUNCT:
            first += 1
        if end <= first:
            return ""
        begin = self.toks[first].nstart if begin is None else begin
        start, stop = self.nt.to_display(begin, self.toks[end - 1].nend)
        return _balanced(self.nt.display[start:stop])


def _balanced(surface: str) -> str:
    """Drop a quote mark left without its pair: 'صحيفة "الشرق الأوسط' -> 'صحيفة الشرق الأوسط'."""
    if _QUOTES.isdisjoint(surface):
        return " ".join(surface.split())
    for opener, closer in (('"', '"'), ("'", "'"), ("«", "»"), ("“", "”")):
        if opener == closer:
            paired = surface.count(opener) % 2 == 0
        else:
            paired = surface.count(opener) == surface.count(closer)
        if not paired:
            surface = surface.replace(opener, "").replace(closer, "")
    return " ".join(surface.split())
