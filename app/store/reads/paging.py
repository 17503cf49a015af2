"""One rule for `total` on every list, and the cursors of lists ordered by a count."""

from __future__ import annotations

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from app.store.typing import AnySelect

TOTAL_CAP = 1_000


def bounded_count(session: Session, query: AnySelect) -> int | None:
    """Exact up to TOTAL_CAP matches, else None: counting 60,000 rows for every page would
    cost more than the page itself."""
    n = session.scalar(capped_count(query)) or 0
    return n if n <= TOTAL_CAP else None


def capped_count(query: AnySelect) -> AnySelect:
    """The number of `query`'s rows, counted up to TOTAL_CAP + 1."""
    capped = (
        query.with_only_columns(literal_column("1"), maintain_column_froms=True)
        .limit(TOTAL_CAP + 1)
        .subquery()
    )
    return select(func.count()).select_from(capped)
