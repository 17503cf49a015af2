"""read API: the offset an input gave, Wikidata lookups, the words suggest matches

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07 10:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.text.normalize import collapse_spaces, normalize

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("utc_offset", sa.Integer(), nullable=True))
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entities_wikidata_id"), ["wikidata_id"], unique=False)
    words = op.create_table(
        "entity_words",
        sa.Column("word", sa.String(length=100), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entities.id"],
            name=op.f("fk_entity_words_entity_id_entities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("word", "entity_id", "alias", name=op.f("pk_entity_words")),
    )
    _backfill_words(words)


def _backfill_words(words: sa.Table) -> None:
    """Words of the aliases and English names already stored (same rule as the store's)."""
    bind = op.get_bind()
    names = bind.execute(sa.text("SELECT entity_id, alias FROM entity_aliases")).all()
    names += bind.execute(
        sa.text("SELECT id, english_name FROM entities WHERE english_name IS NOT NULL")
    ).all()
    rows = {
        (word[:100], entity_id, collapse_spaces(name)[:300])
        for entity_id, name in names
        for word in normalize(collapse_spaces(name)).split(" ")
        if word
    }
    if rows:
        op.bulk_insert(words, [{"word": w, "entity_id": e, "alias": a} for w, e, a in rows])


def downgrade() -> None:
    op.drop_table("entity_words")
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entities_wikidata_id"))
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_column("utc_offset")
