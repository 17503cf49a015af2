"""Resolved candidates -> the Entity, Mention and Affiliation lists of an ActorResult.

Aliases of an entity are the display spellings of its names as the article writes them
(without proclitics; "لل" gives back its article), surnames and partial names included,
plus the gazetteer's spellings. Head-only short forms ("الهيئة"), demonyms ("الفرنسيان")
and roles ("رئيس الهيئة") are mentions but not aliases: they would name any body, any
country's people, any holder of the role in another article.
"""

from __future__ import annotations

from functools import lru_cache

from app.extract.actors.candidates import BlockResult, Cand, Form
from app.extract.actors.coref import owner_key
from app.extract.actors.gazetteer import Gazetteer
from app.extract.model import Affiliation, Entity, EntityKind, Mention, Span
from app.extract.recognizer import ActorResult
from app.extract.tokens import clean_display
from app.ingest.model import Part
from app.text.memo import CANDIDATES
from app.text.normalize import normalize
from app.text.sentences import sentence_in, sentence_spans

# A candidate with its display offsets, computed once: the candidates are final here.
Placed = tuple[Cand, int, int]


def assemble(results: list[BlockResult], gazetteer: Gazetteer) -> ActorResult:
    kept: list[Placed] = []
    for result in results:
        placed = [(cand, cand.start, cand.end) for cand in result.cands if cand.key is not None]
        placed.sort(key=lambda p: (p[1], -p[2]))
        kept += placed
    return ActorResult(
        entities=_entities(kept, gazetteer),
        mentions=_mentions(kept),
        affiliations=_affiliations(results),
    )


def _entities(placed: list[Placed], gazetteer: Gazetteer) -> list[Entity]:
    entities: dict[str, Entity] = {}
    seen: dict[str, set[str]] = {}
    done: set[tuple[str, str, str, str | None, Form]] = set()
    for cand, start, end in placed:
        assert cand.key is not None
        entity = entities.get(cand.key)
        if entity is None:
            entry = gazetteer.entries.get(cand.key)
            entity = entry.entity() if entry is not None else _unknown_entity(cand)
            entities[cand.key] = entity
            seen[cand.key] = set(_folded(entry.spellings)) if entry is not None else set()
        entity.subkind = entity.subkind or cand.subkind
        if not _is_alias(cand):
            continue
        surface = cand.block.source.text[start:end]
        mark = (cand.key, surface, cand.prefix, cand.canonical, cand.form)
        if mark in done:
            continue  # the same name written the same way: nothing new
        done.add(mark)
        name = cand.name_from(surface)
        for alias in (name, _surface_alias(cand, surface)):
            folded = _normalized(alias) if alias else ""
            if folded and folded not in seen[cand.key]:
                seen[cand.key].add(folded)
                entity.aliases.append(alias)
        new = cand.key not in gazetteer.entries and cand.form is Form.NAME
        if new and len(name) > len(entity.name):
            entity.name = name
    return list(entities.values())


def _unknown_entity(cand: Cand) -> Entity:
    assert cand.key is not None
    name = cand.display_name if cand.form is Form.NAME else ""
    return Entity(key=cand.key, name=name, kind=cand.kind, subkind=cand.subkind, aliases=[])


@lru_cache(maxsize=CANDIDATES)
def _folded(spellings: tuple[str, ...]) -> frozenset[str]:
    """The normalized spellings of a gazetteer entry: its aliases, as the article may
    write them again."""
    return frozenset(normalize(s) for s in spellings)


@lru_cache(maxsize=CANDIDATES)
def _normalized(alias: str) -> str:
    """`normalize`, kept: the same names come back article after article."""
    return normalize(alias)


def _surface_alias(cand: Cand, surface: str) -> str:
    """How the article wrote a name given a fuller canonical form ("الخارجية الروسية" for
    وزارة الخارجية الروسية, "سنابل" for جمعية سنابل); empty when it is the canonical."""
    if not cand.canonical or cand.form is not Form.NAME or cand.kind is EntityKind.PERSON:
        return ""  # a person's canonical only drops the editor's brackets: "(بشار) الأسد"
    text = clean_display(surface).strip("«»\"“”'() ")
    return "ال" + text if cand.prefix.endswith("لل") else text


def _is_alias(cand: Cand) -> bool:
    if cand.form is Form.NAME:
        return True
    return cand.form is Form.SHORT_FORM and (cand.kind.value == "person" or len(cand.tokens) > 1)


def _mentions(placed: list[Placed]) -> list[Mention]:
    out: list[Mention] = []
    seen: set[tuple[Part, int, int, int]] = set()
    for cand, start, end in placed:
        assert cand.key is not None
        source = cand.block.source
        marker = (source.part, source.index, start, end)
        if marker in seen:
            continue
        seen.add(marker)
        span = Span(source.part, source.index, start, end)
        out.append(Mention(cand.key, source.text[start:end], span, cand.form))
    return out


def _affiliations(results: list[BlockResult]) -> list[Affiliation]:
    out: dict[tuple[str, str, str | None], Affiliation] = {}
    for result in results:
        for find in result.finds:
            person = find.person.key
            if person is None:
                continue
            text = result.block.source.text
            spans: list[tuple[int, int]] | None = None  # the text's sentences, cut once
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
                mark = (person, _normalized(title.text), owner)
                if mark not in out:
                    spans = sentence_spans(text) if spans is None else spans
                    evidence = sentence_in(text, spans, start)
                    out[mark] = Affiliation(person, title.text, owner, evidence)
    return list(out.values())
