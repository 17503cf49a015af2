"""Articles written: ingest and delete (reads are in article_reads.py)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response
from fastapi.concurrency import run_in_threadpool

from app.api.body import read_body
from app.api.bounds import RowId
from app.api.deps import ApiKeyDep, SettingsDep, WriteSessionDep
from app.api.openapi import INGEST_BODY
from app.api.params import reject_stray_parameters
from app.api.routes.common import NOT_FOUND, PROBLEMS
from app.api.schemas import IngestReport, Problem
from app.ingestion import ingest_payload
from app.store.delete import delete_article

router = APIRouter(
    prefix="/articles", tags=["articles"], dependencies=[Depends(reject_stray_parameters)]
)


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
    "/{article_id:int}",
    status_code=204,
    dependencies=[ApiKeyDep],
    responses={401: {"model": Problem}, 403: {"model": Problem}, **NOT_FOUND},
    summary="Delete an article",
)
def delete(session: WriteSessionDep, article_id: RowId) -> Response:
    delete_article(session=session, article_id=article_id)
    return Response(status_code=204)
