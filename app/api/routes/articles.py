"""Articles written: ingest and delete (reads are in article_reads.py)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from app.api.body import read_body
from app.api.bounds import RowId
from app.api.deps import ApiKeyDep, SettingsDep, WriteSessionDep
from app.api.job_schemas import Accepted, QueuedJob
from app.api.params import reject_stray_parameters
from app.api.queue import defer, open_queue
from app.api.routes.common import NOT_FOUND, PROBLEMS
from app.api.schemas import IngestReport, Problem
from app.ingest.dispatch import Payload
from app.ingestion import Ingested, direct_fetch, ingest_articles, read_payload
from app.store.delete import delete_article

router = APIRouter(
    prefix="/articles", tags=["articles"], dependencies=[Depends(reject_stray_parameters)]
)


@router.post(
    "",
    response_model=IngestReport,
    status_code=201,
    dependencies=[ApiKeyDep],
    operation_id="ingestArticles",
    summary="Ingest articles",
    description=(
        "Send scraped page text (text/plain), an HTML page (text/html), a JSON document or "
        "a list of them (application/json), JSON lines (application/x-ndjson), an RSS/Atom "
        'feed, or `{"url": ...}` to fetch a page. Re-sending an article updates it in place. '
        "Documents are stored before the answer (201, or 200 when nothing was new). A feed "
        "whose items are teasers answers 202: its full-text items are stored, and each "
        "linked page is fetched by a job of its own (`GET /jobs/{id}`)."
    ),
    responses={
        202: {"model": Accepted, "description": "Pages queued for fetching"},
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
) -> IngestReport | JSONResponse:
    data = await read_body(request, settings.max_body_bytes)
    content_type = request.headers.get("content-type")
    payload: Payload = await run_in_threadpool(
        read_payload, data, content_type, fetch=direct_fetch(settings)
    )
    articles = payload.articles
    results = (
        await run_in_threadpool(ingest_articles, session=session, articles=articles)
        if articles or not payload.to_fetch
        else []
    )
    if payload.to_fetch:
        return await _queue_pages(request, payload.to_fetch, results)
    if all(r.outcome != "ingested" for r in results):
        response.status_code = 200
    return IngestReport.model_validate({"items": results})


async def _queue_pages(request: Request, links: list[str], results: list[Ingested]) -> JSONResponse:
    queue = await open_queue(request)
    jobs = []
    for link in dict.fromkeys(links):
        job_id = await defer(queue, "fetch_page", f"page:{link}", url=link, source_id=None)
        if job_id is not None:
            jobs.append(QueuedJob(id=job_id, url=link, href=f"/jobs/{job_id}"))
    accepted = Accepted.model_validate({"items": results, "jobs": jobs})
    headers = {"Location": jobs[0].href} if jobs else None
    return JSONResponse(accepted.model_dump(mode="json"), status_code=202, headers=headers)


@router.delete(
    "/{article_id:int}",
    status_code=204,
    dependencies=[ApiKeyDep],
    responses={401: {"model": Problem}, 403: {"model": Problem}, **NOT_FOUND},
    operation_id="deleteArticle",
    summary="Delete an article",
)
def delete(session: WriteSessionDep, article_id: RowId) -> Response:
    delete_article(session=session, article_id=article_id)
    return Response(status_code=204)
