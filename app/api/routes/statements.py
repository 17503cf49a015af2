"""Statements: who said what, filterable by speaker."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import SessionDep
from app.api.routes.common import PROBLEMS, Cursor, Limit
from app.api.schemas import Page, Statement
from app.store.lookup import find_entity_ids
from app.store.reads.statements import list_statements

router = APIRouter(prefix="/statements", tags=["statements"])


@router.get(
    "",
    response_model=Page[Statement],
    responses=PROBLEMS,
    summary="Statements, newest article first",
)
def list_(
    session: SessionDep,
    limit: Limit = 20,
    cursor: Cursor = None,
    speaker: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Speaker: entity id or any spelling of its name.",
            examples=["هادي البحرة"],
        ),
    ] = None,
) -> Page[Statement]:
    speaker_ids = find_entity_ids(session=session, text=speaker) if speaker else None
    return list_statements(session=session, speaker_ids=speaker_ids, limit=limit, cursor=cursor)
