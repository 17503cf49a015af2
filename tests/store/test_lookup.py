"""Entity ids the process has seen exist are remembered, and only those."""

from __future__ import annotations

from factories import article, extraction_naming, syria
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.store import models as m
from app.store.lookup import KnownEntities, entity_exists, require_entity, resolve_entity
from app.store.writes import save_article


def test_a_found_id_is_remembered_an_unknown_one_is_asked_again(session: Session) -> None:
    known = KnownEntities()
    missing = 10_000
    assert resolve_entity(session=session, text=str(missing), known=known) is None
    assert missing not in known
    save_article(session=session, parsed=article(1), extraction=extraction_naming(syria()))
    session.flush()
    entity = session.scalar(select(m.Entity.id).where(m.Entity.key == "country:SY"))
    assert entity is not None
    assert resolve_entity(session=session, text=str(entity), known=known) == entity
    assert entity in known
    require_entity(session=session, entity_id=entity, known=known)
    try:
        require_entity(session=session, entity_id=missing, known=known)
    except NotFound:
        pass
    else:
        raise AssertionError("an unknown id is a 404")


def test_names_are_not_remembered(session: Session) -> None:
    known = KnownEntities()
    save_article(session=session, parsed=article(1), extraction=extraction_naming(syria()))
    session.flush()
    found = resolve_entity(session=session, text="سوريا", known=known)
    assert found is not None
    assert found not in known


def test_the_memory_is_bounded_oldest_first(session: Session) -> None:
    known = KnownEntities(size=2)
    for entity_id in (1, 2, 3):
        known.add(entity_id)
    assert (1 in known, 2 in known, 3 in known) == (False, True, True)
    assert entity_exists(session, 2, known)  # from memory: no row 2 is needed
