"""counters kept at ingest: articles per entity and resolution, entity pairs

Revision ID: 0003
Revises: 0004
Create Date: 2026-12-07 10:09:28.052149
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The counters of an archive ingested before this revision, computed once from its links.
_BACKFILL = [
    "UPDATE entities SET article_count = "
    "(SELECT count(*) FROM article_entities ae WHERE ae.entity_id = entities.id)",
    "UPDATE resolutions SET "
    "article_count = (SELECT count(*) FROM article_resolutions ar "
    "WHERE ar.resolution_id = resolutions.id), "
    "citation_count = (SELECT coalesce(sum(ar.citation_count), 0) FROM article_resolutions ar "
    "WHERE ar.resolution_id = resolutions.id)",
    "INSERT INTO entity_pairs (entity_id, other_id, article_count) "
    "SELECT a.entity_id, b.entity_id, count(*) FROM article_entities a "
    "JOIN article_entities b ON b.article_id = a.article_id AND b.entity_id != a.entity_id "
    "GROUP BY a.entity_id, b.entity_id",
    "INSERT INTO entity_resolutions (entity_id, resolution_id, article_count) "
    "SELECT ae.entity_id, ar.resolution_id, count(*) FROM article_entities ae "
    "JOIN article_resolutions ar ON ar.article_id = ae.article_id "
    "GROUP BY ae.entity_id, ar.resolution_id",
]


def _pair_table(name: str, other: str, other_table: str) -> None:
    op.create_table(
        name,
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column(other, sa.Integer(), nullable=False),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entities.id"],
            name=op.f(f"fk_{name}_entity_id_entities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            [other],
            [f"{other_table}.id"],
            name=op.f(f"fk_{name}_{other}_{other_table}"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entity_id", other, name=op.f(f"pk_{name}")),
    )


def _count() -> sa.Column[int]:
    return sa.Column("article_count", sa.Integer(), server_default="0", nullable=False)


def upgrade() -> None:
    _pair_table("entity_pairs", "other_id", "entities")
    _pair_table("entity_resolutions", "resolution_id", "resolutions")
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.add_column(_count())
        batch_op.create_index(batch_op.f("ix_entities_article_count"), ["article_count"])
    with op.batch_alter_table("resolutions", schema=None) as batch_op:
        batch_op.add_column(_count())
        batch_op.add_column(
            sa.Column("citation_count", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.create_index(batch_op.f("ix_resolutions_article_count"), ["article_count"])
    for statement in _BACKFILL:
        op.execute(statement)


def downgrade() -> None:
    with op.batch_alter_table("resolutions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resolutions_article_count"))
        batch_op.drop_column("citation_count")
        batch_op.drop_column("article_count")
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entities_article_count"))
        batch_op.drop_column("article_count")
    op.drop_table("entity_resolutions")
    op.drop_table("entity_pairs")
