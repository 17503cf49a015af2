"""The seam where a model-based recognizer can sit beside the rules later."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from app.extract.model import Affiliation, Entity, Mention
from app.extract.tokens import NormText
from app.ingest.model import TextBlock


@dataclass(slots=True)
class ActorResult:
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    affiliations: list[Affiliation] = field(default_factory=list)


class ActorRecognizer(Protocol):
    def recognize(
        self,
        blocks: Sequence[TextBlock],
        texts: Sequence[NormText] | None = None,
        *,
        on: date | None = None,
    ) -> ActorResult:
        """Actors of `blocks`; `texts` are their NormTexts (built here when not given);
        `on`, the article's date, tells who held an office it names without a name."""
        ...
