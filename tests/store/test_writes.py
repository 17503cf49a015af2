"""Saving an article: all rows or none, updated in place, never duplicated."""

from __future__ import annotations

from dataclasses import replace

import pytest
from factories import article, extraction_naming, person, syria
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.extract.model import Mention, MentionForm, Span
from app.ingest.model import Part
from app.store import models as m
from app.store.prepared import content_hash
from app.store.writes import Outcome, save_article


def count(session: Session, model: type[m.Base]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_new_article_is_ingested_with_its_extraction(session: Session) -> None:
    result = save_article(
        session=session, parsed=article(1), extraction=extraction_naming(syria(), resolution=2254)
    )
    assert result.outcome is Outcome.INGESTED
    assert count(session, m.Article) == 1
    assert count(session, m.Mention) == 1
    assert count(session, m.Citation) == 1
    assert count(session, m.Statement) == 1
    stored = session.get(m.Article, result.article_id)
    assert stored is not None and stored.sort_at == article(1).published_at


def test_the_same_content_twice_is_unchanged_and_not_duplicated(session: Session) -> None:
    first = save_article(session=session, parsed=article(1), extraction=extraction_naming(syria()))
    again = save_article(session=session, parsed=article(1), extraction=extraction_naming(syria()))
    assert again == type(first)(first.article_id, Outcome.UNCHANGED)
    assert count(session, m.Article) == 1
    assert count(session, m.Mention) == 1


def test_a_known_url_with_new_text_updates_in_place(session: Session) -> None:
    url = "https://example.org/a/1"
    first = save_article(
        session=session, parsed=article(1, url=url), extraction=extraction_naming(syria())
    )
    newer = article(1, url=url, body="نص معدل بعد التحديث.")
    second = save_article(
        session=session, parsed=newer, extraction=extraction_naming(syria(), person("سامر علي"))
    )
    assert second.article_id == first.article_id
    assert second.outcome is Outcome.UPDATED
    assert count(session, m.Article) == 1
    assert count(session, m.Mention) == 2  # recomputed, not appended to
    assert count(session, m.ArticleSection) == 1


def test_each_mention_keeps_its_form(session: Session) -> None:
    extraction = extraction_naming(syria())
    span = Span(Part.SECTION, 0, 6, 12)
    extraction.mentions.append(Mention("country:SY", "السوري", span, MentionForm.DEMONYM))
    save_article(session=session, parsed=article(1), extraction=extraction)
    stored = session.execute(select(m.Mention.surface, m.Mention.form).order_by(m.Mention.id))
    assert stored.all() == [("سوريا", "name"), ("السوري", "demonym")]


def test_content_hash_ignores_diacritics_and_spacing() -> None:
    plain = article(1, body="قال المبعوث إن الحل سياسي")
    marked = article(1, body="قالَ  المبعوثُ إنّ الحلَّ سياسي")
    assert content_hash(plain) == content_hash(marked)


def test_an_extraction_that_breaks_midway_writes_nothing(engine: object, session: Session) -> None:
    broken = extraction_naming(syria())
    broken.mentions.append(Mention("no-such-entity", "x", Span(Part.TITLE, 0, 0, 1)))
    with pytest.raises(KeyError), session.begin_nested():
        save_article(session=session, parsed=article(2), extraction=broken)
    assert count(session, m.Article) == 0
    assert count(session, m.Entity) == 0


def test_entities_merge_across_articles_by_key_and_alias(session: Session) -> None:
    save_article(session=session, parsed=article(1), extraction=extraction_naming(syria()))
    save_article(session=session, parsed=article(2), extraction=extraction_naming(syria()))
    assert count(session, m.Entity) == 1
    assert count(session, m.ArticleEntity) == 2


def test_an_entity_archived_without_english_name_gets_it_when_named_again(
    session: Session,
) -> None:
    save_article(session=session, parsed=article(1), extraction=extraction_naming(syria()))
    known = replace(syria(), english_name="Syria", wikidata_id="Q858")
    save_article(session=session, parsed=article(2), extraction=extraction_naming(known))
    row = session.scalars(select(m.Entity).where(m.Entity.key == "country:SY")).one()
    assert (row.english_name, row.wikidata_id) == ("Syria", "Q858")


def test_earlier_articles_list_items_show_an_english_name_learned_later(
    session: Session,
) -> None:
    first = save_article(session=session, parsed=article(1), extraction=extraction_naming(syria()))
    item = session.scalars(select(m.Article.item_json).where(m.Article.id == first.article_id))
    assert "Q858" not in (item.one() or "")
    known = replace(syria(), english_name="Syria", wikidata_id="Q858")
    save_article(session=session, parsed=article(2), extraction=extraction_naming(known))
    session.expire_all()
    item = session.scalars(select(m.Article.item_json).where(m.Article.id == first.article_id))
    stored = item.one() or ""
    assert '"english_name":"Syria"' in stored and '"wikidata_id":"Q858"' in stored


def test_a_stored_english_name_is_not_overwritten(session: Session) -> None:
    first = replace(syria(), english_name="Syria", wikidata_id="Q858")
    save_article(session=session, parsed=article(1), extraction=extraction_naming(first))
    other = replace(syria(), english_name="Syrian Arab Republic", wikidata_id="Q1")
    save_article(session=session, parsed=article(2), extraction=extraction_naming(other))
    row = session.scalars(select(m.Entity).where(m.Entity.key == "country:SY")).one()
    assert (row.english_name, row.wikidata_id) == ("Syria", "Q858")
