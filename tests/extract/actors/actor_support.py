"""Helpers for the actor-recognition tests: a tiny fixture gazetteer and short runners."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from app.extract.actors import RuleActorRecognizer
from app.extract.model import Entity, EntityKind
from app.extract.recognizer import ActorResult
from app.ingest.model import Part, TextBlock

FIXTURE_GAZETTEER = Path(__file__).parent / "gazetteer"


@lru_cache(maxsize=4)
def recognizer(data_dir: Path | None = FIXTURE_GAZETTEER) -> RuleActorRecognizer:
    """The recognizer over the fixture gazetteer (or the shipped one with None)."""
    return RuleActorRecognizer(data_dir=data_dir)


def run(*paragraphs: str, data_dir: Path | None = FIXTURE_GAZETTEER) -> ActorResult:
    blocks = [TextBlock(Part.SECTION, i, text) for i, text in enumerate(paragraphs)]
    return recognizer(data_dir).recognize(blocks)


def names(result: ActorResult, kind: EntityKind | None = None) -> set[str]:
    return {e.name for e in result.entities if kind is None or e.kind is kind}


def entity(result: ActorResult, name: str) -> Entity:
    found = [e for e in result.entities if e.name == name]
    assert len(found) == 1, f"{name!r} not among {names(result)}"
    return found[0]


def surfaces(result: ActorResult, name: str) -> list[str]:
    key = entity(result, name).key
    return [m.surface for m in result.mentions if m.entity_key == key]


def assert_spans_match(result: ActorResult, blocks: list[TextBlock]) -> None:
    texts = {(b.part, b.index): b.text for b in blocks}
    keys = {e.key for e in result.entities}
    for mention in result.mentions:
        span = mention.span
        assert texts[(span.part, span.index)][span.start : span.end] == mention.surface
        assert mention.entity_key in keys
