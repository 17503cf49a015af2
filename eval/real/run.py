"""Running eval/real: each cached excerpt goes through the path a user's text/plain POST
takes (app.ingest's payload parser, then app.extract's pipeline) and is scored per split."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from app.extract.model import Extraction
from app.extract.pipeline import extract
from app.ingest.dispatch import parse_payload
from eval.matching import Tally
from eval.real.loader import RealSet, load_real_set
from eval.real.schema import Split
from eval.real.scoring import REAL_KINDS, RealScore, score_real

TEXT_PLAIN = "text/plain; charset=utf-8"


@dataclass(slots=True)
class SplitSummary:
    articles: int = 0
    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in REAL_KINDS})
    body_errors: int = 0
    ignored_demonym_places: int = 0


@dataclass(slots=True)
class RealRun:
    loaded: RealSet
    scores: list[RealScore] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)  # id -> what failed


def extract_text(text: str) -> Extraction:
    """The extraction a client gets for this text posted as text/plain."""
    articles = parse_payload(text.encode("utf-8"), TEXT_PLAIN)
    return extract(articles[0])


def run(roots: list[Path] | None = None) -> RealRun:
    result = RealRun(loaded=load_real_set(roots))
    for article in result.loaded.articles:
        annotation = article.annotation
        try:
            extraction = extract_text(article.text)
        except Exception as exc:  # a crash on one excerpt is a finding, not a stop
            result.errors[article.id] = f"{type(exc).__name__}: {exc}"
            extraction = Extraction()
        result.scores.append(
            score_real(annotation.id, annotation.split, annotation.gold, extraction, article.text)
        )
    return result


def summarize(scores: Iterable[RealScore], split: Split) -> SplitSummary:
    """Micro-averages over one split: counts summed over its articles, then P/R/F1."""
    summary = SplitSummary()
    for score in scores:
        if score.split != split:
            continue
        summary.articles += 1
        for kind, result in score.kinds.items():
            summary.tallies[kind].add(result.tally)
        summary.body_errors += len(score.body_errors)
        summary.ignored_demonym_places += len(score.ignored_demonym_places)
    return summary
