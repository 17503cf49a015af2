"""The filters as written (names, symbols, outlet names) -> the ids the store filters on,
and the toggles facets offer, which must remove a value as the client wrote it."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from sqlalchemy.orm import Session

from app.api.article_params import ArticleParams
from app.api.routes.common import parse_symbol
from app.store.lookup import (
    KnownEntities,
    find_resolution_ids,
    find_source_ids,
    resolve_entity,
)
from app.store.reads.article_query import ArticleFilters

# Parameters a toggle never carries over: it starts a new first page.
_NOT_CARRIED = frozenset({"cursor"})


@dataclass
class Toggler:
    """Builds a facet value's toggle from the request's own query string."""

    params: list[tuple[str, str]]
    written: dict[tuple[str, str], str] = field(default_factory=dict)

    def __call__(self, name: str, value: str, selected: bool) -> str:
        items = [(k, v) for k, v in self.params if k not in _NOT_CARRIED]
        if selected:
            raw = self.written.get((name, value), value)
            items = [(k, v) for k, v in items if (k, v) != (name, raw)]
        else:
            items.append((name, value))
        return urlencode(items)


def resolve_filters(
    session: Session,
    params: ArticleParams,
    toggler: Toggler | None = None,
    known: KnownEntities | None = None,
) -> ArticleFilters:
    written = toggler.written if toggler is not None else {}
    names = _Names(session, written, known)
    entity_ids, unknown = names.entities(params.entity, "entity")
    speaker_ids, unknown_speaker = names.entities(params.speaker, "speaker")
    not_ids, _ = names.entities(params.not_entity, "not_entity")
    resolution_ids, symbols = _resolutions(session, params, written)
    nothing = unknown_speaker == len(params.speaker) > 0
    nothing |= unknown > 0 if params.entity_op == "and" else unknown == len(params.entity) > 0
    return ArticleFilters(
        entity_ids=tuple(entity_ids),
        entity_op=params.entity_op,
        not_entity_ids=tuple(not_ids),
        resolution_ids=tuple(resolution_ids) if params.resolution else None,
        resolution_symbols=tuple(symbols),
        body=params.body,
        source_ids=_sources(session, params.source, written),
        kinds=params.kind,
        speaker_ids=tuple(speaker_ids),
        date_from=params.date_from,
        date_to=params.date_to,
        q=params.q,
        nothing=nothing,
    )


@dataclass(frozen=True, slots=True)
class _Names:
    session: Session
    written: dict[tuple[str, str], str]
    known: KnownEntities | None

    def entities(self, texts: tuple[str, ...], name: str) -> tuple[list[int], int]:
        """Ids of the named entities, and how many names matched none."""
        ids: list[int] = []
        unknown = 0
        for text in texts:
            entity_id = resolve_entity(session=self.session, text=text, known=self.known)
            if entity_id is None:
                unknown += 1
                continue
            ids.append(entity_id)
            self.written[(name, str(entity_id))] = text
        return list(dict.fromkeys(ids)), unknown


def _resolutions(
    session: Session, params: ArticleParams, written: dict[tuple[str, str], str]
) -> tuple[list[int], list[str]]:
    ids: list[int] = []
    symbols: list[str] = []
    for text in params.resolution:
        body, un_session, number = parse_symbol(text)
        symbol = f"{un_session}/{number}" if un_session else str(number)
        ids += find_resolution_ids(
            session=session, number=number, body=body or params.body, un_session=un_session
        )
        symbols.append(symbol)
        written[("resolution", symbol)] = text
    return list(dict.fromkeys(ids)), symbols


def _sources(
    session: Session, texts: tuple[str, ...], written: dict[tuple[str, str], str]
) -> tuple[int, ...] | None:
    if not texts:
        return None
    found = find_source_ids(session=session, texts=texts)
    for text, source_id in found.items():
        written[("source", str(source_id))] = text
    return tuple(dict.fromkeys(found.values()))
