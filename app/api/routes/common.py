"""Query parameters several routers share."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from app.api.schemas import Problem
from app.errors import InvalidParameter
from app.text.normalize import to_ascii_digits

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


def parse_symbol(text: str) -> tuple[int | None, int]:
    """ "2254", "٢٢٥٤" or "67/19" -> (session, number)."""
    session, _, number = to_ascii_digits(text.strip()).rpartition("/")
    if not number.isdigit() or (session and not session.isdigit()):
        raise InvalidParameter("a resolution is a number such as 2254, or session/number as 67/19")
    return (int(session) if session else None), int(number)
