"""Turn what a user typed (an id, any spelling, a clitic-laden form) into row ids."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.store.models import Entity, EntityAlias, Resolution
from app.text.clitics import clitic_splits
from app.text.normalize import collapse_spaces, normalize, to_ascii_digits


def find_entity_ids(*, session: Session, text: str) -> list[int]:
    text = collapse_spaces(text)
    if to_ascii_digits(text).isdigit():
        found = session.scalar(select(Entity.id).where(Entity.id == int(to_ascii_digits(text))))
        return [found] if found is not None else []
    for candidate in _spellings(normalize(text)):
        ids = session.scalars(
            select(EntityAlias.entity_id).where(EntityAlias.normalized == candidate).distinct()
        ).all()
        if ids:
            return sorted(ids)
    return []


def require_entity(*, session: Session, entity_id: int) -> None:
    """404 for an unknown id, by primary key only: listing an entity's articles needs no
    more of the entity than that it exists."""
    if session.scalar(select(Entity.id).where(Entity.id == entity_id)) is None:
        raise NotFound(f"no entity with id {entity_id}")


def _spellings(normalized: str) -> list[str]:
    """The text as typed first, then with a proclitic taken off its first word (وسوريا)."""
    first, _, rest = normalized.partition(" ")
    forms = [normalized]
    for prefix, stem in clitic_splits(first)[1:]:
        if prefix:
            forms.append(f"{stem} {rest}".strip())
    return forms


def find_resolution_ids(
    *, session: Session, number: int, body: str | None, un_session: int | None = None
) -> list[int]:
    query = select(Resolution.id).where(
        Resolution.number == number, Resolution.un_session == (un_session or 0)
    )
    if body:
        query = query.where(Resolution.body == body)
    return list(session.scalars(query.order_by(Resolution.id)).all())
