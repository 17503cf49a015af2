"""Which counters kept at ingest (app/store/scope_counters.py) answer a filtered query:
one entity, one resolution, one source, one speaker, or no filter at all. Any other filter
(two of them, a date range, words) takes the general path, which counts rows."""

from __future__ import annotations

from dataclasses import replace

from app.store.reads.article_query import ArticleFilters, EntityOp
from app.store.scope_counters import ALL

Scope = tuple[str, int]
_NONE = ArticleFilters()


def scope_of(filters: ArticleFilters, *, dates: bool = False) -> Scope | None:
    """The scope the filters amount to, None when no counter answers them. With `dates`,
    a date range may come on top (the histogram cuts its days itself)."""
    if dates:
        filters = replace(filters, date_from=None, date_to=None)
    # How an entity combines, and the symbols shown for resolutions, select nothing.
    bare = replace(filters, entity_op=EntityOp.AND, resolution_symbols=())
    candidates: list[tuple[str, tuple[int, ...], ArticleFilters]] = [
        ("entity", bare.entity_ids, ArticleFilters(entity_ids=bare.entity_ids)),
        (
            "resolution",
            bare.resolution_ids or (),
            ArticleFilters(resolution_ids=bare.resolution_ids),
        ),
        ("source", bare.source_ids or (), ArticleFilters(source_ids=bare.source_ids)),
        ("speaker", bare.speaker_ids, ArticleFilters(speaker_ids=bare.speaker_ids)),
    ]
    if bare == _NONE:
        return (ALL, 0)
    for name, ids, alone in candidates:
        if len(ids) == 1 and bare == alone:
            return (name, ids[0])
    return None
