"""A synthetic archive for the read benchmarks (bench/reads.py), bulk-inserted rather than
ingested so 100,000 articles build in minutes: articles over ten years from five outlets, a
long tail of actors (one named in 60% of articles, one in half), a few resolutions, a
summary point and a statement per article."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.counters import recount_all
from bench.queries import _article as query_article

START = datetime(2015, 1, 1, tzinfo=UTC)
KINDS = ("place", "person", "organization")
OUTLETS = ("وكالة ألف", "وكالة باء", "قناة جيم", "صحيفة دال", "موقع هاء")
# Two-letter prefixes of the synthetic names, so suggest has work to do.
SYLLABLES = ("سو", "عم", "مج", "هي", "بد", "جا", "لب", "عر", "مص", "تر")
BATCH = 5_000
HALF_ENTITY = 2
TOP_ENTITY = 1


def build(session: Session, n: int, entities: int = 3_000, seed: int = 7) -> None:
    rng = random.Random(seed)
    _reference_rows(session, entities)
    for lo in range(0, n, BATCH):
        ids = range(lo + 1, min(n, lo + BATCH) + 1)
        rows = _batch(rng, ids, entities)
        for model, values in rows.items():
            if values:
                session.execute(insert(model), values)
    # Rows written around the store: the counters the read path uses are computed afresh.
    recount_all(session.connection())
    session.commit()


def _reference_rows(session: Session, entities: int) -> None:
    session.execute(
        insert(m.Source),
        [{"id": i + 1, "name": o, "normalized_name": o} for i, o in enumerate(OUTLETS)],
    )
    people = [_entity(i) for i in range(1, entities + 1)]
    session.execute(insert(m.Entity), people)
    aliases = [
        {"entity_id": e["id"], "alias": e["name"], "normalized": e["normalized_name"]}
        for e in people
    ]
    session.execute(insert(m.EntityAlias), aliases)
    words = [
        {"word": w, "entity_id": e["id"], "alias": e["name"]}
        for e in people
        for w in dict.fromkeys(e["normalized_name"].split(" "))
    ]
    session.execute(insert(m.EntityWord), words)
    session.execute(
        insert(m.Resolution),
        [
            {"id": r, "body": "UNSC", "un_session": 0, "number": 2200 + r, "year": 2015}
            for r in range(1, 51)
        ],
    )


def _entity(i: int) -> dict[str, Any]:
    name = f"{SYLLABLES[i % len(SYLLABLES)]}اسم {SYLLABLES[(i // 10) % len(SYLLABLES)]}لقب{i}"
    return {
        "id": i,
        "key": f"bench:{i}",
        "name": name,
        "normalized_name": name,
        "kind": KINDS[i % 3],
        "english_name": f"Name {i}" if i % 4 == 0 else None,
    }


def _batch(rng: random.Random, ids: range, entities: int) -> dict[Any, list[dict[str, Any]]]:
    rows: dict[Any, list[dict[str, Any]]] = {
        m.Article: [],
        m.ArticleEntity: [],
        m.ArticleResolution: [],
        m.SummaryPoint: [],
        m.Statement: [],
    }
    for i in ids:
        stamp = START + timedelta(minutes=52 * i + rng.randrange(50))
        dated = i % 50 != 0
        rows[m.Article].append(_article(i, stamp, dated, rng))
        named = set(_actors(rng, i, entities))
        rows[m.ArticleEntity] += [
            {"article_id": i, "entity_id": e, "sort_at": stamp, "mention_count": 1 + (e % 3)}
            for e in named
        ]
        if rng.random() < 0.3:
            rows[m.ArticleResolution].append(
                {
                    "article_id": i,
                    "resolution_id": 1 + int(rng.paretovariate(1.2)) % 50,
                    "sort_at": stamp,
                    "citation_count": 1,
                }
            )
        rows[m.SummaryPoint].append({"article_id": i, "position": 0, "text": f"نقطة {i}"})
        rows[m.Statement].append(_statement(i, min(named)))
    return rows


def _actors(rng: random.Random, i: int, entities: int) -> Iterator[int]:
    if rng.random() < 0.6:
        yield TOP_ENTITY
    if i % 2 == 0:
        yield HALF_ENTITY
    for _ in range(4):
        yield min(entities, 3 + int(rng.paretovariate(0.8)))


def _article(i: int, stamp: datetime, dated: bool, rng: random.Random) -> dict[str, Any]:
    """The query benchmark's row, with an outlet, a clock, and now and then no date."""
    return {
        **query_article(i, stamp),
        "source_id": 1 + rng.randrange(len(OUTLETS)),
        "title": f"خبر تجريبي رقم {i} عن الأوضاع",
        "published_at": stamp if dated else None,
        "timezone": "Asia/Damascus",
    }


def _statement(i: int, speaker: int) -> dict[str, Any]:
    return {
        "article_id": i,
        "speaker_id": speaker,
        "speaker_surface": "متحدث",
        "verb": "قال",
        "content": "كلام",
        "part": "section",
        "part_index": 0,
        "start": 0,
        "end": 4,
    }
