"""Actors: the persons, organizations and places an article names, and who is who.

The rules find candidates (titles, names, cues, the gazetteer), assemble them into entities
and link later mentions (short forms, demonyms, titles alone) to them."""

from app.extract.actors.rules import RuleActorRecognizer

__all__ = ["RuleActorRecognizer"]
