"""Tables of counters kept at ingest by app/store/counters.py (see there)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base


class EntityPair(Base):
    """How many articles name both entities, both ways round: an entity's "related"."""

    __tablename__ = "entity_pairs"

    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )
    other_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )
    article_count: Mapped[int] = mapped_column(Integer)


class EntityResolution(Base):
    """How many articles name the entity and cite the resolution."""

    __tablename__ = "entity_resolutions"

    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )
    resolution_id: Mapped[int] = mapped_column(
        ForeignKey("resolutions.id", ondelete="CASCADE"), primary_key=True
    )
    article_count: Mapped[int] = mapped_column(Integer)


class RoleSpan(Base):
    """One title a person holds, as the entity page shows it (app/store/role_spans.py): its
    spellings merged by their normalized form, with or without an organization (0: none).
    The shown spelling is the first in article order (`first_sort_at`, then the
    affiliation's id, which also orders the roles); the dates are the first and last
    publication dates of the articles saying it."""

    __tablename__ = "role_spans"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )
    organization_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title_key: Mapped[str] = mapped_column(Text, primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    first_sort_at: Mapped[datetime]
    first_affiliation_id: Mapped[int] = mapped_column(Integer)
    first_seen: Mapped[datetime | None]
    last_seen: Mapped[datetime | None]
    article_count: Mapped[int] = mapped_column(Integer)


class FacetCount(Base):
    """How many articles carry a value of a facet among those matching one filter: the
    facets beside a page filtered by one entity, resolution, source or speaker, or by
    nothing (`scope` "all", `scope_id` 0). Facets and scopes are named as the /articles
    parameters; a kind is stored as its code (app/store/scope_counters.py). Entity beside
    entity is not here: entity_pairs and entities.article_count hold it."""

    __tablename__ = "facet_counts"

    scope: Mapped[str] = mapped_column(String(16), primary_key=True)
    scope_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    facet: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_count: Mapped[int] = mapped_column(Integer)


class DayCount(Base):
    """How many articles matching one filter (as in facet_counts) were published on each
    UTC day, as days since 1970-01-01; undated articles under a day of their own (UNDATED).
    `quarters` holds one character per article, the quarter of an hour of the day it was
    published in (app/store/scope_counters.py), in no order: a histogram on any clock sums
    whole days and splits those its bucket edges cut by quarter. The whole archive's rows
    (its stripes) are indexed by day too, by hand in migration 0015 (engine-specific)."""

    __tablename__ = "day_counts"

    scope: Mapped[str] = mapped_column(String(16), primary_key=True)
    scope_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_count: Mapped[int] = mapped_column(Integer)
    quarters: Mapped[str] = mapped_column(Text, default="", server_default="")


class WeekCount(Base):
    """How many dated articles matching one filter (as in facet_counts) were published in
    each UTC week (Monday to Sunday), the week as its Monday since 1970-01-01: a week
    histogram sums these, and moves the articles of the week's end days its clock puts in
    another week (app/store/reads/period_sums.py)."""

    __tablename__ = "week_counts"

    scope: Mapped[str] = mapped_column(String(16), primary_key=True)
    scope_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    week: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_count: Mapped[int] = mapped_column(Integer)


class MonthCount(Base):
    """As week_counts, per UTC month, the month as its first day since 1970-01-01."""

    __tablename__ = "month_counts"

    scope: Mapped[str] = mapped_column(String(16), primary_key=True)
    scope_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_count: Mapped[int] = mapped_column(Integer)
