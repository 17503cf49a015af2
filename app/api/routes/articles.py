"""Articles: list with filters, one whole article, ingest, delete."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from app.api.body import read_body
from app.api.deps import ApiKeyDep, SessionDep, SettingsDep, WriteSessionDep
from app.api.openapi import INGEST_BODY
from app.api.params import SYMBOL_PATTERN, Moment, RowId
from app.api.routes.common import NOT_FOUND, PROBLEMS, Cursor, Limit, parse_symbol
from app.api.schemas import ArticleDetail, ArticleItem, IngestReport, Page, Problem
from app.errors import InvalidParameter
from app.ingestion import ingest_payload
from app.store.delete import delete_article
from app.store.lookup import find_entity_ids, find_resolution_ids
from app.store.reads.article_detail import get_article
from app.store.reads.articles import ArticleFilters, list_articles

router = APIRouter(prefix="/articles", tags=["articles"])
Body = Literal["UNSC", "UNGA", "HRC", "other", "unknown"]


@router.get("", response_model=Page[ArticleItem], responses=PROBLEMS, summary="List articles")
def list_(
    session: SessionDep,
    limit: Limit = 20,
    cursor: Cursor = None,
    entity: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Entity id, or any spelling of its name (وسوريا).",
            examples=["بدر جاموس"],
        ),
    ] = None,
    resolution: Annotated[
        str | None,
        Query(
            max_length=12,
            pattern=SYMBOL_PATTERN,
            description="Resolution number (2254, ٢٢٥٤) or session/number (67/19).",
            examples=["2254"],
        ),
    ] = None,
    body: Annotated[Body | None, Query(description="Issuing body of `resolution`.")] = None,
    source: Annotated[str | None, Query(max_length=200, description="Outlet name.")] = None,
    from_: Annotated[
        Moment | None, Query(alias="from", description="Published at or after.")
    ] = None,
    to: Annotated[Moment | None, Query(description="Published before.")] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Full text, Arabic-normalized.")
    ] = None,
    sort: Annotated[Literal["newest", "oldest"], Query()] = "newest",
) -> Page[ArticleItem]:
    filters = ArticleFilters(
        entity_ids=find_entity_ids(session=session, text=entity) if entity else None,
        resolution_ids=_resolution_ids(session, resolution, body),
        source=source,
        date_from=_aware(from_, "from"),
        date_to=_aware(to, "to"),
        q=q,
        newest_first=sort == "newest",
    )
    page = list_articles(session=session, filters=filters, limit=limit, cursor=cursor)
    return Page[ArticleItem].model_validate(page)


def _resolution_ids(session: SessionDep, number: str | None, body: str | None) -> list[int] | None:
    if number is None:
        return None
    un_session, digits = parse_symbol(number)
    return find_resolution_ids(session=session, number=digits, body=body, un_session=un_session)


def _aware(moment: datetime | None, name: str) -> datetime | None:
    if moment is not None and moment.tzinfo is None:
        raise InvalidParameter(f"`{name}` needs a time zone offset, e.g. 2023-11-14T00:00:00+03:00")
    return moment


@router.get(
    "/{article_id}",
    response_model=ArticleDetail,
    responses=NOT_FOUND,
    summary="One article with its actors, roles, citations and statements",
)
def get_one(session: SessionDep, article_id: RowId) -> ArticleDetail:
    return ArticleDetail.model_validate(get_article(session=session, article_id=article_id))


@router.post(
    "",
    response_model=IngestReport,
    status_code=201,
    dependencies=[ApiKeyDep],
    summary="Ingest articles",
    openapi_extra={"requestBody": INGEST_BODY},
    description=(
        "Send scraped page text (text/plain), an HTML page (text/html), a JSON document or "
        "a list of them (application/json), JSON lines (application/x-ndjson), an RSS/Atom "
        'feed, or `{"url": ...}` to fetch a page. Re-sending an article updates it in place.'
    ),
    responses={
        401: {"model": Problem},
        403: {"model": Problem},
        413: {"model": Problem},
        415: {"model": Problem},
        502: {"model": Problem},
        **PROBLEMS,
    },
)
async def ingest(
    request: Request, session: WriteSessionDep, settings: SettingsDep, response: Response
) -> IngestReport:
    data = await read_body(request, settings.max_body_bytes)
    content_type = request.headers.get("content-type")
    results = await run_in_threadpool(
        ingest_payload, session=session, data=data, content_type=content_type, settings=settings
    )
    if all(r.outcome != "ingested" for r in results):
        response.status_code = 200
    return IngestReport.model_validate({"items": results})


@router.delete(
    "/{article_id}",
    status_code=204,
    dependencies=[ApiKeyDep],
    responses={401: {"model": Problem}, 403: {"model": Problem}, **NOT_FOUND},
    summary="Delete an article",
)
def delete(session: WriteSessionDep, article_id: RowId) -> Response:
    delete_article(session=session, article_id=article_id)
    return Response(status_code=204)
