"""A resolution's page reads its counts and actors from the counters kept at ingest: they
stay what aggregating the citing articles gives (the path a family of several rows takes),
through new, re-sent and deleted articles."""

from __future__ import annotations

from dataclasses import replace

import pytest
from factories import article, extraction_naming, person, syria
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store import views as v
from app.store.delete import delete_article
from app.store.reads import resolutions
from app.store.reads.resolutions import get_resolution
from app.store.writes import save_article

PEOPLE = [person(name) for name in ("سلمى", "كريم", "ليلى")]


def save(session: Session, n: int, *, title: str | None = None, people: int = 0) -> int:
    parsed = replace(article(n, url=f"https://example.test/{n}"), title=title or f"خبر {n}")
    extraction = extraction_naming(syria(), *PEOPLE[:people], resolution=2254)
    return save_article(session=session, parsed=parsed, extraction=extraction).article_id


def pages(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> tuple[v.ResolutionDetail, v.ResolutionDetail]:
    """The page as served, and as aggregated from the links (a family's path)."""
    resolution_id = session.scalar(select(m.Resolution.id).where(m.Resolution.number == 2254))
    assert resolution_id is not None
    counted = get_resolution(session=session, resolution_id=resolution_id)
    with monkeypatch.context() as patch:
        patch.setattr(resolutions, "family", lambda _session, rid: [rid, -1])
        aggregated = get_resolution(session=session, resolution_id=resolution_id)
    return counted, aggregated


def test_the_counted_page_equals_the_aggregate_through_writes_and_deletes(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = [save(session, n, people=1 + n % 3) for n in range(6)]
    save_article(session=session, parsed=article(9), extraction=extraction_naming(syria()))
    session.flush()
    counted, aggregated = pages(session, monkeypatch)
    assert counted == aggregated
    assert counted.article_count == 6
    assert [(a.entity.name, a.count) for a in counted.actors[:2]] == [("سوريا", 6), ("سلمى", 6)]

    delete_article(session=session, article_id=saved[0])
    save(session, 1, title="عنوان آخر", people=0)  # re-sent: its people are gone
    session.flush()
    counted, aggregated = pages(session, monkeypatch)
    assert counted == aggregated
    assert counted.article_count == 5
    assert [(a.entity.name, a.count) for a in counted.actors[:3]] == [
        ("سوريا", 5),
        ("سلمى", 4),
        ("كريم", 3),
    ]
