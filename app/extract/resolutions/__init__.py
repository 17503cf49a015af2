"""Resolutions: the UN resolutions an article cites, with their body, number and year."""

from app.extract.resolutions.find import find_citations

__all__ = ["find_citations"]
