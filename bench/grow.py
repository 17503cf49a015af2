"""Grow an ingested archive to a large size fast, as the issue did: every article and its
rows copied `copies` times with dates shifted into the past, then the counters recounted.

Ingesting 100,000 articles takes this shared 2-core machine most of an hour; a copy of
real ingested rows has the same shape for the read path (index depth, counts, fan-out).
`python -m bench.grow --articles 10000 --copies 9 [--engine postgresql]` makes a 100,000
archive (archive-100000) from the 10,000 one, which is kept.
"""

from __future__ import annotations

import argparse
import shutil

from sqlalchemy import Connection, create_engine, func, select, text
from sqlalchemy.engine import make_url

from app.store import models as m
from app.store.counters import recount_all
from bench.build import _create_database, _settle, archive_url, build

# Child tables and the columns copied as they are (the article id is shifted, ids renumbered).
_CHILDREN = {
    "article_sections": "position, kind, text",
    "summary_points": "position, text",
    "article_images": "position, title, caption, credit, url",
    "article_search": "document",
    "article_entities": "entity_id, sort_at, mention_count",
    "mentions": 'entity_id, surface, form, part, part_index, start, "end"',
    "affiliations": "person_id, organization_id, title, evidence",
    "article_resolutions": "resolution_id, sort_at, citation_count",
    "citations": 'resolution_id, surface, part, part_index, start, "end"',
    "statements": 'speaker_id, speaker_surface, verb, content, part, part_index, start, "end"',
}
_ARTICLE = (
    "source_id, url, content_hash, version_hash, title, published_at, sort_at, timezone, "
    "utc_offset, byline_place, authors, language, analysed, warnings, raw_format, raw_compressed, "
    "created_at, updated_at, item_json"
)
_SHIFTED = {"published_at", "sort_at"}


def grow(connection: Connection, copies: int) -> None:
    top = connection.scalar(select(func.max(m.Article.id))) or 0
    first, last = connection.execute(
        select(func.min(m.Article.sort_at), func.max(m.Article.sort_at))
    ).one()
    span_days = (last - first).days + 1
    for copy in range(1, copies + 1):
        offset, days = copy * top, copy * span_days
        _copy_articles(connection, offset, days, top)
        for table, columns in _CHILDREN.items():
            picked = ", ".join(_shifted(c, days, connection) for c in columns.split(", "))
            connection.execute(
                text(
                    f"INSERT INTO {table} (article_id, {columns}) "
                    f"SELECT article_id + {offset}, {picked} FROM {table} "
                    f"WHERE article_id <= {top}"
                )
            )
    recount_all(connection)


def _copy_articles(connection: Connection, offset: int, days: int, top: int) -> None:
    columns = _ARTICLE.split(", ")
    picked = []
    for column in columns:
        if column == "content_hash":
            picked.append(f"substr(content_hash, 1, 57) || '-{offset:06d}'")  # 64 at most
        elif column == "url":
            picked.append(f"url || '#{offset}'")
        else:
            picked.append(_shifted(column, days, connection))
    connection.execute(
        text(
            f"INSERT INTO articles (id, {_ARTICLE}) SELECT id + {offset}, {', '.join(picked)} "
            f"FROM articles WHERE id <= {top}"
        )
    )


def _shifted(column: str, days: int, connection: Connection) -> str:
    if column.strip('"') not in _SHIFTED:
        return column
    if connection.dialect.name == "postgresql":
        return f"{column} - interval '{days} days'"
    # The stored text form, so that keyset comparisons stay text comparisons of one format.
    return f"strftime('%Y-%m-%d %H:%M:%S', {column}, '-{days} days') || '.000000'"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--copies", type=int, default=9)
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
    args = parser.parse_args()
    source = build(args.engine, args.articles)
    target = archive_url(args.engine, args.articles * (args.copies + 1))
    if args.engine == "sqlite":
        shutil.copyfile(make_url(source.url).database or "", make_url(target).database or "")
    else:
        _create_database(target, template=make_url(source.url).database)
    engine = create_engine(target)
    with engine.begin() as connection:
        grow(connection, args.copies)
    engine.dispose()
    _settle(target)
    print(f"grown: {target}")


if __name__ == "__main__":
    main()
