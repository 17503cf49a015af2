"""The publication times of a scope's dated articles within many short time ranges (the
slivers of days a histogram's bucket edges cut), in one statement whatever their number.

The ranges travel as one JSON parameter, unpacked by the database into a table each row of
which probes the scope's (id, sort_at) index; built as Core values, a thousand bound
datetimes cost more to compile than the query to run. Undated articles (whose sort_at is
their ingest time) are left out by the partial index of undated ids, not by reading each
article's row."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    TIMESTAMP,
    String,
    and_,
    bindparam,
    cast,
    func,
    literal_column,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.reads.article_query import ArticleFilters, filtered
from app.store.reads.scope import Scope
from app.store.scope_counters import ALL

_LINKS: dict[str, Any] = {"entity": m.ArticleEntity, "resolution": m.ArticleResolution}


def sliver_times(
    session: Session, scope: Scope, filters: ArticleFilters, ranges: list[tuple[float, float]]
) -> list[datetime]:
    dialect = session.get_bind().dialect.name
    table = _ranges(dialect, ranges)
    undated = select(m.Article.id).where(m.Article.published_at.is_(None))
    query: Any
    if scope[0] in _LINKS:
        link = _LINKS[scope[0]]
        key = link.entity_id if scope[0] == "entity" else link.resolution_id
        sort_col = link.sort_at
        query = select(sort_col).where(key == scope[1], link.article_id.not_in(undated))
    elif scope[0] == ALL:
        sort_col = m.Article.sort_at
        query = select(sort_col).where(m.Article.id.not_in(undated))
    else:
        found = filtered(session, replace(filters, date_from=None, date_to=None))
        sort_col = found.sort_col
        query = found.query.where(m.Article.published_at.is_not(None))
    query = query.join(table, and_(sort_col >= table.c.lo, sort_col < table.c.hi))
    if dialect == "postgresql":
        # psycopg prepares a statement run five times; PostgreSQL's generic plan for it,
        # blind to the scope's size, put the ranges inside a loop over all the scope's
        # rows (5 s for the most named actor instead of 10 ms).
        session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
    return [row[0] for row in session.execute(query)]


def _ranges(dialect: str, ranges: list[tuple[float, float]]) -> Any:
    lo: Any
    hi: Any
    if dialect == "postgresql":
        pairs = json.dumps([[_at(a).isoformat(), _at(b).isoformat()] for a, b in ranges])
        each = func.jsonb_array_elements(cast(bindparam("ranges", pairs, String), JSONB))
        value = each.table_valued("value").c.value
        stamp = TIMESTAMP(timezone=True)
        lo = cast(value.op("->>")(literal_column("0")), stamp)
        hi = cast(value.op("->>")(literal_column("1")), stamp)
    else:
        # The text form SQLite's DateTime stores, so comparisons stay text comparisons.
        pairs = json.dumps([[_text(a), _text(b)] for a, b in ranges])
        value = func.json_each(bindparam("ranges", pairs, String)).table_valued("value").c.value
        lo, hi = func.json_extract(value, "$[0]"), func.json_extract(value, "$[1]")
    return select(lo.label("lo"), hi.label("hi")).subquery("slivers")


def _at(moment: float) -> datetime:
    return datetime.fromtimestamp(moment, UTC)


def _text(moment: float) -> str:
    return _at(moment).strftime("%Y-%m-%d %H:%M:%S.%f")
