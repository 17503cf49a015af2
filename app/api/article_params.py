"""The /articles filters, declared once and shared by every route that filters articles
(/articles, its histogram and export, /search, an entity's articles)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated

from fastapi import Query
from pydantic import BaseModel, ConfigDict, StringConstraints

from app.api.bounds import Cursor, clamp_moment
from app.api.export import Format
from app.api.routes.common import SYMBOL_PATTERN
from app.errors import InvalidParameter
from app.store.reads.article_items import ITEM_FIELDS
from app.store.reads.article_query import EntityOp
from app.store.reads.articles import Sort
from app.store.reads.facets import FACETS
from app.store.reads.search_pages import RELEVANCE_CANDIDATES
from app.store.views import EntityKind, Interval, ResolutionBody

Kind = EntityKind
Body = ResolutionBody

Symbol = Annotated[str, StringConstraints(max_length=40, pattern=SYMBOL_PATTERN)]


@dataclass(frozen=True, slots=True)
class ArticleParams:
    """The filters as the client wrote them; names become ids in the route, which runs in
    the thread pool already."""

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


class ArticleQuery(BaseModel):
    """The filters of every route that filters articles (/articles, its histogram and export,
    /search, an entity's articles), declared once. A model rather than a dozen parameters:
    FastAPI validates it in one pydantic-core call instead of one per parameter, which was
    a third of a list request."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    entity: Annotated[
        list[str],
        Query(
            max_length=200,
            description="Entity id, Wikidata id (Q858), English name or any Arabic spelling "
            "(وسوريا). Repeatable; combined by `entity_op`.",
            examples=[["بدر جاموس"]],
        ),
    ] = []
    entity_op: Annotated[EntityOp, Query(description="How several `entity` combine.")] = (
        EntityOp.AND
    )
    not_entity: Annotated[
        list[str], Query(max_length=200, description="Leave out articles naming this entity.")
    ] = []
    resolution: Annotated[
        list[Symbol],
        Query(
            description="2254, ٢٢٥٤, 67/19, S/RES/2254 (2015) or A/RES/ES-10/22. Repeatable: "
            "articles citing any of them.",
            examples=[["2254"]],
        ),
    ] = []
    body: Annotated[
        Body | None, Query(description="Issuing body: of `resolution`, or of any citation.")
    ] = None
    source: Annotated[
        list[str], Query(max_length=200, description="Outlet id or name. Repeatable.")
    ] = []
    kind: Annotated[
        list[Kind], Query(description="Articles naming an actor of this kind. Repeatable.")
    ] = []
    speaker: Annotated[
        list[str], Query(max_length=200, description="Articles quoting this entity.")
    ] = []
    from_: Annotated[
        str | None,
        Query(
            alias="from",
            max_length=40,
            description="Published at or after: a date (2023-11-01, UTC midnight) or a "
            "date-time with its offset.",
            examples=["2023-11-01"],
        ),
    ] = None
    to: Annotated[
        str | None,
        Query(
            max_length=40,
            description="Published before this date-time, or up to the end of this date.",
        ),
    ] = None
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Full text, Arabic-normalized (clitics, ة/ه, hamza folded).",
            examples=["هيئة التفاوض"],
        ),
    ] = None

    def params(self) -> ArticleParams:
        return ArticleParams(
            entity=tuple(self.entity),
            entity_op=self.entity_op,
            not_entity=tuple(self.not_entity),
            resolution=tuple(self.resolution),
            body=self.body,
            source=tuple(self.source),
            kind=tuple(self.kind),
            speaker=tuple(self.speaker),
            date_from=parse_moment(self.from_, "from", end_of_day=False),
            date_to=parse_moment(self.to, "to", end_of_day=True),
            q=self.q.strip() or None if self.q else None,
        )


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


DETAIL_EXTRAS = ("mentions",)
SortParam = Annotated[
    Sort,
    Query(
        description=f"`relevance` needs `q`; it ranks the {RELEVANCE_CANDIDATES:,} newest "
        "matches; its pages go by offset."
    ),
]
Fields = Annotated[
    list[Annotated[str, comma_list_of(ITEM_FIELDS)]],
    Query(
        description="Trim each item to these fields (comma-separated or repeated); `id` "
        f"always stays. Of: {', '.join(sorted(ITEM_FIELDS))}.",
        examples=[["title,published_at,lede"]],
    ),
]


class DetailQuery(BaseModel):
    """One article's parameters, as one model so LeanRoute fills them in one call."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    include: Annotated[
        list[Annotated[str, comma_list_of(DETAIL_EXTRAS)]],
        Query(description="`mentions`: where each actor is named (large)."),
    ] = []

    def chosen_extras(self) -> frozenset[str]:
        return frozenset(comma_list(self.include, DETAIL_EXTRAS, "include"))


class ListQuery(ArticleQuery):
    """A page of filtered articles: the filters, then paging, facets and fields."""

    sort: SortParam = Sort.NEWEST
    # 0 asks for the total and the facets alone, as a filter sidebar does
    limit: Annotated[
        int, Query(ge=0, le=100, description="Page size; 0 for the total and facets only.")
    ] = 20
    cursor: Cursor = None
    facet: Annotated[
        list[Annotated[str, comma_list_of(FACETS)]],
        Query(description=f"Count values over the whole result: {', '.join(FACETS)}."),
    ] = []
    facet_size: Annotated[int, Query(ge=1, le=100, description="Values per facet.")] = 10
    fields: Fields = []

    def chosen_fields(self) -> frozenset[str]:
        return frozenset(comma_list(self.fields, ITEM_FIELDS, "fields")) or ITEM_FIELDS

    def chosen_facets(self) -> tuple[str, ...]:
        return tuple(comma_list(self.facet, FACETS, "facet"))


class SearchQuery(ListQuery):
    sort: SortParam = Sort.RELEVANCE


class HistogramQuery(ArticleQuery):
    interval: Interval = Interval.DAY
    tz: Annotated[str, Query(max_length=64, description="IANA zone of the buckets' clock.")] = "UTC"


class ExportQuery(ArticleQuery):
    format: Format = Format.JSONL
    fields: Fields = []
