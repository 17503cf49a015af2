"""Speakers named by a word that points back: the states of a list, a council's members, a
statement that speaks for whoever issued it.

- "ودعت الدول"، "وأكد الطرفان": the last group that spoke together ("أدانت أربع عشرة دولة،
  هي ..."، "أعلنت روسيا وتركيا"), each member again;
- "وأعرب الأعضاء"، "أكد فيه أعضاؤه": the members speak for their body, the last body that
  spoke;
- "وأشار البيان"، "وقالت الرسالة": a statement or letter speaks for the one who spoke last.
"""

from __future__ import annotations

from dataclasses import replace

from app.extract.model import EntityKind
from app.extract.statements import words as w
from app.extract.statements.speakers import Speaker
from app.text.normalize import normalize

_MAX_WORDS = 3  # "البيان المشترك الصادر": longer subjects name someone of their own


class BackRefs:
    def __init__(self, kinds: dict[str, EntityKind]) -> None:
        self._kinds = kinds
        self._group: Speaker | None = None
        self._body: str | None = None
        self._last: Speaker | None = None

    def refer(self, speaker: Speaker) -> Speaker:
        """`speaker` with the actor its pointing word refers back to, when it has none."""
        if speaker.key is not None:
            return speaker
        words = normalize(speaker.surface).split()
        if not words or len(words) > _MAX_WORDS:
            return speaker
        head = words[0][1:] if words[0].startswith("و") and len(words[0]) > 4 else words[0]
        found: Speaker | None = None
        if head in w.GROUP_WORDS:
            found = self._group
        elif head in w.MEMBERS and self._body is not None:
            found = Speaker(self._body, "")
        elif head in w.DOCUMENTS and self._last is not None:
            found = Speaker(self._last.key, "")  # one issuer: not every state of a list
        return speaker if found is None else replace(found, surface=speaker.surface)

    def spoke(self, speaker: Speaker) -> None:
        if speaker.key is None:
            return
        self._last = speaker
        if speaker.others:
            self._group = speaker
        if self._kinds.get(speaker.key) is EntityKind.ORGANIZATION:
            self._body = speaker.key
