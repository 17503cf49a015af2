"""UN resolutions with how often the archive cites them, and one resolution's page."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Dialect, Integer, bindparam, func, select, tuple_
from sqlalchemy.orm import Session

from app.errors import InvalidParameter, NotFound
from app.store import models as m
from app.store import views as v
from app.store.counter_models import FacetCount
from app.store.cursor import decode_offset_cursor, encode_offset_cursor
from app.store.reads.dated import publication_span
from app.store.reads.driver import Rows, dbapi_rows, session_rows
from app.store.reads.highlights import Block, snippet
from app.store.reads.paging import TOTAL_CAP, capped_count
from app.store.reads.refs import article_ref, entity_ref, location
from app.store.reads.resolution_families import merged_rows, shared_articles
from app.store.typing import AnySelect

ACTORS = 10
PASSAGES = 20
_CITATIONS = func.coalesce(func.sum(m.ArticleResolution.citation_count), 0)


_PAGE = v.Page[v.ResolutionItem]  # one parametrized class, not one per request


def _item_fields(row: Any, shared: dict[int, int]) -> dict[str, Any]:
    return {
        "body": row.body,
        "number": row.number,
        "year": row.year,
        "title": row.title,
        "article_count": row.articles - shared.get(row.id, 0),
        "citation_count": int(row.citations),
        "session": row.un_session or None,
    }


def list_resolutions(
    *,
    session: Session,
    body: str | None,
    limit: int,
    cursor: str | None,
    symbol: tuple[int | None, int] | None = None,
) -> v.Page[v.ResolutionItem]:
    """Most cited first (citations, then id). `symbol` is (session, number)."""
    return resolution_list(session_rows(session), body, limit, cursor, symbol)


def driver_list_resolutions(
    dbapi_connection: Any, dialect: Dialect, *, limit: int, cursor: str | None
) -> v.Page[v.ResolutionItem]:
    """The same page read on a DB-API connection (app/api/front.py)."""
    return resolution_list(dbapi_rows(dbapi_connection, dialect), None, limit, cursor, None)


def resolution_list(
    rows_of: Rows,
    body: str | None,
    limit: int,
    cursor: str | None,
    symbol: tuple[int | None, int] | None,
) -> v.Page[v.ResolutionItem]:
    where: dict[str, Any] = {}
    if body:
        where["body"] = body
    if symbol:
        where["number"], where["un_session"] = symbol[1], symbol[0] or 0
    page: dict[str, Any] = {"size": limit + 1}
    if cursor:
        last_n, last_id = decode_offset_cursor(cursor)
        page["after_n"], page["after_id"] = -last_n, int(last_id)
    shape = (bool(body), bool(symbol))
    rows = rows_of(_page_statement(*shape, bool(cursor)), where | page)
    n = rows[0].list_total if rows else rows_of(_count_statement(*shape), where)[0][0]
    shared = shared_articles(rows_of, rows[:limit])
    items = [_item_fields(row, shared) for row in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    next_cursor = encode_offset_cursor(int(last.citations), str(last.id)) if last else None
    total = n if n <= TOTAL_CAP else None
    return _PAGE.model_validate({"items": items, "next_cursor": next_cursor, "total": total})


def _filtered(body: bool, symbol: bool) -> AnySelect:
    query = merged_rows()
    r = m.Resolution.__table__.c
    if body:
        query = query.where(r.body == bindparam("body"))
    if symbol:
        query = query.where(r.number == bindparam("number"))
        query = query.where(r.un_session == bindparam("un_session"))
    return query


@cache
def _count_statement(body: bool, symbol: bool) -> AnySelect:
    return capped_count(_filtered(body, symbol))


@cache
def _page_statement(body: bool, symbol: bool, after: bool) -> AnySelect:
    """The page's rows, each with the list's capped count (`list_total`): one statement
    for both unless the page is empty."""
    query = _filtered(body, symbol)
    total = _count_statement(body, symbol).scalar_subquery().label("list_total")
    cited, row_id = query.selected_columns.citations, query.selected_columns.id
    if after:
        bound = tuple_(bindparam("after_n", type_=Integer), bindparam("after_id", type_=Integer))
        query = query.where(tuple_(-cited, row_id) > bound)
    query = query.add_columns(total).order_by(cited.desc(), row_id)
    return query.limit(bindparam("size", type_=Integer))


def find_resolution(
    *, session: Session, number: int, body: str | None, un_session: int | None = None
) -> int:
    """The row id of a resolution; a number two bodies share needs `body`."""
    query = select(m.Resolution.id, m.Resolution.body).where(
        m.Resolution.number == number, m.Resolution.un_session == (un_session or 0)
    )
    if body:
        query = query.where(m.Resolution.body == body)
    rows = session.execute(query).all()
    known = [row for row in rows if row.body != "unknown"] or rows
    if not known:
        where = f" of {body}" if body else ""
        symbol = f"{un_session}/{number}" if un_session else str(number)
        raise NotFound(f"no resolution {symbol}{where} is cited in the archive")
    if len(known) > 1:
        bodies = ", ".join(sorted(row.body for row in known))
        raise InvalidParameter(
            f"resolution {number} exists for several bodies ({bodies}); pass body"
        )
    return int(known[0].id)


def family(session: Session, resolution_id: int) -> list[int]:
    """The row and the rows of the same number whose body the text left `unknown`, when no
    other known body shares that number: they are citations of the same resolution."""
    r = session.get_one(m.Resolution, resolution_id)
    rows = session.execute(
        select(m.Resolution.id, m.Resolution.body).where(
            m.Resolution.number == r.number, m.Resolution.un_session == r.un_session
        )
    ).all()
    known = {row.body for row in rows if row.body != "unknown"}
    if len(known) > 1 or r.body == "unknown":
        return [resolution_id]
    return sorted(row.id for row in rows)


def get_resolution(*, session: Session, resolution_id: int) -> v.ResolutionDetail:
    ids = family(session, resolution_id)
    r = session.get_one(m.Resolution, resolution_id)
    link = m.ArticleResolution
    if len(ids) == 1:
        # Counted at ingest (app/store/counters.py, scope_counters.py): aggregating the
        # citing articles' actors took 0.8 s for a resolution cited in 36,000 articles.
        articles, citations = r.article_count, r.citation_count
        actors = _counted_actors(session, resolution_id)
    else:  # a family: an article citing two of its rows is counted once
        articles, citations = session.execute(
            select(func.count(func.distinct(link.article_id)), _CITATIONS).where(
                link.resolution_id.in_(ids)
            )
        ).one()
        actors = _actors(session, ids)
    first, last = publication_span(
        session, link.sort_at, link.article_id, link.resolution_id.in_(ids)
    )
    return v.ResolutionDetail(
        body=r.body,
        number=r.number,
        year=r.year,
        title=r.title,
        session=r.un_session or None,
        article_count=articles,
        citation_count=int(citations),
        first_cited=first,
        last_cited=last,
        actors=actors,
        passages=_passages(session, ids),
    )


def _counted_actors(session: Session, resolution_id: int) -> list[v.Related]:
    """_actors of one resolution, from the articles counted per entity beside it (the
    facet counters of its scope): the same counts, ties by entity id."""
    count = FacetCount.article_count
    rows = session.execute(
        select(m.Entity, count)
        .join(FacetCount, FacetCount.value == m.Entity.id)
        .where(
            FacetCount.scope == "resolution",
            FacetCount.scope_id == resolution_id,
            FacetCount.facet == "entity",
            count > 0,
        )
        .order_by(count.desc(), m.Entity.id)
        .limit(ACTORS)
    ).all()
    return [v.Related(entity=entity_ref(e), count=c) for e, c in rows]


def _actors(session: Session, ids: list[int]) -> list[v.Related]:
    citing = select(m.ArticleResolution.article_id).where(
        m.ArticleResolution.resolution_id.in_(ids)
    )
    n = func.count().label("n")
    rows = session.execute(
        select(m.Entity, n)
        .join(m.ArticleEntity, m.ArticleEntity.entity_id == m.Entity.id)
        .where(m.ArticleEntity.article_id.in_(citing))
        .group_by(m.Entity.id)
        .order_by(n.desc(), m.Entity.id)
        .limit(ACTORS)
    ).all()
    return [v.Related(entity=entity_ref(e), count=c) for e, c in rows]


def _passages(session: Session, ids: list[int]) -> list[v.Passage]:
    """The newest citations, each with the words around it."""
    rows = session.execute(
        select(m.Citation, *_ARTICLE_REF, m.Source.name.label("outlet"))
        .join(m.Article, m.Article.id == m.Citation.article_id)
        .outerjoin(m.Source, m.Source.id == m.Article.source_id)
        .where(m.Citation.resolution_id.in_(ids))
        .order_by(m.Article.sort_at.desc(), m.Citation.id)
        .limit(PASSAGES)
    ).all()
    texts = block_texts(session, [(c.article_id, c.part, c.part_index) for c, *_ in rows])
    out = []
    for row in rows:
        citation = row[0]
        text = texts.get((citation.article_id, citation.part, citation.part_index), "")
        cut = snippet(Block(citation.part, citation.part_index, text), citation.start, citation.end)
        out.append(
            v.Passage(
                article=article_ref(row, row.outlet),
                text=cut.text,
                start=cut.start,
                end=cut.end,
                location=location(citation),
            )
        )
    return out


# What article_ref reads: the whole Article (its compressed text among its columns) was
# most of the page's rows.
_ARTICLE_REF = (
    m.Article.id,
    m.Article.title,
    m.Article.published_at,
    m.Article.timezone,
    m.Article.utc_offset,
)


def block_texts(
    session: Session, keys: list[tuple[int, str, int]]
) -> dict[tuple[int, str, int], str]:
    """The text of (article, part, index) blocks: a query per kind of block they are in
    (most citations are in sections: one round trip, not four)."""
    ids: dict[str, set[int]] = {}
    for article_id, part, _ in keys:
        ids.setdefault(_IMAGE_PARTS.get(part, part), set()).add(article_id)
    found: dict[tuple[int, str, int], str] = {}
    for table, part in ((m.SummaryPoint, "summary"), (m.ArticleSection, "section")):
        if part in ids:
            for article_id, position, text in session.execute(
                select(table.article_id, table.position, table.text).where(
                    table.article_id.in_(sorted(ids[part]))
                )
            ):
                found[(article_id, part, position)] = text
    if "title" in ids:
        for article_id, title in session.execute(
            select(m.Article.id, m.Article.title).where(m.Article.id.in_(sorted(ids["title"])))
        ):
            found[(article_id, "title", 0)] = title
    if "image" in ids:
        images = select(m.ArticleImage).where(m.ArticleImage.article_id.in_(sorted(ids["image"])))
        for image in session.scalars(images):
            found[(image.article_id, "image_title", image.position)] = image.title or ""
            found[(image.article_id, "caption", image.position)] = image.caption or ""
    return found


_IMAGE_PARTS = {"image_title": "image", "caption": "image"}
