"""Benchmark: a page of "newest articles about X" costs the same for a rare actor and a
common one, because it walks the (entity_id, sort_at, article_id) index.

Builds a synthetic SQLite archive (default 20,000 articles; --articles to change), then
times the first and a deep keyset page for an entity named in 40 articles and one named in
every article, and prints the ratio. Run: `python -m bench.queries`.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.db import make_engine
from app.store.migrate import upgrade
from app.store.reads.article_query import ArticleFilters
from app.store.reads.articles import ListOptions, list_articles

START = datetime(2015, 1, 1, tzinfo=UTC)


def build(session: Session, n: int) -> tuple[int, int]:
    session.execute(
        insert(m.Entity),
        [
            {
                "id": 1,
                "key": "common",
                "name": "سوريا",
                "normalized_name": "سوريا",
                "kind": "place",
            },
            {"id": 2, "key": "rare", "name": "نادر", "normalized_name": "نادر", "kind": "person"},
        ],
    )
    rare_every = max(1, n // 40)
    batch = 5_000
    for lo in range(0, n, batch):
        ids = range(lo + 1, min(n, lo + batch) + 1)
        stamp = {i: START + timedelta(minutes=37 * i) for i in ids}
        session.execute(insert(m.Article), [_article(i, stamp[i]) for i in ids])
        links = [
            {"article_id": i, "entity_id": 1, "sort_at": stamp[i], "mention_count": 1} for i in ids
        ]
        links += [
            {"article_id": i, "entity_id": 2, "sort_at": stamp[i], "mention_count": 1}
            for i in ids
            if i % rare_every == 0
        ]
        session.execute(insert(m.ArticleEntity), links)
    session.commit()
    # A steady archive has its WAL checkpointed; a fresh 100 MB WAL would skew every read.
    session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    return 1, 2


def _article(i: int, stamp: datetime) -> dict[str, object]:
    return {
        "id": i,
        "content_hash": f"{i:064x}",
        "version_hash": f"{i:064x}",
        "title": f"خبر {i}",
        "published_at": stamp,
        "sort_at": stamp,
        "language": "ar",
        "analysed": True,
        "raw_format": "text",
        "raw_compressed": b"",
        "authors": [],
        "warnings": [],
        "created_at": stamp,
        "updated_at": stamp,
    }


def time_page(session: Session, entity_id: int, depth: int, repeat: int = 30) -> float:
    """Median milliseconds for the page after `depth` pages of 20."""
    cursor = None
    for _ in range(depth):
        page = list_articles(
            session=session,
            filters=ArticleFilters(entity_ids=(entity_id,)),
            options=ListOptions(limit=20, cursor=cursor),
        )
        cursor = page.next_cursor
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        list_articles(
            session=session,
            filters=ArticleFilters(entity_ids=(entity_id,)),
            options=ListOptions(limit=20, cursor=cursor),
        )
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        upgrade(url)
        engine = make_engine(url)
        with Session(engine) as session:
            common, rare = build(session, args.articles)
            print(f"archive: {args.articles} articles; rare actor in ~40, common actor in all")
            for depth in (0, 1):
                t_rare = time_page(session, rare, depth)
                t_common = time_page(session, common, depth)
                print(
                    f"page {depth + 1}: rare {t_rare:.3f} ms, common {t_common:.3f} ms, "
                    f"common/rare ratio {t_common / t_rare:.2f}"
                )
        engine.dispose()


if __name__ == "__main__":
    main()
