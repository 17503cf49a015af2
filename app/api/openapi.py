"""The schema, made exact where FastAPI's defaults are not: errors are documented as the
problem+json they are served as, every operation declares the errors any request may get
(422, 429, 503), string parameters declare that NUL is refused, and the ingest body is
described (the route reads the raw stream, so FastAPI cannot see it)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

PROBLEM_JSON = "application/problem+json"
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
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
_TEXT = {"schema": {"type": "string", "minLength": 1}}
INGEST_BODY: dict[str, Any] = {
    "required": True,
    "description": "One article or several, in any of the formats below.",
    "content": {
        "text/plain": _TEXT,
        "text/html": _TEXT,
        "application/json": {
            "schema": {"oneOf": [{"type": "object"}, {"type": "array", "items": {}}]}
        },
        "application/x-ndjson": _TEXT,
        "application/rss+xml": _TEXT,
        "application/atom+xml": _TEXT,
    },
}


def install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            for path in schema.get("paths", {}).values():
                for operation in path.values():
                    _fix_operation(operation)
            schema.get("components", {}).get("schemas", {}).pop("HTTPValidationError", None)
            schema.get("components", {}).get("schemas", {}).pop("ValidationError", None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


# Parameters a shared dependency declares optional that one operation requires.
_REQUIRED = {"searchArticles": {"q": r"\S"}}


def _fix_operation(operation: dict[str, Any]) -> None:
    responses: dict[str, Any] = operation.setdefault("responses", {})
    for status, description in _ALWAYS.items():
        responses.setdefault(status, {"description": description})
    for status, response in responses.items():
        if status[0] in "45":
            response["content"] = {PROBLEM_JSON: {"schema": PROBLEM_REF}}
            if status in {"429", "503"}:
                response["headers"] = {"Retry-After": {"schema": {"type": "integer"}}}
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
