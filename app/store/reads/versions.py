"""Each default list item's JSON, and each article's detail, kept per process by the
article's version: its id, `updated_at` and `source_id`.

An item is written from its article's columns (the head: title, dates, outlet, ...) and its
stored extras (articles.item_json). Reading those columns for every row was two thirds of
a page's statement (decoding twenty titles, URLs and dates) and writing the head most of
its Python; a popular actor's page shows the same articles to every client. Every write
of an article's columns or of its item_json sets `updated_at` (the column's onupdate, on
ORM and Core updates alike: app/store/writes.py, app/store/item_json.py), an outlet's name
never changes (app/store/sources.py), and a deleted outlet sets `source_id` to NULL: a
change of the item is a change of its key, so a page reads the versions alone and only a
new or changed article's row.

The detail also shows its actors', roles' and speakers' entities and its resolutions: every
entity an article's roles and statements name is one of its actors (article_entities,
app/store/extraction_rows.py), and when an entity's English name or Wikidata id, or a
resolution's year, is filled in later, the items of every article naming or citing it are
rewritten (app/store/item_json.py), which sets their `updated_at` too; an entity's name,
kind and subkind and a resolution's number, session and body never change.

One cache per database and use (the app's front keeps them). Bounded in bytes; the oldest
entries go first."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic_core import to_json

from app.store.reads.article_items import ITEM_FIELDS, item_head, utf8

MAX_BYTES = 24 * 1024 * 1024  # ~10,000 items, ~3,000 details of the synthetic archive

Key = tuple[Any, ...]  # (article id, updated_at, source_id) as the driver gives them
VERSION_COLUMNS = ("id", "updated_at", "source_id")


class VersionCache:
    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self._items: dict[Key, bytes] = {}
        self._bytes = 0
        self._adding = threading.Lock()  # the PostgreSQL reads run on the thread pool

    def get(self, key: Key) -> bytes | None:
        return self._items.get(key)

    def put(self, key: Key, item: bytes) -> None:
        with self._adding:
            if key in self._items:
                return
            self._items[key] = item
            self._bytes += len(item)
            while self._bytes > self.max_bytes and self._items:
                oldest = next(iter(self._items))
                self._bytes -= len(self._items.pop(oldest))


@dataclass(frozen=True, slots=True)
class Kept:
    """What an app keeps of one database: its list items and its articles' details."""

    items: VersionCache = field(default_factory=VersionCache)
    details: VersionCache = field(default_factory=VersionCache)


def item_from_row(
    values: tuple[Any, ...], at: int, convert: Callable[[tuple[Any, ...]], Any]
) -> bytes | None:
    """The item of a row as the driver returns it (the page's columns, item_json at `at`;
    `convert` gives the row as SQLAlchemy would): the JSON `item_bytes` writes with every
    default field. None when the item is not stored (the general path reads the tables)."""
    stored = values[at]
    if not stored:
        return None
    head = to_json(item_head(convert(values), ITEM_FIELDS))[:-1] + b","
    return head + memoryview(utf8(stored))[1:]
