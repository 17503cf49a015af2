"""List rows: each extra a row shows (lede, image, actors, resolutions, highlights) is one
query for the whole page, and only when `fields` asks for it."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from pydantic_core import to_json
from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.store import models as m
from app.store import views as v
from app.store.reads.highlights import Block, highlights
from app.store.reads.refs import ENTITY_COLUMNS, entity_ref, resolution_ref
from app.store.search import term_groups

# `id` is always sent; a client naturally lists it, so asking for it is no error.
ITEM_FIELDS = frozenset(
    {
        "id",
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


# The extras every default list row shows, kept per article in articles.item_json.
MATERIALIZED = ("lede", "image", "actors", "resolutions")
_EMPTY: dict[str, Any] = {"lede": None, "image": None, "actors": {}, "resolutions": []}


def build_items(
    session: Session, rows: Sequence[Any], fields: frozenset[str], q: str | None
) -> list[v.ArticleItem]:
    """`rows` carry the article columns and `item_json`; a row without it (written before
    the column, or mid-migration) has its extras read from the tables."""
    stored: dict[int, dict[str, Any]] = {}
    if fields.intersection(MATERIALIZED):
        kept = _stored(session, rows)
        stored = {i: json.loads(item) for i, item in kept.items()}
        missing = [row.id for row in rows if row.id not in kept]
        if missing:  # else five statements that find nothing (a round trip each)
            stored.update(default_extras(session, missing))
    found = _page_highlights(session, rows, q)
    return [_item(row, fields, stored.get(row.id, {}), found.get(row.id)) for row in rows]


def item_bytes(
    session: Session, rows: Sequence[Any], fields: frozenset[str], q: str | None
) -> list[bytes]:
    """Each row's item as JSON, exactly as the ArticleItem `build_items` makes serializes
    with unset fields left out, without a model per row: the stored extras are spliced in
    as they are when every one of them is asked for, and decoded and trimmed otherwise."""
    asked = [name for name in MATERIALIZED if name in fields]
    whole = len(asked) == len(MATERIALIZED)
    kept = _stored(session, rows) if asked else {}
    missing = [row.id for row in rows if row.id not in kept and asked]
    computed = default_extras(session, missing) if missing else {}
    found = _page_highlights(session, rows, q)
    if not rows:
        return []
    basic = _basic_reader(rows[0], fields)
    out = []
    for row in rows:
        values = basic(row)
        stored = kept.get(row.id)
        if stored is None or not whole:
            extras = computed.get(row.id) or (json.loads(stored) if stored else {})
            values.update({name: extras.get(name, _EMPTY[name]) for name in asked})
            stored = None
        if q:
            values["highlights"] = found.get(row.id, [])
        head = to_json(values)
        out.append(head[:-1] + b"," + utf8(stored)[1:] if stored else head)
    return out


def utf8(item: str | bytes) -> bytes:
    """A stored item as the page reads it: bytes on SQLite (app/store/reads/link_pages.py)."""
    return item if isinstance(item, bytes) else item.encode()


def _stored(session: Session, rows: Sequence[Any]) -> dict[int, str]:
    """item_json by article: as the page's query read it, or else by one more query (the
    pages of `q` leave it out: their sort would carry every match's item)."""
    kept = {row.id: row.item_json for row in rows if row.item_json is not None}
    rest = [row.id for row in rows if row.item_json is None]
    if rest:
        query = select(m.Article.id, m.Article.item_json).where(
            m.Article.id.in_(rest), m.Article.item_json.is_not(None)
        )
        kept.update({i: item for i, item in session.execute(query) if item})
    return kept


def item_head(row: Any, fields: frozenset[str]) -> dict[str, Any]:
    values: dict[str, Any] = {"id": row.id}
    for name in _BASIC:
        if name in fields:
            values[name] = getattr(row, name)
    if "published_at" in fields:
        values["published_at"] = v.local_time(row.published_at, row.timezone, row.utc_offset)
    return values


def _basic_reader(first: Any, fields: frozenset[str]) -> Callable[[Any], dict[str, Any]]:
    """`item_head` for every row shaped like `first`: the columns picked by position once for
    the page, rather than by name on each row."""
    columns = first._fields  # built anew on each access
    names = ("id", *(name for name in _BASIC if name in fields))
    where = [columns.index(name) for name in names]
    dated = "published_at" in fields
    moment, zone, offset = (
        columns.index(name) for name in ("published_at", "timezone", "utc_offset")
    )

    def read(row: Any) -> dict[str, Any]:
        values = {name: row[i] for name, i in zip(names, where, strict=True)}
        if dated:
            values["published_at"] = v.local_time(row[moment], row[zone], row[offset])
        return values

    return read


def _page_highlights(
    session: Session, rows: Sequence[Any], q: str | None
) -> dict[int, list[v.Highlight]]:
    """Each row's highlights. Titles come with the rows and are looked at first: most
    articles a search finds name its words in the title, and their summary points and
    sections are then neither read nor normalized (the search of a common word read and
    normalized every block of the page's articles: a third of its CPU)."""
    if not rows or not q:
        return {}
    titles = {row.id: row.title for row in rows}
    return page_highlights(
        titles, term_groups(session, q), lambda ids: _blocks(session, ids, titles)
    )


def page_highlights(
    titles: dict[int, str],
    terms: list[list[str]],
    blocks: Callable[[list[int]], dict[int, list[Block]]],
) -> dict[int, list[v.Highlight]]:
    """Highlights by article from the titles, and from `blocks` of the articles whose title
    lacks a word of the query."""
    found = {i: highlights([Block("title", 0, title)], terms) for i, title in titles.items()}
    rest = [i for i, hits in found.items() if len(hits) < len(terms)]
    if rest:
        found.update({i: highlights(b, terms) for i, b in blocks(rest).items()})
    return found


def default_extras(session: Session, ids: list[int]) -> dict[int, dict[str, Any]]:
    """Lede, first image, top actors and resolutions of each article, as JSON values: what
    articles.item_json holds, four queries for all of `ids`."""
    ledes, images = _ledes(session, ids), _images(session, ids)
    actors, resolutions = _actors(session, ids), _resolutions(session, ids)
    dump = _dumper()
    return {
        i: {
            "lede": ledes.get(i),
            "image": images[i].model_dump(mode="json") if i in images else None,
            # as v.Actors(**found).model_dump(mode="json"): every kind, in field order
            "actors": {
                kind: [dump(ref) for ref in actors.get(i, {}).get(kind, [])]
                for kind in _ACTOR_KINDS
            },
            "resolutions": [dump(r) for r in resolutions.get(i, [])],
        }
        for i in ids
    }


_ACTOR_KINDS = tuple(v.Actors.model_fields)


def _dumper() -> Callable[[v.EntityRef | v.ResolutionRef], dict[str, Any]]:
    """model_dump(mode="json"), once a reference: a batch of articles names the same few
    actors and resolutions thousands of times (`_actors` and `_resolutions` share them)."""
    dumped: dict[int, dict[str, Any]] = {}

    def dump(ref: v.EntityRef | v.ResolutionRef) -> dict[str, Any]:
        found = dumped.get(id(ref))
        if found is None:
            found = dumped[id(ref)] = ref.model_dump(mode="json")
        return found

    return dump


def _item(
    row: Any, fields: frozenset[str], extras: dict[str, Any], found: list[v.Highlight] | None
) -> v.ArticleItem:
    values = item_head(row, fields)
    for name in MATERIALIZED:
        if name in fields:
            values[name] = extras.get(name, _EMPTY[name])
    if found is not None:
        values["highlights"] = found
    return v.ArticleItem(**values)


def _ledes(session: Session, ids: list[int]) -> dict[int, str]:
    """The first summary point, else the first sentence of the first paragraph."""
    first_point = session.execute(
        select(m.SummaryPoint.article_id, m.SummaryPoint.text).where(
            m.SummaryPoint.article_id.in_(ids), m.SummaryPoint.position == 0
        )
    ).all()
    # The first paragraphs' positions grouped once, not a correlated subquery per section
    # row: PostgreSQL ran that for every section of the page's articles.
    first = (
        select(m.ArticleSection.article_id, func.min(m.ArticleSection.position).label("position"))
        .where(m.ArticleSection.article_id.in_(ids), m.ArticleSection.kind == "paragraph")
        .group_by(m.ArticleSection.article_id)
        .subquery()
    )
    paragraphs = session.execute(
        select(m.ArticleSection.article_id, m.ArticleSection.text).join(
            first,
            (first.c.article_id == m.ArticleSection.article_id)
            & (first.c.position == m.ArticleSection.position),
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
    refs: dict[int, v.EntityRef] = {}  # one an entity: its columns are the same on every row
    for row in rows:
        kind = found[row.article_id][row.kind]
        if len(kind) < ACTORS_PER_KIND:
            ref = refs.get(row.id)
            kind.append(ref if ref is not None else refs.setdefault(row.id, entity_ref(row)))
    return found


def _resolutions(session: Session, ids: list[int]) -> dict[int, list[v.ResolutionRef]]:
    rows = session.execute(
        select(m.ArticleResolution.article_id, *_RESOLUTION_COLUMNS)
        .join(m.Resolution, m.Resolution.id == m.ArticleResolution.resolution_id)
        .where(m.ArticleResolution.article_id.in_(ids))
        .order_by(m.ArticleResolution.citation_count.desc(), m.Resolution.number)
    ).all()
    found: dict[int, list[v.ResolutionRef]] = defaultdict(list)
    refs: dict[int, v.ResolutionRef] = {}
    for row in rows:
        ref = refs.get(row.id)
        found[row.article_id].append(
            ref if ref is not None else refs.setdefault(row.id, resolution_ref(row))
        )
    return found


# The columns resolution_ref reads: no ORM object a row.
_RESOLUTION_COLUMNS = (
    m.Resolution.id,
    m.Resolution.body,
    m.Resolution.number,
    m.Resolution.year,
    m.Resolution.un_session,
)


def _blocks(session: Session, ids: list[int], titles: dict[int, str]) -> dict[int, list[Block]]:
    """Title, summary points and sections in reading order: where highlights are looked for."""
    found: dict[int, list[Block]] = {i: [Block("title", 0, titles[i])] for i in ids}
    for table, part in ((m.SummaryPoint, "summary"), (m.ArticleSection, "section")):
        for article_id, position, text in session.execute(
            select(table.article_id, table.position, table.text)
            .where(table.article_id.in_(ids))
            .order_by(table.article_id, table.position)
        ):
            found[article_id].append(Block(part, position, text))
    return found
