"""Entities and resolutions for a batch of new articles at once: the same rows and ids as
resolving them article by article (app/store/entities.py), in a few statements a batch.

Article by article, an entity the archive lacks may be merged by alias with one an earlier
article brought in (or gave a new alias); so aliases are written before each such lookup,
and otherwise once at the end. An alias spelled two ways keeps the spelling the earlier
article wrote, as ON CONFLICT DO NOTHING does article by article."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from app.extract import model as ex
from app.store.entities import (
    BY_KEYS,
    FILL_FACTS,
    FILL_IDS,
    RESOLUTIONS_BY_KEYS,
    alias_rows,
    create_entity,
    find_by_alias,
    insert_aliases,
    insert_words,
    resolution_key,
    word_rows,
)
from app.store.models import Resolution
from app.store.upsert import insert_ignoring_conflicts

ResolutionKey = tuple[str, int, int]


@dataclass
class _Names:
    """Aliases and words not yet written, in the order article-by-article would write them."""

    connection: Connection
    chunks: list[list[tuple[int, ex.Entity]]] = field(default_factory=list)
    seen: set[tuple[int, str, tuple[str, ...], str | None]] = field(default_factory=set)

    def add(self, chunk: list[tuple[int, ex.Entity]]) -> None:
        """An entity the batch gave already, under the same id and names, is left out: its
        rows are all in (the earlier ones win), and a batch names popular actors hundreds
        of times."""
        fresh = []
        for entity_id, entity in chunk:
            names = (entity_id, entity.name, tuple(entity.aliases), entity.english_name)
            if names not in self.seen:
                self.seen.add(names)
                fresh.append((entity_id, entity))
        self.chunks.append(fresh)

    def write(self) -> None:
        aliases: dict[tuple[int, str], dict[str, object]] = {}
        words: dict[tuple[str, int, str], dict[str, object]] = {}
        for chunk in self.chunks:
            for key, row in alias_rows(chunk).items():
                aliases.setdefault(key, row)
            words.update(word_rows(chunk))
        self.chunks = []
        insert_aliases(self.connection, aliases)
        insert_words(self.connection, words)


def resolve_batch_entity_ids(
    connection: Connection, batch: list[list[ex.Entity]]
) -> list[dict[str, int]]:
    """For each article's entities, their ids by key."""
    keys = sorted({entity.key for entities in batch for entity in entities})
    rows = connection.execute(BY_KEYS, {"keys": keys})
    ids: dict[str, int] = {row.key: row.id for row in rows}
    names = _Names(connection)
    filled: dict[int, dict[str, Any]] = {}
    found: list[dict[str, int]] = []
    for entities in batch:
        ordered = sorted(entities, key=lambda e: e.key)
        mine = {e.key: ids[e.key] for e in ordered if e.key in ids}
        for entity in ordered:
            if entity.key in mine:
                _offer_ids(filled, mine[entity.key], entity)
        for entity in ordered:
            if entity.key in mine:
                continue
            if entity.key.startswith("new:"):
                names.write()  # find_by_alias must see every alias written before it
            merged = find_by_alias(connection, entity)
            if merged is None:  # a row under this key now: later articles find it by key
                ids[entity.key] = merged = create_entity(connection, entity)
            names.add([(merged, entity)])
            mine[entity.key] = merged
        names.add([(mine[e.key], e) for e in ordered])
        found.append(mine)
    names.write()
    offered = [row for row in filled.values() if row["english"] or row["qid"]]
    if offered:
        connection.execute(FILL_IDS, offered)
    return found


def _offer_ids(filled: dict[int, dict[str, Any]], entity_id: int, entity: ex.Entity) -> None:
    """The first English name and Wikidata id the batch gives an archived entity: what
    article by article would fill in where the row has none (`fill_cross_lingual_ids`)."""
    row = filled.setdefault(entity_id, {"row_id": entity_id, "english": None, "qid": None})
    row["english"] = row["english"] or entity.english_name
    row["qid"] = row["qid"] or entity.wikidata_id


def resolve_batch_resolution_ids(
    connection: Connection, batch: list[list[ex.Citation]]
) -> dict[ResolutionKey, int]:
    """Ids of every resolution the batch cites, created if new; a year or title the
    archive lacks is taken from the first article that gives one."""
    firsts: list[dict[ResolutionKey, ex.Citation]] = []
    for citations in batch:
        first: dict[ResolutionKey, ex.Citation] = {}
        for citation in sorted(citations, key=resolution_key):
            first.setdefault(resolution_key(citation), citation)
        firsts.append(first)
    created: dict[ResolutionKey, dict[str, object]] = {}
    years: dict[ResolutionKey, int] = {}
    titles: dict[ResolutionKey, str] = {}
    for first in firsts:
        for (body, session, number), citation in first.items():
            key = (body, session, number)
            created.setdefault(
                key,
                {
                    "body": body,
                    "un_session": session,
                    "number": number,
                    "year": citation.year,
                    "title": citation.title,
                },
            )
            if citation.year is not None:
                years.setdefault(key, citation.year)
            if citation.title is not None:
                titles.setdefault(key, citation.title)
    if not created:
        return {}
    conflict = ["body", "un_session", "number"]
    insert_ignoring_conflicts(connection, Resolution, list(created.values()), conflict=conflict)
    found = connection.execute(RESOLUTIONS_BY_KEYS, {"keys": list(created)})
    ids = {(body, session, number): rid for body, session, number, rid in found}
    facts = [
        {"rid": ids[key], "new_year": years.get(key), "new_title": titles.get(key)}
        for key in created
        if key in years or key in titles
    ]
    if facts:
        connection.execute(FILL_FACTS, facts)
    return ids
