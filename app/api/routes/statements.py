"""Statements: who said what, about whom, citing what."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy.orm import Session

from app.api.article_params import parse_moment
from app.api.deps import SessionDep
from app.api.params import reject_stray_parameters
from app.api.routes.common import (
    AMBIGUOUS,
    SYMBOL_PATTERN,
    Cursor,
    Limit,
    link_next,
    parse_symbol,
)
from app.api.schemas import Page, StatementItem
from app.store.lookup import find_resolution_ids, resolve_entity
from app.store.reads.statements import StatementFilters, list_statements
from app.text.digits import INT32_MAX

router = APIRouter(
    prefix="/statements", tags=["statements"], dependencies=[Depends(reject_stray_parameters)]
)
_Entity = Annotated[
    str | None,
    Query(max_length=200, description="Entity id, Wikidata id, English name or any spelling."),
]


@router.get(
    "",
    response_model=Page[StatementItem],
    responses=AMBIGUOUS,
    operation_id="listStatements",
    summary="Statements, newest article first, in document order within an article",
)
def list_(
    request: Request,
    response: Response,
    session: SessionDep,
    limit: Limit = 20,
    cursor: Cursor = None,
    speaker: _Entity = None,
    about: Annotated[
        str | None,
        Query(max_length=200, description="An entity named inside the statement."),
    ] = None,
    resolution: Annotated[
        str | None,
        Query(
            max_length=40,
            pattern=SYMBOL_PATTERN,
            description="A resolution cited inside the statement.",
        ),
    ] = None,
    article: Annotated[
        int | None, Query(ge=1, le=INT32_MAX, description="Only this article's.")
    ] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Statements of articles matching this.")
    ] = None,
    from_: Annotated[str | None, Query(alias="from", max_length=40)] = None,
    to: Annotated[str | None, Query(max_length=40)] = None,
) -> Page[StatementItem]:
    filters = StatementFilters(
        speaker_ids=_entity_ids(session, speaker),
        about_ids=_entity_ids(session, about),
        resolution_ids=_resolution_ids(session, resolution),
        article_id=article,
        q=q,
        date_from=parse_moment(from_, "from", end_of_day=False),
        date_to=parse_moment(to, "to", end_of_day=True),
    )
    page = list_statements(session=session, filters=filters, limit=limit, cursor=cursor)
    link_next(request, response, page.next_cursor)
    return page


def _entity_ids(session: Session, text: str | None) -> tuple[int, ...] | None:
    if text is None:
        return None
    entity_id = resolve_entity(session=session, text=text)
    return (entity_id,) if entity_id is not None else ()


def _resolution_ids(session: Session, text: str | None) -> tuple[int, ...] | None:
    if text is None:
        return None
    body, un_session, number = parse_symbol(text)
    ids = find_resolution_ids(session=session, number=number, body=body, un_session=un_session)
    return tuple(ids)
