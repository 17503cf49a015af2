"""Counters kept at ingest always equal what the link rows would aggregate to: after new
articles, a re-sent article whose actors changed, a re-extraction, and a delete."""

from __future__ import annotations

from typing import Any

from factories import article, extraction_naming, person, syria
from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.store import models as m
from app.store.delete import delete_article
from app.store.writes import save_article


def recomputed(session: Session) -> dict[str, Any]:
    """The counters as GROUP BY queries over the links compute them."""
    mine, other = aliased(m.ArticleEntity), aliased(m.ArticleEntity)
    link = m.ArticleResolution
    return {
        "entities": dict(
            session.execute(
                select(m.ArticleEntity.entity_id, func.count()).group_by(m.ArticleEntity.entity_id)
            ).all()
        ),
        "resolutions": {
            rid: (n, int(c))
            for rid, n, c in session.execute(
                select(link.resolution_id, func.count(), func.sum(link.citation_count)).group_by(
                    link.resolution_id
                )
            )
        },
        "pairs": {
            (a, b): n
            for a, b, n in session.execute(
                select(mine.entity_id, other.entity_id, func.count())
                .join(other, other.article_id == mine.article_id)
                .where(other.entity_id != mine.entity_id)
                .group_by(mine.entity_id, other.entity_id)
            )
        },
        "with_resolutions": {
            (e, r): n
            for e, r, n in session.execute(
                select(m.ArticleEntity.entity_id, link.resolution_id, func.count())
                .join(link, link.article_id == m.ArticleEntity.article_id)
                .group_by(m.ArticleEntity.entity_id, link.resolution_id)
            )
        },
    }


def kept(session: Session) -> dict[str, Any]:
    """The counters as stored, zeros left out (an entity no article names any more)."""
    pair, cited = m.EntityPair, m.EntityResolution
    return {
        "entities": dict(
            session.execute(
                select(m.Entity.id, m.Entity.article_count).where(m.Entity.article_count != 0)
            ).all()
        ),
        "resolutions": {
            rid: (n, c)
            for rid, n, c in session.execute(
                select(
                    m.Resolution.id, m.Resolution.article_count, m.Resolution.citation_count
                ).where(m.Resolution.article_count != 0)
            )
        },
        "pairs": {
            (a, b): n
            for a, b, n in session.execute(
                select(pair.entity_id, pair.other_id, pair.article_count)
            )
        },
        "with_resolutions": {
            (e, r): n
            for e, r, n in session.execute(
                select(cited.entity_id, cited.resolution_id, cited.article_count)
            )
        },
    }


def test_counters_follow_new_changed_reextracted_and_deleted_articles(session: Session) -> None:
    sami, huda = person("سامي حداد"), person("هدى زين")
    url = "https://example.org/a/7"
    first = save_article(
        session=session,
        parsed=article(1, url=url),
        extraction=extraction_naming(syria(), sami, resolution=2254),
    )
    save_article(
        session=session, parsed=article(2), extraction=extraction_naming(syria(), sami, huda)
    )
    save_article(session=session, parsed=article(3), extraction=extraction_naming(huda))
    assert kept(session) == recomputed(session)
    assert len(kept(session)["pairs"]) == 6  # three actors, each named with the two others

    changed = article(1, url=url, body="نص جديد كلياً للخبر نفسه.")
    save_article(
        session=session, parsed=changed, extraction=extraction_naming(huda, resolution=2216)
    )
    assert kept(session) == recomputed(session)

    save_article(
        session=session,
        parsed=changed,
        extraction=extraction_naming(sami, resolution=2216),
        replace_id=first.article_id,
    )
    assert kept(session) == recomputed(session)

    delete_article(session=session, article_id=first.article_id)
    assert kept(session) == recomputed(session)
    assert kept(session)["with_resolutions"] == {}


def test_an_unchanged_resend_counts_nothing_twice(session: Session) -> None:
    for _ in range(3):
        save_article(
            session=session,
            parsed=article(1),
            extraction=extraction_naming(syria(), resolution=2254),
        )
    counts = kept(session)
    assert list(counts["entities"].values()) == [1]
    assert list(counts["resolutions"].values()) == [(1, 1)]
