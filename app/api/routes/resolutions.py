"""UN resolutions cited in the archive: the list, most cited first, and a resolution's page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from app.api.article_params import Body
from app.api.deps import SessionDep
from app.api.params import reject_stray_parameters
from app.api.routes.common import (
    NOT_FOUND,
    PROBLEMS,
    SYMBOL_PATTERN,
    Cursor,
    Limit,
    link_next,
    parse_symbol,
)
from app.api.schemas import Page, ResolutionDetail, ResolutionItem
from app.store.reads.resolutions import find_resolution, get_resolution, list_resolutions
from app.text.digits import INT32_MAX

router = APIRouter(
    prefix="/resolutions", tags=["resolutions"], dependencies=[Depends(reject_stray_parameters)]
)
Symbol = Annotated[
    str,
    Path(
        max_length=40,
        pattern=SYMBOL_PATTERN,
        description=(
            "2254 or ٢٢٥٤. A symbol with slashes cannot travel in one path segment:"
            " use /resolutions/{body}/{session}/{number} or /resolutions?symbol=."
        ),
        examples=["2254"],
    ),
]


@router.get(
    "",
    response_model=Page[ResolutionItem],
    responses=PROBLEMS,
    operation_id="listResolutions",
    summary="List resolutions, most cited first",
)
def list_(
    request: Request,
    session: SessionDep,
    limit: Limit = 20,
    cursor: Cursor = None,
    body: Annotated[Body | None, Query()] = None,
    symbol: Annotated[
        str | None,
        Query(
            max_length=40,
            pattern=SYMBOL_PATTERN,
            description="Only this resolution: S/RES/2254 (2015), A/RES/ES-10/22, 67/19, 2254.",
            examples=["S/RES/2254 (2015)"],
        ),
    ] = None,
) -> Response:
    parsed = parse_symbol(symbol) if symbol else None
    page = list_resolutions(
        session=session,
        body=(parsed[0] if parsed else None) or body,
        symbol=parsed[1:] if parsed else None,
        limit=limit,
        cursor=cursor,
    )
    # Written once by the model's serializer; `response_model` documents it.
    answer = Response(page.model_dump_json().encode(), media_type="application/json")
    link_next(request, answer, page.next_cursor)
    return answer


@router.get(
    "/{body}/{number}",
    response_model=ResolutionDetail,
    responses=NOT_FOUND,
    operation_id="getResolution",
    summary="One resolution: symbol, counts, first and last cited, actors, passages",
)
def get_one(
    session: SessionDep,
    body: Annotated[Body, Path()],
    number: Annotated[int, Path(ge=1, le=INT32_MAX, examples=[2254])],
    session_: Annotated[
        int | None,
        Query(
            alias="session",
            ge=1,
            le=INT32_MAX,
            description="Session of a session-numbered resolution.",
        ),
    ] = None,
) -> ResolutionDetail:
    return _detail(session, number, body, session_)


@router.get(
    "/{body}/{un_session}/{number}",
    response_model=ResolutionDetail,
    responses=NOT_FOUND,
    operation_id="getSessionResolution",
    summary="One session-numbered resolution, as its symbol reads: /resolutions/UNGA/67/19",
)
def get_session_numbered(
    session: SessionDep,
    body: Annotated[Body, Path()],
    un_session: Annotated[int, Path(ge=1, le=INT32_MAX, examples=[67])],
    number: Annotated[int, Path(ge=1, le=INT32_MAX, examples=[19])],
) -> ResolutionDetail:
    return _detail(session, number, body, un_session)


@router.get(
    "/{number}",
    response_model=ResolutionDetail,
    responses=NOT_FOUND,
    operation_id="getResolutionByNumber",
    summary="One resolution by number or symbol; `body` when two bodies share the number",
)
def get_by_number(
    session: SessionDep, number: Symbol, body: Annotated[Body | None, Query()] = None
) -> ResolutionDetail:
    symbol_body, un_session, digits = parse_symbol(number)
    return _detail(session, digits, symbol_body or body, un_session)


def _detail(
    session: SessionDep, number: int, body: str | None, un_session: int | None
) -> ResolutionDetail:
    resolution_id = find_resolution(
        session=session, number=number, body=body, un_session=un_session
    )
    return get_resolution(session=session, resolution_id=resolution_id)
