"""The HTML parser: page metadata, the story's blocks, and an article from a fragment."""

from app.ingest.html.parser import article_from_fragment, parse_html

__all__ = ["article_from_fragment", "parse_html"]
