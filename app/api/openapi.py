"""The OpenAPI document, finished: errors as application/problem+json, an apiKey security
scheme on the routes that need a key, the ingest request body in all its formats."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from app.api.schema_bounds import declare_bounds
from app.ingest.jsondoc import ArticleDocument

PROBLEM_JSON = "application/problem+json"
API_KEY_SCHEME = {"ApiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"}}


def install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            finish(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def finish(schema: dict[str, Any]) -> None:
    components = schema.setdefault("components", {})
    components["securitySchemes"] = API_KEY_SCHEME
    for operation in _operations(schema):
        declare_bounds(operation)
        _problem_json(operation)
        if "401" in operation.get("responses", {}):
            _needs_key(operation)
    _document_ingest_body(schema, components)


def _operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    return [op for methods in schema.get("paths", {}).values() for op in methods.values()]


def _problem_json(operation: dict[str, Any]) -> None:
    for status, response in operation.get("responses", {}).items():
        content = response.get("content", {})
        if status[0] in "45" and "application/json" in content:
            content[PROBLEM_JSON] = content.pop("application/json")


def _needs_key(operation: dict[str, Any]) -> None:
    """The key travels in the security scheme, not as a header parameter of its own."""
    operation["security"] = [{"ApiKey": []}]
    params = [p for p in operation.get("parameters", []) if p.get("name") != "x-api-key"]
    if params:
        operation["parameters"] = params
    else:
        operation.pop("parameters", None)


def _document_ingest_body(schema: dict[str, Any], components: dict[str, Any]) -> None:
    operation = schema.get("paths", {}).get("/articles", {}).get("post")
    if operation is None:
        return
    document = ArticleDocument.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, definition in document.pop("$defs", {}).items():
        components.setdefault("schemas", {})[name] = definition
    components["schemas"]["ArticleDocument"] = document
    ref = {"$ref": "#/components/schemas/ArticleDocument"}
    text = {"schema": {"type": "string"}}
    operation["requestBody"] = {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "anyOf": [
                        ref,
                        {"type": "array", "items": ref},
                        {
                            "type": "object",
                            "properties": {"url": {"type": "string", "format": "uri"}},
                            "required": ["url"],
                        },
                    ]
                }
            },
            "text/plain": text,
            "text/html": text,
            "application/x-ndjson": text,
            "application/rss+xml": text,
            "application/atom+xml": text,
        },
    }
