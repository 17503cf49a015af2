"""A queued job's state: waiting, running, done with the articles it stored, or failed
with its error."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.concurrency import run_in_threadpool

from app.api.deps import SessionDep
from app.api.job_schemas import JobOut
from app.api.queue import open_queue
from app.api.routes.common import NOT_FOUND
from app.errors import NotFound
from app.store.job_outcomes import get_outcome

router = APIRouter(prefix="/jobs", tags=["jobs"])
_QUEUE_STATUS = {"retrying": "todo"}  # an outcome row without the queue's own status


@router.get(
    "/{job_id}",
    response_model=JobOut,
    responses=NOT_FOUND,
    operation_id="getJob",
    summary="One job",
)
async def get_one(
    request: Request, session: SessionDep, job_id: Annotated[int, Path(ge=1)]
) -> JobOut:
    queue = await open_queue(request)
    jobs = list(await queue.job_manager.list_jobs_async(id=job_id))
    outcome = await run_in_threadpool(get_outcome, session, job_id)
    if not jobs and outcome is None:
        raise NotFound(f"no job with id {job_id}")
    job = jobs[0] if jobs else None
    if job is not None:
        status, task, arguments = str(job.status), job.task_name, dict(job.task_kwargs)
    else:
        assert outcome is not None
        status, task, arguments = (
            _QUEUE_STATUS.get(outcome.status, outcome.status),
            outcome.task,
            {},
        )
    return JobOut.model_validate(
        {
            "id": job_id,
            "task": task,
            "status": status,
            "attempts": max(job.attempts if job else 0, outcome.attempts if outcome else 0),
            "arguments": arguments,
            "error": outcome.error if outcome else None,
            "article_ids": outcome.article_ids if outcome else [],
            "job_ids": outcome.job_ids if outcome else [],
        }
    )
