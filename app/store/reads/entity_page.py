"""One entity's page as the bytes `/entities/{id}` sends: the EntityDetail model's JSON.

Through the ORM the page took eight statements built per request (a bounded count of its
neighbours among them, for a total the page never shows), an object per row and a
validated model per reference, ~2 ms of CPU for the most named actor. Here five Core
statements built once run on the DBAPI cursor (app/store/reads/driver.py); the rows become
plain dicts, validated as one EntityDetail and written by pydantic's serializer."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Dialect, Select, bindparam, select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.store import models as m
from app.store import views as v
from app.store.reads.driver import Rows, dbapi_rows, session_rows

RELATED_LIMIT = 20
_ENTITY = m.Entity.__table__
ENTITY_FIELDS = ("id", "name", "kind", "subkind", "english_name", "wikidata_id")


def entity_page_json(session: Session, entity_id: int) -> bytes:
    return _page(session_rows(session), entity_id).model_dump_json().encode()


def driver_entity_page_json(dbapi_connection: Any, dialect: Dialect, entity_id: int) -> bytes:
    """The same bytes read on a DB-API connection (app/api/front.py); NotFound likewise."""
    return _page(dbapi_rows(dbapi_connection, dialect), entity_id).model_dump_json().encode()


def _page(rows: Rows, entity_id: int) -> v.EntityDetail:
    statements = _statements()
    params = {"entity": entity_id}
    head = rows(statements["head"], params)
    if not head:
        raise NotFound(f"no entity with id {entity_id}")
    row = head[0]
    data = {**entity_fields(row), "article_count": row.article_count}
    data["aliases"] = [r[0] for r in rows(statements["aliases"], params)]
    data["first_seen"], data["last_seen"] = row.first_seen, row.last_seen
    data["roles"] = [_role_span(r) for r in rows(statements["roles"], params)]
    data["related"] = [
        {"entity": entity_fields(r), "count": r.shared} for r in rows(statements["related"], params)
    ]
    data["resolutions"] = [
        {
            "resolution": {
                "body": r.body,
                "number": r.number,
                "year": r.year,
                "session": r.un_session or None,
            },
            "count": r.article_count,
        }
        for r in rows(statements["resolutions"], params)
    ]
    return v.EntityDetail.model_validate(data)


def entity_fields(row: Any, at: int = 0) -> dict[str, Any]:
    """An EntityRef's fields from a row holding ENTITY_FIELDS' columns from position `at`."""
    return dict(zip(ENTITY_FIELDS, row[at : at + len(ENTITY_FIELDS)], strict=True))


def _role_span(row: Any) -> dict[str, Any]:
    """A role as role_spans keeps it (app/store/role_spans.py): title, the organization's
    fields, then the dates and the count."""
    title, organization = row[0], row[1]
    return {
        "title": title,
        "organization": entity_fields(row, 1) if organization is not None else None,
        "first_seen": row.first_seen,
        "last_seen": row.last_seen,
        "article_count": row.article_count,
    }


@cache
def _statements() -> dict[str, Select[Any]]:
    """Built once: the driver compiles each once per dialect."""
    entity: Any = bindparam("entity")
    columns = [_ENTITY.c[name] for name in ENTITY_FIELDS]
    return {
        "head": select(*columns, _ENTITY.c.article_count, *_span(entity)).where(
            _ENTITY.c.id == entity
        ),
        "aliases": _aliases(entity),
        "roles": _roles(entity),
        "related": _related(entity, columns),
        "resolutions": _resolutions(entity),
    }


def _span(entity: Any) -> tuple[Any, Any]:
    """The first and last publication dates of the entity's articles: each end a subquery
    down the (entity, sort_at) index, stopping at its first dated article (an undated one
    sorts by when it was ingested, which is no publication date)."""
    link = m.ArticleEntity.__table__.c
    articles = m.Article.__table__.c
    dated = (
        select(link.sort_at)
        .join_from(m.ArticleEntity.__table__, m.Article.__table__, articles.id == link.article_id)
        .where(link.entity_id == entity, articles.published_at.is_not(None))
        .limit(1)
    )
    first = dated.order_by(link.sort_at).scalar_subquery().label("first_seen")
    last = dated.order_by(link.sort_at.desc()).scalar_subquery().label("last_seen")
    return first, last


def _aliases(entity: Any) -> Select[Any]:
    aliases = m.EntityAlias.__table__.c
    return select(aliases.alias).where(aliases.entity_id == entity).order_by(aliases.id)


def _roles(entity: Any) -> Select[Any]:
    """The person's roles from the spans kept at ingest, in the order they first appear."""
    spans = m.RoleSpan.__table__.c
    org = _ENTITY.alias("org")
    return (
        select(spans.title, *(org.c[name] for name in ENTITY_FIELDS))
        .add_columns(spans.first_seen, spans.last_seen, spans.article_count)
        .outerjoin_from(m.RoleSpan.__table__, org, org.c.id == spans.organization_id)
        .where(spans.person_id == entity)
        .order_by(spans.first_sort_at, spans.first_affiliation_id)
    )


def _related(entity: Any, columns: list[Any]) -> Select[Any]:
    """The neighbours from the pair counts kept at ingest (app/store/counters.py)."""
    pair = m.EntityPair.__table__.c
    return (
        select(*columns, pair.article_count.label("shared"))
        .join_from(m.EntityPair.__table__, _ENTITY, _ENTITY.c.id == pair.other_id)
        .where(pair.entity_id == entity)
        .order_by(pair.article_count.desc(), _ENTITY.c.id)
        .limit(RELATED_LIMIT)
    )


def _resolutions(entity: Any) -> Select[Any]:
    """Resolutions cited beside the entity, from the counts kept at ingest."""
    cited = m.EntityResolution.__table__.c
    resolutions = m.Resolution.__table__.c
    return (
        select(resolutions.body, resolutions.number, resolutions.year, resolutions.un_session)
        .add_columns(cited.article_count)
        .join_from(
            m.EntityResolution.__table__,
            m.Resolution.__table__,
            resolutions.id == cited.resolution_id,
        )
        .where(cited.entity_id == entity)
        .order_by(cited.article_count.desc(), resolutions.number)
        .limit(RELATED_LIMIT)
    )
