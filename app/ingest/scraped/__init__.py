"""The parser of scraped page text (a page copied as plain text, chrome and all)."""

from app.ingest.scraped.parser import parse_scraped_text

__all__ = ["parse_scraped_text"]
