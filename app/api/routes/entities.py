"""Actors: persons, organizations and places; the type-ahead; an entity's page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from app.api.article_params import Kind, ListQuery, parse_moment
from app.api.bounds import RowId
from app.api.deps import SessionDep
from app.api.lean import LeanRoute
from app.api.params import reject_stray_parameters
from app.api.routes.article_reads import serve_list
from app.api.routes.common import AMBIGUOUS, NOT_FOUND, PROBLEMS, Cursor, Limit, link_next
from app.api.schemas import ArticlePage, EntityDetail, EntityItem, Page, Related, Suggestion
from app.store.lookup import require_entity
from app.store.reads.entities import list_entities
from app.store.reads.entity_links import related_entities, suggest_entities
from app.store.reads.entity_page import entity_page_json

router = APIRouter(
    prefix="/entities",
    tags=["entities"],
    dependencies=[Depends(reject_stray_parameters)],
    route_class=LeanRoute,
)
EntityId = RowId


@router.get(
    "",
    response_model=Page[EntityItem],
    responses=PROBLEMS,
    operation_id="listEntities",
    summary="List entities, most written about first",
)
def list_(
    request: Request,
    session: SessionDep,
    limit: Limit = 20,
    cursor: Cursor = None,
    kind: Annotated[Kind | None, Query()] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Prefix of any spelling, Arabic-normalized.",
            examples=["هيئة"],
        ),
    ] = None,
    wikidata: Annotated[
        str | None, Query(pattern=r"^[Qq][1-9][0-9]{0,11}$", examples=["Q858"])
    ] = None,
) -> Response:
    page = list_entities(
        session=session, kind=kind, q=q, wikidata=wikidata, limit=limit, cursor=cursor
    )
    # Written once by the model's serializer; `response_model` documents it.
    answer = Response(page.model_dump_json().encode(), media_type="application/json")
    link_next(request, answer, page.next_cursor)
    return answer


@router.get(
    "/suggest",
    response_model=Page[Suggestion],
    responses=PROBLEMS,
    operation_id="suggestEntities",
    summary="Type-ahead: entities with a word of any alias starting with the prefix",
)
def suggest(
    session: SessionDep,
    prefix: Annotated[
        str, Query(min_length=1, max_length=100, examples=["جام"], description="Arabic or English.")
    ],
    kind: Annotated[Kind | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Page[Suggestion]:
    return suggest_entities(session=session, prefix=prefix, kind=kind, limit=limit)


@router.get(
    "/{entity_id}",
    response_model=EntityDetail,
    responses=NOT_FOUND,
    operation_id="getEntity",
    summary="One entity: aliases, first and last seen, roles, neighbours, resolutions",
)
def get_one(session: SessionDep, entity_id: EntityId) -> Response:
    # Sent as the bytes the store writes (the model's JSON); `response_model` documents it.
    return Response(entity_page_json(session, entity_id), media_type="application/json")


@router.get(
    "/{entity_id}/related",
    response_model=Page[Related],
    responses=NOT_FOUND,
    operation_id="listRelatedEntities",
    summary="Entities named in the same articles, with how many",
)
def related(
    request: Request,
    response: Response,
    session: SessionDep,
    entity_id: EntityId,
    kind: Annotated[Kind | None, Query()] = None,
    from_: Annotated[str | None, Query(alias="from", max_length=40)] = None,
    to: Annotated[str | None, Query(max_length=40)] = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> Page[Related]:
    require_entity(session=session, entity_id=entity_id)
    page = related_entities(
        session=session,
        entity_id=entity_id,
        kind=kind,
        date_from=parse_moment(from_, "from", end_of_day=False),
        date_to=parse_moment(to, "to", end_of_day=True),
        limit=limit,
        cursor=cursor,
    )
    link_next(request, response, page.next_cursor)
    return page


@router.get(
    "/{entity_id}/articles",
    response_model=ArticlePage,
    response_model_exclude_unset=True,
    responses={**NOT_FOUND, **AMBIGUOUS},
    operation_id="listEntityArticles",
    summary="Articles naming the entity: the same filters as /articles",
)
def articles(
    request: Request,
    session: SessionDep,
    entity_id: EntityId,
    query: Annotated[ListQuery, Query()],
) -> Response:
    known = request.app.state.known_entities
    require_entity(session=session, entity_id=entity_id, known=known)
    return serve_list(request, session, query, entity_id)
