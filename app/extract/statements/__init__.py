"""Statements: who said what (speaker, reporting verb, subject) in an article's sentences."""

from app.extract.statements.find import find_statements
from app.extract.statements.verbs import lemma_of

__all__ = ["find_statements", "lemma_of"]
