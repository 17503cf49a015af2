"""List rows: each extra a row shows (lede, image, actors, resolutions, highlights) is one
query for the whole page, and only when `fields` asks for it."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.store import models as m
from app.store import views as v
from app.store.reads.highlights import Block, highlights
from app.store.reads.refs import ENTITY_COLUMNS, entity_ref, resolution_ref
from app.store.search import term_groups

ITEM_FIELDS = frozenset(
    {
        "title",
        "published_at",
        "timezone",
        "outlet",
        "url",
        "language",
        "byline_place",
        "lede",
        "image",
        "actors",
        "resolutions",
    }
)
ACTORS_PER_KIND = 3
LEDE_MAX = 300
_SENTENCE_END = re.compile(r"[.!?؟](?=\s|$)")
_BASIC = ("title", "published_at", "timezone", "outlet", "url", "language", "byline_place")


def build_items(
    session: Session, rows: Sequence[Any], fields: frozenset[str], q: str | None
) -> list[v.ArticleItem]:
    ids = [row.id for row in rows]
    extras: dict[str, dict[int, Any]] = {}
    if ids and "lede" in fields:
        extras["lede"] = _ledes(session, ids)
    if ids and "image" in fields:
        extras["image"] = _images(session, ids)
    if ids and "actors" in fields:
        extras["actors"] = _actors(session, ids)
    if ids and "resolutions" in fields:
        extras["resolutions"] = _resolutions(session, ids)
    if ids and q:
        terms = term_groups(session, q)
        extras["highlights"] = {
            i: highlights(blocks, terms) for i, blocks in _blocks(session, ids).items()
        }
    return [_item(row, fields, extras) for row in rows]


def _item(row: Any, fields: frozenset[str], extras: dict[str, dict[int, Any]]) -> v.ArticleItem:
    values: dict[str, Any] = {"id": row.id}
    for name in _BASIC:
        if name in fields:
            values[name] = getattr(row, name)
    if "published_at" in fields:
        values["published_at"] = v.local_time(row.published_at, row.timezone, row.utc_offset)
    for name, by_id in extras.items():
        if name in ("lede", "image"):
            values[name] = by_id.get(row.id)
        elif name == "actors":
            values[name] = v.Actors(**by_id.get(row.id, {}))
        else:
            values[name] = by_id.get(row.id, [])
    return v.ArticleItem(**values)


def _ledes(session: Session, ids: list[int]) -> dict[int, str]:
    """The first summary point, else the first sentence of the first paragraph."""
    first_point = session.execute(
        select(m.SummaryPoint.article_id, m.SummaryPoint.text).where(
            m.SummaryPoint.article_id.in_(ids), m.SummaryPoint.position == 0
        )
    ).all()
    section = aliased(m.ArticleSection)
    first_position = (
        select(func.min(section.position))
        .where(section.article_id == m.ArticleSection.article_id, section.kind == "paragraph")
        .scalar_subquery()
    )
    paragraphs = session.execute(
        select(m.ArticleSection.article_id, m.ArticleSection.text).where(
            m.ArticleSection.article_id.in_(ids), m.ArticleSection.position == first_position
        )
    ).all()
    ledes = {a: _first_sentence(t) for a, t in paragraphs}
    ledes.update({a: t for a, t in first_point})
    return ledes


def _first_sentence(text: str) -> str:
    end = _SENTENCE_END.search(text)
    sentence = text[: end.end()] if end else text
    if len(sentence) <= LEDE_MAX:
        return sentence
    cut = sentence.rfind(" ", 0, LEDE_MAX)
    return sentence[: cut if cut > 0 else LEDE_MAX] + "…"


def _images(session: Session, ids: list[int]) -> dict[int, v.Image]:
    first = aliased(m.ArticleImage)
    first_position = (
        select(func.min(first.position))
        .where(first.article_id == m.ArticleImage.article_id)
        .scalar_subquery()
    )
    rows = session.scalars(
        select(m.ArticleImage).where(
            m.ArticleImage.article_id.in_(ids), m.ArticleImage.position == first_position
        )
    ).all()
    return {
        i.article_id: v.Image(title=i.title, caption=i.caption, credit=i.credit, url=i.url)
        for i in rows
    }


def _actors(session: Session, ids: list[int]) -> dict[int, dict[str, list[v.EntityRef]]]:
    """The most mentioned actors of each kind, ties broken by id."""
    rows = session.execute(
        select(m.ArticleEntity.article_id.label("article_id"), *ENTITY_COLUMNS)
        .join(m.Entity, m.Entity.id == m.ArticleEntity.entity_id)
        .where(m.ArticleEntity.article_id.in_(ids))
        .order_by(m.ArticleEntity.mention_count.desc(), m.Entity.id)
    ).all()
    found: dict[int, dict[str, list[v.EntityRef]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        kind = found[row.article_id][row.kind]
        if len(kind) < ACTORS_PER_KIND:
            kind.append(entity_ref(row))
    return found


def _resolutions(session: Session, ids: list[int]) -> dict[int, list[v.ResolutionRef]]:
    rows = session.execute(
        select(m.ArticleResolution.article_id, m.Resolution)
        .join(m.Resolution, m.Resolution.id == m.ArticleResolution.resolution_id)
        .where(m.ArticleResolution.article_id.in_(ids))
        .order_by(m.ArticleResolution.citation_count.desc(), m.Resolution.number)
    ).all()
    found: dict[int, list[v.ResolutionRef]] = defaultdict(list)
    for article_id, resolution in rows:
        found[article_id].append(resolution_ref(resolution))
    return found


def _blocks(session: Session, ids: list[int]) -> dict[int, list[Block]]:
    """Title, summary points and sections in reading order: where highlights are looked for."""
    found: dict[int, list[Block]] = {i: [] for i in ids}
    for article_id, title in session.execute(
        select(m.Article.id, m.Article.title).where(m.Article.id.in_(ids))
    ):
        found[article_id].append(Block("title", 0, title))
    for table, part in ((m.SummaryPoint, "summary"), (m.ArticleSection, "section")):
        for article_id, position, text in session.execute(
            select(table.article_id, table.position, table.text)
            .where(table.article_id.in_(ids))
            .order_by(table.article_id, table.position)
        ):
            found[article_id].append(Block(part, position, text))
    return found
