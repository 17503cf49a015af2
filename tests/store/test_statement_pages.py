"""On SQLite a speaker with many statements is read through the articles naming it, newest
first (statements.DENSE_SPEAKER): its pages are the sorted path's, page by page, whatever the
cursor splits (an article's statements over two pages), with articles naming the speaker
without a statement of it, and statements of another speaker in the same articles."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from factories import BASE_TIME, article, person, syria
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.extract.model import Extraction, Mention, Span, Statement
from app.ingest.model import Part
from app.store import models as m
from app.store.reads import statements
from app.store.reads.statements import StatementFilters, list_statements
from app.store.writes import save_article

SPEAKER = person("هدى")


def save(session: Session, n: int, said: int, *, minutes: int) -> None:
    """An article naming the speaker and Syria, with `said` statements of the speaker and
    one of Syria's; saved with ids against their dates."""
    entities = [SPEAKER, syria()]
    span = Span(Part.SECTION, 0, 0, 5)
    quotes = [
        Statement(SPEAKER.key, SPEAKER.name, "قالت", f"كلام {n}-{i}", span) for i in range(said)
    ]
    quotes.append(Statement(syria().key, "سوريا", "أعلنت", f"بيان {n}", span))
    extraction = Extraction(
        entities=entities,
        mentions=[Mention(e.key, e.name, span) for e in entities],
        statements=quotes,
    )
    parsed = replace(
        article(n, url=f"https://example.test/{n}"),
        published_at=BASE_TIME + timedelta(minutes=minutes),
    )
    save_article(session=session, parsed=parsed, extraction=extraction)


def pages(session: Session, filters: StatementFilters) -> list[tuple[list[str], int | None]]:
    out, cursor = [], None
    while True:
        page = list_statements(session=session, filters=filters, limit=2, cursor=cursor)
        out.append(([item.content for item in page.items], page.total))
        cursor = page.next_cursor
        if cursor is None:
            return out


def test_a_dense_speaker_pages_as_the_sorted_path(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n, (said, minutes) in enumerate([(3, 10), (0, 50), (1, 30), (2, 30), (0, 5), (3, 40)]):
        save(session, n, said, minutes=minutes)
    session.flush()
    speaker = session.scalar(select(m.Entity.id).where(m.Entity.name == SPEAKER.name))
    filters = StatementFilters(speaker_ids=(speaker,))
    monkeypatch.setattr(statements, "DENSE_SPEAKER", 10**9)
    sorted_pages = pages(session, filters)
    monkeypatch.setattr(statements, "DENSE_SPEAKER", 1)
    walked = pages(session, filters)
    assert walked == sorted_pages
    assert sum(len(items) for items, _ in walked) == 9 and walked[0][1] == 9
    # Newest article first (40 minutes: three), then the two at 30 minutes by id, newest id
    # first, each in document order.
    assert walked[0][0] == ["كلام 5-0", "كلام 5-1"] and walked[1][0] == ["كلام 5-2", "كلام 3-0"]
