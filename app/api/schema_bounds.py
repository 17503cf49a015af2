"""What the bounds at the edge look like in the schema, so a client (and schemathesis) knows
every value the API answers: the errors any request may get (422, 429 and 503, the last two
with Retry-After), date filters as a date or a date-time, NUL refused in every string, and a
parameter a shared dependency declares optional where one operation requires it."""

from __future__ import annotations

from typing import Any

PROBLEM = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
NO_NUL = "^[^\\u0000]*$"
# Every `from` and `to` is read by parse_moment: a date, or a date-time with its offset.
MOMENTS = frozenset({"from", "to"})
_MOMENT = {
    "anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]
}
_ALWAYS = {
    "422": "Invalid parameter",
    "429": "Too many requests (see Retry-After)",
    "503": "Database unavailable or busy (see Retry-After)",
}
_RETRY_AFTER = {"Retry-After": {"schema": {"type": "integer"}}}
_REQUIRED = {"searchArticles": {"q": r"\S"}}


def declare_bounds(operation: dict[str, Any]) -> None:
    responses: dict[str, Any] = operation.setdefault("responses", {})
    for status, description in _ALWAYS.items():
        responses.setdefault(status, {"description": description, "content": PROBLEM})
        if status != "422":
            responses[status]["headers"] = _RETRY_AFTER
    if "requestBody" in operation:  # a body that is not JSON at all: FastAPI answers 400
        responses.setdefault("400", {"description": "Malformed body", "content": PROBLEM})
    required = _REQUIRED.get(operation.get("operationId", ""), {})
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        if parameter["name"] in required:
            parameter["required"] = True
            schema.pop("anyOf", None)
            schema.update(type="string", minLength=1, pattern=required[parameter["name"]])
        if parameter["name"] in MOMENTS:
            _declare_moment(schema)
        _refuse_nul(schema)


def _declare_moment(schema: dict[str, Any]) -> None:
    for option in schema.get("anyOf", [schema]):
        if option.get("type") == "string":
            option.clear()
            option.update(_MOMENT)


def _refuse_nul(schema: dict[str, Any]) -> None:
    """Declare what GuardMiddleware enforces: no NUL in any string a query or path carries."""
    if schema.get("type") == "string" and "pattern" not in schema and "format" not in schema:
        schema["pattern"] = NO_NUL
    for option in schema.get("anyOf", []):
        _refuse_nul(option)
    if isinstance(schema.get("items"), dict):
        _refuse_nul(schema["items"])
