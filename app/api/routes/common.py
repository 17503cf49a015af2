"""Query parameters several routers share."""

from __future__ import annotations

from typing import Any

from app.api import params
from app.api.schemas import Problem

# The bounded parameter types live in app/api/params.py.
Limit = params.Limit
Cursor = params.Cursor
parse_symbol = params.parse_symbol

PROBLEMS: dict[int | str, dict[str, Any]] = {
    422: {"model": Problem, "description": "Invalid parameter"},
    503: {"model": Problem, "description": "Database unavailable"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "Not found"},
    **PROBLEMS,
}
