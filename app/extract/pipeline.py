"""extract(): one ParsedArticle in, one Extraction out. CPU work: keep it off the event loop."""

from __future__ import annotations

import gc

from app.extract.actors import RuleActorRecognizer
from app.extract.model import Extraction
from app.extract.recognizer import ActorRecognizer
from app.extract.resolutions import find_citations
from app.extract.statements import find_statements
from app.extract.tokens import texts_of
from app.ingest.model import ParsedArticle

_default_recognizer: ActorRecognizer | None = None


def default_recognizer() -> ActorRecognizer:
    global _default_recognizer
    if _default_recognizer is None:
        _default_recognizer = RuleActorRecognizer()
        _keep_out_of_collection()
    return _default_recognizer


# Young objects the collector lets pile up before it looks for cycles among them (Python's
# default is 700). An article's tokens and candidates, thousands, live until it is done and
# go by reference counting: at 700 the collector walked them over and over for nothing.
_YOUNG_BEFORE_COLLECTION = 10_000


def _keep_out_of_collection() -> None:
    """The gazetteer and the indexes built from it live as long as the process: frozen out
    of the cyclic collector, a full collection stops walking them (their dicts hold every
    spelling of every actor). Those walks took ~4.5% of extraction's CPU on 600-word
    articles wherever nothing had frozen them (`khabar ingest` in one process, jobs,
    benchmarks), and young collections another ~2.5% (see _YOUNG_BEFORE_COLLECTION)."""
    gc.collect()  # what loading left as garbage goes now, not frozen with the rest
    gc.freeze()
    young, *older = gc.get_threshold()
    if 0 < young < _YOUNG_BEFORE_COLLECTION:  # raised only: a process may have set its own
        gc.set_threshold(_YOUNG_BEFORE_COLLECTION, *older)


def extract(article: ParsedArticle, *, recognizer: ActorRecognizer | None = None) -> Extraction:
    if article.language != "ar":
        return Extraction(analysed=False)
    blocks = list(article.blocks())
    texts = texts_of(blocks)  # each block normalized once, read by every stage
    on = article.published_at.date() if article.published_at else None
    actors = (recognizer or default_recognizer()).recognize(blocks, texts, on=on)
    return Extraction(
        entities=actors.entities,
        mentions=actors.mentions,
        affiliations=actors.affiliations,
        citations=find_citations(blocks, texts),
        statements=find_statements(blocks, actors, texts),
    )
