"""Outlets: those the archive holds articles from, and the registry of those Khabar follows
(register, change, one outlet's polling state)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response

from app.api.deps import ApiKeyDep, SessionDep, WriteSessionDep
from app.api.job_schemas import SourceIn, SourceOut, SourcePatch
from app.api.params import reject_stray_parameters
from app.api.routes.common import NOT_FOUND, PROBLEMS
from app.api.schemas import Page, Problem, SourceItem
from app.store.reads.sources import list_sources
from app.store.sources import SourceSpec, add_source, get_source, update_source

router = APIRouter(
    prefix="/sources", tags=["sources"], dependencies=[Depends(reject_stray_parameters)]
)
WRITE_PROBLEMS = {401: {"model": Problem}, 403: {"model": Problem}, **PROBLEMS}
SourceId = Annotated[int, Path(ge=1)]


@router.get(
    "",
    response_model=Page[SourceItem],
    responses=PROBLEMS,
    operation_id="listSources",
    summary="Outlets with their article counts, most articles first",
)
def list_(
    session: SessionDep, limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> Page[SourceItem]:
    return list_sources(session=session, limit=limit)


@router.get(
    "/{source_id}",
    response_model=SourceOut,
    responses=NOT_FOUND,
    operation_id="getSource",
    summary="One outlet: its feeds' polling state, article counts and rate",
)
def get_one(session: SessionDep, source_id: SourceId) -> SourceOut:
    return SourceOut.model_validate(get_source(session, source_id))


@router.post(
    "",
    response_model=SourceOut,
    status_code=201,
    dependencies=[ApiKeyDep],
    responses=WRITE_PROBLEMS,
    operation_id="registerSource",
    summary="Register an outlet and its feeds",
    description=(
        "Outlet names are normalized: registering a name articles already used completes "
        "that outlet instead of making a second one. Its feeds are polled from now on."
    ),
)
def create(session: WriteSessionDep, body: SourceIn, response: Response) -> SourceOut:
    fields = body.model_dump(mode="json")
    source_id = add_source(session, SourceSpec(**fields))
    response.headers["Location"] = f"/sources/{source_id}"
    return SourceOut.model_validate(get_source(session, source_id))


@router.patch(
    "/{source_id}",
    response_model=SourceOut,
    dependencies=[ApiKeyDep],
    responses={**WRITE_PROBLEMS, **NOT_FOUND},
    operation_id="updateSource",
    summary="Change an outlet: rename, add feeds, turn polling off or on",
)
def patch(session: WriteSessionDep, source_id: SourceId, body: SourcePatch) -> SourceOut:
    update_source(session, source_id, body.model_dump(mode="json", exclude_unset=True))
    return SourceOut.model_validate(get_source(session, source_id))
