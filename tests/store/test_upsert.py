"""Rows written through the driver (executemany on SQLite, COPY or arrays on PostgreSQL):
stored as SQLAlchemy would store them, failing with SQLAlchemy's errors, never leaving a
column empty that Core would have filled."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from factories import article, extraction_naming, syria
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.upsert import add_counts, insert_rows
from app.store.writes import save_article


def _saved(session: Session) -> int:
    extraction = extraction_naming(syria())
    return save_article(session=session, parsed=article(1), extraction=extraction).article_id


def test_rows_read_back_as_written_with_dates_in_utc(session: Session) -> None:
    article_id = _saved(session)
    link = session.scalars(select(m.ArticleEntity).where(m.ArticleEntity.article_id == article_id))
    entity_id = link.one().entity_id
    beirut = datetime(2024, 3, 1, 12, 30, tzinfo=timezone(timedelta(hours=2)))
    rows = [{"article_id": article_id, "position": 7, "text": "نقطة أخرى"}]
    insert_rows(session.connection(), m.SummaryPoint, rows)
    session.execute(
        m.ArticleEntity.__table__.delete().where(m.ArticleEntity.article_id == article_id)
    )
    link_row = {"article_id": article_id, "entity_id": entity_id, "sort_at": beirut}
    insert_rows(session.connection(), m.ArticleEntity, [link_row | {"mention_count": 3}])
    stored = session.execute(
        select(m.ArticleEntity.sort_at, m.ArticleEntity.mention_count).where(
            m.ArticleEntity.article_id == article_id
        )
    ).one()
    assert stored == (datetime(2024, 3, 1, 10, 30, tzinfo=UTC), 3)
    text = select(m.SummaryPoint.text).where(
        m.SummaryPoint.article_id == article_id, m.SummaryPoint.position == 7
    )
    assert session.scalar(text) == "نقطة أخرى"


def test_a_taken_key_fails_with_sqlalchemys_integrity_error(session: Session) -> None:
    article_id = _saved(session)
    rows = [{"article_id": article_id, "position": 0, "text": "نقطة مكررة"}]
    with pytest.raises(IntegrityError), session.begin_nested():
        insert_rows(session.connection(), m.SummaryPoint, rows)


def test_rows_that_leave_out_a_column_with_a_python_default_are_refused(
    session: Session,
) -> None:
    with pytest.raises(ValueError, match="un_session"):
        insert_rows(session.connection(), m.Resolution, [{"body": "UNSC", "number": 1}])


def test_ignoring_keeps_the_row_that_holds_the_key(session: Session) -> None:
    entity_id = session.scalar(select(m.Entity.id).where(m.Entity.key == "country:SY"))
    if entity_id is None:
        _saved(session)
        entity_id = session.scalar(select(m.Entity.id).where(m.Entity.key == "country:SY"))
    rows = [
        {"entity_id": entity_id, "alias": "سورية الأخرى", "normalized": "سوريه"},
        {"entity_id": entity_id, "alias": "الشام", "normalized": "الشام"},
    ]
    insert_rows(session.connection(), m.EntityAlias, rows, ignoring=("entity_id", "normalized"))
    aliases = dict(
        session.execute(
            select(m.EntityAlias.normalized, m.EntityAlias.alias).where(
                m.EntityAlias.entity_id == entity_id
            )
        ).all()
    )
    assert aliases["سوريه"] == "سورية"  # written by the article first
    assert aliases["الشام"] == "الشام"


def test_counts_add_to_the_row_that_holds_the_key(session: Session) -> None:
    rows = [("all", 0, "kind", 99, 2), ("all", 0, "kind", 98, 1)]
    key = ("scope", "scope_id", "facet", "value")
    add_counts(session.connection(), m.FacetCount, rows, key=key)
    add_counts(session.connection(), m.FacetCount, [("all", 0, "kind", 99, 5)], key=key)
    counts = session.execute(
        select(m.FacetCount.value, m.FacetCount.article_count).where(
            m.FacetCount.facet == "kind", m.FacetCount.value.in_([98, 99])
        )
    ).all()
    assert sorted(counts) == [(98, 1), (99, 7)]
