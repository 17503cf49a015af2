"""Resolved candidates -> the Entity, Mention and Affiliation lists of an ActorResult.

Aliases of an entity are the display spellings of its names as the article writes them
(without proclitics; "لل" gives back its article), surnames and partial names included,
plus the gazetteer's spellings. Head-only short forms ("الهيئة"), demonyms ("الفرنسيان")
and roles ("رئيس الهيئة") are mentions but not aliases: they would name any body, any
country's people, any holder of the role in another article.
"""

from __future__ import annotations

from app.extract.candidates import BlockResult, Cand, Form
from app.extract.coref import owner_key
from app.extract.gazetteer import Gazetteer
from app.extract.lexer import clean_display
from app.extract.lexer import fold as normalize
from app.extract.model import Affiliation, Entity, Mention
from app.extract.recognizer import ActorResult
from app.text.sentences import sentence_at


def assemble(results: list[BlockResult], gazetteer: Gazetteer) -> ActorResult:
    ordered = [c for r in results for c in sorted(r.cands, key=lambda c: (c.start, -c.end))]
    kept = [c for c in ordered if c.key is not None]
    return ActorResult(
        entities=_entities(kept, gazetteer),
        mentions=_mentions(kept),
        affiliations=_affiliations(results),
    )


def _entities(cands: list[Cand], gazetteer: Gazetteer) -> list[Entity]:
    entities: dict[str, Entity] = {}
    seen: dict[str, set[str]] = {}
    for cand in cands:
        assert cand.key is not None
        entity = entities.get(cand.key)
        if entity is None:
            entity = _new_entity(cand, gazetteer)
            entities[cand.key] = entity
            seen[cand.key] = {normalize(a) for a in entity.aliases}
        entity.subkind = entity.subkind or cand.subkind
        if not _is_alias(cand):
            continue
        name = cand.display_name
        for alias in (name, _surface_alias(cand)):
            folded = normalize(alias) if alias else ""
            if folded and folded not in seen[cand.key]:
                seen[cand.key].add(folded)
                entity.aliases.add(alias)
        new = cand.key not in gazetteer.entries and cand.form is Form.NAME
        if new and len(name) > len(entity.name):
            entity.name = name
    return list(entities.values())


def _new_entity(cand: Cand, gazetteer: Gazetteer) -> Entity:
    assert cand.key is not None
    entry = gazetteer.entries.get(cand.key)
    if entry is not None:
        return entry.entity()
    name = cand.display_name if cand.form is Form.NAME else ""
    return Entity(key=cand.key, name=name, kind=cand.kind, subkind=cand.subkind, aliases=set())


def _surface_alias(cand: Cand) -> str:
    """How the article wrote a name given a fuller canonical form ("الخارجية الروسية" for
    وزارة الخارجية الروسية, "سنابل" for جمعية سنابل); empty when it is the canonical."""
    if not cand.canonical or cand.form is not Form.NAME:
        return ""
    text = clean_display(cand.surface).strip("«»\"“”'() ")
    return "ال" + text if cand.prefix.endswith("لل") else text


def _is_alias(cand: Cand) -> bool:
    if cand.form is Form.NAME:
        return True
    return cand.form is Form.SHORT and (cand.kind.value == "person" or len(cand.tokens) > 1)


def _mentions(cands: list[Cand]) -> list[Mention]:
    out: list[Mention] = []
    seen: set[tuple[str, int, int, int]] = set()
    for cand in cands:
        assert cand.key is not None
        span = cand.span()
        marker = (span.part.value, span.index, span.start, span.end)
        if marker in seen:
            continue
        seen.add(marker)
        out.append(Mention(entity_key=cand.key, surface=cand.surface, span=span))
    return out


def _affiliations(results: list[BlockResult]) -> list[Affiliation]:
    out: dict[tuple[str, str, str | None], Affiliation] = {}
    for result in results:
        for find in result.finds:
            person = find.person.key
            if person is None:
                continue
            text = result.block.source.text
            stacked = next((k for t in find.titles if (k := owner_key(t))), None)
            for title in find.titles:
                # "نائب رئيس الوزراء وزير الخارجية الأردني": the country holds for both
                owner = owner_key(title)
                if owner is None and not title.owners and title.last - title.first > 1:
                    owner = stacked
                if title.honorific or (owner is None and title.last - title.first < 2):
                    continue
                if owner is None and title.owners:
                    continue  # it names a body we could not identify: "رئيس الهيئة" alone
                start = title.block.display_start(title.first, title.prefix)
                mark = (person, normalize(title.text), owner)
                if mark not in out:
                    out[mark] = Affiliation(person, title.text, owner, sentence_at(text, start))
    return list(out.values())
