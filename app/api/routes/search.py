"""Full-text search over Arabic-normalized text."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import SessionDep
from app.api.routes.common import PROBLEMS, Cursor, Limit
from app.api.schemas import Page, SearchHit
from app.store.reads.search import search_articles

router = APIRouter(tags=["search"])


@router.get(
    "/search",
    response_model=Page[SearchHit],
    responses=PROBLEMS,
    summary="Search articles; every word must appear (diacritics, hamza and clitics folded)",
)
def search(
    session: SessionDep,
    q: Annotated[str, Query(min_length=1, max_length=200, examples=["هيئة التفاوض"])],
    limit: Limit = 20,
    cursor: Cursor = None,
) -> Page[SearchHit]:
    return search_articles(session=session, q=q, limit=limit, cursor=cursor)
