"""articles.item_json: the default list row's extras (lede, first image, top actors by kind,
resolutions), written in the transaction that writes the article's rows, so a list page
reads them with the page's own query instead of four more and hundreds of objects.

An item shows its actors and resolutions as they were when the article was last written.
Entities' display fields (name, kind, subkind, english name, Wikidata id) are never changed
after an entity is created; a resolution's year or title can be filled in later, by another
article that states it, and the writer
then rewrites the items citing it (`yearless`, `citing`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from sqlalchemy import bindparam, select, tuple_, update
from sqlalchemy.orm import Session

from app.extract.model import Citation
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
