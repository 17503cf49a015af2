"""The migrations and the ORM models describe the same schema, on both engines."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from app.store.models import Base
from app.store.schema_filter import include_object


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
