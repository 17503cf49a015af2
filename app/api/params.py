"""Every query parameter a route receives is one it declares, given once unless it is a list:
a misspelt or repeated parameter answers 422 instead of being silently dropped."""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from starlette.datastructures import QueryParams

from app.errors import InvalidParameter

_SEQUENCES = (list, set, tuple, frozenset)
_CACHE = "_khabar_query_params"


async def reject_stray_parameters(request: Request) -> None:
    """Async on purpose: no thread-pool hop for a check that does no I/O."""
    route = request.scope.get("route")
    if isinstance(route, APIRoute):
        check_parameters(route, request.query_params)


def check_parameters(route: APIRoute, params: QueryParams) -> None:
    allowed, repeatable = _declared(route)
    for name in dict.fromkeys(params.keys()):
        if name not in allowed:
            known = ", ".join(sorted(allowed)) or "none"
            raise InvalidParameter(f"unknown parameter `{name}`; this route takes: {known}")
        if name not in repeatable and len(params.getlist(name)) > 1:
            raise InvalidParameter(f"`{name}` is given more than once; it takes one value")


def _declared(route: APIRoute) -> tuple[frozenset[str], frozenset[str]]:
    """(allowed, repeatable) names, worked out once per route and kept on it."""
    known: tuple[frozenset[str], frozenset[str]] | None = getattr(route, _CACHE, None)
    if known is None:
        fields = [
            named
            for dependant in _walk(route.dependant)
            for f in dependant.query_params
            for named in _flat(f.alias, f.field_info)
        ]
        allowed = frozenset(name for name, _ in fields)
        repeatable = frozenset(name for name, info in fields if is_sequence(info.annotation))
        known = (allowed, repeatable)
        setattr(route, _CACHE, known)
    return known


def _flat(alias: str, info: FieldInfo) -> list[tuple[str, FieldInfo]]:
    """A parameter, or each field of a model of parameters (`Annotated[Model, Query()]`)."""
    model = info.annotation
    if isinstance(model, type) and issubclass(model, BaseModel):
        return [(f.alias or name, f) for name, f in model.model_fields.items()]
    return [(alias, info)]


def _walk(dependant: Dependant) -> list[Dependant]:
    return [dependant, *(d for sub in dependant.dependencies for d in _walk(sub))]


def is_sequence(annotation: Any) -> bool:
    origin = get_origin(annotation)
    if origin in _SEQUENCES:
        return True
    if origin is Union or isinstance(annotation, types.UnionType):
        return any(is_sequence(arg) for arg in get_args(annotation))
    return False
