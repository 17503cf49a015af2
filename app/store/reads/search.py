"""Full-text search results with highlights in the display text."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store import views as v
from app.store.reads.articles import ArticleFilters, list_articles
from app.store.search import query_terms
from app.text.normalize import normalize_with_map, span_to_original

SNIPPET_RADIUS = 60
MAX_HIGHLIGHTS = 3


def search_articles(
    *, session: Session, q: str, limit: int, cursor: str | None
) -> v.Page[v.SearchHit]:
    page = list_articles(session=session, filters=ArticleFilters(q=q), limit=limit, cursor=cursor)
    terms = query_terms(q)
    blocks = _blocks(session, [a.id for a in page.items])
    hits = [
        v.SearchHit(article=a, highlights=_highlights(blocks.get(a.id, []), terms))
        for a in page.items
    ]
    return v.Page[v.SearchHit](items=hits, next_cursor=page.next_cursor, total=page.total)


def _blocks(session: Session, ids: list[int]) -> dict[int, list[tuple[str, int, str]]]:
    found: dict[int, list[tuple[str, int, str]]] = {i: [] for i in ids}
    for article_id, title in session.execute(
        select(m.Article.id, m.Article.title).where(m.Article.id.in_(ids))
    ):
        found[article_id].append(("title", 0, title))
    for article_id, position, text in session.execute(
        select(m.SummaryPoint.article_id, m.SummaryPoint.position, m.SummaryPoint.text)
        .where(m.SummaryPoint.article_id.in_(ids))
        .order_by(m.SummaryPoint.position)
    ):
        found[article_id].append(("summary", position, text))
    for article_id, position, text in session.execute(
        select(m.ArticleSection.article_id, m.ArticleSection.position, m.ArticleSection.text)
        .where(m.ArticleSection.article_id.in_(ids))
        .order_by(m.ArticleSection.position)
    ):
        found[article_id].append(("section", position, text))
    return found


def _highlights(blocks: list[tuple[str, int, str]], terms: list[str]) -> list[v.Highlight]:
    out: list[v.Highlight] = []
    for part, index, text in blocks:
        normalized, origin = normalize_with_map(text)
        for term in terms:
            at = normalized.find(term)
            if at < 0:
                continue
            start, end = span_to_original(origin, at, at + len(term))
            lo = max(0, start - SNIPPET_RADIUS)
            hi = min(len(text), end + SNIPPET_RADIUS)
            out.append(
                v.Highlight(
                    location=v.Location(part=part, index=index, start=start, end=end),
                    snippet=text[lo:hi],
                    match_start=start - lo,
                    match_end=end - lo,
                )
            )
            if len(out) >= MAX_HIGHLIGHTS:
                return out
            break
    return out
