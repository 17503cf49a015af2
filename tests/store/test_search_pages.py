"""Pages of a search: newest or oldest first they are the archive's date order exactly (down
to the second within a minute, whatever the ids), page after page; by relevance they rank
the RELEVANCE_CANDIDATES newest matches; the index follows an article re-dated or deleted."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from factories import BASE_TIME, article, extraction_naming, syria
from sqlalchemy import insert, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.store import models as m
from app.store import search
from app.store.delete import delete_article
from app.store.reads import articles, search_pages
from app.store.reads.article_query import ArticleFilters
from app.store.reads.articles import ListOptions, Sort, list_articles
from app.store.writes import save_article

WORD = "جنيف"
WITH = f"التقى الوفدان في {WORD} لبحث الهدنة."
WITHOUT = "التقى الوفدان في فيينا لبحث الهدنة."


def save(session: Session, n: int, seconds: int, *, body: str = WITH, named: bool = False) -> int:
    parsed = replace(
        article(n, url=f"https://example.test/{n}", body=body),
        published_at=BASE_TIME + timedelta(seconds=seconds),
    )
    extraction = extraction_naming(syria()) if named else extraction_naming()
    return save_article(session=session, parsed=parsed, extraction=extraction).article_id


def every_page(session: Session, filters: ArticleFilters, sort: Sort) -> list[int]:
    ids: list[int] = []
    options = ListOptions(sort=sort, limit=2)
    while True:
        page = list_articles(session=session, filters=filters, options=options)
        ids += [item.id for item in page.items]
        if page.next_cursor is None:
            return ids
        options = replace(options, cursor=page.next_cursor)


def by_date(session: Session, ids: list[int], *, newest_first: bool) -> list[int]:
    rows = session.execute(
        select(m.Article.id, m.Article.sort_at).where(m.Article.id.in_(ids))
    ).all()
    ordered = sorted(rows, key=lambda r: (r.sort_at, r.id), reverse=newest_first)
    return [r.id for r in ordered]


@pytest.fixture
def within_a_minute(session: Session) -> dict[str, list[int]]:
    """Seven matches: five in one minute, saved so their ids run against their seconds, and
    two in other minutes; two articles without the word, one of them in that minute."""
    matching = [save(session, n, 50 - 10 * n, named=n % 2 == 0) for n in range(5)]
    matching += [save(session, 5, -3600), save(session, 6, 7200, named=True)]
    others = [save(session, 7, 25, body=WITHOUT), save(session, 8, 90, body=WITHOUT)]
    session.commit()
    return {"matching": matching, "others": others}


@pytest.mark.parametrize("sort", [Sort.NEWEST, Sort.OLDEST])
def test_search_pages_follow_the_date_order_within_a_minute(
    session: Session, within_a_minute: dict[str, list[int]], sort: Sort
) -> None:
    found = every_page(session, ArticleFilters(q=WORD), sort)
    expected = by_date(session, within_a_minute["matching"], newest_first=sort == Sort.NEWEST)
    assert found == expected


def test_a_filtered_search_pages_in_the_date_order_of_the_filtered_list(
    session: Session, within_a_minute: dict[str, list[int]]
) -> None:
    named = every_page(session, ArticleFilters(entity_ids=(_syria_id(session),)), Sort.NEWEST)
    searched = every_page(
        session, ArticleFilters(entity_ids=(_syria_id(session),), q=WORD), Sort.NEWEST
    )
    assert searched == [i for i in named if i in within_a_minute["matching"]]
    assert len(searched) == 4


def test_the_total_of_a_search_counts_its_matches(
    session: Session, within_a_minute: dict[str, list[int]]
) -> None:
    page = list_articles(session=session, filters=ArticleFilters(q=WORD))
    assert page.total == len(within_a_minute["matching"])


def test_relevance_ranks_only_the_newest_candidates(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    often = " ".join([WITH] * 6)
    oldest = save(session, 0, 0, body=often)
    newer = [save(session, n, 60 * n) for n in range(1, 4)]
    session.commit()
    relevance = ListOptions(sort=Sort.RELEVANCE)

    def ranked() -> list[int]:
        page = list_articles(session=session, filters=ArticleFilters(q=WORD), options=relevance)
        assert page.total == 4, "the cap is on ranking, not on counting"
        return [item.id for item in page.items]

    assert ranked()[0] == oldest, "six times the word outranks once"
    monkeypatch.setattr(search_pages, "RELEVANCE_CANDIDATES", 2)
    assert sorted(ranked()) == sorted(newer[1:]), "only the two newest are ranked"


def test_relevance_pages_end_with_the_candidates(
    session: Session, within_a_minute: dict[str, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_pages, "RELEVANCE_CANDIDATES", 3)
    ranked = every_page(session, ArticleFilters(q=WORD), Sort.RELEVANCE)
    newest = by_date(session, within_a_minute["matching"], newest_first=True)[:3]
    assert sorted(ranked) == sorted(newest)


def test_relevance_past_the_total_cap_ranks_the_newest_matches_of_the_filters(
    session: Session, within_a_minute: dict[str, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the total cap PostgreSQL has no list of the matches: its candidates are found
    and ranked in one walk down the date order, with every other filter applied."""
    for module in (articles, search_pages):
        monkeypatch.setattr(module, "TOTAL_CAP", 1)
    monkeypatch.setattr(search_pages, "RELEVANCE_CANDIDATES", 3)
    syria_id = _syria_id(session)
    for filters in (ArticleFilters(q=WORD), ArticleFilters(q=WORD, entity_ids=(syria_id,))):
        ranked = every_page(session, filters, Sort.RELEVANCE)
        listed = every_page(session, replace(filters, q=None), Sort.NEWEST)
        matching = [i for i in listed if i in within_a_minute["matching"]]
        assert sorted(ranked) == sorted(matching[:3])
    assert len(every_page(session, ArticleFilters(q=WORD), Sort.RELEVANCE)) == 3


def test_relevance_plans_without_parallel_workers_and_puts_the_setting_back(
    session: Session,
) -> None:
    if session.get_bind().dialect.name != "postgresql":
        pytest.skip("parallel workers are PostgreSQL's")
    setting = text("SHOW max_parallel_workers_per_gather")
    before = session.scalar(setting)
    with search_pages.serial_plan(session):
        assert session.scalar(setting) == "0"
    assert session.scalar(setting) == before != "0"


def test_the_index_follows_an_article_redated_reingested_or_deleted(
    session: Session, within_a_minute: dict[str, list[int]]
) -> None:
    first, *rest = within_a_minute["matching"]
    later = BASE_TIME + timedelta(days=30)
    session.execute(update(m.Article).where(m.Article.id == first).values(sort_at=later))
    assert every_page(session, ArticleFilters(q=WORD), Sort.NEWEST)[0] == first

    reingested = replace(
        article(0, url="https://example.test/0", body=WITH, title="عنوان جديد"),
        published_at=BASE_TIME - timedelta(days=30),
    )
    save_article(session=session, parsed=reingested, extraction=extraction_naming())
    assert every_page(session, ArticleFilters(q=WORD), Sort.NEWEST)[-1] == first

    delete_article(session=session, article_id=first)
    session.commit()
    found = every_page(session, ArticleFilters(q=WORD), Sort.NEWEST)
    assert found == by_date(session, rest, newest_first=True)


def _syria_id(session: Session) -> int:
    found = session.scalar(select(m.Entity.id).where(m.Entity.key == "country:SY"))
    assert found is not None
    return found


def test_a_word_nowhere_finds_nothing(session: Session) -> None:
    save(session, 0, 0, body=WITHOUT, named=True)
    for sort in Sort:
        page = list_articles(
            session=session, filters=ArticleFilters(q=WORD), options=ListOptions(sort=sort)
        )
        assert page.items == [] and page.total == 0


def test_past_the_total_cap_pages_are_the_same_and_the_total_is_null(
    session: Session, within_a_minute: dict[str, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    few = {sort: every_page(session, ArticleFilters(q=WORD), sort) for sort in Sort}
    for module in (articles, search_pages):
        monkeypatch.setattr(module, "TOTAL_CAP", 3)
    for sort in Sort:
        assert every_page(session, ArticleFilters(q=WORD), sort) == few[sort]
    assert list_articles(session=session, filters=ArticleFilters(q=WORD)).total is None


def test_a_search_between_dates_pages_through_those_dates_only(
    session: Session, within_a_minute: dict[str, list[int]]
) -> None:
    start, end = BASE_TIME + timedelta(seconds=20), BASE_TIME + timedelta(hours=1)
    inside = session.scalars(
        select(m.Article.id).where(
            m.Article.id.in_(within_a_minute["matching"]),
            m.Article.published_at >= start,
            m.Article.published_at < end,
        )
    ).all()
    filters = ArticleFilters(q=WORD, date_from=start, date_to=end)
    for sort in (Sort.NEWEST, Sort.OLDEST):
        expected = by_date(session, list(inside), newest_first=sort == Sort.NEWEST)
        assert every_page(session, filters, sort) == expected
    assert len(inside) == 4


def test_sqlite_refuses_an_article_id_past_the_search_key(session: Session) -> None:
    if session.get_bind().dialect.name != "sqlite":
        pytest.skip("the key packs ids into SQLite's FTS5 rowid only")
    too_large = 1 << search.ID_BITS  # the trigger fires before the foreign key's check
    with pytest.raises(DBAPIError, match="too large for the search index key"):
        session.execute(insert(m.ArticleSearch), [{"article_id": too_large, "document": WORD}])
