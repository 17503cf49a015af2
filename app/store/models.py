"""ORM models: the only place tables are described. They never leave app/store as responses."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.store.base import Base, utcnow

_CASCADE = "all, delete-orphan"


class Source(Base):
    """An outlet: one row per normalized name, made by the registry (`khabar sources add`,
    POST /sources) or by the first article that names it. Its feeds live in `feeds`."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    normalized_name: Mapped[str] = mapped_column(String(200), unique=True)
    site: Mapped[str | None] = mapped_column(String(500))
    language: Mapped[str | None] = mapped_column(String(8))
    timezone: Mapped[str | None] = mapped_column(String(64))
    hints: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default="{}")
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    poll_seconds: Mapped[int] = mapped_column(Integer, default=900, server_default="900")


class Article(Base):
    __tablename__ = "articles"
    # Identity: the canonical URL, or for articles without one, the normalized text. Two
    # pages at different URLs may carry the same text (syndication) and stay two articles.
    __table_args__ = (
        Index(
            "uq_articles_content_hash_without_url",
            "content_hash",
            unique=True,
            sqlite_where=text("url IS NULL"),
            postgresql_where=text("url IS NULL"),
        ),
        # The few undated articles, which a histogram's slivers leave out by id.
        Index(
            "ix_articles_undated",
            "id",
            sqlite_where=text("published_at IS NULL"),
            postgresql_where=text("published_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    url: Mapped[str | None] = mapped_column(String(2000), unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    # Text plus correctable metadata: a re-send that changes neither is "unchanged".
    version_hash: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime | None]
    # Newest-first order for every listing: published_at, or the ingest time when undated.
    sort_at: Mapped[datetime] = mapped_column(index=True)
    timezone: Mapped[str | None] = mapped_column(String(64))
    # The offset the input gave, in minutes east of UTC, kept for inputs that name no zone
    # (a JSON document's +03:00), so the article is shown on its own clock.
    utc_offset: Mapped[int | None] = mapped_column(Integer)
    byline_place: Mapped[str | None] = mapped_column(String(200))
    authors: Mapped[list[str]] = mapped_column(JSON, default=list)
    language: Mapped[str] = mapped_column(String(8))
    analysed: Mapped[bool] = mapped_column(Boolean)
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)
    raw_format: Mapped[str] = mapped_column(String(16))
    raw_compressed: Mapped[bytes] = mapped_column(LargeBinary)
    # The list row's lede, image, top actors and resolutions as JSON, written with the
    # article (app/store/item_json.py) so a list page reads them in its one query.
    item_json: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    source: Mapped[Source | None] = relationship(lazy="raise")
    sections: Mapped[list[ArticleSection]] = relationship(
        cascade=_CASCADE, lazy="raise", order_by="ArticleSection.position"
    )
    summary_points: Mapped[list[SummaryPoint]] = relationship(
        cascade=_CASCADE, lazy="raise", order_by="SummaryPoint.position"
    )
    images: Mapped[list[ArticleImage]] = relationship(
        cascade=_CASCADE, lazy="raise", order_by="ArticleImage.position"
    )


class ArticleSection(Base):
    __tablename__ = "article_sections"
    __table_args__ = (UniqueConstraint("article_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)


class SummaryPoint(Base):
    __tablename__ = "summary_points"
    __table_args__ = (UniqueConstraint("article_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class ArticleImage(Base):
    __tablename__ = "article_images"
    __table_args__ = (UniqueConstraint("article_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(Text)
    caption: Mapped[str | None] = mapped_column(Text)
    credit: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(2000))


class ArticleSearch(Base):
    """Arabic-normalized shadow text of an article, the only thing full text search reads."""

    __tablename__ = "article_search"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    document: Mapped[str] = mapped_column(Text)


class Entity(Base):
    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    normalized_name: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    subkind: Mapped[str | None] = mapped_column(String(32))
    english_name: Mapped[str | None] = mapped_column(String(300))
    wikidata_id: Mapped[str | None] = mapped_column(String(32), index=True)
    # Kept by app/store/counters.py as articles come and go: lists order by it.
    article_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0", index=True)

    aliases: Mapped[list[EntityAlias]] = relationship(cascade=_CASCADE, lazy="raise")


class EntityAlias(Base):
    __tablename__ = "entity_aliases"
    __table_args__ = (UniqueConstraint("entity_id", "normalized"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(300))
    normalized: Mapped[str] = mapped_column(String(300), index=True)


class EntityWord(Base):
    """Every word of every alias and of the English name, normalized: /entities/suggest
    matches a prefix of any word with one index range."""

    __tablename__ = "entity_words"

    word: Mapped[str] = mapped_column(String(100), primary_key=True)
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )
    # The alias (or English name) the word belongs to: what suggest shows as `matched`.
    alias: Mapped[str] = mapped_column(String(300), primary_key=True)


class ArticleEntity(Base):
    """One row per (article, entity): the index behind "newest articles about X"."""

    __tablename__ = "article_entities"
    __table_args__ = (
        Index("ix_article_entities_entity_sort", "entity_id", "sort_at", "article_id"),
    )

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )
    sort_at: Mapped[datetime]
    mention_count: Mapped[int] = mapped_column(Integer)


class Mention(Base):
    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    surface: Mapped[str] = mapped_column(String(300))
    # name, short_form, demonym or title (MentionForm): a client counting named mentions
    # filters on it
    form: Mapped[str] = mapped_column(String(16), server_default="name")
    part: Mapped[str] = mapped_column(String(16))
    part_index: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class Affiliation(Base):
    __tablename__ = "affiliations"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), index=True
    )
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL")
    )
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    evidence: Mapped[str] = mapped_column(Text)


class Resolution(Base):
    __tablename__ = "resolutions"
    __table_args__ = (UniqueConstraint("body", "un_session", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[str] = mapped_column(String(16))
    # 67 for General Assembly resolution 67/19; 0 for numbers that run on (UNSC 2254).
    # Not NULL, so the unique constraint holds for unsessioned numbers too.
    un_session: Mapped[int] = mapped_column(Integer, default=0)
    number: Mapped[int] = mapped_column(Integer, index=True)
    year: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(Text)
    # Kept by app/store/counters.py as articles come and go.
    article_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0", index=True)
    citation_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ArticleResolution(Base):
    __tablename__ = "article_resolutions"
    __table_args__ = (
        Index("ix_article_resolutions_resolution_sort", "resolution_id", "sort_at", "article_id"),
    )

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    resolution_id: Mapped[int] = mapped_column(
        ForeignKey("resolutions.id", ondelete="CASCADE"), primary_key=True
    )
    sort_at: Mapped[datetime]
    citation_count: Mapped[int] = mapped_column(Integer)


class Citation(Base):
    __tablename__ = "citations"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    resolution_id: Mapped[int] = mapped_column(ForeignKey("resolutions.id", ondelete="CASCADE"))
    surface: Mapped[str] = mapped_column(String(300))
    part: Mapped[str] = mapped_column(String(16))
    part_index: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class Statement(Base):
    __tablename__ = "statements"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True
    )
    speaker_surface: Mapped[str] = mapped_column(String(300))
    verb: Mapped[str] = mapped_column(String(64))
    content: Mapped[str] = mapped_column(Text)
    part: Mapped[str] = mapped_column(String(16))
    part_index: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


# Registered on the same metadata; kept apart so this module stays readable.
from app.store.counter_models import (  # noqa: E402
    DayCount,
    EntityPair,
    EntityResolution,
    FacetCount,
    MonthCount,
    RoleSpan,
    WeekCount,
)
from app.store.polling_models import Feed, Host, JobOutcome  # noqa: E402

__all__ = [
    "DayCount",
    "EntityPair",
    "EntityResolution",
    "FacetCount",
    "Feed",
    "Host",
    "JobOutcome",
    "MonthCount",
    "RoleSpan",
    "WeekCount",
]
