"""A page of `q` with no other filter but one entity, default fields, as the bytes
`list_articles_json` writes, from a few statements on a DB-API connection of the pool.

The general path (articles.py, search_pages.py) builds each statement per request and runs
it through an ORM session: for /search of a word in every article that was ~8 ms of a
~14 ms page on this machine, around ~5 ms of SQL. Here every statement is built once
(driver.py) and the full-text index is walked once: the keys of up to 1,001 newest matches
give the total (exact up to TOTAL_CAP), where a date page ends and which matches relevance
ranks, which the general path found with two walks. The page's articles, their stored
items and their highlights are read as the link pages read theirs.

A walk, a ranking (BM25 of the candidates: most of a relevance page's CPU) and an article's
highlights are remembered per connection while SQLite's change counters say that nothing
was written (`_memo`): a query asked again costs its page's rows and no full-text work.

None means "not here": another sort with a cursor, a q with no word, no match, an item not
stored yet, or more matches in one minute than the walk holds (their exact order needs the
dates). The general path answers those, the same way as before."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic_core import to_json
from sqlalchemy import Dialect

from app.store.cursor import decode_offset_cursor, encode_cursor, encode_offset_cursor
from app.store.reads.article_items import ITEM_FIELDS, item_head, page_highlights, utf8
from app.store.reads.articles import JsonPage, Sort, page_json
from app.store.reads.driver import DriverPlan, driver_plan, fetch_raw, row_shape
from app.store.reads.highlights import Block
from app.store.reads.paging import TOTAL_CAP
from app.store.reads.search_pages import RELEVANCE_CANDIDATES
from app.store.reads.search_statements import ITEM_AT as _ITEM_AT
from app.store.reads.search_statements import PG_FORMS, PG_WORDS, statement
from app.store.search import (
    ID_MASK,
    fts_query,
    minute_start,
    query_terms,
    term_forms,
    with_spellings,
)

# One walk serves the total (TOTAL_CAP + 1 keys tell "more than the cap") and relevance
# (the key after the last candidate tells whether their minute goes on).
_WALK = max(TOTAL_CAP, RELEVANCE_CANDIDATES) + 1

Run = Callable[[Any, dict[str, Any]], tuple[DriverPlan, list[tuple[Any, ...]]]]
_DIALECTS = ("sqlite", "postgresql")


def driver_search_json(
    dbapi_connection: Any,
    dialect: Dialect,
    q: str,
    *,
    sort: Sort,
    limit: int,
    cursor: str | None,
    entity: int | None = None,
) -> JsonPage | None:
    """`list_articles_json` of `ArticleFilters(q=q)` with default fields, or of
    `ArticleFilters(q=q, entity_ids=(entity,))`, or None (above)."""
    if dialect.name not in _DIALECTS or limit < 1 or sort is Sort.OLDEST:
        return None
    if cursor is not None and sort is not Sort.RELEVANCE:
        return None

    def run(name: Any, params: dict[str, Any]) -> tuple[DriverPlan, list[tuple[Any, ...]]]:
        def build() -> Any:
            return statement(name, dialect.name)

        plan = driver_plan(dialect, ("search json", name), build)
        return plan, fetch_raw(dbapi_connection, dialect, plan, params)

    groups = _term_groups(run, q)
    if not groups:
        return None
    among = _Among(sort, limit, cursor, entity)
    if dialect.name == "postgresql":
        return _pg_search(run, groups, among)
    match = fts_query(groups)
    memo = _memo(dbapi_connection)
    keys: tuple[int, ...] = _remembered(
        memo, ("walk", match, entity), lambda: _walk_keys(run, match, among)
    )
    if not keys:
        return None
    total = len(keys) if len(keys) <= TOTAL_CAP else None
    if sort is Sort.RELEVANCE:
        offset = decode_offset_cursor(cursor)[0] if cursor else 0
        page = _by_relevance(run, memo, match, keys, offset, among)
    else:
        page = _newest(run, keys, limit)
    if page is None:
        return None
    plan, rows, next_cursor = page
    items = _items(run, memo, plan, rows, groups)
    return None if items is None else page_json(items, next_cursor, total)


def _term_groups(run: Run, q: str) -> list[list[str]]:
    """app.store.search.term_groups, its alias lookup run as a driver plan."""
    groups = [term_forms(term) for term in query_terms(q)]
    words = sorted({form for group in groups for form in group})
    if not words:
        return groups
    _, rows = run("spellings", {"words": json.dumps(words)})
    return with_spellings(groups, [(int(e), str(a)) for e, a in rows])


Page = tuple[DriverPlan, list[tuple[Any, ...]], str | None]


@dataclass(frozen=True, slots=True)
class _Among:
    """What a search asks beside q: its page, and the one entity its matches name, if any."""

    sort: Sort
    limit: int
    cursor: str | None
    entity: int | None

    def statement(self, name: str) -> str:
        return name if self.entity is None else f"{name} entity"

    def params(self, **values: Any) -> dict[str, Any]:
        return values if self.entity is None else {**values, "entity": self.entity}


def _pg_search(run: Run, groups: list[list[str]], among: _Among) -> JsonPage | None:
    """PostgreSQL: one walk down the date order gives the total (exact up to TOTAL_CAP),
    the newest page and the RELEVANCE_CANDIDATES newest matches with their ts_rank, where
    the general path read the matches' ids, then walked again to rank them (search_pages).
    Nothing is remembered: a PostgreSQL connection has no counter of others' commits."""
    shape = tuple(len(group) for group in groups)
    if len(shape) > PG_WORDS or max(shape) > PG_FORMS:
        return None
    forms = {f"f{i}_{j}": form for i, group in enumerate(groups) for j, form in enumerate(group)}
    sort, limit, cursor = among.sort, among.limit, among.cursor
    run("pg serial", {})
    # Enough for the total, the candidates and a newest page: only tests lower _WALK so far.
    walk = ("pg walk", shape, among.entity is not None)
    found = run(walk, among.params(**forms, size=max(_WALK, limit + 1)))[1]
    if not found:
        return None
    total = len(found) if len(found) <= TOTAL_CAP else None
    if sort is Sort.RELEVANCE:
        offset = decode_offset_cursor(cursor)[0] if cursor else 0
        # Best first, ties newest id first, as search_pages.relevance_scores orders them.
        scored = sorted(found[:RELEVANCE_CANDIDATES], key=lambda row: (-row[1], -row[0]))
        page = _ranked_page(run, [int(i) for i, _ in scored], offset, limit)
    else:
        page = _dated_page(run, [int(i) for i, _ in found[: limit + 1]], limit)
    if page is None:
        return None
    plan, rows, next_cursor = page
    items = _items(run, _Memo(None, ()), plan, rows, groups)
    return None if items is None else page_json(items, next_cursor, total)


def _by_relevance(
    run: Run, memo: _Memo, match: str, keys: tuple[int, ...], offset: int, among: _Among
) -> Page | None:
    """The RELEVANCE_CANDIDATES newest matches ranked by BM25, as search_pages ranks them:
    the walk's keys say where they end, unless the next match shares the last one's minute
    (keys order by minute, then id: their order by date needs the dates)."""
    if len(keys) > RELEVANCE_CANDIDATES:
        last, after = keys[RELEVANCE_CANDIDATES - 1], keys[RELEVANCE_CANDIDATES]
        if minute_start(after) == minute_start(last):
            return None
        edge = last
    else:
        edge = keys[-1]

    def rank() -> tuple[int, ...]:
        found = run(among.statement("ranked"), among.params(match=match, edge=edge))[1]
        return tuple(int(i) for i, _score in found)

    ranked: tuple[int, ...] = _remembered(memo, ("ranked", match, among.entity, edge), rank)
    return _ranked_page(run, ranked, offset, among.limit)


def _ranked_page(run: Run, ranked: Sequence[int], offset: int, limit: int) -> Page | None:
    """The page of `ranked` (article ids, best first) from `offset`, with its next cursor."""
    page = list(ranked[offset : offset + limit + 1])
    plan, found = run("articles", {"ids": json.dumps(page)})
    by_id = {int(values[0]): values for values in found}
    rows = [by_id[i] for i in page if i in by_id]
    if len(rows) != len(page):
        return None  # an article gone since: the general path reads afresh
    more = len(rows) > limit
    return plan, rows[:limit], encode_offset_cursor(offset + limit) if more else None


def _newest(run: Run, keys: tuple[int, ...], limit: int) -> Page | None:
    """Newest first: the page is sorted exactly among the matches from the minute of its
    row limit + 1 on (search_pages.date_page_matches)."""
    held, whole = keys, len(keys) < _WALK
    if len(keys) > limit:
        low = minute_start(keys[limit])
        held = tuple(key for key in keys if key >= low)
    if len(held) == len(keys) and not whole:
        return None  # the page's last minute may go on past the walk
    return _dated_page(run, [key & ID_MASK for key in held], limit)


def _dated_page(run: Run, ids: list[int], limit: int) -> Page:
    """The newest limit + 1 of `ids` by date, exactly; the page is the first `limit`."""
    plan, rows = run("dated", {"ids": json.dumps(ids), "size": limit + 1})
    if len(rows) <= limit:
        return plan, rows, None
    last = row_shape(plan.names)(plan.row(rows[limit - 1]))
    return plan, rows[:limit], encode_cursor(last.sort_at, last.id)


def _walk_keys(run: Run, match: str, among: _Among) -> tuple[int, ...]:
    found = run(among.statement("walk"), among.params(match=match, size=_WALK))[1]
    return tuple(key for (key,) in found)


# Walks and rankings of recent queries, by SQLite connection, while the database is as it
# was: BM25 of a word found in every article was most of a search's CPU, and readers ask
# the same few queries. Valid exactly as long as SQLite's own counters stand still: the
# connection's data_version moves when another connection commits, its total_changes when
# it writes itself, schema_version when a table changes. A memo holds the connection it
# belongs to, so a new connection at a freed address never reads an old one's.
# Bounded by weight: a walk or a ranking weighs its keys (up to 1,001), an article's
# highlights their bytes / 32: ~50 walks or rankings, ~1.5 MB, per connection.
_MEMO_WEIGHT = 50_000
_MEMO_CONNECTIONS = 16
_VERSION = "SELECT data_version, schema_version FROM pragma_data_version, pragma_schema_version"


@dataclass(slots=True)
class _Memo:
    connection: Any
    version: tuple[int, ...]
    found: OrderedDict[tuple[Any, ...], Any] = field(default_factory=OrderedDict)
    weight: int = 0


_MEMOS: OrderedDict[int, _Memo] = OrderedDict()
_MEMOS_LOCK = threading.Lock()


def _memo(dbapi_connection: Any) -> _Memo:
    """This connection's memo, emptied if the database changed since it was filled. A
    pooled connection serves one request at a time: its memo needs no lock of its own.
    Inside a transaction (a test's session, a writer's) the counters do not see a rollback:
    a throwaway memo there."""
    if dbapi_connection.in_transaction:
        return _Memo(None, ())
    version = (*dbapi_connection.execute(_VERSION).fetchone(), dbapi_connection.total_changes)
    key = id(dbapi_connection)
    with _MEMOS_LOCK:
        memo = _MEMOS.get(key)
        if memo is None or memo.connection is not dbapi_connection or memo.version != version:
            memo = _MEMOS[key] = _Memo(dbapi_connection, version)
        _MEMOS.move_to_end(key)
        while len(_MEMOS) > _MEMO_CONNECTIONS:
            _MEMOS.popitem(last=False)
    return memo


def _remembered(memo: _Memo, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
    hit = memo.found.get(key)
    return _remember(memo, key, compute()) if hit is None else hit


def _remember(memo: _Memo, key: tuple[Any, ...], value: Any) -> Any:
    memo.found[key] = value
    memo.weight += _weight(value)
    while memo.weight > _MEMO_WEIGHT and memo.found:
        memo.weight -= _weight(memo.found.popitem(last=False)[1])
    return value


def _weight(value: Any) -> int:
    return 1 + (len(value) // 32 if isinstance(value, bytes) else len(value))


def _items(
    run: Run,
    memo: _Memo,
    plan: DriverPlan,
    rows: list[tuple[Any, ...]],
    groups: list[list[str]],
) -> list[tuple[bytes, ...]] | None:
    """Each item as `item_bytes` writes it with `q`: its head, its highlights, its stored
    extras; None when an item is not stored yet. Highlights are remembered by article and
    query with the walks (normalizing the blocks they are found in was half of a page)."""
    if not all(values[_ITEM_AT] for values in rows):
        return None  # not stored yet: the routes read it from the tables
    shape = row_shape(plan.names)

    def convert(values: tuple[Any, ...]) -> Any:
        return shape(plan.row(values))

    parts = [
        (
            _head(memo, values, convert),
            memoryview(utf8(values[_ITEM_AT]))[1:],
        )
        for values in rows
    ]
    query = fts_query(groups)
    written: dict[int, bytes] = {}
    titles: dict[int, str] = {}
    for values in rows:
        article_id = int(values[0])
        known = memo.found.get(("highlights", query, article_id))
        if known is None:
            titles[article_id] = str(values[1])
        else:
            written[article_id] = known
    if titles:
        found = page_highlights(titles, groups, lambda ids: _blocks(run, ids, titles))
        for article_id in titles:
            written[article_id] = _remember(
                memo, ("highlights", query, article_id), to_json(found.get(article_id, []))
            )
    return [
        (head, b'"highlights":', written[int(values[0])], b",", bytes(extras))
        for (head, extras), values in zip(parts, rows, strict=True)
    ]


def _head(memo: _Memo, values: tuple[Any, ...], convert: Callable[[tuple[Any, ...]], Any]) -> bytes:
    """An item's JSON up to its stored extras, remembered by the article columns it is
    written from (writing the head, its local date among them, was most of a page's Python)."""
    key = ("head", values[:_ITEM_AT])
    known = memo.found.get(key)
    if known is not None:
        return bytes(known)
    head = to_json(item_head(convert(values), ITEM_FIELDS))[:-1] + b","
    _remember(memo, key, head)
    return head


def _blocks(run: Run, ids: list[int], titles: dict[int, str]) -> dict[int, list[Block]]:
    """article_items._blocks: title, summary points, sections, in reading order."""
    found: dict[int, list[Block]] = {i: [Block("title", 0, titles[i])] for i in ids}
    for name, part in (("points", "summary"), ("sections", "section")):
        for article_id, position, text in run(name, {"ids": json.dumps(ids)})[1]:
            found[int(article_id)].append(Block(part, int(position), str(text)))
    return found
