"""Tables of counters kept at ingest by app/store/counters.py (see there)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer
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
