"""One article as the bytes `/articles/{id}` sends: the same JSON as the ArticleDetail model,
at a fraction of the cost.

Through the ORM the article took eight statements built per request (four `selectinload`s
among them), an object per row and a validated model per row, ~3.3 ms of the request's
~4 ms. Here each statement is Core on table columns, built once with bind parameters and
run on the session's connection; rows are read by position into plain dicts, validated as
one ArticleDetail in a single pydantic call and written by pydantic's serializer (unset
fields left out, as the route's `response_model_exclude_unset` does)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from pydantic_core import to_json
from sqlalchemy import Dialect, Select, bindparam, select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.store import models as m
from app.store import views as v
from app.store.reads.driver import driver_plan, fetch_all, fetch_raw
from app.store.reads.refs import document_order
from app.store.reads.versions import VERSION_COLUMNS, VersionCache

_A = m.Article.__table__.c
_ENTITY = m.Entity.__table__
_ENTITY_COLUMNS = ("id", "name", "kind", "subkind", "english_name", "wikidata_id")
_LOCATION = ("part", "part_index", "start", "end")


def article_detail_json(
    session: Session, article_id: int, include: frozenset[str] = frozenset()
) -> bytes:
    return article_detail(session, article_id, include).model_dump_json(exclude_unset=True).encode()


def driver_article_json(
    dbapi_connection: Any, dialect: Dialect, article_id: int, details: VersionCache
) -> bytes:
    """article_detail_json (default fields) on a DB-API connection of the engine's pool: the
    detail `details` keeps for the article's version (app/store/reads/versions.py), else
    written from its rows, each statement run as a DriverPlan (no session, no SQLAlchemy
    execution context per statement: eight of them were most of the request). The values
    are written as they are, in the model's field order, rather than validated into an
    ArticleDetail first: the same JSON (held to it by tests/store/test_detail_json.py)."""

    def run(name: str, params: dict[str, Any]) -> list[list[Any]]:
        plan = driver_plan(dialect, ("article detail", name), lambda: _statements()[name])
        return fetch_all(dbapi_connection, dialect, plan, params)

    plan = driver_plan(dialect, ("article detail", "version"), _version_statement)
    found = fetch_raw(dbapi_connection, dialect, plan, {"article": article_id})
    if not found:
        raise NotFound(f"no article with id {article_id}")
    body = details.get(found[0])
    if body is None:
        # read after the version: a write in between is cached under a key no longer read
        body = to_json(_detail_data(run, article_id, frozenset()))
        details.put(found[0], body)
    return body


def article_detail(
    session: Session, article_id: int, include: frozenset[str] = frozenset()
) -> v.ArticleDetail:
    statements = _statements()
    execute = session.connection().execute
    return _detail(
        lambda name, params: execute(statements[name], params).all(), article_id, include
    )


Run = Callable[[str, dict[str, Any]], Sequence[Any]]


def _detail(run: Run, article_id: int, include: frozenset[str]) -> v.ArticleDetail:
    return v.ArticleDetail.model_validate(_detail_data(run, article_id, include))


def _detail_data(run: Run, article_id: int, include: frozenset[str]) -> dict[str, Any]:
    """The article as JSON values, keys in the models' field order (computed ones last)."""
    params = {"article": article_id}
    found = run("article", params)
    if not found:
        raise NotFound(f"no article with id {article_id}")
    row = found[0]
    data = _article(row)
    data["summary"] = [r[0] for r in run("summary", params)]
    data["sections"] = [{"kind": r[0], "text": r[1]} for r in run("sections", params)]
    data["images"] = [
        {"title": r[0], "caption": r[1], "credit": r[2], "url": r[3]} for r in run("images", params)
    ]
    mentions = _mentions(run("mentions", params)) if "mentions" in include else None
    data["actors"] = [_actor(r, mentions) for r in run("actors", params)]
    data["roles"] = [_role(r, article_id) for r in run("roles", params)]
    data["citations"] = [_citation(r) for r in run("citations", params)]
    data["statements"] = [_statement(r, article_id) for r in run("statements", params)]
    data["warnings"], data["created_at"], data["updated_at"] = row[10], row[11], row[12]
    return data


def _article(row: Any) -> dict[str, Any]:
    return {
        "id": row[0],
        "title": row[1],
        "published_at": v.local_time(row[2], row[3], row[4]),
        "timezone": row[3],
        "outlet": row[5],
        "url": row[8],
        "language": row[9],
        "byline_place": row[6],
        "authors": row[7],
        "analysed": row[13],
    }


def _entity(row: Any, at: int) -> dict[str, Any] | None:
    if row[at] is None:
        return None
    return dict(zip(_ENTITY_COLUMNS, row[at : at + len(_ENTITY_COLUMNS)], strict=True))


def _location(row: Any, at: int) -> dict[str, Any]:
    return {"part": row[at], "index": row[at + 1], "start": row[at + 2], "end": row[at + 3]}


def _mentions(rows: Any) -> dict[int, list[dict[str, Any]]]:
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        grouped[r[0]].append({"surface": r[1], "form": r[2], "location": _location(r, 3)})
    return grouped


def _actor(row: Any, mentions: dict[int, list[dict[str, Any]]] | None) -> dict[str, Any]:
    actor = {"entity": _entity(row, 0), "mention_count": row[6]}
    if mentions is not None:  # left unset otherwise, so the JSON has no `mentions` key
        actor["mentions"] = mentions.get(row[0], [])
    return actor


def _role(row: Any, article_id: int) -> dict[str, Any]:
    return {
        "person": _entity(row, 2),
        "title": row[0],
        "organization": _entity(row, 8),
        "evidence": row[1],
        "article_id": article_id,
    }


def _citation(row: Any) -> dict[str, Any]:
    session, number = row[3] or None, row[1]
    resolution = {
        "session": session,
        "number": number,
        "body": row[0],
        "year": row[2],
        "symbol": f"{session}/{number}" if session else str(number),  # Symbol's computed field
    }
    return {"resolution": resolution, "surface": row[4], "location": _location(row, 5)}


def _statement(row: Any, article_id: int) -> dict[str, Any]:
    return {
        "speaker": _entity(row, 7),
        "speaker_surface": row[0],
        "verb": row[1],
        "content": row[2],
        "location": _location(row, 3),
        "article_id": article_id,
    }


def _columns(table: Any, names: tuple[str, ...]) -> list[Any]:
    return [table.c[name] for name in names]


@cache
def _version_statement() -> Select[Any]:
    columns = (_A[name] for name in VERSION_COLUMNS)
    return select(*columns).where(_A.id == bindparam("article"))


@cache
def _statements() -> dict[str, Select[Any]]:
    """Built once: SQLAlchemy then finds each compiled form by a memoized key."""
    article: Any = bindparam("article")
    source = m.Source.__table__.c
    article_columns = (
        *(_A.id, _A.title, _A.published_at, _A.timezone, _A.utc_offset, source.name),
        *(_A.byline_place, _A.authors, _A.url, _A.language, _A.warnings),
        *(_A.created_at, _A.updated_at, _A.analysed),
    )
    return {
        "article": select(*article_columns)
        .select_from(m.Article.__table__)
        .outerjoin(m.Source.__table__, source.id == _A.source_id)
        .where(_A.id == article),
        **_blocks(article),
        **_extracted(article),
    }


def _blocks(article: Any) -> dict[str, Select[Any]]:
    summary = m.SummaryPoint.__table__.c
    sections = m.ArticleSection.__table__.c
    images = m.ArticleImage.__table__.c
    return {
        "summary": select(summary.text)
        .where(summary.article_id == article)
        .order_by(summary.position),
        "sections": select(sections.kind, sections.text)
        .where(sections.article_id == article)
        .order_by(sections.position),
        "images": select(images.title, images.caption, images.credit, images.url)
        .where(images.article_id == article)
        .order_by(images.position),
    }


def _extracted(article: Any) -> dict[str, Select[Any]]:
    links = m.ArticleEntity.__table__.c
    mentions = m.Mention.__table__.c
    citations = m.Citation.__table__.c
    resolutions = m.Resolution.__table__.c
    statements = m.Statement.__table__.c
    affiliations = m.Affiliation.__table__.c
    person, org = _ENTITY.alias("person"), _ENTITY.alias("org")
    speaker = _ENTITY.alias("speaker")
    return {
        "actors": select(*_columns(_ENTITY, _ENTITY_COLUMNS), links.mention_count)
        .join_from(_ENTITY, m.ArticleEntity.__table__, links.entity_id == _ENTITY.c.id)
        .where(links.article_id == article)
        .order_by(links.mention_count.desc(), _ENTITY.c.id),
        "mentions": select(mentions.entity_id, mentions.surface, mentions.form)
        .add_columns(*_columns(m.Mention.__table__, _LOCATION))
        .where(mentions.article_id == article)
        .order_by(mentions.id),
        "roles": select(affiliations.title, affiliations.evidence)
        .add_columns(*_columns(person, _ENTITY_COLUMNS), *_columns(org, _ENTITY_COLUMNS))
        .join_from(m.Affiliation.__table__, person, person.c.id == affiliations.person_id)
        .outerjoin(org, org.c.id == affiliations.organization_id)
        .where(affiliations.article_id == article)
        .order_by(affiliations.id),
        "citations": select(resolutions.body, resolutions.number, resolutions.year)
        .add_columns(resolutions.un_session, citations.surface)
        .add_columns(*_columns(m.Citation.__table__, _LOCATION))
        .join_from(m.Citation.__table__, m.Resolution.__table__)
        .where(citations.article_id == article)
        .order_by(citations.id),
        "statements": select(statements.speaker_surface, statements.verb, statements.content)
        .add_columns(*_columns(m.Statement.__table__, _LOCATION))
        .add_columns(*_columns(speaker, _ENTITY_COLUMNS))
        .join_from(
            m.Statement.__table__, speaker, speaker.c.id == statements.speaker_id, isouter=True
        )
        .where(statements.article_id == article)
        .order_by(*document_order(statements)),
    }
