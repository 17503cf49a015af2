"""Query parameters several routers share, and how a resolution is written."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from fastapi import Request, Response

from app.api import bounds
from app.api.schemas import AmbiguousProblem, Problem
from app.errors import InvalidParameter
from app.text.digits import DIGIT_CLASS
from app.text.normalize import to_ascii_digits

# Bounded parameter types live in app/api/bounds.py.
Limit = bounds.Limit
Cursor = bounds.Cursor

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

# S/RES/2254 (2015), A/RES/67/19, A/RES/ES-10/22, A/HRC/RES/31/17, 67/19, 2254. Declared as
# the parameters' pattern, so the schema says exactly what is read: Western or Arabic-Indic
# digits only, and few enough of them for the INTEGER columns.
_D = DIGIT_CLASS
SYMBOL_PATTERN = (  # groups: prefix, session, number (unnamed: the schema is ECMA regex)
    r"^(?:([Ss]/[Rr][Ee][Ss]|[Aa]/[Rr][Ee][Ss]|[Aa]/[Hh][Rr][Cc]/[Rr][Ee][Ss])/)?"
    rf"(?:(?:[Ee][Ss]-|[Ss]-)?([{_D}]{{1,4}})/)?([{_D}]{{1,6}})"
    rf"(?:[ ]?\([{_D}]{{4}}\))?$"
)
_SYMBOL = re.compile(SYMBOL_PATTERN)
_BODIES = {"S/RES": "UNSC", "A/RES": "UNGA", "A/HRC/RES": "HRC"}


def parse_symbol(text: str) -> tuple[str | None, int | None, int]:
    """ "2254", "٢٢٥٤", "67/19" or a UN symbol -> (body if the symbol says, session, number)."""
    found = _SYMBOL.match(text)
    if not found:
        raise InvalidParameter(
            "a resolution is a number such as 2254, session/number as 67/19, "
            "or a UN symbol such as S/RES/2254 (2015)"
        )
    prefix, session, number = found.groups()
    body = _BODIES[prefix.upper()] if prefix else None
    un_session = int(to_ascii_digits(session)) if session else None
    return body, un_session, int(to_ascii_digits(number))


def link_next(request: Request, response: Response, next_cursor: str | None) -> None:
    """RFC 8288 `Link: <...>; rel="next"` beside `next_cursor`, for clients that follow links."""
    if next_cursor:
        # include_query_params would parse the query string again from the URL
        kept = [(k, v) for k, v in request.query_params.multi_items() if k != "cursor"]
        url = request.url.replace(query=urlencode([*kept, ("cursor", next_cursor)]))
        response.headers["Link"] = f'<{url}>; rel="next"'
