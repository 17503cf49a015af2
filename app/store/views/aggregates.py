"""Counts over a filtered set of articles: the facets beside a page, the histogram."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field

from app.store.views.articles import ArticleItem
from app.store.views.common import Page, ReadModel


class Interval(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class FacetValue(ReadModel):
    value: str = Field(description="What the parameter takes: an id, a kind, a symbol.")
    label: str = Field(examples=["سوريا"])
    count: int = Field(description="Articles of the whole filtered result with this value.")
    selected: bool
    toggle: str | None = Field(
        description="The /articles query string with this value added, or removed if selected.",
        examples=["entity=12&q=%D8%AC%D9%86%D9%8A%D9%81"],
    )


class ArticlePage(Page[ArticleItem]):
    facets: dict[str, list[FacetValue]] | None = Field(
        default=None, description="With `facet=`: counts per facet, most first."
    )


class Bucket(ReadModel):
    start: date = Field(description="First day of the bucket on the `tz` clock.")
    count: int


class Histogram(ReadModel):
    interval: Interval
    tz: str = Field(examples=["Asia/Damascus"])
    buckets: list[Bucket] = Field(description="Oldest first; empty buckets are left out.")
    undated: int = Field(description="Matching articles without a publication date.")
