"""Pages of `q` on SQLite, read in the order of the full-text index instead of sorting
every match: FTS5 rows are keyed by date (app.store.search, ID_BITS), so the newest
matches come first and a query stops once it has what the page needs.

- By date: the walk finds where the page ends; the page is then sorted exactly among the
  matches from that key's minute on (keys order by minute, then id).
- By relevance: the RELEVANCE_CANDIDATES newest matches are ranked, not all of them (on
  PostgreSQL too, where the date index finds them).
- The total is counted along the same walk, up to TOTAL_CAP.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Subquery,
    exists,
    func,
    literal_column,
    select,
    text,
    tuple_,
)
from sqlalchemy.orm import Session, aliased

from app.store import models as m
from app.store.reads.article_query import ArticleFilters, conditions, filtered, lead_entity
from app.store.reads.paging import TOTAL_CAP
from app.store.search import (
    FTS,
    ID_BITS,
    PG_SEARCH,
    fts_article_id,
    fts_match,
    key_above,
    key_below,
    minute_start,
    pg_match,
    pg_rank,
)
from app.store.typing import AnySelect

# Relevance ranks this many of the newest matches (after the other filters): BM25 over a
# word found in 100,000 articles costs 160 ms, and a reader of a search sorted by relevance
# rarely wants the best of twenty years rather than the best of the recent ones.
RELEVANCE_CANDIDATES = 1_000
_NO_KEY = (1 << 63) - 1  # above every key


def walk(
    session: Session,
    filters: ArticleFilters,
    *columns: Any,
    also: ColumnElement[bool] | None = None,
    joined: bool = False,
) -> AnySelect:
    """`columns` of the matches of q that pass every other filter, read from the FTS5
    table (joined to their article only when a filter needs it), in no order yet: order by
    FTS.c.rowid to walk by date."""
    assert filters.q
    rest = replace(filters, q=None)
    query = select(*columns).select_from(FTS).where(fts_match(session, filters.q))
    needs = [*conditions(session, rest, m.Article.sort_at), *_driving(rest)]
    needs += [] if also is None else [also]
    if needs or joined:
        query = query.join(m.Article, m.Article.id == fts_article_id()).where(*needs)
    # The dates bound the keys too, so that a search of past years starts there.
    if filters.date_from:
        query = query.where(FTS.c.rowid >= key_below(filters.date_from))
    if filters.date_to:
        query = query.where(FTS.c.rowid < key_above(filters.date_to))
    return query


def _driving(filters: ArticleFilters) -> list[ColumnElement[bool]]:
    """The entity or resolution that `conditions` leaves to the driving index: here the
    full-text index drives, so they are conditions like the others."""
    out: list[ColumnElement[bool]] = []
    lead = lead_entity(filters)
    if lead is not None:
        link = aliased(m.ArticleEntity)
        out.append(exists().where(link.article_id == m.Article.id, link.entity_id == lead))
    ids = filters.resolution_ids
    if ids is not None and len(ids) == 1 and lead is None:
        res = aliased(m.ArticleResolution)
        out.append(exists().where(res.article_id == m.Article.id, res.resolution_id == ids[0]))
    return out


def date_page_matches(
    session: Session,
    filters: ArticleFilters,
    *,
    newest_first: bool,
    limit: int,
    after: tuple[datetime, int] | None,
) -> ColumnElement[bool]:
    """A condition on Article.id true for a narrow set of matches that holds the page:
    those from the minute of the page's last row (limit + 1 rows on) to the cursor."""
    assert filters.q
    lo, hi = _cursor_range(newest_first, after)
    exact = None
    if after is not None:
        key, cursor = tuple_(m.Article.sort_at, m.Article.id), tuple_(*after)
        exact = key < cursor if newest_first else key > cursor
    edge = walk(session, filters, FTS.c.rowid, also=exact)
    edge = edge.where(FTS.c.rowid >= lo, FTS.c.rowid < hi)
    order = FTS.c.rowid.desc() if newest_first else FTS.c.rowid
    last = session.scalar(edge.order_by(order).offset(limit).limit(1))
    if last is not None and newest_first:
        lo = minute_start(last)
    elif last is not None:
        hi = minute_start(last) + (1 << ID_BITS)
    narrow = select(fts_article_id()).where(
        fts_match(session, filters.q), FTS.c.rowid >= lo, FTS.c.rowid < hi
    )
    return m.Article.id.in_(narrow)


def _cursor_range(newest_first: bool, after: tuple[datetime, int] | None) -> tuple[int, int]:
    lo, hi = 0, _NO_KEY
    if after is not None and newest_first:
        hi = key_above(after[0])
    elif after is not None:
        lo = key_below(after[0])
    return lo, hi


def count_matches(session: Session, filters: ArticleFilters) -> int | None:
    """Exact up to TOTAL_CAP, else None, like every list's total."""
    capped = walk(session, filters, FTS.c.rowid).limit(TOTAL_CAP + 1).subquery()
    n = session.scalar(select(func.count()).select_from(capped)) or 0
    return n if n <= TOTAL_CAP else None


def relevance_scores(
    session: Session,
    filters: ArticleFilters,
    *,
    offset: int,
    limit: int,
    only: list[int] | None = None,
) -> Subquery:
    """(article_id, score) of a page by relevance, best first, ties newest id first: the
    RELEVANCE_CANDIDATES newest matches (by sort_at, then id) ranked by BM25 on SQLite, by
    ts_rank on PostgreSQL, where `only` are the matches when the caller already has them."""
    assert filters.q
    if session.get_bind().dialect.name == "postgresql":
        candidates = _pg_candidates(session, filters, only)
    else:
        candidates = _sqlite_candidates(session, filters)
    return (
        select(candidates)
        .order_by(candidates.c.score.desc(), candidates.c.article_id.desc())
        .offset(offset)
        .limit(limit)
        .subquery("scores")
    )


def _pg_candidates(session: Session, filters: ArticleFilters, only: list[int] | None) -> Subquery:
    """The newest matches and their scores in one pass down the date order: each candidate's
    vector is read once, to check it and to rank it (migration 0010 keeps it in the row,
    not in TOAST), and no other row of article_search is read."""
    assert filters.q
    score = pg_rank(session, filters.q).label("score")
    found = filtered(session, replace(filters, q=None), m.Article.id.label("article_id"), score)
    query = found.query.join(PG_SEARCH, PG_SEARCH.c.article_id == m.Article.id)
    if only is None:
        query = query.where(pg_match(session, filters.q))
    else:  # the matches, already read for the total
        query = query.where(m.Article.id.in_(only))
    order = found.sort_col.desc(), found.id_col.desc()
    return query.order_by(*order).limit(RELEVANCE_CANDIDATES).subquery("candidates")


@contextmanager
def serial_plan(session: Session) -> Iterator[None]:
    """On PostgreSQL, the statements run inside plan without parallel workers. At 100,000
    articles the planner gave the relevance candidates' walk down the date index two
    workers: each walked past its share of the 1,000 candidates, and starting and merging
    them cost more than the walk (92-118 ms against 11-38 ms in one process, on a busy
    2-core machine)."""
    if session.get_bind().dialect.name != "postgresql":
        yield
        return
    session.execute(_NO_WORKERS)
    yield
    # Not after an error: PostgreSQL refuses statements in a failed transaction, and its
    # end takes SET LOCAL away anyway.
    session.execute(_WORKERS_AGAIN)


_NO_WORKERS = text("SET LOCAL max_parallel_workers_per_gather = 0")
_WORKERS_AGAIN = text("RESET max_parallel_workers_per_gather")


def _sqlite_candidates(session: Session, filters: ArticleFilters) -> Subquery:
    """The walk finds the last candidate's key. When the next match is of an older minute,
    the candidates are exactly the keys from there on; else they are sorted by date among
    the matches from that minute on."""
    newest_keys = walk(session, filters, FTS.c.rowid).order_by(FTS.c.rowid.desc())
    edge = list(session.scalars(newest_keys.offset(RELEVANCE_CANDIDATES - 1).limit(2)))
    score = (-func.bm25(literal_column(FTS.name))).label("score")
    columns = fts_article_id().label("article_id"), score
    if not edge:
        return walk(session, filters, *columns).subquery("candidates")
    if len(edge) == 1 or minute_start(edge[1]) < minute_start(edge[0]):
        found = walk(session, filters, *columns).where(FTS.c.rowid >= edge[0])
        return found.subquery("candidates")
    found = walk(session, filters, *columns, joined=True)
    found = found.where(FTS.c.rowid >= minute_start(edge[0]))
    order = m.Article.sort_at.desc(), m.Article.id.desc()
    return found.order_by(*order).limit(RELEVANCE_CANDIDATES).subquery("candidates")
