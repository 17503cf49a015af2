"""One entity's or one resolution's articles by date come from prebuilt statements: the same
rows, order, cursors and totals as the general filtered query gives."""

from __future__ import annotations

from dataclasses import replace

import pytest
from factories import article, extraction_naming, person, syria
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.reads import articles as reads
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
