"""Turn what a user typed (an id, any spelling, a clitic-laden form) into row ids."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.models import Entity, EntityAlias, Resolution
from app.text.clitics import clitic_splits
from app.text.digits import is_digits, parse_digits
from app.text.normalize import collapse_spaces, normalize


def find_entity_ids(*, session: Session, text: str) -> list[int]:
    text = collapse_spaces(text)
    if is_digits(text):  # an id; one past the column's range names no entity
        entity_id = parse_digits(text)
        if entity_id is None:
            return []
        found = session.scalar(select(Entity.id).where(Entity.id == entity_id))
        return [found] if found is not None else []
    for candidate in _spellings(normalize(text)):
        ids = session.scalars(
            select(EntityAlias.entity_id).where(EntityAlias.normalized == candidate).distinct()
        ).all()
        if ids:
            return sorted(ids)
    return []


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
