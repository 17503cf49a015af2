"""Two known persons of one surname in an article ("ميشال عون", "جوزاف عون"): the title
before the surname alone ("الرئيس عون") says which. The one whose gazetteer role opens on
that title and has not ended is meant; when none or several fit, the surname stays
unlinked."""

from __future__ import annotations

from collections.abc import Iterable

from app.extract.actors.gazetteer import Gazetteer
from app.extract.actors.titles import title_head
from app.text.normalize import normalize


def titled_namesake(gazetteer: Gazetteer, title_word: str, keys: Iterable[str]) -> str | None:
    """The one of `keys` holding, now, an office whose title opens on `title_word`'s role."""
    head = title_head(title_word)
    if head is None or head[2]:
        return None  # no title, or an honorific: it says nothing of an office
    lemma = head[1]
    fits = [key for key in keys if _holds(gazetteer, key, lemma)]
    return fits[0] if len(fits) == 1 else None


def _holds(gazetteer: Gazetteer, key: str, lemma: str) -> bool:
    entry = gazetteer.entries.get(key)
    if entry is None:
        return False
    for role in entry.roles:
        words = normalize(role.title).split()
        opening = title_head(words[0]) if words else None
        if role.end is None and opening is not None and opening[1] == lemma:
            return True
    return False
