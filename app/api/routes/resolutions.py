"""UN resolutions cited in the archive."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from app.api.deps import SessionDep
from app.api.params import SYMBOL_PATTERN
from app.api.routes.common import NOT_FOUND, PROBLEMS, Cursor, Limit, parse_symbol
from app.api.schemas import ArticleItem, Page, ResolutionDetail, ResolutionItem
from app.store.reads.articles import ArticleFilters, list_articles
from app.store.reads.resolutions import get_resolution, list_resolutions

router = APIRouter(prefix="/resolutions", tags=["resolutions"])
Body = Literal["UNSC", "UNGA", "HRC", "other", "unknown"]


@router.get(
    "",
    response_model=Page[ResolutionItem],
    responses=PROBLEMS,
    summary="List resolutions, most cited first",
)
def list_(
    session: SessionDep,
    limit: Limit = 20,
    cursor: Cursor = None,
    body: Annotated[Body | None, Query()] = None,
) -> Page[ResolutionItem]:
    page = list_resolutions(session=session, body=body, limit=limit, cursor=cursor)
    return Page[ResolutionItem].model_validate(page)


@router.get(
    "/{number}",
    response_model=ResolutionDetail,
    responses=NOT_FOUND,
    summary="One resolution: metadata, counts and the articles citing it",
)
def get_one(
    session: SessionDep,
    number: Annotated[
        str,
        Path(
            max_length=12,
            pattern=SYMBOL_PATTERN,
            description="2254, ٢٢٥٤, or 67/19",
            examples=["2254"],
        ),
    ],
    body: Annotated[Body | None, Query()] = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> ResolutionDetail:
    un_session, digits = parse_symbol(number)
    resolution_id, item = get_resolution(
        session=session, number=digits, body=body, un_session=un_session
    )
    filters = ArticleFilters(resolution_ids=[resolution_id])
    page = list_articles(session=session, filters=filters, limit=limit, cursor=cursor)
    return ResolutionDetail(
        body=item.body,
        number=item.number,
        year=item.year,
        title=item.title,
        article_count=item.article_count,
        citation_count=item.citation_count,
        session=item.session,
        articles=Page[ArticleItem].model_validate(page),
    )
