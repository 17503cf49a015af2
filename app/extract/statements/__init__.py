"""Statements: who said what (speaker, reporting verb, subject) in an article's sentences."""

from app.extract.statements.find import find_statements

__all__ = ["find_statements"]
