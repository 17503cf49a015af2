"""articles.item_json: the default list row's extras (lede, first image, top actors by kind,
resolutions), written in the transaction that writes the article's rows, so a list page
reads them with the page's own query instead of four more and hundreds of objects.

An item shows its actors and resolutions as they were when the article was last written.
An entity's name, kind and subkind never change after it is created; its English name and
Wikidata id, and a resolution's year or title, can be filled in later by another article
that carries them, and the writer then rewrites the items naming or citing it
(`unnamed`/`naming`, `yearless`/`citing`). That happens once an entity or resolution."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from sqlalchemy import bindparam, or_, select, tuple_, update
from sqlalchemy.orm import Session

from app.extract.model import Citation, Entity
from app.store import models as m
from app.store.entities import resolution_key
from app.store.reads.article_items import default_extras
from app.store.upsert import table_of

_ARTICLES = table_of(m.Article)
_SET_ITEM = (
    update(_ARTICLES)
    .where(_ARTICLES.c.id == bindparam("article"))
    .values(item_json=bindparam("item"))
)
BATCH = 500


def store_items(session: Session, ids: Iterable[int]) -> None:
    """Rebuild the items of `ids` from their stored rows."""
    pending = list(ids)
    for start in range(0, len(pending), BATCH):
        extras = default_extras(session, pending[start : start + BATCH])
        rows = [
            {"article": i, "item": json.dumps(e, ensure_ascii=False, separators=(",", ":"))}
            for i, e in extras.items()
        ]
        if rows:
            session.connection().execute(_SET_ITEM, rows)


def yearless(session: Session, citations: Sequence[Citation]) -> list[int]:
    """Resolutions these citations give a year that the archive does not have yet: once
    the article is written, the items of every article citing them need rewriting."""
    keys = {resolution_key(c) for c in citations if c.year is not None}
    if not keys:
        return []
    key = tuple_(m.Resolution.body, m.Resolution.un_session, m.Resolution.number)
    found = select(m.Resolution.id).where(key.in_(list(keys)), m.Resolution.year.is_(None))
    return list(session.scalars(found).all())


def unnamed(session: Session, entities: Sequence[Entity]) -> list[int]:
    """Archived entities these give an English name or Wikidata id they lack: once the
    article is written, the items of every article naming them need rewriting."""
    english = sorted({e.key for e in entities if e.english_name})
    qids = sorted({e.key for e in entities if e.wikidata_id})
    if not english and not qids:
        return []
    return list(session.scalars(_UNNAMED, {"english": english, "qids": qids}).all())


# Built once: built per call, with a batch's keys as literals, it cost more than running it.
_UNNAMED = select(m.Entity.id).where(
    or_(
        m.Entity.key.in_(bindparam("english", expanding=True)) & m.Entity.english_name.is_(None),
        m.Entity.key.in_(bindparam("qids", expanding=True)) & m.Entity.wikidata_id.is_(None),
    )
)


def naming(session: Session, entity_ids: Sequence[int]) -> list[int]:
    if not entity_ids:
        return []
    query = (
        select(m.ArticleEntity.article_id)
        .where(m.ArticleEntity.entity_id.in_(entity_ids))
        .distinct()
    )
    return list(session.scalars(query).all())


def citing(session: Session, resolution_ids: Sequence[int]) -> list[int]:
    if not resolution_ids:
        return []
    query = (
        select(m.ArticleResolution.article_id)
        .where(m.ArticleResolution.resolution_id.in_(resolution_ids))
        .distinct()
    )
    return list(session.scalars(query).all())


def store_all(session: Session) -> None:
    """Every article's item: the migration that adds the column."""
    store_items(session, session.scalars(select(m.Article.id).order_by(m.Article.id)).all())
