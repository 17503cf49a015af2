"""The migrations and the ORM models describe the same schema, on both engines."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from factories import article
from sqlalchemy import Engine, inspect, text
from sqlalchemy.orm import Session

from app.extract.model import Extraction
from app.store.models import Base
from app.store.schema_filter import include_object
from app.store.writes import save_article


def test_autogenerate_finds_no_difference(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "include_object": include_object,
                "compare_type": True,
                "target_metadata": Base.metadata,
            },
        )
        assert compare_metadata(context, Base.metadata) == []


def test_full_text_objects_exist(engine: Engine) -> None:
    inspector = inspect(engine)
    if engine.dialect.name == "sqlite":
        assert "article_search_fts" in inspector.get_table_names()
    else:
        names = {ix["name"] for ix in inspector.get_indexes("article_search")}
        assert "ix_article_search_document_tsv" in names


def test_postgresql_keeps_a_search_vector_in_its_row(session: Session) -> None:
    """Migration 0010: a vector larger than the default TOAST threshold (~2 KB) is neither
    compressed nor moved out: a search reads it with the row."""
    if session.get_bind().dialect.name != "postgresql":
        pytest.skip("SQLite's full text is an FTS5 table")
    storage = session.scalar(
        text(
            "SELECT attstorage FROM pg_attribute WHERE attrelid = 'article_search'::regclass "
            "AND attname = 'document_tsv'"
        )
    )
    toast = session.scalar(
        text("SELECT reltoastrelid::regclass::text FROM pg_class WHERE relname = 'article_search'")
    )
    chunks = text(f"SELECT count(*) FROM {toast}")
    before = session.scalar(chunks)
    words = " ".join(f"كلمة{i}" for i in range(70))
    saved = save_article(session=session, parsed=article(1, body=words), extraction=Extraction())
    session.flush()
    vector = session.scalar(
        text("SELECT pg_column_size(document_tsv) FROM article_search WHERE article_id = :a"),
        {"a": saved.article_id},
    )
    assert storage == "m"
    assert vector is not None and vector > 2100, "a vector TOAST would have taken"
    assert session.scalar(chunks) == before
