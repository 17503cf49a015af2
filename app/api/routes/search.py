"""/search: kept as an alias of /articles?q= (same parameters, `q` required)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response

from app.api.article_params import ArticleParams, ArticleParamsDep
from app.api.deps import SessionDep
from app.api.params import reject_stray_parameters
from app.api.routes.article_reads import (
    FacetParam,
    FacetSize,
    Fields,
    ListParams,
    SortParam,
    serve_list,
)
from app.api.routes.common import AMBIGUOUS, Cursor, Limit
from app.api.schemas import ArticlePage
from app.errors import InvalidParameter
from app.store.reads.articles import Sort

router = APIRouter(tags=["search"], dependencies=[Depends(reject_stray_parameters)])


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
    request: Request,
    response: Response,
    session: SessionDep,
    params: ArticleParamsDep,
    sort: SortParam = Sort.RELEVANCE,
    limit: Limit = 20,
    cursor: Cursor = None,
    facet: FacetParam = [],  # noqa: B006
    facet_size: FacetSize = 10,
    fields: Fields = [],  # noqa: B006
) -> ArticlePage:
    _require_q(params)
    given = ListParams(sort, limit, cursor, facet, facet_size, fields)
    return serve_list(request, response, session, params, given)


def _require_q(params: ArticleParams) -> None:
    if not params.q:
        raise InvalidParameter("/search needs `q`")
