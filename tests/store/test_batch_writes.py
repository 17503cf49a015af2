"""A batch of new articles written together holds exactly what writing them one by one
holds: rows, shared entities and their aliases, resolutions, counters and list items."""

from __future__ import annotations

import json
from typing import Any

from factories import article, extraction_naming, person, syria
from sqlalchemy import select
from sqlalchemy.orm import Session
from store.test_counters import kept, recomputed
from store.test_scope_counters import recounted, stored

from app.extract.model import Citation, Entity, ResolutionBody, Span
from app.ingest.model import Part
from app.store import models as m
from app.store.batch_writes import save_new, split_new
from app.store.item_json import store_items
from app.store.prepared import Prepared, prepare
from app.store.reads.article_items import default_extras
from app.store.writes import save_prepared


def batch() -> list[Prepared]:
    """Articles sharing actors and a resolution; a person found by pattern whose alias is
    an earlier article's; a resolution whose year only a later article gives."""
    assad = person("بشار الأسد")
    assad.aliases.append("الأسد")
    known_by_alias = person("الأسد", key="new:person:alias")
    yearless = extraction_naming(syria(), resolution=2254)
    yearless.citations = [
        Citation(ResolutionBody.UNSC, 2254, None, "2254", Span(Part.SECTION, 0, 0, 4))
    ]
    pedersen = person("غير بيدرسن")
    pedersen.english_name, pedersen.wikidata_id = "Geir Pedersen", "Q1"
    extractions = [
        yearless,
        extraction_naming(syria(), assad, resolution=2254),
        extraction_naming(known_by_alias, syria(), person("غير بيدرسن")),
        extraction_naming(pedersen, ARCHIVED_ENGLISH, resolution=2118),
    ]
    return [prepare(article(n), x) for n, x in enumerate(extractions)]


def _archived_then_named_in_english() -> Entity:
    entity = person("ستيفان دي ميستورا", key="un:demistura")
    entity.english_name = "Staffan de Mistura"
    return entity


ARCHIVED_ENGLISH = _archived_then_named_in_english()


def snapshot(session: Session) -> dict[str, Any]:
    """The archive by natural keys (titles, entity keys), not by ids."""
    titles = dict(session.execute(select(m.Article.id, m.Article.title)).all())
    keys = dict(session.execute(select(m.Entity.id, m.Entity.key)).all())
    links = session.execute(
        select(m.ArticleEntity.article_id, m.ArticleEntity.entity_id, m.ArticleEntity.mention_count)
    )
    aliases = session.execute(select(m.EntityAlias.entity_id, m.EntityAlias.alias))
    resolutions = session.execute(
        select(m.Resolution.number, m.Resolution.year, m.Resolution.citation_count)
    )
    items = session.execute(select(m.Article.title, m.Article.item_json))
    return {
        "links": sorted((titles[a], keys[e], n) for a, e, n in links),
        "aliases": sorted((keys[e], alias) for e, alias in aliases),
        "entities": sorted(
            session.execute(
                select(
                    m.Entity.key,
                    m.Entity.article_count,
                    m.Entity.english_name,
                    m.Entity.wikidata_id,
                )
            )
        ),
        "resolutions": sorted(resolutions),
        "items": {title: _without_ids(json.loads(item or "null")) for title, item in items},
        "mentions": len(session.scalars(select(m.Mention.id)).all()),
        "statements": len(session.scalars(select(m.Statement.id)).all()),
    }


def _without_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def test_a_batch_holds_what_one_by_one_holds(session: Session) -> None:
    archived = person("ستيفان دي ميستورا", key="un:demistura")  # no English name yet
    save_prepared(session=session, article=prepare(article(9), extraction_naming(archived)))
    with session.begin_nested() as one_by_one:
        later: set[int] = set()
        for prepared in batch():
            save_prepared(session=session, article=prepared, items_later=later)
        store_items(session, sorted(later))  # as BatchWriter does, one by one
        expected = snapshot(session)
        one_by_one.rollback()
    items: set[int] = set()
    ids = save_new(session, batch(), items)
    store_items(session, sorted(items))
    assert len(ids) == 4
    assert snapshot(session) == expected
    assert kept(session) == recomputed(session)
    stored = dict(
        session.execute(
            select(m.Article.id, m.Article.item_json).where(m.Article.id.in_(ids))
        ).all()
    )
    assert {i: json.loads(item or "null") for i, item in stored.items()} == default_extras(
        session, ids
    )


def test_a_batch_keeps_the_facet_and_day_counters(session: Session) -> None:
    save_prepared(session=session, article=prepare(article(9), extraction_naming(syria())))
    save_new(session, batch(), set())
    counters = stored(session)
    assert counters["facets"] and counters["days"]
    assert counters == recounted(session)


def test_known_and_repeated_articles_are_left_to_one_by_one(session: Session) -> None:
    save_prepared(session=session, article=prepare(article(1), extraction_naming(syria())))
    articles = [
        prepare(article(n, url=url), extraction_naming(syria()))
        for n, url in [(1, None), (2, "https://a.example/1"), (3, "https://a.example/1"), (4, None)]
    ]
    articles.append(prepare(article(4), extraction_naming(syria())))
    new, known = split_new(session.connection(), articles)
    assert new == [1, 3]
    assert known == [0, 2, 4]
