"""Articles read: the filtered list with facets, its histogram and export, one article."""

from __future__ import annotations

from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy.orm import Session

from app.api.article_params import (
    DetailQuery,
    ExportQuery,
    HistogramQuery,
    ListQuery,
    comma_list,
)
from app.api.bounds import RowId
from app.api.deps import SessionDep, StreamSessionDep
from app.api.export import MEDIA_TYPES, chunks
from app.api.lean import LeanRoute
from app.api.params import reject_stray_parameters
from app.api.resolve import Toggler, resolve_filters
from app.api.routes.common import AMBIGUOUS, NOT_FOUND, link_next
from app.api.schemas import ArticleDetail, ArticlePage, Histogram
from app.errors import InvalidParameter
from app.store.reads.article_items import ITEM_FIELDS
from app.store.reads.articles import ListOptions, iter_item_pages, list_articles_json
from app.store.reads.detail_json import article_detail_json
from app.store.reads.histogram import histogram_json

router = APIRouter(
    prefix="/articles",
    tags=["articles"],
    dependencies=[Depends(reject_stray_parameters)],
    route_class=LeanRoute,
)


@router.get(
    "",
    response_model=ArticlePage,
    response_model_exclude_unset=True,
    responses=AMBIGUOUS,
    operation_id="listArticles",
    summary="List articles: combined filters, full text, facets",
)
def list_(request: Request, session: SessionDep, query: Annotated[ListQuery, Query()]) -> Response:
    return serve_list(request, session, query)


def serve_list(
    request: Request, session: Session, query: ListQuery, entity_id: int | None = None
) -> Response:
    """/articles, /search and an entity's articles: the same filters, one more entity for
    the last. The page goes out as bytes written by the store (routes keep `response_model`
    for the OpenAPI document): no model is validated per row, nor the page twice."""
    params = query.params()
    if query.sort == "relevance" and not params.q:
        raise InvalidParameter("sort=relevance ranks matches of `q`; give `q`")
    toggler = Toggler(list(request.query_params.multi_items()))
    filters = resolve_filters(session, params, toggler, request.app.state.known_entities)
    if entity_id is not None:
        filters = filters.with_entity(entity_id)
    options = ListOptions(
        sort=query.sort,
        limit=query.limit,
        cursor=query.cursor,
        fields=query.chosen_fields(),
        facets=query.chosen_facets(),
        facet_size=query.facet_size,
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
def histogram_(session: SessionDep, query: Annotated[HistogramQuery, Query()]) -> Response:
    _check_zone(query.tz)
    filters = resolve_filters(session, query.params())
    found = histogram_json(session=session, filters=filters, interval=query.interval, tz=query.tz)
    return Response(found, media_type="application/json")


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
def export(session: StreamSessionDep, query: Annotated[ExportQuery, Query()]) -> StreamingResponse:
    filters = resolve_filters(session, query.params())
    chosen = frozenset(comma_list(query.fields, ITEM_FIELDS, "fields")) or ITEM_FIELDS
    pages = iter_item_pages(session=session, filters=filters, fields=chosen)
    return StreamingResponse(
        chunks(pages, query.format),
        media_type=MEDIA_TYPES[query.format],
        headers={"Content-Disposition": f'attachment; filename="articles.{query.format}"'},
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
    session: SessionDep, article_id: RowId, query: Annotated[DetailQuery, Query()]
) -> Response:
    # Sent as the bytes the store writes (the model's JSON); `response_model` documents it.
    body = article_detail_json(session, article_id, query.chosen_extras())
    return Response(body, media_type="application/json")
