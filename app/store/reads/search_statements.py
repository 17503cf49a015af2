"""The statements of the front's search (search_json.py), built once per dialect: SQLite's
walk and BM25 over the FTS5 table keyed by date; PostgreSQL's walk down the date order
with each match's ts_rank (each also among one entity's articles); the page's articles,
the blocks for highlights and the entity spellings of q, on either. Lists of values travel
as one JSON array parameter, so that one statement serves any number of them."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from sqlalchemy import (
    BigInteger,
    Integer,
    Select,
    String,
    bindparam,
    cast,
    exists,
    func,
    literal_column,
    select,
)
from sqlalchemy.dialects.postgresql import JSONB

from app.store import models as m
from app.store.reads.link_pages import BLOB_COLUMNS
from app.store.search import FTS, PG_SEARCH, fts_article_id, pg_tsquery

_A = m.Article.__table__.c
_S = m.Source.__table__.c
# The link pages' columns (link_pages.py): both share the items' heads. item_json as
# SQLite's bytes there; as text on PostgreSQL, whose text-to-bytea cast reads backslashes
# as escapes.
COLUMNS = BLOB_COLUMNS
ITEM_AT = len(COLUMNS) - 1
# The PostgreSQL walk is built per shape of q (words, forms of each word) and its plan
# kept for good (driver.py): bounded, so that any q keeps at most 6 + 6^2 + 6^3 + 6^4
# plans (a few MB); longer queries take the general path. A word has 1-4 forms here.
PG_WORDS, PG_FORMS = 4, 6


def statement(name: Any, dialect: str) -> Select[Any]:
    """The statement `name` (a string, or ("pg walk", shape, of an entity)) for the dialect."""
    if isinstance(name, tuple):
        return _pg_walk(name[1], name[2])
    return _BUILDERS[name](dialect)


def _columns(dialect: str) -> tuple[Any, ...]:
    if dialect == "postgresql":
        return (*COLUMNS[:ITEM_AT], _A.item_json)
    return COLUMNS


def _ids(dialect: str, name: str = "ids", of: Any = Integer) -> Any:
    """The values of a JSON array parameter."""
    param = bindparam(name, type_=String)
    if dialect == "postgresql":
        each = func.jsonb_array_elements_text(cast(param, JSONB)).table_valued("value")
        return select(cast(each.c.value, of))
    return select(literal_column("value")).select_from(func.json_each(param))


@cache
def _walk(_dialect: str) -> Select[Any]:
    match = FTS.c.article_search_fts.op("MATCH")(bindparam("match", type_=String))
    query = select(FTS.c.rowid).where(match).order_by(FTS.c.rowid.desc())
    return query.limit(bindparam("size", type_=Integer))


@cache
def _ranked(_dialect: str) -> Select[Any]:
    """Every candidate's score, best first, ties newest id first (search_pages)."""
    match = FTS.c.article_search_fts.op("MATCH")(bindparam("match", type_=String))
    score = (-func.bm25(literal_column(FTS.name))).label("score")
    article_id = fts_article_id().label("article_id")
    return (
        select(article_id, score)
        .where(match, FTS.c.rowid >= bindparam("edge", type_=BigInteger))
        .order_by(score.desc(), article_id.desc())
    )


def _named(article_id: Any) -> Any:
    """The article names the entity bound as `entity` (as search_pages._driving asks)."""
    link = m.ArticleEntity.__table__.c
    entity = bindparam("entity", type_=Integer)
    return exists().where(link.article_id == article_id, link.entity_id == entity)


def _of_entity(build: Callable[[str], Select[Any]]) -> Callable[[str], Select[Any]]:
    """SQLite's statement `build` over the matches naming the entity bound as `entity`."""

    @cache
    def built(dialect: str) -> Select[Any]:
        return build(dialect).where(_named(fts_article_id()))

    return built


@cache
def _pg_walk(shape: tuple[int, ...], of_entity: bool) -> Select[Any]:
    """The newest matches, newest first, each with its ts_rank, as search_pages finds and
    ranks them on PostgreSQL: one pass down the date order (or, for a rare word, the GIN's
    few matches sorted), each match's vector read once. Forms are bound as f<word>_<form>.
    Of an entity: its articles down the link's own date order, as the general path drives
    them (the entity's index, then each article's vector)."""
    forms = [[form_param(i, j) for j in range(n)] for i, n in enumerate(shape)]
    query = pg_tsquery(forms)
    vector = PG_SEARCH.c.document_tsv
    score = func.ts_rank(vector, query).label("score")
    if of_entity:
        link = m.ArticleEntity.__table__.c
        return (
            select(link.article_id, score)
            .join(PG_SEARCH, PG_SEARCH.c.article_id == link.article_id)
            .where(link.entity_id == bindparam("entity", type_=Integer), vector.op("@@")(query))
            .order_by(link.sort_at.desc(), link.article_id.desc())
            .limit(bindparam("size", type_=Integer))
        )
    return (
        select(_A.id, score)
        .select_from(m.Article.__table__)
        .join(PG_SEARCH, PG_SEARCH.c.article_id == _A.id)
        .where(vector.op("@@")(query))
        .order_by(_A.sort_at.desc(), _A.id.desc())
        .limit(bindparam("size", type_=Integer))
    )


@cache
def _pg_serial(_dialect: str) -> Select[Any]:
    """The walk planned for its own values and in one process, as search_pages.serial_plan
    plans it, until the transaction ends (the pool's rollback, when the front returns the
    connection): psycopg prepares a statement run five times, and PostgreSQL's generic plan
    of it, blind to how common the words are, may walk the date order for a rare word; and
    the planner gave a common word's walk parallel workers that cost 7-10x the walk itself
    (39 against 3-6 ms at 100,000 articles)."""
    return select(
        func.set_config("max_parallel_workers_per_gather", "0", True),
        func.set_config("plan_cache_mode", "force_custom_plan", True),
    )


def form_param(word: int, form: int) -> Any:
    return bindparam(f"f{word}_{form}", type_=String)


@cache
def _articles(dialect: str) -> Select[Any]:
    query = select(*_columns(dialect)).outerjoin(m.Source.__table__, _S.id == _A.source_id)
    return query.where(_A.id.in_(_ids(dialect)))


@cache
def _dated(dialect: str) -> Select[Any]:
    return (
        select(*_columns(dialect), _A.sort_at)
        .outerjoin(m.Source.__table__, _S.id == _A.source_id)
        .where(_A.id.in_(_ids(dialect)))
        .order_by(_A.sort_at.desc(), _A.id.desc())
        .limit(bindparam("size", type_=Integer))
    )


@cache
def _spellings(dialect: str) -> Select[Any]:
    alias = m.EntityAlias.__table__.c
    named = select(alias.entity_id).where(alias.normalized.in_(_ids(dialect, "words", String)))
    return select(alias.entity_id, alias.normalized).where(
        alias.entity_id.in_(named), alias.normalized.not_like("% %")
    )


def _part_rows(table: Any) -> Callable[[str], Select[Any]]:
    @cache
    def build(dialect: str) -> Select[Any]:
        c = table.c
        query = select(c.article_id, c.position, c.text).where(c.article_id.in_(_ids(dialect)))
        return query.order_by(c.article_id, c.position)

    return build


_BUILDERS: dict[str, Callable[[str], Select[Any]]] = {
    "walk": _walk,
    "ranked": _ranked,
    "walk entity": _of_entity(_walk),
    "ranked entity": _of_entity(_ranked),
    "articles": _articles,
    "dated": _dated,
    "spellings": _spellings,
    "pg serial": _pg_serial,
    "points": _part_rows(m.SummaryPoint.__table__),
    "sections": _part_rows(m.ArticleSection.__table__),
}
