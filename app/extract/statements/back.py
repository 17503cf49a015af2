"""Speakers named by a word that points back: the states of a list, a council's members, the
holder of a title.

- "ودعت الدول"، "وأكد الطرفان": the last group that spoke together ("أدانت أربع عشرة دولة،
  هي ..."، "أعلنت روسيا وتركيا"), each member again;
- "وأعرب الأعضاء"، "أكد فيه أعضاؤه": the members speak for their body, the last body that
  spoke;
- "وقال وزير الخارجية الإيراني" after "وزير خارجية إيران عباس عراقجي": an unnamed title is
  the one person the article gave that title over that actor (Holders).
A statement or letter as subject ("وشدد البيان") is a document and speaks for no one
(GUIDELINES §4, the lead's brief): its issuer speaks through it only with a pronoun
("بياناً أكد فيه").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from app.extract.model import Affiliation, EntityKind, Mention
from app.extract.statements import words as w
from app.extract.statements.speakers import Speaker
from app.text.normalize import normalize

# what may stand between two states of a list: "كينيا وأوغندا"، "كينيا، وأوغندا"
_LIST_GAP = re.compile(r"\s*[،,]?\s*و?\s*")
_MAX_WORDS = 3  # "الدول الأعضاء الخمس": longer subjects name someone of their own
_TITLE_REACH = 60  # characters before a person's name where his title may stand
_TITLED_PAIR_BLOCKS = 3  # blocks back "الوزيران" may reach for the two ministers
Where = tuple[int, int]  # a block's place in the article, a display offset in it


class BackRefs:
    def __init__(self, kinds: dict[str, EntityKind]) -> None:
        self._kinds = kinds
        self._group: Speaker | None = None
        self._body: str | None = None
        self._persons: list[tuple[Where, str]] = []  # person mentions in reading order
        self._titles: dict[str, set[str]] = defaultdict(set)  # person -> title heads before it
        self._lists: list[tuple[Where, tuple[str, ...]]] = []  # states listed together
        # blocks naming two places or more, whose lists are read only when a statement
        # points back at them (rare): (seq, places, the block's text)
        self._unread: list[tuple[int, list[Mention], str]] = []

    def saw(self, seq: int, mentions: Sequence[Mention], text: str = "") -> None:
        """Record the persons block `seq` names, and the states it lists ("كينيا وأوغندا
        وبوروندي"), before its statements are read; `text` is the block's."""
        found = [
            ((seq, m.span.start), m.entity_key)
            for m in mentions
            if self._kinds.get(m.entity_key) is EntityKind.PERSON
        ]
        self._persons += sorted(found)
        for m in mentions:
            if self._kinds.get(m.entity_key) is EntityKind.PERSON:
                # "وزير الخارجية X"، "X، وزير الخارجية": the words a title may stand in
                before = normalize(text[max(0, m.span.start - _TITLE_REACH) : m.span.start])
                after = normalize(text[m.span.end : m.span.end + _TITLE_REACH])
                near = before.split()[1:] + after.split()[:-1]
                titles = (word for word in near if w.is_title(word))
                self._titles[m.entity_key].update(r for t in titles for r in w.readings(t))
        places = [m for m in mentions if self._kinds.get(m.entity_key) is EntityKind.PLACE]
        if len(places) > 1:
            self._unread.append((seq, places, text))

    def _read_lists(self) -> None:
        for seq, places, text in self._unread:
            self._list_in(seq, sorted(places, key=lambda m: m.span.start), text)
        self._unread.clear()

    def _list_in(self, seq: int, places: list[Mention], text: str) -> None:
        """Record the runs of two states or more that block `seq` lists, in reading order."""
        run: list[Mention] = []
        for mention in [*places, None]:
            joined = (
                mention is not None
                and run
                and _LIST_GAP.fullmatch(text[run[-1].span.end : mention.span.start]) is not None
            )
            if joined and mention is not None:
                run.append(mention)
                continue
            keys = tuple(dict.fromkeys(m.entity_key for m in run))
            if len(keys) > 1:
                self._lists.append(((seq, run[0].span.start), keys))
            run = [mention] if mention is not None else []

    def refer(self, speaker: Speaker, at: Where) -> Speaker:
        """`speaker` with the actor its pointing word refers back to, when it has none; `at`
        is where the statement is said (block, display offset)."""
        if speaker.key is not None:
            return speaker
        words = normalize(speaker.surface).split()
        if not words or len(words) > _MAX_WORDS:
            return speaker
        head = words[0][1:] if words[0].startswith("و") and len(words[0]) > 4 else words[0]
        found: Speaker | None = None
        if head in w.DEMONSTRATIVES and len(words) == 2 and words[1] in w.GROUP_WORDS:
            found = self._listed(at)  # "إذ قالت تلك الدول": the states just listed
        elif head in w.GROUP_WORDS:
            found = self._group or self._pair(at)
        elif head in w.MEMBERS and self._body is not None:
            found = Speaker(self._body, "")
        elif len(words) == 1 and head in w.LATTER:
            found = self._latter(at)  # "وأكد الأخير": the person named last
        elif len(words) == 1 and _dual_title(head):
            found = self._pair(at, _head(head)[:-2])
        return speaker if found is None else replace(found, surface=speaker.surface)

    def _listed(self, at: Where) -> Speaker | None:
        """The states listed last before `at`, in this block or the one before it."""
        self._read_lists()
        for where, keys in reversed(self._lists):
            if where < at:
                return Speaker(keys[0], "", keys[1:]) if where[0] >= at[0] - 1 else None
        return None

    def _latter(self, at: Where) -> Speaker | None:
        """The person named last before `at`, in this block or the one before it."""
        for where, key in reversed(self._persons):
            if where < at:
                return Speaker(key, "") if where[0] >= at[0] - 1 else None
        return None

    def _pair(self, at: Where, title: str = "") -> Speaker | None:
        """ "التقى الوزير X نظيره Y. وأكد الجانبان": the first two persons of this block, or
        of the one before it, that names two (a sentence names the two sides before whom it
        mentions in passing: "تنفيذاً لتوجيهات الملك"); "الوزيران": the last two persons given
        that title, a few blocks back, else the two sides."""
        titled = self._titled_pair(at, title) if title else None
        if titled is not None:
            return titled
        for seq in (at[0], at[0] - 1):
            keys = [k for where, k in self._persons if where[0] == seq and where < at]
            pair = list(dict.fromkeys(keys))[:2]
            if len(pair) == 2:
                return Speaker(pair[0], "", (pair[1],))
        return None

    def _titled_pair(self, at: Where, title: str) -> Speaker | None:
        pair: list[str] = []
        for where, key in reversed(self._persons):
            if where >= at or key in pair:
                continue
            if where[0] < at[0] - _TITLED_PAIR_BLOCKS or len(pair) == 2:
                break
            if any(_same(title, head) for head in self._titles[key]):
                pair.append(key)
        return Speaker(pair[1], "", (pair[0],)) if len(pair) == 2 else None

    def spoke(self, speaker: Speaker) -> None:
        if speaker.key is None:
            return
        if speaker.others:
            self._group = speaker
        if self._kinds.get(speaker.key) is EntityKind.ORGANIZATION:
            self._body = speaker.key


class Holders:
    """Who holds a title over an actor in this article, from the recognizer's affiliations."""

    def __init__(self, affiliations: Sequence[Affiliation]) -> None:
        self._by_actor: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for a in affiliations:
            words = normalize(a.title).split()
            if a.organization_key is not None and words:
                self._by_actor[a.organization_key][_head(words[0])].add(a.person_key)

    def holder(self, title: str, actor: str) -> str | None:
        """The one person with a title of the same head over `actor`: "الوزير" fits "وزير"."""
        words = normalize(title).split()
        if not words or actor not in self._by_actor:
            return None
        head = _head(words[0])
        titles = self._by_actor[actor]
        found = {p for h, persons in titles.items() if _same(h, head) for p in persons}
        return next(iter(found)) if len(found) == 1 else None


def points_at_two(word: str) -> bool:
    """ "الجانبان"، "والوزيران": a nominative dual that a dual verb may go on with."""
    bare = word[1:] if word.startswith("و") and len(word) > 4 else word
    return bare.endswith("ان") and (bare in w.GROUP_WORDS or _dual_title(bare))


def _dual_title(word: str) -> bool:
    """ "الوزيران"، "الرئيسان"، "المسؤولان": two holders of a title."""
    bare = word[2:] if word.startswith("ال") else word
    return bare.endswith("ان") and w.has_stem(bare[:-2], w.TITLE_STEMS)


def _head(word: str) -> str:
    """A title word without و and ال: "والوزير" -> "وزير"."""
    return w.readings(word)[-1]


def _same(a: str, b: str) -> bool:
    """ "ممثلها" and "ممثل", "وزيرة" and "وزير": one title, with or without a suffix."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 3 and long.startswith(short) and len(long) - len(short) <= 2
