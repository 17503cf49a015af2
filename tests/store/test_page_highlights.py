"""A page's highlights look at titles first and read the other blocks only of articles whose
title lacks a word of q: the answer is the one every block gives, in reading order."""

from __future__ import annotations

from dataclasses import replace

import pytest
from factories import article, extraction_naming
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.reads.article_items import _page_highlights
from app.store.reads.articles import SEARCH_COLUMNS
from app.store.reads.highlights import Block, highlights
from app.store.search import term_groups
from app.store.writes import save_article

ARTICLES = [  # (title, summary point, body)
    ("وفد جنيف يصل", "نقطة", "بحث الوفد الهدنة."),  # the word in the title
    ("خبر عادي", "نقطة عن جنيف", "بحث الوفد الهدنة."),  # in the summary only
    ("خبر آخر", "نقطة", "عقد في جنيف لقاء عن الهدنة."),  # in a section only
    ("هدنة جديدة", "نقطة", "عقد في جنيف لقاء."),  # one word in the title, one in a section
]


def every_block(session: Session, article_id: int) -> list[Block]:
    title = session.scalar(select(m.Article.title).where(m.Article.id == article_id)) or ""
    blocks = [Block("title", 0, title)]
    for table, part in ((m.SummaryPoint, "summary"), (m.ArticleSection, "section")):
        rows = session.execute(
            select(table.position, table.text)
            .where(table.article_id == article_id)
            .order_by(table.position)
        )
        blocks += [Block(part, position, text) for position, text in rows]
    return blocks


@pytest.mark.parametrize("q", ["جنيف", "الهدنه جنيف", "هدنة", "فيينا"])
def test_page_highlights_are_those_of_every_block(session: Session, q: str) -> None:
    for n, (title, point, body) in enumerate(ARTICLES):
        parsed = replace(article(n, title=title, body=body), summary=[point])
        save_article(session=session, parsed=parsed, extraction=extraction_naming())
    session.flush()
    query = select(*SEARCH_COLUMNS).outerjoin(m.Source, m.Source.id == m.Article.source_id)
    rows = session.execute(query.order_by(m.Article.id)).all()
    found = _page_highlights(session, rows, q)
    groups = term_groups(session, q)
    expected = {row.id: highlights(every_block(session, row.id), groups) for row in rows}
    assert found == expected
    if q == "جنيف":  # the title, the summary and a section each answer once
        parts = [hits[0].part for hits in found.values()]
        assert parts == ["title", "summary", "section", "section"]
