"""The rows extraction gives an article: actor links and mentions, roles, citations,
statements. Shared entities and resolutions are found or created first."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlalchemy.orm import Session

from app.extract.model import Extraction, Span
from app.store import models as m
from app.store.entities import resolution_key, resolve_entity_ids, resolve_resolution_ids


def add_extraction_rows(
    session: Session, article_id: int, sort_at: datetime, extraction: Extraction
) -> None:
    entity_ids = resolve_entity_ids(session=session, entities=extraction.entities)
    mention_counts = Counter(entity_ids[mn.entity_key] for mn in extraction.mentions)
    for entity_id in set(entity_ids.values()):
        session.add(
            m.ArticleEntity(
                article_id=article_id,
                entity_id=entity_id,
                sort_at=sort_at,
                mention_count=mention_counts[entity_id],
            )
        )
    session.add_all(
        m.Mention(
            article_id=article_id,
            entity_id=entity_ids[mn.entity_key],
            surface=mn.surface,
            form=mn.form.value,
            **_location(mn.span),
        )
        for mn in extraction.mentions
    )
    session.add_all(
        m.Affiliation(
            person_id=entity_ids[a.person_key],
            organization_id=entity_ids.get(a.organization_key or ""),
            article_id=article_id,
            title=a.title,
            evidence=a.evidence,
        )
        for a in extraction.affiliations
    )
    _add_citations(session, article_id, sort_at, extraction)
    session.add_all(
        m.Statement(
            article_id=article_id,
            speaker_id=entity_ids.get(st.speaker_key or ""),
            speaker_surface=st.speaker_surface,
            verb=st.verb,
            content=st.content,
            **_location(st.span),
        )
        for st in extraction.statements
    )


def _add_citations(
    session: Session, article_id: int, sort_at: datetime, extraction: Extraction
) -> None:
    resolution_ids = resolve_resolution_ids(session=session, citations=extraction.citations)
    counts = Counter(resolution_ids[resolution_key(c)] for c in extraction.citations)
    session.add_all(
        m.ArticleResolution(
            article_id=article_id, resolution_id=rid, sort_at=sort_at, citation_count=n
        )
        for rid, n in counts.items()
    )
    session.add_all(
        m.Citation(
            article_id=article_id,
            resolution_id=resolution_ids[resolution_key(c)],
            surface=c.surface,
            **_location(c.span),
        )
        for c in extraction.citations
    )


def _location(span: Span) -> dict[str, object]:
    """The four columns every located row (mention, citation, statement) stores."""
    return {"part": span.part.value, "part_index": span.index, "start": span.start, "end": span.end}
