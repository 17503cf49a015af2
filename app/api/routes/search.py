"""/search: kept as an alias of /articles?q= (same parameters, `q` required)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from app.api.article_params import SearchQuery
from app.api.deps import SessionDep
from app.api.lean import LeanRoute
from app.api.params import reject_stray_parameters
from app.api.routes.article_reads import serve_list
from app.api.routes.common import AMBIGUOUS
from app.api.schemas import ArticlePage
from app.errors import InvalidParameter

router = APIRouter(
    tags=["search"],
    dependencies=[Depends(reject_stray_parameters)],
    route_class=LeanRoute,
)


@router.get(
    "/search",
    response_model=ArticlePage,
    response_model_exclude_unset=True,
    responses=AMBIGUOUS,
    operation_id="searchArticles",
    deprecated=True,
    summary="Alias of /articles?q=…&sort=relevance",
)
def search(
    request: Request, session: SessionDep, query: Annotated[SearchQuery, Query()]
) -> Response:
    if not query.q:
        raise InvalidParameter("/search needs `q`")
    return serve_list(request, session, query)
