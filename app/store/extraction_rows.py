"""The rows extraction gives an article: actor links and mentions, roles, citations,
statements. Shared entities and resolutions are found or created first; each kind of row
is then one executemany statement, for one article or for a batch of them."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from app.extract.model import Extraction, MentionForm, Span
from app.ingest.model import Part
from app.store import models as m
from app.store.base import Base
from app.store.entities import resolution_key, resolve_entity_ids, resolve_resolution_ids
from app.store.upsert import insert_rows

Rows = list[tuple[type[Base], list[dict[str, Any]]]]
ResolutionIds = dict[tuple[str, int, int], int]


def add_extraction_rows(
    connection: Connection, article_id: int, sort_at: datetime, extraction: Extraction
) -> None:
    entity_ids = resolve_entity_ids(connection=connection, entities=extraction.entities)
    resolution_ids = resolve_resolution_ids(connection=connection, citations=extraction.citations)
    for model, rows in extraction_rows(article_id, sort_at, extraction, entity_ids, resolution_ids):
        insert_rows(connection, model, rows)


def extraction_rows(
    article_id: int,
    sort_at: datetime,
    extraction: Extraction,
    entity_ids: dict[str, int],
    resolution_ids: ResolutionIds,
) -> Rows:
    """Every row of one article, by table, in the order they are inserted."""
    mention_counts = Counter(entity_ids[mn.entity_key] for mn in extraction.mentions)
    links = [
        {
            "article_id": article_id,
            "entity_id": entity_id,
            "sort_at": sort_at,
            "mention_count": mention_counts[entity_id],
        }
        for entity_id in sorted(set(entity_ids.values()))
    ]
    mentions = [
        {
            "article_id": article_id,
            "entity_id": entity_ids[mn.entity_key],
            "surface": mn.surface,
            "form": _FORMS[mn.form],
            **_location(mn.span),
        }
        for mn in extraction.mentions
    ]
    roles = [
        {
            "person_id": entity_ids[a.person_key],
            "organization_id": entity_ids.get(a.organization_key or ""),
            "article_id": article_id,
            "title": a.title,
            "evidence": a.evidence,
        }
        for a in extraction.affiliations
    ]
    statements = [
        {
            "article_id": article_id,
            "speaker_id": entity_ids.get(st.speaker_key or ""),
            "speaker_surface": st.speaker_surface,
            "verb": st.verb,
            "content": st.content,
            **_location(st.span),
        }
        for st in extraction.statements
    ]
    return [
        (m.ArticleEntity, links),
        (m.Mention, mentions),
        (m.Affiliation, roles),
        *_citation_rows(article_id, sort_at, extraction, resolution_ids),
        (m.Statement, statements),
    ]


def _citation_rows(
    article_id: int, sort_at: datetime, extraction: Extraction, resolution_ids: ResolutionIds
) -> Rows:
    counts = Counter(resolution_ids[resolution_key(c)] for c in extraction.citations)
    links = [
        {"article_id": article_id, "resolution_id": rid, "sort_at": sort_at, "citation_count": n}
        for rid, n in sorted(counts.items())
    ]
    citations = [
        {
            "article_id": article_id,
            "resolution_id": resolution_ids[resolution_key(c)],
            "surface": c.surface,
            **_location(c.span),
        }
        for c in extraction.citations
    ]
    return [(m.ArticleResolution, links), (m.Citation, citations)]


# An enum's .value is a descriptor call; a batch asks it tens of thousands of times.
_PARTS = {part: part.value for part in Part}
_FORMS = {form: form.value for form in MentionForm}


def _location(span: Span) -> dict[str, object]:
    """The four columns every located row (mention, citation, statement) stores."""
    return {
        "part": _PARTS[span.part],
        "part_index": span.index,
        "start": span.start,
        "end": span.end,
    }
