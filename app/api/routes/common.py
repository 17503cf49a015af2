"""Query parameters several routers share."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from app.api.schemas import Problem

Limit = Annotated[int, Query(ge=1, le=100, description="Page size.")]
Cursor = Annotated[
    str | None, Query(max_length=200, description="`next_cursor` of the previous page.")
]

PROBLEMS: dict[int | str, dict[str, Any]] = {
    422: {"model": Problem, "description": "Invalid parameter"},
    503: {"model": Problem, "description": "Database unavailable"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "Not found"},
    **PROBLEMS,
}
