"""The /articles filters, declared once and shared by every route that filters articles
(/articles, its histogram and export, /search, an entity's articles)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated

from fastapi import Depends, Query
from pydantic import StringConstraints

from app.api.bounds import clamp_moment
from app.api.routes.common import SYMBOL_PATTERN
from app.errors import InvalidParameter
from app.store.reads.article_query import EntityOp
from app.store.views import EntityKind, ResolutionBody

Kind = EntityKind
Body = ResolutionBody

_Names = Annotated[list[str], Query(max_length=200)]
Symbol = Annotated[str, StringConstraints(max_length=40, pattern=SYMBOL_PATTERN)]


@dataclass(frozen=True, slots=True)
class ArticleParams:
    """The filters as the client wrote them; names become ids in the route, which runs in
    the thread pool already (this dependency stays off it)."""

    entity: tuple[str, ...]
    entity_op: EntityOp
    not_entity: tuple[str, ...]
    resolution: tuple[str, ...]
    body: Body | None
    source: tuple[str, ...]
    kind: tuple[Kind, ...]
    speaker: tuple[str, ...]
    date_from: datetime | None
    date_to: datetime | None
    q: str | None


async def article_params(
    entity: Annotated[
        list[str],
        Query(
            max_length=200,
            description="Entity id, Wikidata id (Q858), English name or any Arabic spelling "
            "(وسوريا). Repeatable; combined by `entity_op`.",
            examples=[["بدر جاموس"]],
        ),
    ] = [],  # noqa: B006 (FastAPI copies defaults)
    entity_op: Annotated[
        EntityOp, Query(description="How several `entity` combine.")
    ] = EntityOp.AND,
    not_entity: Annotated[
        list[str], Query(max_length=200, description="Leave out articles naming this entity.")
    ] = [],  # noqa: B006
    resolution: Annotated[
        list[Symbol],
        Query(
            description="2254, ٢٢٥٤, 67/19, S/RES/2254 (2015) or A/RES/ES-10/22. Repeatable: "
            "articles citing any of them.",
            examples=[["2254"]],
        ),
    ] = [],  # noqa: B006
    body: Annotated[
        Body | None, Query(description="Issuing body: of `resolution`, or of any citation.")
    ] = None,
    source: Annotated[
        list[str], Query(max_length=200, description="Outlet id or name. Repeatable.")
    ] = [],  # noqa: B006
    kind: Annotated[
        list[Kind], Query(description="Articles naming an actor of this kind. Repeatable.")
    ] = [],  # noqa: B006
    speaker: Annotated[
        list[str], Query(max_length=200, description="Articles quoting this entity.")
    ] = [],  # noqa: B006
    from_: Annotated[
        str | None,
        Query(
            alias="from",
            max_length=40,
            description="Published at or after: a date (2023-11-01, UTC midnight) or a "
            "date-time with its offset.",
            examples=["2023-11-01"],
        ),
    ] = None,
    to: Annotated[
        str | None,
        Query(
            max_length=40,
            description="Published before this date-time, or up to the end of this date.",
        ),
    ] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Full text, Arabic-normalized (clitics, ة/ه, hamza folded).",
            examples=["هيئة التفاوض"],
        ),
    ] = None,
) -> ArticleParams:
    return ArticleParams(
        entity=tuple(entity),
        entity_op=entity_op,
        not_entity=tuple(not_entity),
        resolution=tuple(resolution),
        body=body,
        source=tuple(source),
        kind=tuple(kind),
        speaker=tuple(speaker),
        date_from=parse_moment(from_, "from", end_of_day=False),
        date_to=parse_moment(to, "to", end_of_day=True),
        q=q.strip() or None if q else None,
    )


ArticleParamsDep = Annotated[ArticleParams, Depends(article_params)]


def parse_moment(text: str | None, name: str, *, end_of_day: bool) -> datetime | None:
    """A date means that whole UTC day; a date-time must say its offset."""
    if text is None:
        return None
    if not text.strip():
        raise InvalidParameter(f"`{name}` is empty; leave it out for no bound")
    text = text.strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        day = None
    if day is not None:
        moment = clamp_moment(datetime.combine(day, time(), tzinfo=UTC))
        return moment + timedelta(days=1) if end_of_day else moment
    try:
        moment = datetime.fromisoformat(text.replace(" ", "+").replace("Z", "+00:00"))
    except ValueError as exc:
        raise InvalidParameter(
            f"`{name}` is a date (2023-11-14) or a date-time with an offset"
        ) from exc
    if moment.tzinfo is None:
        raise InvalidParameter(f"`{name}` needs a time zone offset, e.g. 2023-11-14T00:00:00+03:00")
    return clamp_moment(moment)  # the ends of the calendar overflow in UTC


def comma_list_of(allowed: frozenset[str] | tuple[str, ...]) -> StringConstraints:
    """The constraint on each value of a comma-separated list parameter: its pattern names
    what comma_list accepts, so the schema says it too."""
    names = "|".join(re.escape(name) for name in sorted(allowed))
    item = rf"\s*(?:(?:{names})\s*)?"
    return StringConstraints(max_length=400, pattern=rf"^{item}(?:,{item})*$")


def comma_list(
    values: list[str], allowed: frozenset[str] | tuple[str, ...], name: str
) -> list[str]:
    """`fields=title,lede` or `fields=title&fields=lede`, each value checked."""
    out = [part.strip() for value in values for part in value.split(",") if part.strip()]
    unknown = [v for v in out if v not in allowed]
    if unknown:
        raise InvalidParameter(
            f"`{name}` takes {', '.join(sorted(allowed))}; not {', '.join(unknown)}"
        )
    return list(dict.fromkeys(out))
