"""Actors: persons, organizations and places."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from app.api.deps import SessionDep
from app.api.params import RowId
from app.api.routes.common import NOT_FOUND, PROBLEMS, Cursor, Limit
from app.api.schemas import ArticleItem, EntityDetail, EntityItem, Page
from app.store.reads.articles import ArticleFilters, list_articles
from app.store.reads.entities import get_entity, list_entities

router = APIRouter(prefix="/entities", tags=["entities"])


@router.get(
    "",
    response_model=Page[EntityItem],
    responses=PROBLEMS,
    summary="List entities, most written about first",
)
def list_(
    session: SessionDep,
    limit: Limit = 20,
    cursor: Cursor = None,
    kind: Annotated[Literal["person", "organization", "place"] | None, Query()] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Prefix of any spelling, Arabic-normalized.",
            examples=["هيئة"],
        ),
    ] = None,
) -> Page[EntityItem]:
    page = list_entities(session=session, kind=kind, q=q, limit=limit, cursor=cursor)
    return Page[EntityItem].model_validate(page)


@router.get(
    "/{entity_id}",
    response_model=EntityDetail,
    responses=NOT_FOUND,
    summary="One entity: aliases, roles, co-occurring entities, cited resolutions",
)
def get_one(session: SessionDep, entity_id: RowId) -> EntityDetail:
    return EntityDetail.model_validate(get_entity(session=session, entity_id=entity_id))


@router.get(
    "/{entity_id}/articles",
    response_model=Page[ArticleItem],
    responses=NOT_FOUND,
    summary="Articles naming the entity, newest first",
)
def articles(
    session: SessionDep,
    entity_id: RowId,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> Page[ArticleItem]:
    get_entity(session=session, entity_id=entity_id)  # 404 for an unknown id
    filters = ArticleFilters(entity_ids=[entity_id])
    page = list_articles(session=session, filters=filters, limit=limit, cursor=cursor)
    return Page[ArticleItem].model_validate(page)
