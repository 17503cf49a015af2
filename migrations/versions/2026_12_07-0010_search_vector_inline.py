"""PostgreSQL keeps the search vector in its row, out of TOAST

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 16:00:00

An article's tsvector (~2.4 KB) was moved out of line into TOAST, so every row a search
checks or ranks read and reassembled it from the TOAST table: ~30 us a row, and a search of
a common word checks ~1,000 rows for its total and its relevance candidates. The vector now
stays in the row (storage MAIN, a tuple target of a whole page): the same check costs ~2 us.
A vector too large for a page is still compressed, then moved out of line, as before.
Existing rows are rewritten so that they take the new storage. SQLite: nothing to do.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The tuple size past which PostgreSQL compresses and moves values out: its maximum, a page.
_WHOLE_PAGE = 8160


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE article_search ALTER COLUMN document_tsv SET STORAGE MAIN")
    op.execute(f"ALTER TABLE article_search SET (toast_tuple_target = {_WHOLE_PAGE})")
    _rewrite()


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE article_search ALTER COLUMN document_tsv SET STORAGE EXTENDED")
    op.execute("ALTER TABLE article_search RESET (toast_tuple_target)")
    _rewrite()


def _rewrite() -> None:
    # A stored value keeps the storage it was written with: write every row again (the
    # generated vector is computed anew from the same document).
    op.execute("UPDATE article_search SET document = document")
