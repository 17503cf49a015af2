"""A mission described by where it serves ("البعثة الأممية في الحديدة", "البعثة المشتركة
في دارفور") is the one body the article names with that place in its name ("بعثة الأمم
المتحدة لدعم اتفاق الحديدة"), not a new body. Two bodies with the place: no guess."""

from __future__ import annotations

from app.extract.actors.candidates import BlockResult, Cand
from app.extract.actors.gazetteer import Gazetteer
from app.extract.actors.matcher import name_tokens
from app.extract.actors.org_lexicon import IN
from app.extract.model import EntityKind
from app.extract.tokens import bare
from app.text.normalize import normalize

_MISSION = bare(normalize("بعثة"))
_NEW = "new:"
_INTERNATIONAL = "international"  # a mission is sent by a body of states


def missions_by_seat(results: list[BlockResult], gazetteer: Gazetteer) -> None:
    bodies = [c for r in results for c in r.cands if c.kind is EntityKind.ORGANIZATION and c.key]
    for cand in bodies:
        seat = _seat(cand)
        if seat is None:
            continue
        fits = {
            c.key
            for c in bodies
            if c.key != cand.key and _international(c, gazetteer) and seat in _words(c, gazetteer)
        }
        if len(fits) == 1:
            cand.key = fits.pop()


def _seat(cand: Cand) -> str | None:
    """The place of "البعثة [adjectives] في PLACE", a new body's whole name, else None."""
    tokens = cand.tokens
    if not (cand.key or "").startswith(_NEW) or len(tokens) < 3 or bare(tokens[0]) != _MISSION:
        return None
    if tokens[-2] != IN or not all(t.startswith("ال") for t in tokens[1:-2]):
        return None
    return tokens[-1]


def _international(cand: Cand, gazetteer: Gazetteer) -> bool:
    entry = gazetteer.entries.get(cand.key or "")
    return entry is not None and entry.subkind == _INTERNATIONAL


def _words(cand: Cand, gazetteer: Gazetteer) -> set[str]:
    entry = gazetteer.entries.get(cand.key or "")
    if entry is None:
        return set(cand.tokens)
    return {t for spelling in entry.spellings for t in name_tokens(spelling)}
