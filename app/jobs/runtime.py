"""What a job needs to run: settings, the database, the polite fetcher."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.jobs.polite import PoliteFetcher
from app.store.db import make_engine, make_session_factory


@dataclass
class Runtime:
    settings: Settings
    engine: Engine
    factory: sessionmaker[Session]
    fetch: PoliteFetcher
    owns_engine: bool = True

    @classmethod
    def start(cls, settings: Settings, engine: Engine | None = None) -> Runtime:
        owns = engine is None
        engine = engine or make_engine(settings.database_url)
        factory = make_session_factory(engine)
        return cls(settings, engine, factory, PoliteFetcher(settings, factory), owns)

    def close(self) -> None:
        if self.owns_engine:
            self.engine.dispose()
