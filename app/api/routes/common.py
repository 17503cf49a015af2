"""Query parameters several routers share, and how a resolution is written."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import Query, Request, Response

from app.api.schemas import AmbiguousProblem, Problem
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
AMBIGUOUS: dict[int | str, dict[str, Any]] = {
    409: {"model": AmbiguousProblem, "description": "A name several entities carry"},
    **PROBLEMS,
}

# S/RES/2254 (2015), A/RES/67/19, A/RES/ES-10/22, A/HRC/RES/31/17, 67/19, 2254
_SYMBOL = re.compile(
    r"^(?:(?P<prefix>S/RES|A/RES|A/HRC/RES)/)?(?:(?:ES-|S-)?(?P<session>\d+)/)?(?P<number>\d+)"
    r"(?:\s*\(\d{4}\))?$",
    re.IGNORECASE,
)
_BODIES = {"S/RES": "UNSC", "A/RES": "UNGA", "A/HRC/RES": "HRC"}


def parse_symbol(text: str) -> tuple[str | None, int | None, int]:
    """ "2254", "٢٢٥٤", "67/19" or a UN symbol -> (body if the symbol says, session, number)."""
    found = _SYMBOL.match(to_ascii_digits(text.strip()))
    if not found:
        raise InvalidParameter(
            "a resolution is a number such as 2254, session/number as 67/19, "
            "or a UN symbol such as S/RES/2254 (2015)"
        )
    prefix = found.group("prefix")
    session = found.group("session")
    body = _BODIES[prefix.upper()] if prefix else None
    return body, (int(session) if session else None), int(found.group("number"))


def link_next(request: Request, response: Response, next_cursor: str | None) -> None:
    """RFC 8288 `Link: <...>; rel="next"` beside `next_cursor`, for clients that follow links."""
    if next_cursor:
        url = request.url.include_query_params(cursor=next_cursor)
        response.headers["Link"] = f'<{url}>; rel="next"'
