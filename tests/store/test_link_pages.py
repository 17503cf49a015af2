"""One entity's or one resolution's articles by date come from prebuilt statements: the same
rows, order, cursors and totals as the general filtered query gives."""

from __future__ import annotations

from dataclasses import replace

import pytest
from factories import article, extraction_naming, person, syria
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.reads import articles as reads
from app.store.reads import link_pages
from app.store.reads.article_query import ArticleFilters, EntityOp
from app.store.reads.link_pages import Link, SoleLink, sole_link
from app.store.writes import save_article


def seed(session: Session) -> tuple[int, int]:
    for n in range(7):
        named = (syria(), person("سامي حداد")) if n % 2 else (syria(),)
        extraction = extraction_naming(*named, resolution=2254 if n % 3 else None)
        save_article(session=session, parsed=article(n), extraction=extraction)
    session.flush()
    entity = session.scalar(select(m.Entity.id).where(m.Entity.key == "country:SY"))
    resolution = session.scalar(select(m.Resolution.id).where(m.Resolution.number == 2254))
    assert entity is not None and resolution is not None
    return entity, resolution


def every_page(
    session: Session, filters: ArticleFilters, sort: reads.Sort
) -> list[tuple[list[int], int | None]]:
    """Each page's ids and total, pages of two, by cursor."""
    pages, cursor = [], None
    while True:
        options = reads.ListOptions(sort=sort, limit=2, cursor=cursor)
        page = reads.list_articles(session=session, filters=filters, options=options)
        pages.append(([item.id for item in page.items], page.total))
        if page.next_cursor is None:
            return pages
        cursor = page.next_cursor


@pytest.mark.parametrize("sort", [reads.Sort.NEWEST, reads.Sort.OLDEST])
def test_sole_link_pages_equal_the_general_query(
    session: Session, sort: reads.Sort, monkeypatch: pytest.MonkeyPatch
) -> None:
    entity, resolution = seed(session)
    cases = [ArticleFilters(entity_ids=(entity,)), ArticleFilters(resolution_ids=(resolution,))]
    fast = [every_page(session, filters, sort) for filters in cases]
    monkeypatch.setattr(reads, "sole_link", lambda filters: None)
    general = [every_page(session, filters, sort) for filters in cases]
    assert fast == general
    assert [len(pages) for pages in fast] == [4, 2]  # 7 articles about Syria, 4 citing 2254


def test_only_a_lone_entity_or_resolution_is_a_sole_link() -> None:
    assert sole_link(ArticleFilters(entity_ids=(3,))) == SoleLink(Link.ENTITY, 3)
    assert sole_link(ArticleFilters(entity_ids=(3,), entity_op=EntityOp.OR)) == SoleLink(
        Link.ENTITY, 3
    )
    assert sole_link(ArticleFilters(resolution_ids=(5,), resolution_symbols=("2254",))) == (
        SoleLink(Link.RESOLUTION, 5)
    )
    lone = ArticleFilters(entity_ids=(3,))
    for narrowed in (
        replace(lone, q="جنيف"),
        replace(lone, resolution_ids=(5,)),
        replace(lone, not_entity_ids=(4,)),
        replace(lone, kinds=("person",)),
        replace(lone, source_ids=(1,)),
        replace(lone, body="UNSC"),
        replace(lone, nothing=True),
        ArticleFilters(entity_ids=(3, 4)),
        ArticleFilters(resolution_ids=(5, 6)),
        ArticleFilters(),
    ):
        assert sole_link(narrowed) is None, narrowed


def sqlalchemys_rows(session: Session, sole: SoleLink, newest: bool, **params: object) -> list:
    """The prebuilt statement as SQLAlchemy runs it, for comparison (item_json as bytes on
    SQLite, as the driver path reads it)."""
    after = "after_at" in params
    blob = session.connection().dialect.name == "sqlite"
    statement = link_pages._page_statement(sole.link, newest, after, blob)
    found = session.connection().execute(statement, {"lead": sole.row_id, **params}).all()
    return [(row._fields, tuple(row)) for row in found]


@pytest.mark.parametrize("newest", [True, False])
def test_driver_rows_equal_sqlalchemys_of_the_same_statement(
    session: Session, newest: bool
) -> None:
    entity, resolution = seed(session)
    for sole in (SoleLink(Link.ENTITY, entity), SoleLink(Link.RESOLUTION, resolution)):
        first = link_pages.link_rows(session, sole, newest=newest, after=None, size=3)
        after = (first[-1].sort_at, first[-1].id)
        rest = link_pages.link_rows(session, sole, newest=newest, after=after, size=10)
        assert [(r._fields, tuple(r)) for r in first] == sqlalchemys_rows(
            session, sole, newest, size=3
        )
        assert [(r._fields, tuple(r)) for r in rest] == sqlalchemys_rows(
            session, sole, newest, size=10, after_at=after[0], after_id=after[1]
        )
        assert len(first) == 3 and rest and {r.id for r in first}.isdisjoint(r.id for r in rest)


def test_a_database_error_on_the_driver_path_is_sqlalchemys(session: Session) -> None:
    entity, _ = seed(session)
    session.execute(text("DROP TABLE article_entities"))
    sole = SoleLink(Link.ENTITY, entity)
    with pytest.raises(DBAPIError):
        link_pages.link_rows(session, sole, newest=True, after=None, size=2)
