"""Full text over the normalized shadow text: FTS5 on SQLite, tsvector + GIN on PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Integer,
    column,
    func,
    literal_column,
    select,
    table,
)
from sqlalchemy.orm import Session

from app.store.models import Article, EntityAlias
from app.text.clitics import clitic_splits
from app.text.memo import EVERY_TOKEN
from app.text.normalize import normalize
from app.text.tokens import WORD as _WORD
from app.text.tokens import tokenize


def query_terms(q: str) -> list[str]:
    return [t.text for t in tokenize(normalize(q))]


def shadow_document(texts: list[str]) -> str:
    """Normalized text plus each word's forms without proclitics, so that a search for
    سوريا finds وسوريا and هيئه finds الهيئه. Neither engine does this by itself."""
    normalized = [normalize(t) for t in texts]
    stems: dict[str, None] = {}
    for chunk in normalized:
        for word in _WORD.findall(chunk):
            for stem in _shadow_stems(word):
                stems[stem] = None
    return "\n".join([*normalized, " ".join(stems)])


@lru_cache(maxsize=EVERY_TOKEN)
def _shadow_stems(word: str) -> tuple[str, ...]:
    """The forms a word adds to the shadow text; memoized, since news repeats its words
    (this was a fifth of an article's ingest)."""
    stems = [stem for _prefix, stem in clitic_splits(word)[1:] if len(stem) >= 3]
    if word.startswith("ال") and len(word) >= 5:
        stems.append(word[2:])
    return tuple(stems)


def term_groups(session: Session, q: str) -> list[list[str]]:
    """Each query word with the forms it may take in the archive: itself, itself without a
    proclitic (وسوريا -> سوريا), and the other one-word spellings of an entity it names
    (سوريه -> سوريا). An article matches when it has some form of every word. Memoized per
    session: the page, its total and its highlights ask for the same q."""
    memo: dict[str, list[list[str]]] = session.info.setdefault("khabar_term_groups", {})
    if q not in memo:
        groups = [term_forms(term) for term in query_terms(q)]
        memo[q] = _with_entity_spellings(session, groups)
    return memo[q]


def term_forms(term: str) -> list[str]:
    forms = [term]
    for _prefix, stem in clitic_splits(term)[1:]:
        if len(stem) >= 3:
            forms.append(stem)
    if term.startswith("ال") and len(term) >= 5:
        forms.append(term[2:])
    return list(dict.fromkeys(forms))


def _with_entity_spellings(session: Session, groups: list[list[str]]) -> list[list[str]]:
    words = {form for group in groups for form in group}
    if not words:
        return groups
    named = select(EntityAlias.entity_id).where(EntityAlias.normalized.in_(words))
    rows = session.execute(
        select(EntityAlias.entity_id, EntityAlias.normalized).where(
            EntityAlias.entity_id.in_(named), EntityAlias.normalized.not_like("% %")
        )
    ).all()
    return with_spellings(groups, [(int(e), str(a)) for e, a in rows])


def with_spellings(groups: list[list[str]], rows: list[tuple[int, str]]) -> list[list[str]]:
    """`groups` with the one-word aliases (entity id, alias) of the entities they name."""
    spellings: dict[int, set[str]] = {}
    for entity_id, alias in rows:
        spellings.setdefault(entity_id, set()).add(alias)
    out = []
    for group in groups:
        extra = sorted({a for names in spellings.values() if names & set(group) for a in names})
        out.append(list(dict.fromkeys([*group, *extra])))
    return out


# SQLite's FTS5 rows are keyed by a sort key (migration 0009): the article's sort_at to the
# minute, offset to stay positive from year 1 to 9999, then its id in the low ID_BITS bits,
# so that FTS5 yields the matches of a word newest first and a page stops at its rows.
# Keys order articles by minute then id: within one minute, callers sort exactly.
ID_BITS = 30
ID_MASK = (1 << ID_BITS) - 1
_MINUTE_OFFSET = 1 << 31
FTS = table("article_search_fts", column("rowid", BigInteger()), column("article_search_fts"))
_EPOCH = datetime(1970, 1, 1)


def fts_article_id() -> ColumnElement[int]:
    return FTS.c.rowid.op("&")(ID_MASK)


def fts_match(session: Session, q: str) -> ColumnElement[bool]:
    """The FTS5 condition of q (SQLite only), or one nothing meets when q has no word.
    Memoized per session like term_groups: a page of q puts it in three statements, and
    building the operator cost more than running one of them."""
    memo: dict[str, ColumnElement[bool]] = session.info.setdefault("khabar_fts_match", {})
    if q not in memo:
        groups = term_groups(session, q)
        memo[q] = (
            FTS.c.article_search_fts.op("MATCH")(fts_query(groups))
            if groups
            else literal_column("1") == literal_column("0")
        )
    return memo[q]


def minute_start(key: int) -> int:
    """The lowest key of the minute `key` falls in."""
    return key >> ID_BITS << ID_BITS


def key_above(moment: datetime) -> int:
    """A key above that of every article sorted at or before `moment`. SQLite's minute is
    its seconds divided with truncation, Python's floors: two minutes more cover both."""
    naive = moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
    minute = int((naive - _EPOCH).total_seconds() // 60)
    return (minute + 2 + _MINUTE_OFFSET) << ID_BITS


def key_below(moment: datetime) -> int:
    """A key below that of every article sorted at or after `moment`."""
    return max(0, key_above(moment) - (4 << ID_BITS))


# PostgreSQL's stored tsvector (migration 0009), not in the ORM model: SQLite has no such
# column.
PG_SEARCH = table("article_search", column("article_id", Integer()), column("document_tsv"))


def matches(session: Session, q: str) -> ColumnElement[bool]:
    """A condition on Article.id true for articles containing some form of every word of q."""
    groups = term_groups(session, q)
    if not groups:
        return literal_column("1") == literal_column("0")
    if session.get_bind().dialect.name == "postgresql":
        found = PG_SEARCH.c.document_tsv.op("@@")(pg_tsquery(groups))
        return Article.id.in_(select(PG_SEARCH.c.article_id).where(found))
    return Article.id.in_(select(fts_article_id()).where(fts_match(session, q)))


def pg_match(session: Session, q: str) -> ColumnElement[bool]:
    """The PG_SEARCH row's vector has some form of every word of q (PostgreSQL only)."""
    groups = term_groups(session, q)
    if not groups:
        return literal_column("1") == literal_column("0")
    return PG_SEARCH.c.document_tsv.op("@@")(pg_tsquery(groups))


def pg_rank(session: Session, q: str) -> ColumnElement[float]:
    """ts_rank of an article whose PG_SEARCH row is in the query, against q."""
    groups = term_groups(session, q) or [[""]]
    return func.ts_rank(PG_SEARCH.c.document_tsv, pg_tsquery(groups))


def pg_tsquery(groups: Sequence[Sequence[Any]]) -> Any:
    """(a | b) & c, each form through plainto_tsquery: user input is never query syntax.
    Forms are strings, or bound parameters in a statement built once (search_statements)."""
    query: Any = None
    for group in groups:
        alternatives: Any = None
        for form in group:
            one = func.plainto_tsquery("simple", form)
            alternatives = one if alternatives is None else alternatives.op("||")(one)
        query = alternatives if query is None else query.op("&&")(alternatives)
    return query


def fts_query(groups: list[list[str]]) -> str:
    # FTS5 syntax is escaped by quoting every form: user input is never query syntax.
    def quoted(form: str) -> str:
        return '"' + form.replace('"', '""') + '"'

    return " AND ".join("(" + " OR ".join(quoted(f) for f in group) + ")" for group in groups)
