"""A resolution's page reads its counts and actors from the counters kept at ingest: they
stay what aggregating the citing articles gives (the path a family of several rows takes),
through new, re-sent and deleted articles."""

from __future__ import annotations

from dataclasses import replace

import pytest
from factories import article, extraction_naming, person, syria
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.extract.model import Citation, Extraction, ResolutionBody, Span
from app.ingest.model import Image, Part
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


def test_a_passage_shows_the_words_of_the_block_it_cites(session: Session) -> None:
    """Title, summary point, section, image title and caption: each block read for its
    passage, whichever kinds the newest citations are in."""
    blocks = {
        Part.TITLE: "القرار 2254 في عنوان الخبر",
        Part.SUMMARY: "نقطة تذكر القرار 2254 بإيجاز",
        Part.SECTION: "فقرة تعود إلى القرار 2254 مرة أخرى",
        Part.IMAGE_TITLE: "صورة عن القرار 2254",
        Part.CAPTION: "تعليق يذكر القرار 2254 تحت الصورة",
    }
    for n, (part, text) in enumerate(blocks.items()):
        parsed = replace(
            article(n, url=f"https://example.test/{n}", body=blocks[Part.SECTION]),
            title=blocks[Part.TITLE] if part is Part.TITLE else f"خبر {n}",
            summary=[blocks[Part.SUMMARY]],
            images=[Image(title=blocks[Part.IMAGE_TITLE], caption=blocks[Part.CAPTION])],
        )
        start = text.index("القرار")
        span = Span(part, 0, start, start + len("القرار 2254"))
        cited = Citation(ResolutionBody.UNSC, 2254, 2015, "القرار 2254", span)
        save_article(session=session, parsed=parsed, extraction=Extraction(citations=[cited]))
    resolution_id = session.scalar(select(m.Resolution.id).where(m.Resolution.number == 2254))
    assert resolution_id is not None
    page = get_resolution(session=session, resolution_id=resolution_id)
    shown = {p.location.part: p.text[p.start : p.end] for p in page.passages}
    assert shown == dict.fromkeys(blocks, "القرار 2254")
