"""The list's side of `family()`: a resolution cited with its body left `unknown` counts with
the one known body that has that number, so a list row says what its page says."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import Integer, and_, bindparam, case, func, or_, select

from app.store import models as m
from app.store.reads.driver import Rows
from app.store.typing import AnySelect

UNKNOWN = "unknown"


def merged_rows() -> AnySelect:
    """Every resolution row's columns with its family's counts; an `unknown` row that folds
    into a known one is left out. `articles` still counts an article citing both twice: see
    `shared_articles`. Core columns (no ORM entity): the list runs it on the driver."""
    r = m.Resolution.__table__.c
    vague = r.body == UNKNOWN
    # one row per (number, session) at most for each body: the unique constraint
    siblings = (
        select(
            r.number,
            r.un_session,
            func.count(case((~vague, 1))).label("known"),
            func.max(case((vague, r.id))).label("vague_id"),
            func.max(case((vague, r.article_count))).label("vague_articles"),
            func.max(case((vague, r.citation_count))).label("vague_citations"),
        )
        .group_by(r.number, r.un_session)
        .subquery()
    )
    folds = and_(~vague, siblings.c.known == 1, siblings.c.vague_id.is_not(None))
    return (
        select(
            r.id,
            r.body,
            r.number,
            r.year,
            r.title,
            r.un_session,
            (r.article_count + case((folds, siblings.c.vague_articles), else_=0)).label("articles"),
            (r.citation_count + case((folds, siblings.c.vague_citations), else_=0)).label(
                "citations"
            ),
            case((folds, siblings.c.vague_id)).label("vague_id"),
        )
        .join(siblings, and_(siblings.c.number == r.number, siblings.c.un_session == r.un_session))
        .where(or_(~vague, siblings.c.known != 1))
    )


def shared_articles(rows_of: Rows, rows: Sequence[Any]) -> dict[int, int]:
    """Articles citing a row both with its body and without, by row id: one statement for
    the page when a row of it has such a family, whatever it holds; none otherwise."""
    pairs = [(row.id, row.vague_id) for row in rows if row.vague_id is not None]
    if not pairs:
        return {}
    params = {f"known_{i}": k for i, (k, _) in enumerate(pairs)}
    params |= {f"vague_{i}": x for i, (_, x) in enumerate(pairs)}
    return {int(rid): int(n) for rid, n in rows_of(_shared_statement(len(pairs)), params)}


@cache
def _shared_statement(pairs: int) -> AnySelect:
    """Built once per number of pairs (a page holds at most 100), so the driver plans it once."""
    link = m.ArticleResolution.__table__
    known, vague = link.alias("known"), link.alias("vague")
    held = or_(
        *(
            and_(
                known.c.resolution_id == bindparam(f"known_{i}", type_=Integer),
                vague.c.resolution_id == bindparam(f"vague_{i}", type_=Integer),
            )
            for i in range(pairs)
        )
    )
    return (
        select(known.c.resolution_id, func.count())
        .join_from(known, vague, vague.c.article_id == known.c.article_id)
        .where(held)
        .group_by(known.c.resolution_id)
    )
