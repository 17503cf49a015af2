"""The application factory's start-up."""

from __future__ import annotations

import gc

import pytest
from sqlalchemy import Engine
from support import committed

from app.config import Settings
from app.main import create_app

pytestmark = pytest.mark.anyio


async def test_start_up_objects_are_kept_out_of_the_collectors_reach(
    database_url: str, engine: Engine
) -> None:
    with committed(engine):
        app = create_app(Settings(database_url=database_url), engine)
        gc.unfreeze()
        assert gc.get_freeze_count() == 0
        async with app.router.lifespan_context(app):
            assert gc.get_freeze_count() > 0
