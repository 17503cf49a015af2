"""Counters behind the facets and histograms of queries with one filter (or none): per
scope (all articles, one entity, one resolution, one source, one speaker), articles per
facet value (facet_counts), per UTC day (day_counts), week (week_counts) and month
(month_counts).

An article's tags are its scopes and facet values: "all", each entity, resolution and
speaker it has, its source, and the kinds of its entities. Kept like app/store/counters.py:
+1 once the article's rows are written, -1 before they are cleared (re-ingest, delete), one
statement per table over the article's own rows, touching counters in key order. The
article row itself must hold the values being counted (its source and date): writers
clear before they update it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache
from itertools import product
from typing import Any

from sqlalchemy import ARRAY, BindParameter, Connection, Integer, TextClause, bindparam, text

from app.store.counter_models import FacetCount
from app.store.upsert import add_counts

# Facet values are integers; a kind is coded, in the order of the kind names, so that ties
# sort as the general path sorts them (by name).
KIND_CODES = {"organization": 1, "person": 2, "place": 3}
KIND_NAMES = {code: name for name, code in KIND_CODES.items()}
UNDATED = -1_000_000_000
ALL = "all"
# Counters every article touches (articles per kind, per day, over the whole archive) are
# striped by article id: two writers' uncommitted articles then seldom wait on one row, as
# they would on a single one. Readers sum the stripes.
STRIPES = 8

_KIND = "CASE e.kind " + " ".join(f"WHEN '{k}' THEN {c}" for k, c in KIND_CODES.items()) + " END"
_TAGS = f"""tags (dim, id) AS (
    SELECT 'all', 0 FROM articles WHERE id = :article_id
    UNION ALL SELECT 'stripe', id % {STRIPES} FROM articles WHERE id = :article_id
    UNION ALL SELECT 'entity', entity_id FROM article_entities WHERE article_id = :article_id
    UNION ALL SELECT 'resolution', resolution_id FROM article_resolutions
        WHERE article_id = :article_id
    UNION ALL SELECT 'source', source_id FROM articles
        WHERE id = :article_id AND source_id IS NOT NULL
    UNION ALL SELECT DISTINCT 'speaker', speaker_id FROM statements
        WHERE article_id = :article_id AND speaker_id IS NOT NULL
    UNION ALL SELECT DISTINCT 'kind', {_KIND} FROM article_entities ae
        JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = :article_id
)"""


def _pairs(join: str) -> str:
    """Every (scope, facet value) pair of an article's tags s and f (`join` matches them to
    one article); entity beside entity is entity_pairs'. The whole archive's kinds go to
    the article's stripe."""
    return (
        f"SELECT s.dim AS a, s.id AS b, f.dim AS c, f.id AS d FROM tags s JOIN tags f ON {join} "
        "WHERE s.dim NOT IN ('kind', 'stripe') AND f.dim NOT IN ('all', 'stripe') "
        "AND NOT (s.dim = 'entity' AND f.dim = 'entity') "
        "AND NOT (s.dim = 'all' AND f.dim = 'kind') "
        f"UNION ALL SELECT 'all', s.id, 'kind', f.id FROM tags s JOIN tags f ON {join} "
        "WHERE s.dim = 'stripe' AND f.dim = 'kind'"
    )


_PAIRS = _pairs("true")
# The whole archive's days go to the article's stripe.
_DAY_SCOPE = "CASE t.dim WHEN 'stripe' THEN 'all' ELSE t.dim END"
_DAY_TAGS = "t.dim NOT IN ('kind', 'all')"
_DAY = {
    "sqlite": "CAST(julianday(date(published_at)) - 2440587.5 AS INTEGER)",
    "postgresql": "(published_at AT TIME ZONE 'UTC')::date - DATE '1970-01-01'",
}
# The first day of the UTC week (a Monday) and month, in days since 1970-01-01: the
# week_counts' and month_counts' keys.
_PERIODS = {
    "week": {
        "sqlite": "CAST(julianday(date(published_at, 'weekday 0', '-6 days')) - 2440587.5 "
        "AS INTEGER)",
        "postgresql": "date_trunc('week', published_at AT TIME ZONE 'UTC')::date "
        "- DATE '1970-01-01'",
    },
    "month": {
        "sqlite": "CAST(julianday(date(published_at, 'start of month')) - 2440587.5 AS INTEGER)",
        "postgresql": "date_trunc('month', published_at AT TIME ZONE 'UTC')::date "
        "- DATE '1970-01-01'",
    },
}


# The quarter of an hour of its UTC day an article was published in, as one character
# (chr(32 + quarter), 0 to 95): a day counter keeps its articles' characters, so that a
# day cut on a quarter (any zone's midnight since 1970) splits without reading the
# articles (app/store/reads/histogram_days.py). NULL for an undated article.
_QUARTER = {
    "sqlite": "CASE WHEN published_at IS NOT NULL THEN char(32 + "
    "CAST(substr(published_at, 12, 2) AS INTEGER) * 4 "
    "+ CAST(substr(published_at, 15, 2) AS INTEGER) / 15) END",
    "postgresql": "chr(32 + EXTRACT(HOUR FROM published_at AT TIME ZONE 'UTC')::int * 4 "
    "+ EXTRACT(MINUTE FROM published_at AT TIME ZONE 'UTC')::int / 15)",
}
_CONCAT = {"sqlite": "group_concat", "postgresql": "string_agg"}
# One occurrence of a character taken out of a text; NULL (an undated article) none.
_WITHOUT = {
    "sqlite": "coalesce(substr(quarters, 1, instr(quarters, {c}) - 1) "
    "|| substr(quarters, instr(quarters, {c}) + 1), quarters)",
    "postgresql": "coalesce(overlay(quarters placing '' from strpos(quarters, {c}) for 1), "
    "quarters)",
}
_ADD_QUARTERS = "quarters = day_counts.quarters || excluded.quarters"


def _day_rows(dialect: str) -> str:
    return (
        f"SELECT {_DAY_SCOPE} AS a, t.id AS b, coalesce(d.day, {UNDATED}) AS c FROM tags t "
        f"CROSS JOIN (SELECT {_DAY[dialect]} AS day FROM articles WHERE id = :article_id) d "
        f"WHERE {_DAY_TAGS}"
    )


def _period_rows(dialect: str, period: str) -> str:
    """An undated article has no week or month counter (its day counter counts it)."""
    return (
        f"SELECT {_DAY_SCOPE} AS a, t.id AS b, d.start AS c FROM tags t "
        f"CROSS JOIN (SELECT {_PERIODS[period][dialect]} AS start FROM articles "
        "WHERE id = :article_id AND published_at IS NOT NULL) d "
        f"WHERE {_DAY_TAGS}"
    )


def count_scopes(connection: Connection, article_id: int, sign: int) -> None:
    for statement in _statements(connection.dialect.name, sign):
        connection.execute(statement, {"article_id": article_id})


@cache
def _statements(dialect: str, sign: int) -> tuple[TextClause, ...]:
    quarter = f"(SELECT {_QUARTER[dialect]} FROM articles WHERE id = :article_id)"
    tables = (
        ("facet_counts", "scope, scope_id, facet, value", _PAIRS, "", ""),
        (
            "day_counts",
            "scope, scope_id, day",
            _day_rows(dialect),
            f", coalesce({quarter}, '')",
            ", quarters = " + _WITHOUT[dialect].format(c=quarter),
        ),
        *(
            (f"{p}_counts", f"scope, scope_id, {p}", _period_rows(dialect, p), "", "")
            for p in _PERIODS
        ),
    )
    out = []
    for table, key, rows, added, removed in tables:
        order = ", ".join(str(i + 1) for i in range(key.count(",") + 1))
        more = ", quarters" if added else ""
        if sign > 0:
            out.append(
                f"WITH {_TAGS} INSERT INTO {table} ({key}, article_count{more}) "
                f"SELECT q.*, 1{added} FROM ({rows}) q WHERE true ORDER BY {order} "
                f"ON CONFLICT ({key}) DO UPDATE SET article_count = {table}.article_count + 1"
                + (f", {_ADD_QUARTERS}" if added else "")
            )
        else:
            held = f"({key}) IN ({rows})"
            out += [
                f"WITH {_TAGS} UPDATE {table} SET article_count = article_count - 1{removed} "
                f"WHERE {held}",
                f"WITH {_TAGS} DELETE FROM {table} WHERE article_count <= 0 AND {held}",
            ]
    return tuple(text(statement) for statement in out)


def _all_tags(only_batch: bool) -> str:
    """The tags of every article (the same as _TAGS), or of a batch's (`:ids`) only."""
    of_article = "WHERE id IN :ids" if only_batch else "WHERE true"
    of_link = "WHERE article_id IN :ids" if only_batch else "WHERE true"
    of_entity = "WHERE ae.article_id IN :ids" if only_batch else "WHERE true"
    return f"""tags (article_id, dim, id) AS (
    SELECT id, 'all', 0 FROM articles {of_article}
    UNION ALL SELECT id, 'stripe', id % {STRIPES} FROM articles {of_article}
    UNION ALL SELECT article_id, 'entity', entity_id FROM article_entities {of_link}
    UNION ALL SELECT article_id, 'resolution', resolution_id FROM article_resolutions {of_link}
    UNION ALL SELECT id, 'source', source_id FROM articles
        {of_article} AND source_id IS NOT NULL
    UNION ALL SELECT DISTINCT article_id, 'speaker', speaker_id FROM statements
        {of_link} AND speaker_id IS NOT NULL
    UNION ALL SELECT DISTINCT ae.article_id, 'kind', {_KIND} FROM article_entities ae
        JOIN entities e ON e.id = ae.entity_id {of_entity}
)"""


def _grouped(dialect: str, only_batch: bool) -> dict[str, str]:
    """Table -> the rows of many articles, grouped to one row a counter."""
    tags = _all_tags(only_batch)
    day = f"coalesce({_DAY[dialect]}, {UNDATED})"
    facets = (
        f"WITH {tags} INSERT INTO facet_counts (scope, scope_id, facet, value, article_count) "
        f"SELECT a, b, c, d, count(*) FROM ({_pairs('f.article_id = s.article_id')}) q "
        "WHERE true GROUP BY a, b, c, d ORDER BY a, b, c, d"
    )
    quarters = f"coalesce({_CONCAT[dialect]}({_QUARTER[dialect]}, ''), '')"
    days = (
        f"WITH {tags} INSERT INTO day_counts (scope, scope_id, day, article_count, quarters) "
        f"SELECT {_DAY_SCOPE}, t.id, {day}, count(*), {quarters} FROM tags t "
        f"JOIN articles a ON a.id = t.article_id WHERE {_DAY_TAGS} "
        f"GROUP BY {_DAY_SCOPE}, t.id, {day} ORDER BY 1, 2, 3"
    )
    periods = {
        f"{period}_counts": (
            f"WITH {tags} INSERT INTO {period}_counts (scope, scope_id, {period}, article_count) "
            f"SELECT {_DAY_SCOPE}, t.id, {start[dialect]}, count(*) FROM tags t "
            f"JOIN articles a ON a.id = t.article_id "
            f"WHERE {_DAY_TAGS} AND a.published_at IS NOT NULL "
            f"GROUP BY {_DAY_SCOPE}, t.id, {start[dialect]} ORDER BY 1, 2, 3"
        )
        for period, start in _PERIODS.items()
    }
    return {"facet_counts": facets, "day_counts": days, **periods}


def batch_tags(connection: Connection, article_ids: list[int]) -> list[tuple[int, str, int]]:
    """(article_id, dim, id): the tags of a batch of articles, as `_TAGS` gives one's."""
    tags, _ = _batch_added(connection.dialect.name)
    return [(a, dim, id_) for a, dim, id_ in connection.execute(tags, {"ids": article_ids})]


def count_new_scopes(
    connection: Connection, article_ids: list[int], tags: list[tuple[int, str, int]]
) -> None:
    """+1 for a batch of new articles whose `tags` are given, each counter row touched once
    a batch (as counters.count_new_articles does for the other counters). Their pairs are
    counted here: grouping the ~350 pairs an article makes cost SQLite a temporary B-tree,
    ~1 ms an article."""
    _, periods = _batch_added(connection.dialect.name)
    rows = [(*key, n) for key, n in facet_counts(tags)]
    add_counts(connection, FacetCount, rows, key=("scope", "scope_id", "facet", "value"))
    for statement in periods:
        connection.execute(statement, {"ids": article_ids})


FacetKey = tuple[str, int, str, int]
_Tag = tuple[str, int]


def facet_counts(tags: Iterable[tuple[int, str, int]]) -> list[tuple[FacetKey, int]]:
    """(scope, scope_id, facet, value) -> articles, in key order, from (article_id, dim,
    id) tags: the rows `_pairs` gives, grouped. The pairs are counted by Counter over
    itertools.product, in C: a Python loop over them cost more than the rest of the store.
    Each distinct tag is a small integer meanwhile: a pair of two ints hashes at half the
    cost of a pair of two (dim, id) tuples, hashed again every time a pair is counted."""
    codes = _TagCodes()
    by_article: dict[int, list[int]] = {}
    for article_id, dim, id_ in tags:
        by_article.setdefault(article_id, []).append(codes.of((dim, id_)))
    dims = codes.dims
    counts: Counter[tuple[int, int]] = Counter()
    for held in by_article.values():
        facets = [t for t in held if dims[t] not in ("all", "stripe")]
        kinds = [t for t in facets if dims[t] == "kind"]
        scopes = [t for t in facets if dims[t] not in ("kind", "entity")]
        entities = [t for t in facets if dims[t] == "entity"]
        counts.update(product(entities, [t for t in facets if dims[t] != "entity"]))
        counts.update(product(scopes, facets))
        for tag in held:
            if dims[tag] == "all":
                counts.update(product([tag], [t for t in facets if dims[t] != "kind"]))
            elif dims[tag] == "stripe":  # the whole archive's kinds, striped
                counts.update(product([codes.of((ALL, codes.tags[tag][1]))], kinds))
    named = codes.tags
    return sorted(((*named[s], *named[f]), n) for (s, f), n in counts.items())


class _TagCodes:
    """A small integer for each distinct (dim, id) tag, in order of first sight."""

    def __init__(self) -> None:
        self.codes: dict[_Tag, int] = {}
        self.tags: list[_Tag] = []
        self.dims: list[str] = []

    def of(self, tag: _Tag) -> int:
        code = self.codes.get(tag)
        if code is None:
            code = self.codes[tag] = len(self.tags)
            self.tags.append(tag)
            self.dims.append(tag[0])
        return code


@cache
def _batch_added(dialect: str) -> tuple[TextClause, list[TextClause]]:
    """The tags of a batch's articles; their day, week and month counters' upserts."""
    grouped = _grouped(dialect, only_batch=True)
    upserts = []
    for table in ("day_counts", *(f"{p}_counts" for p in _PERIODS)):
        key = table.removesuffix("_counts")
        quarters = f", {_ADD_QUARTERS}" if table == "day_counts" else ""
        upserts.append(
            grouped[table] + f" ON CONFLICT (scope, scope_id, {key}) DO UPDATE SET "
            f"article_count = {table}.article_count + excluded.article_count{quarters}"
        )
    select_tags = f"WITH {_all_tags(only_batch=True)} SELECT article_id, dim, id FROM tags"
    return _with_ids(dialect, select_tags), [_with_ids(dialect, u) for u in upserts]


def _with_ids(dialect: str, statement: str) -> TextClause:
    """`IN :ids` as one array on PostgreSQL: an expanded list is a new statement text for
    every batch (200 placeholders, seven times), which psycopg parses in Python each time."""
    if dialect == "postgresql":
        return text(statement.replace("IN :ids", "= ANY(:ids)")).bindparams(ids_array())
    ids: BindParameter[list[int]] = bindparam("ids", expanding=True)
    return text(statement).bindparams(ids)


def ids_array() -> BindParameter[Any]:
    """The batch's article ids as one PostgreSQL array parameter."""
    return bindparam("ids", type_=ARRAY(Integer()))


def recount_scopes(connection: Connection, *, facets: bool = True, days: bool = True) -> None:
    """Every scope counter (or the facets', or the days', weeks' and months') from all
    articles at once: for rows written around the store (a bulk copy, a restore) and the
    migrations."""
    grouped = _grouped(connection.dialect.name, only_batch=False)
    chosen = [(t, rows) for t, rows in grouped.items() if (facets if t == "facet_counts" else days)]
    for table, rows in chosen:
        connection.execute(text(f"DELETE FROM {table}"))
        connection.execute(text(rows))
