"""Turn what a user typed into row ids: an entity id, a Wikidata id (Q858), an English name
(Syria) or any Arabic spelling, even clitic-laden (وسوريا); a resolution number."""

from __future__ import annotations

import re
import threading
from typing import Any

from sqlalchemy import Dialect, bindparam, func, select
from sqlalchemy.orm import Session

from app.errors import Ambiguous, NotFound
from app.store.models import Entity, EntityAlias, Resolution, Source
from app.store.reads.driver import driver_plan, fetch_all
from app.store.reads.refs import entity_ref
from app.store.sources import outlet_key
from app.text.clitics import clitic_splits
from app.text.digits import is_digits, parse_digits
from app.text.normalize import collapse_spaces, normalize

_WIKIDATA = re.compile(r"[Qq][1-9][0-9]{0,11}")
MAX_CANDIDATES = 10


class KnownEntities:
    """Entity ids seen to exist, so a list by id skips the lookup query. Entities are never
    deleted (an article's deletion leaves the actors it named), so an id found once exists
    for good, whatever another process writes: only found ids are kept (an unknown id is
    asked again; it may be created), and nothing needs invalidating. Names are not kept:
    a new alias may make one ambiguous. Bounded; the oldest entries go first."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._ids: dict[int, None] = {}
        self._adding = threading.Lock()  # routes run on the thread pool

    def __contains__(self, entity_id: int) -> bool:
        return entity_id in self._ids

    def add(self, entity_id: int) -> None:
        with self._adding:
            self._ids[entity_id] = None
            if len(self._ids) > self.size:
                del self._ids[next(iter(self._ids))]


def resolve_entity(
    *, session: Session, text: str, known: KnownEntities | None = None
) -> int | None:
    """The one entity `text` names, None when none does. A name several entities carry
    (عمان: Oman and Amman) raises Ambiguous listing them: a union would mislead."""
    ids = find_entity_ids(session=session, text=text, known=known)
    if len(ids) <= 1:
        return ids[0] if ids else None
    entities = session.scalars(
        select(Entity).where(Entity.id.in_(ids)).order_by(Entity.id).limit(MAX_CANDIDATES)
    ).all()
    candidates = [entity_ref(e).model_dump(mode="json") for e in entities]
    raise Ambiguous(
        f"{text!r} names {len(ids)} entities; pass one of their ids or Wikidata ids",
        extra={"candidates": candidates},
    )


def find_entity_ids(
    *, session: Session, text: str, known: KnownEntities | None = None
) -> list[int]:
    """Every entity `text` may name, in id order."""
    text = collapse_spaces(text)
    if is_digits(text):  # an id; one past the column's range names no entity
        entity_id = parse_digits(text)
        if entity_id is None:
            return []
        return [entity_id] if entity_exists(session, entity_id, known) else []
    if _WIKIDATA.fullmatch(text):
        return _ids(session, select(Entity.id).where(Entity.wikidata_id == text.upper()))
    for candidate in _spellings(normalize(text)):
        ids = _ids(
            session,
            select(EntityAlias.entity_id).where(EntityAlias.normalized == candidate).distinct(),
        )
        if ids:
            return ids
    if text.isascii():
        english = func.lower(Entity.english_name) == text.lower()
        return _ids(session, select(Entity.id).where(english))
    return []


def _ids(session: Session, query: object) -> list[int]:
    return sorted(session.scalars(query).all())  # type: ignore[call-overload]


def _spellings(normalized: str) -> list[str]:
    """The text as typed first, then with a proclitic taken off its first word (وسوريا)."""
    first, _, rest = normalized.partition(" ")
    forms = [normalized]
    for prefix, stem in clitic_splits(first)[1:]:
        if prefix:
            forms.append(f"{stem} {rest}".strip())
    return forms


_RESOLUTIONS = Resolution.__table__.c
_RESOLUTION_IDS = (
    select(_RESOLUTIONS.id)
    .where(_RESOLUTIONS.number == bindparam("number"))
    .where(_RESOLUTIONS.un_session == bindparam("un_session"))
    .order_by(_RESOLUTIONS.id)
)
# Built once: the lookup behind every /articles?resolution= (see reads/link_pages.py).
_RESOLUTION_IDS_OF_BODY = _RESOLUTION_IDS.where(_RESOLUTIONS.body == bindparam("body"))


def find_resolution_ids(
    *, session: Session, number: int, body: str | None, un_session: int | None = None
) -> list[int]:
    params: dict[str, object] = {"number": number, "un_session": un_session or 0}
    query = _RESOLUTION_IDS_OF_BODY if body else _RESOLUTION_IDS
    if body:
        params["body"] = body
    return list(session.connection().scalars(query, params).all())


def driver_resolution_ids(dbapi_connection: Any, dialect: Dialect, number: int) -> list[int]:
    """find_resolution_ids of a bare number (no body, no session) on a DB-API connection of
    the engine's pool: app/api/hot.py's lookup behind /articles?resolution=."""
    plan = driver_plan(dialect, "resolution ids", lambda: _RESOLUTION_IDS)
    return [
        row[0]
        for row in fetch_all(dbapi_connection, dialect, plan, {"number": number, "un_session": 0})
    ]


def find_source_ids(*, session: Session, texts: tuple[str, ...]) -> dict[str, int]:
    """Each outlet named by id or by name in any spelling -> its row id; unknown ones left out."""
    by_id = {t: n for t in texts if (n := parse_digits(t)) is not None}
    by_name = {outlet_key(t)[1]: t for t in texts if t not in by_id}
    rows = session.execute(
        select(Source.id, Source.normalized_name).where(
            Source.id.in_(by_id.values()) | Source.normalized_name.in_(by_name)
        )
    ).all()
    known_ids = {row.id for row in rows}
    found = {t: i for t, i in by_id.items() if i in known_ids}
    by_text = {by_name[r.normalized_name]: r.id for r in rows if r.normalized_name in by_name}
    return found | by_text


def require_entity(*, session: Session, entity_id: int, known: KnownEntities | None = None) -> None:
    """404 for an unknown id, by primary key only."""
    if not entity_exists(session, entity_id, known):
        raise NotFound(f"no entity with id {entity_id}")


_ENTITY_BY_ID = select(Entity.__table__.c.id).where(Entity.__table__.c.id == bindparam("id"))


def entity_exists(session: Session, entity_id: int, known: KnownEntities | None = None) -> bool:
    if known is not None and entity_id in known:
        return True
    found = session.connection().scalar(_ENTITY_BY_ID, {"id": entity_id}) is not None
    if found and known is not None:
        known.add(entity_id)
    return found
