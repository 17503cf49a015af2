"""Articles read: the filtered list with facets, its histogram and export, one article."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy.orm import Session

from app.api.article_params import ArticleParams, ArticleParamsDep, comma_list, comma_list_of
from app.api.bounds import RowId
from app.api.deps import SessionDep, StreamSessionDep
from app.api.export import MEDIA_TYPES, Format, chunks
from app.api.params import reject_stray_parameters
from app.api.resolve import Toggler, resolve_filters
from app.api.routes.common import AMBIGUOUS, NOT_FOUND, Cursor, Limit, link_next
from app.api.schemas import ArticleDetail, ArticlePage, Histogram, Interval
from app.errors import InvalidParameter
from app.store.reads.article_detail import get_article
from app.store.reads.article_items import ITEM_FIELDS
from app.store.reads.articles import ListOptions, Sort, iter_articles, list_articles_json
from app.store.reads.facets import FACETS
from app.store.reads.histogram import histogram
from app.store.reads.search_pages import RELEVANCE_CANDIDATES

router = APIRouter(
    prefix="/articles", tags=["articles"], dependencies=[Depends(reject_stray_parameters)]
)
SortParam = Annotated[
    Sort,
    Query(
        description=f"`relevance` needs `q`; it ranks the {RELEVANCE_CANDIDATES:,} newest "
        "matches; its pages go by offset."
    ),
]
FacetParam = Annotated[
    list[Annotated[str, comma_list_of(FACETS)]],
    Query(description=f"Count values over the whole result: {', '.join(FACETS)}."),
]
FacetSize = Annotated[int, Query(ge=1, le=100, description="Values per facet.")]
Fields = Annotated[
    list[Annotated[str, comma_list_of(ITEM_FIELDS)]],
    Query(
        description="Trim each item to these fields (comma-separated or repeated); `id` "
        f"always stays. Of: {', '.join(sorted(ITEM_FIELDS))}.",
        examples=[["title,published_at,lede"]],
    ),
]


@router.get(
    "",
    response_model=ArticlePage,
    response_model_exclude_unset=True,
    responses=AMBIGUOUS,
    operation_id="listArticles",
    summary="List articles: combined filters, full text, facets",
)
def list_(
    request: Request,
    session: SessionDep,
    params: ArticleParamsDep,
    sort: SortParam = Sort.NEWEST,
    limit: Limit = 20,
    cursor: Cursor = None,
    facet: FacetParam = [],  # noqa: B006
    facet_size: FacetSize = 10,
    fields: Fields = [],  # noqa: B006
) -> Response:
    options = ListParams(sort, limit, cursor, facet, facet_size, fields)
    return serve_list(request, session, params, options)


@dataclass(frozen=True, slots=True)
class ListParams:
    sort: Sort
    limit: int
    cursor: str | None
    facet: list[str]
    facet_size: int
    fields: list[str]


def serve_list(
    request: Request,
    session: Session,
    params: ArticleParams,
    given: ListParams,
    entity_id: int | None = None,
) -> Response:
    """/articles and an entity's articles: the same filters, one more entity for the latter.
    The page goes out as bytes written by the store (routes keep `response_model` for the
    OpenAPI document): no model is validated per row, nor the page twice."""
    if given.sort == "relevance" and not params.q:
        raise InvalidParameter("sort=relevance ranks matches of `q`; give `q`")
    toggler = Toggler(list(request.query_params.multi_items()))
    filters = resolve_filters(session, params, toggler)
    if entity_id is not None:
        filters = filters.with_entity(entity_id)
    options = ListOptions(
        sort=given.sort,
        limit=given.limit,
        cursor=given.cursor,
        fields=frozenset(comma_list(given.fields, ITEM_FIELDS, "fields")) or ITEM_FIELDS,
        facets=tuple(comma_list(given.facet, FACETS, "facet")),
        facet_size=given.facet_size,
        toggle=toggler,
    )
    page = list_articles_json(session=session, filters=filters, options=options)
    answer = Response(page.body, media_type="application/json")
    link_next(request, answer, page.next_cursor)
    return answer


@router.get(
    "/histogram",
    response_model=Histogram,
    responses=AMBIGUOUS,
    operation_id="articleHistogram",
    summary="Matching articles per day, week or month",
)
def histogram_(
    session: SessionDep,
    params: ArticleParamsDep,
    interval: Annotated[Interval, Query()] = Interval.DAY,
    tz: Annotated[
        str,
        Query(
            max_length=64,
            description="IANA zone of the buckets' clock.",
        ),
    ] = "UTC",
) -> Histogram:
    _check_zone(tz)
    filters = resolve_filters(session, params)
    return histogram(session=session, filters=filters, interval=interval, tz=tz)


def _check_zone(tz: str) -> None:
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InvalidParameter(f"`tz` is an IANA zone such as Asia/Damascus, not {tz!r}") from exc


@router.get(
    "/export",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "Every match, newest first, streamed.",
            "content": {"application/x-ndjson": {}, "text/csv": {}},
        },
        **AMBIGUOUS,
    },
    operation_id="exportArticles",
    summary="Every matching article as JSON lines or CSV (no page cap)",
)
def export(
    session: StreamSessionDep,
    params: ArticleParamsDep,
    format: Annotated[Format, Query()] = Format.JSONL,
    fields: Fields = [],  # noqa: B006
) -> StreamingResponse:
    filters = resolve_filters(session, params)
    chosen = frozenset(comma_list(fields, ITEM_FIELDS, "fields")) or ITEM_FIELDS
    items = iter_articles(session=session, filters=filters, fields=chosen)
    return StreamingResponse(
        chunks(items, format),
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="articles.{format}"'},
    )


@router.get(
    "/{article_id:int}",  # /articles/histogram is not an article id
    response_model=ArticleDetail,
    response_model_exclude_unset=True,
    responses=NOT_FOUND,
    operation_id="getArticle",
    summary="One article with its actors, roles, citations and statements",
)
def get_one(
    session: SessionDep,
    article_id: RowId,
    include: Annotated[
        list[Annotated[str, comma_list_of(("mentions",))]],
        Query(description="`mentions`: where each actor is named (large)."),
    ] = [],  # noqa: B006
) -> ArticleDetail:
    extras = frozenset(comma_list(include, ("mentions",), "include"))
    return get_article(session=session, article_id=article_id, include=extras)
