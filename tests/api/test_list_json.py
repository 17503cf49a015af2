"""A list page written from the stored item JSON is the JSON the page's models give (unset
fields left out), whatever the fields, with highlights, facets and paging, and for articles
whose item is not stored."""

from __future__ import annotations

import json

import pytest
from read_seed import seed_archive
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.delete import delete_article
from app.store.reads.article_items import ITEM_FIELDS
from app.store.reads.article_query import ArticleFilters, filtered
from app.store.reads.articles import ListOptions, Sort, list_articles, list_articles_json
from app.store.reads.paging import bounded_count

OPTIONS = [
    ListOptions(),
    ListOptions(limit=2),
    ListOptions(fields=frozenset({"title", "actors"})),
    ListOptions(fields=frozenset({"lede", "image", "resolutions", "published_at"})),
    ListOptions(facets=("entity", "source"), sort=Sort.OLDEST),
]
FILTERS = [ArticleFilters(), ArticleFilters(q="جنيف"), ArticleFilters(nothing=True)]


def as_models(session: Session, filters: ArticleFilters, options: ListOptions) -> object:
    page = list_articles(session=session, filters=filters, options=options)
    return page.model_dump(mode="json", exclude_unset=True)


def as_bytes(session: Session, filters: ArticleFilters, options: ListOptions) -> object:
    return json.loads(list_articles_json(session=session, filters=filters, options=options).body)


@pytest.mark.parametrize("options", OPTIONS)
@pytest.mark.parametrize("filters", FILTERS)
def test_the_bytes_are_the_models_json(
    session: Session, filters: ArticleFilters, options: ListOptions
) -> None:
    seed_archive(session)
    expected = as_models(session, filters, options)
    assert as_bytes(session, filters, options) == expected
    session.execute(update(m.Article).values(item_json=None))
    assert as_bytes(session, filters, options) == expected


def test_a_default_page_shows_every_field(session: Session) -> None:
    seed_archive(session)
    page = as_bytes(session, ArticleFilters(q="جنيف"), ListOptions())
    assert isinstance(page, dict) and page["items"]
    assert all(set(item) == {"id", "highlights", *ITEM_FIELDS} for item in page["items"])
    places = {p["english_name"] for item in page["items"] for p in item["actors"]["place"]}
    assert "Syria" in places


def test_an_entity_or_resolution_alone_is_counted_by_its_counter(session: Session) -> None:
    ids = seed_archive(session)
    delete_article(session=session, article_id=ids[0])
    entity_ids = session.scalars(select(m.Entity.id)).all()
    resolution_ids = session.scalars(select(m.Resolution.id)).all()
    alone = [ArticleFilters(entity_ids=(e,)) for e in entity_ids]
    alone += [ArticleFilters(resolution_ids=(r,)) for r in resolution_ids]
    assert len(alone) > 5
    for filters in alone:
        counted = bounded_count(session, filtered(session, filters, m.Article.id).query)
        page = as_bytes(session, filters, ListOptions(limit=1))
        assert isinstance(page, dict) and page["total"] == counted, filters
