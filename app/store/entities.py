"""Entities and resolutions are shared by the whole archive: find or create them, race-safe.

An article's known entities are found in one query and their aliases written in one
statement; only entities the archive has never seen cost a few statements each."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from sqlalchemy import Connection, Row, bindparam, select, tuple_, update
from sqlalchemy.sql.functions import coalesce

from app.extract import model as ex
from app.store.models import Entity, EntityAlias, EntityWord, Resolution
from app.store.upsert import insert_ignoring_conflicts, insert_rows
from app.text.normalize import collapse_spaces, normalize


def resolve_entity_ids(*, connection: Connection, entities: list[ex.Entity]) -> dict[str, int]:
    """Map every extracted entity key to a row id, creating rows and aliases as needed.
    Keys are taken in sorted order so that concurrent writers lock them in the same order
    and cannot deadlock on each other's unique-key inserts."""
    ordered = sorted(entities, key=lambda e: e.key)
    keys = [e.key for e in ordered]
    found = connection.execute(BY_KEYS, {"keys": keys}).all()
    ids: dict[str, int] = {row.key: row.id for row in found}
    fill_cross_lingual_ids(connection, found, {e.key: e for e in ordered})
    for entity in ordered:
        if entity.key in ids:
            continue
        # An entity created here may be the alias match of a later one of this article.
        entity_id = find_by_alias(connection, entity) or create_entity(connection, entity)
        _add_aliases(connection, [(entity_id, entity)])
        _add_words(connection, [(entity_id, entity)])
        ids[entity.key] = entity_id
    known = [(ids[e.key], e) for e in ordered]
    _add_aliases(connection, known)
    _add_words(connection, known)
    return ids


BY_KEYS = select(Entity.key, Entity.id, Entity.english_name, Entity.wikidata_id).where(
    Entity.key.in_(bindparam("keys", expanding=True))
)
FILL_IDS = (
    update(Entity)
    .where(Entity.id == bindparam("row_id"))
    .values(
        english_name=coalesce(Entity.english_name, bindparam("english")),
        wikidata_id=coalesce(Entity.wikidata_id, bindparam("qid")),
    )
)


def fill_cross_lingual_ids(
    connection: Connection,
    found: Sequence[Row[str, int, str | None, str | None]],
    extracted: dict[str, ex.Entity],
) -> None:
    """An entity archived before the gazetteer knew its English name or Wikidata id gets
    them the next time an article names it, so old rows do not stay null forever."""
    rows = []
    for row in found:
        entity = extracted[row.key]
        if (row.english_name is None and entity.english_name) or (
            row.wikidata_id is None and entity.wikidata_id
        ):
            rows.append(
                {"row_id": row.id, "english": entity.english_name, "qid": entity.wikidata_id}
            )
    if rows:
        connection.execute(FILL_IDS, rows)


def find_by_alias(connection: Connection, entity: ex.Entity) -> int | None:
    """Merge an actor found by pattern with the one archived under the same name or alias.
    Gazetteer keys are authoritative, so only pattern-found ("new:") actors merge this way."""
    if not entity.key.startswith("new:"):
        return None
    names = {normalize(n) for n in (entity.name, *entity.aliases)}
    found = connection.scalars(
        select(EntityAlias.entity_id)
        .join(Entity, Entity.id == EntityAlias.entity_id)
        .where(EntityAlias.normalized.in_(names), Entity.kind == entity.kind.value)
        .distinct()
    ).all()
    return found[0] if len(found) == 1 else None


def create_entity(connection: Connection, entity: ex.Entity) -> int:
    row = {
        "key": entity.key,
        "name": entity.name,
        "normalized_name": normalize(entity.name),
        "kind": entity.kind.value,
        "subkind": entity.subkind,
        "english_name": entity.english_name,
        "wikidata_id": entity.wikidata_id,
        "article_count": 0,
    }
    insert_ignoring_conflicts(connection, Entity, [row], conflict=["key"])
    entity_id = connection.scalar(select(Entity.id).where(Entity.key == entity.key))
    assert entity_id is not None  # inserted above, or by a concurrent writer
    return entity_id


def _add_aliases(connection: Connection, entities: list[tuple[int, ex.Entity]]) -> None:
    insert_aliases(connection, alias_rows(entities))


def alias_rows(entities: list[tuple[int, ex.Entity]]) -> dict[tuple[int, str], dict[str, object]]:
    rows: dict[tuple[int, str], dict[str, object]] = {}
    for entity_id, entity in entities:
        for alias in sorted({entity.name, *entity.aliases}):
            if alias:
                spelled, normalized = _spellings(alias)
                rows[(entity_id, normalized)] = {
                    "entity_id": entity_id,
                    "alias": spelled,
                    "normalized": normalized,
                }
    return rows


def insert_aliases(connection: Connection, rows: dict[tuple[int, str], dict[str, object]]) -> None:
    ordered = [rows[key] for key in sorted(rows)]
    insert_rows(connection, EntityAlias, ordered, ignoring=("entity_id", "normalized"))


@lru_cache(maxsize=65536)
def _spellings(alias: str) -> tuple[str, str]:
    """An alias as stored and its normalized form; memoized, as articles repeat names."""
    spelled = collapse_spaces(alias)
    return spelled, normalize(spelled)


@lru_cache(maxsize=65536)
def _words(name: str) -> tuple[str, tuple[str, ...]]:
    return collapse_spaces(name)[:300], tuple(alias_words(name))


def alias_words(alias: str) -> list[str]:
    """The normalized words of a name, as /entities/suggest matches them."""
    return [w[:100] for w in normalize(collapse_spaces(alias)).split(" ") if w]


def _add_words(connection: Connection, entities: list[tuple[int, ex.Entity]]) -> None:
    insert_words(connection, word_rows(entities))


def word_rows(
    entities: list[tuple[int, ex.Entity]],
) -> dict[tuple[str, int, str], dict[str, object]]:
    rows: dict[tuple[str, int, str], dict[str, object]] = {}
    for entity_id, entity in entities:
        names = {entity.name, *entity.aliases, entity.english_name or ""}
        for name in sorted(n for n in names if n):
            alias, words = _words(name)
            for word in words:
                rows[(word, entity_id, alias)] = {
                    "word": word,
                    "entity_id": entity_id,
                    "alias": alias,
                }
    return rows


def insert_words(
    connection: Connection, rows: dict[tuple[str, int, str], dict[str, object]]
) -> None:
    ordered = [rows[key] for key in sorted(rows)]
    insert_rows(connection, EntityWord, ordered, ignoring=("word", "entity_id", "alias"))


def resolution_key(citation: ex.Citation) -> tuple[str, int, int]:
    return (citation.body.value, citation.session or 0, citation.number)


def resolve_resolution_ids(
    *, connection: Connection, citations: list[ex.Citation]
) -> dict[tuple[str, int, int], int]:
    """Create the cited resolutions the archive lacks; fill a year or title it lacks."""
    first: dict[tuple[str, int, int], ex.Citation] = {}
    for citation in sorted(citations, key=resolution_key):
        first.setdefault(resolution_key(citation), citation)
    if not first:
        return {}
    rows = [
        {"body": b, "un_session": s, "number": n, "year": c.year, "title": c.title}
        for (b, s, n), c in first.items()
    ]
    conflict = ["body", "un_session", "number"]
    insert_ignoring_conflicts(connection, Resolution, rows, conflict=conflict)
    found = connection.execute(RESOLUTIONS_BY_KEYS, {"keys": list(first)})
    ids = {(body, un_session, number): rid for body, un_session, number, rid in found}
    facts = [
        {"rid": ids[k], "new_year": c.year, "new_title": c.title}
        for k, c in first.items()
        if c.year is not None or c.title is not None
    ]
    if facts:
        connection.execute(FILL_FACTS, facts)
    return ids


RESOLUTIONS_BY_KEYS = select(
    Resolution.body, Resolution.un_session, Resolution.number, Resolution.id
).where(
    tuple_(Resolution.body, Resolution.un_session, Resolution.number).in_(
        bindparam("keys", expanding=True)
    )
)
FILL_FACTS = (
    update(Resolution)
    .where(Resolution.id == bindparam("rid"))
    .values(
        year=coalesce(Resolution.year, bindparam("new_year")),
        title=coalesce(Resolution.title, bindparam("new_title")),
    )
)
