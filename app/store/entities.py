"""Entities and resolutions are shared by the whole archive: find or create them, race-safe."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.extract import model as ex
from app.store.models import Entity, EntityAlias, EntityWord, Resolution
from app.store.upsert import insert_ignoring_conflicts
from app.text.normalize import collapse_spaces, normalize


def resolve_entity_ids(*, session: Session, entities: list[ex.Entity]) -> dict[str, int]:
    """Map every extracted entity key to a row id, creating rows and aliases as needed.
    Keys are taken in sorted order so that concurrent writers lock them in the same order
    and cannot deadlock on each other's unique-key inserts."""
    ids: dict[str, int] = {}
    for entity in sorted(entities, key=lambda e: e.key):
        entity_id = _find_by_key(session, entity.key) or _find_by_alias(session, entity)
        if entity_id is None:
            entity_id = _create(session, entity)
        ids[entity.key] = entity_id
        names = {entity.name, *entity.aliases}
        _add_aliases(session, entity_id, names)
        _add_words(session, entity_id, {*names, entity.english_name or ""})
    return ids


def _find_by_key(session: Session, key: str) -> int | None:
    return session.scalar(select(Entity.id).where(Entity.key == key))


def _find_by_alias(session: Session, entity: ex.Entity) -> int | None:
    """Merge an actor found by pattern with the one archived under the same name or alias.
    Gazetteer keys are authoritative, so only pattern-found ("new:") actors merge this way."""
    if not entity.key.startswith("new:"):
        return None
    names = {normalize(n) for n in (entity.name, *entity.aliases)}
    found = session.scalars(
        select(EntityAlias.entity_id)
        .join(Entity, Entity.id == EntityAlias.entity_id)
        .where(EntityAlias.normalized.in_(names), Entity.kind == entity.kind.value)
        .distinct()
    ).all()
    return found[0] if len(found) == 1 else None


def _create(session: Session, entity: ex.Entity) -> int:
    insert_ignoring_conflicts(
        session,
        Entity,
        [
            {
                "key": entity.key,
                "name": entity.name,
                "normalized_name": normalize(entity.name),
                "kind": entity.kind.value,
                "subkind": entity.subkind,
                "english_name": entity.english_name,
                "wikidata_id": entity.wikidata_id,
            }
        ],
        conflict=["key"],
    )
    entity_id = _find_by_key(session, entity.key)
    assert entity_id is not None  # inserted above, or by a concurrent writer
    return entity_id


def _add_aliases(session: Session, entity_id: int, aliases: set[str]) -> None:
    by_normal = {normalize(collapse_spaces(a)): collapse_spaces(a) for a in sorted(aliases) if a}
    rows = [{"entity_id": entity_id, "alias": a, "normalized": n} for n, a in by_normal.items()]
    insert_ignoring_conflicts(session, EntityAlias, rows, conflict=["entity_id", "normalized"])


def alias_words(alias: str) -> list[str]:
    """The normalized words of a name, as /entities/suggest matches them."""
    return [w[:100] for w in normalize(collapse_spaces(alias)).split(" ") if w]


def _add_words(session: Session, entity_id: int, names: set[str]) -> None:
    rows = [
        {"word": word, "entity_id": entity_id, "alias": collapse_spaces(name)[:300]}
        for name in sorted(names)
        if name
        for word in alias_words(name)
    ]
    insert_ignoring_conflicts(session, EntityWord, rows, conflict=["word", "entity_id", "alias"])


def resolution_key(citation: ex.Citation) -> tuple[str, int, int]:
    return (citation.body.value, citation.session or 0, citation.number)


def resolve_resolution_ids(
    *, session: Session, citations: list[ex.Citation]
) -> dict[tuple[str, int, int], int]:
    ids: dict[tuple[str, int, int], int] = {}
    for citation in sorted(citations, key=resolution_key):
        key = resolution_key(citation)
        if key in ids:
            continue
        body, un_session, number = key
        row = {
            "body": body,
            "un_session": un_session,
            "number": number,
            "year": citation.year,
            "title": citation.title,
        }
        insert_ignoring_conflicts(
            session, Resolution, [row], conflict=["body", "un_session", "number"]
        )
        resolution = session.scalars(
            select(Resolution).where(
                Resolution.body == body,
                Resolution.un_session == un_session,
                Resolution.number == number,
            )
        ).one()
        resolution.year = resolution.year or citation.year
        resolution.title = resolution.title or citation.title
        ids[key] = resolution.id
    return ids
