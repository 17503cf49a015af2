"""Full text over the normalized shadow text: FTS5 on SQLite, tsvector + GIN on PostgreSQL."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Float, Integer, Subquery, func, literal_column, select, text
from sqlalchemy.orm import Session

from app.store.models import Article, ArticleSearch
from app.text.clitics import clitic_splits
from app.text.normalize import normalize
from app.text.tokens import tokenize


def query_terms(q: str) -> list[str]:
    return [t.text for t in tokenize(normalize(q))]


def shadow_document(texts: list[str]) -> str:
    """Normalized text plus each word's forms without proclitics, so that a search for
    سوريا finds وسوريا and هيئه finds الهيئه. Neither engine does this by itself."""
    normalized = [normalize(t) for t in texts]
    stems: dict[str, None] = {}
    for chunk in normalized:
        for token in tokenize(chunk):
            for _prefix, stem in clitic_splits(token.text)[1:]:
                if len(stem) >= 3:
                    stems[stem] = None
            if token.text.startswith("ال") and len(token.text) >= 5:
                stems[token.text[2:]] = None
    return "\n".join([*normalized, " ".join(stems)])


def matches(session: Session, q: str) -> ColumnElement[bool]:
    """A condition on Article.id true for articles containing every term of q."""
    terms = query_terms(q)
    if not terms:
        return literal_column("1") == literal_column("0")
    if session.get_bind().dialect.name == "postgresql":
        tsquery = func.plainto_tsquery("simple", " ".join(terms))
        ids = select(ArticleSearch.article_id).where(
            func.to_tsvector("simple", ArticleSearch.document).op("@@")(tsquery)
        )
        return Article.id.in_(ids)
    ids_sql = text("SELECT rowid FROM article_search_fts WHERE article_search_fts MATCH :q")
    return Article.id.in_(ids_sql.bindparams(q=_fts_query(terms)).columns(rowid=Article.id.type))


def relevance(session: Session, q: str) -> Subquery:
    """(article_id, score) of the articles matching q, higher scores first: BM25 on SQLite,
    ts_rank on PostgreSQL."""
    terms = query_terms(q) or [""]
    if session.get_bind().dialect.name == "postgresql":
        vector = func.to_tsvector("simple", ArticleSearch.document)
        tsquery = func.plainto_tsquery("simple", " ".join(terms))
        return (
            select(ArticleSearch.article_id, func.ts_rank(vector, tsquery).label("score"))
            .where(vector.op("@@")(tsquery))
            .subquery("scores")
        )
    scores = text(
        "SELECT rowid AS article_id, -bm25(article_search_fts) AS score "
        "FROM article_search_fts WHERE article_search_fts MATCH :q"
    )
    return (
        scores.bindparams(q=_fts_query(terms))
        .columns(article_id=Integer(), score=Float())
        .subquery("scores")
    )


def _fts_query(terms: list[str]) -> str:
    # FTS5 syntax is escaped by quoting every term: user input is never query syntax.
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)
