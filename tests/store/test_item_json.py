"""articles.item_json, each article's default list extras, always equals what the tables
give: after ingest, a changed re-send, a re-extraction, a delete, a resolution's year
learned from a later article, and the migration's back-fill."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from alembic import command
from factories import article, extraction_naming, person, syria
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.db import make_engine
from app.store.delete import delete_article
from app.store.item_json import store_all
from app.store.migrate import alembic_config
from app.store.reads.article_items import default_extras
from app.store.writes import save_article


def stored(session: Session) -> dict[int, Any]:
    rows = session.execute(select(m.Article.id, m.Article.item_json)).all()
    return {i: json.loads(item) if item is not None else None for i, item in rows}


def from_tables(session: Session) -> dict[int, Any]:
    return default_extras(session, sorted(session.scalars(select(m.Article.id)).all()))


def test_items_follow_new_changed_reextracted_and_deleted_articles(session: Session) -> None:
    sami, huda = person("سامي حداد"), person("هدى زين")
    url = "https://example.org/a/7"
    first = save_article(
        session=session,
        parsed=article(1, url=url),
        extraction=extraction_naming(syria(), sami, resolution=2254),
    )
    save_article(session=session, parsed=article(2), extraction=extraction_naming(huda))
    assert stored(session) == from_tables(session)
    item = stored(session)[first.article_id]
    assert [a["name"] for a in item["actors"]["person"]] == ["سامي حداد"]
    assert [r["number"] for r in item["resolutions"]] == [2254]
    assert item["lede"] == "نقطة أولى"

    changed = article(1, url=url, body="نص جديد كلياً للخبر نفسه.")
    save_article(
        session=session, parsed=changed, extraction=extraction_naming(huda, resolution=2216)
    )
    item = stored(session)[first.article_id]
    assert [a["name"] for a in item["actors"]["person"]] == ["هدى زين"]
    assert item["actors"]["place"] == []
    assert [r["number"] for r in item["resolutions"]] == [2216]

    save_article(
        session=session,
        parsed=changed,
        extraction=extraction_naming(sami),
        replace_id=first.article_id,
    )
    item = stored(session)[first.article_id]
    assert [a["name"] for a in item["actors"]["person"]] == ["سامي حداد"]
    assert item["resolutions"] == []
    assert stored(session) == from_tables(session)

    delete_article(session=session, article_id=first.article_id)
    assert first.article_id not in stored(session)
    assert stored(session) == from_tables(session)


def test_a_year_learned_later_reaches_earlier_items(session: Session) -> None:
    undated = extraction_naming(syria(), resolution=2118)
    undated = replace(undated, citations=[replace(c, year=None) for c in undated.citations])
    first = save_article(session=session, parsed=article(1), extraction=undated)
    assert stored(session)[first.article_id]["resolutions"][0]["year"] is None

    save_article(session=session, parsed=article(2), extraction=extraction_naming(resolution=2118))
    assert stored(session)[first.article_id]["resolutions"][0]["year"] == 2015
    assert stored(session) == from_tables(session)


def test_the_back_fill_writes_every_item(session: Session) -> None:
    for n in range(3):
        save_article(
            session=session,
            parsed=article(n),
            extraction=extraction_naming(syria(), resolution=2254),
        )
    before = stored(session)
    session.execute(update(m.Article).values(item_json=None))
    assert set(stored(session).values()) == {None}
    store_all(session)
    assert stored(session) == before


def test_the_migration_fills_the_items_of_an_archive(own_database: str) -> None:
    engine = make_engine(own_database)
    with Session(engine) as session, session.begin():
        save_article(session=session, parsed=article(1), extraction=extraction_naming(syria()))
    with Session(engine) as session:
        expected = stored(session)
    engine.dispose()
    command.downgrade(alembic_config(own_database), "0005")
    command.upgrade(alembic_config(own_database), "head")
    with Session(engine) as session:
        assert stored(session) == expected
        assert None not in expected.values()
    engine.dispose()
