"""Khabar: structured data about Arabic political news."""

__version__ = "0.1.0"
