"""Which database objects Alembic's comparison leaves alone: full-text objects and the
whole archive's day index (its columns differ by engine: 0015) are engine-specific and
made by hand in the revisions; the job queue's tables belong to procrastinate, whose
schema a revision applies as the library ships it."""

from __future__ import annotations

from typing import Any

ENGINE_SPECIFIC = {
    "article_search_fts",
    "ix_article_search_document_tsv",
    "document_tsv",
    "ix_day_counts_all",
}


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    if name is None:
        return True
    return not (
        name in ENGINE_SPECIFIC or name.startswith(("article_search_fts_", "procrastinate_"))
    )
