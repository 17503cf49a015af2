"""Reigning monarchs named by their rank and first name: "الملك سلمان", "السلطان هيثم",
"الأمير تميم", "الشيخ تميم" (a Gulf emir is styled sheikh). The gazetteer's persons with
a role of that rank give the index; a first name two such men share names neither."""

from __future__ import annotations

from collections.abc import Mapping

from app.extract.actors.gazetteer import Gazetteer, per_gazetteer
from app.extract.actors.lexicon import NAME_LINKS
from app.extract.actors.matcher import name_tokens
from app.extract.model import EntityKind
from app.text.normalize import normalize

# The rank a role's title opens on, and the title lemmas that style its holder.
_RANK_OF_ROLE = {
    normalize(w): normalize(r) for w, r in (("ملك", "ملك"), ("أمير", "أمير"), ("سلطان", "سلطان"))
}
RANK_OF_TITLE = {
    normalize(w): normalize(r)
    for w, r in (
        ("ملك", "ملك"),
        ("عاهل", "ملك"),
        ("أمير", "أمير"),
        ("شيخ", "أمير"),
        ("سلطان", "سلطان"),
    )
}


@per_gazetteer
def sovereigns(gazetteer: Gazetteer) -> Mapping[tuple[str, str], str]:
    """(rank, first name) -> person id, built once per gazetteer."""
    owners: dict[tuple[str, str], set[str]] = {}
    for entry in gazetteer.entries.values():
        if entry.kind is not EntityKind.PERSON:
            continue
        ranks = {_RANK_OF_ROLE.get(normalize(r.title.split()[0])) for r in entry.roles if r.title}
        first = name_tokens(entry.name)[0]
        if first in NAME_LINKS:
            continue  # "عبد الله الثاني": a compound first name is two words
        for rank in ranks - {None}:
            for form in {first, first.removeprefix("ال")}:  # "الحسين" is "الملك حسين"
                owners.setdefault((str(rank), form), set()).add(entry.id)
    return {key: next(iter(ids)) for key, ids in owners.items() if len(ids) == 1}
