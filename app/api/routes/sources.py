"""Outlets the archive holds articles from."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from app.api.deps import SessionDep
from app.api.params import reject_stray_parameters
from app.api.routes.common import PROBLEMS
from app.api.schemas import Page, SourceItem
from app.store.reads.sources import list_sources

router = APIRouter(
    prefix="/sources", tags=["sources"], dependencies=[Depends(reject_stray_parameters)]
)


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
