"""Facets of a query with one filter or none come from the counters kept at ingest; they
equal, value for value and in the same order, the facets counted over the matching rows
(the general path, taken here by asking the same thing in a form no counter answers)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from scope_archive import build_archive
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.delete import delete_article
from app.store.reads.article_query import ArticleFilters
from app.store.reads.articles import ListOptions
from app.store.reads.facets import FACETS, facet_counts
from app.store.reads.scope import scope_of

OPTIONS = ListOptions(facets=FACETS, facet_size=3)


def facets(session: Session, filters: ArticleFilters) -> dict[str, list[tuple[str, str, int]]]:
    found = facet_counts(session=session, filters=filters, names=FACETS, options=OPTIONS)
    return {name: [(f.value, f.label, f.count) for f in values] for name, values in found.items()}


def one_filter_pairs(session: Session) -> list[tuple[ArticleFilters, ArticleFilters]]:
    """(a filter the counters answer, the same filter in a form they do not)."""
    entity = session.scalars(select(m.Entity.id).order_by(m.Entity.id)).first()
    source = session.scalars(select(m.Source.id).order_by(m.Source.id)).first()
    resolution = session.scalars(select(m.Resolution.id).order_by(m.Resolution.id)).first()
    speaker = session.scalars(select(m.Statement.speaker_id).order_by(m.Statement.id)).first()
    assert None not in (entity, source, resolution, speaker)
    assert entity and source and resolution and speaker
    return [
        (ArticleFilters(), ArticleFilters(not_entity_ids=(-1,))),
        (ArticleFilters(entity_ids=(entity,)), ArticleFilters(entity_ids=(entity, entity))),
        (
            ArticleFilters(resolution_ids=(resolution,)),
            ArticleFilters(resolution_ids=(resolution, resolution)),
        ),
        (ArticleFilters(source_ids=(source,)), ArticleFilters(source_ids=(source, source))),
        (ArticleFilters(speaker_ids=(speaker,)), ArticleFilters(speaker_ids=(speaker, speaker))),
    ]


def test_counted_facets_equal_facets_counted_over_the_rows(session: Session) -> None:
    ids = build_archive(session)
    for counted, general in one_filter_pairs(session):
        assert scope_of(counted) is not None and scope_of(general) is None
        assert facets(session, counted) == facets(session, general)
    # After deletes, the counters that reach zero drop out of the facets as the rows do.
    for article_id in ids[::2]:
        delete_article(session=session, article_id=article_id)
    for counted, general in one_filter_pairs(session):
        assert facets(session, counted) == facets(session, general)


@pytest.mark.parametrize(
    "filters",
    [
        ArticleFilters(entity_ids=(1, 2)),
        ArticleFilters(entity_ids=(1,), q="جنيف"),
        ArticleFilters(entity_ids=(1,), kinds=("person",)),
        ArticleFilters(resolution_ids=(1,), body="UNSC"),
    ],
)
def test_combined_filters_take_the_general_path(filters: ArticleFilters) -> None:
    assert scope_of(filters) is None


def test_how_entities_combine_and_the_symbols_shown_change_no_scope() -> None:
    one = ArticleFilters(entity_ids=(4,))
    assert scope_of(replace(one, resolution_symbols=("2254",))) == ("entity", 4)
