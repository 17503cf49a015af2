"""Line rules shared by the text and HTML parsers: clean-up and shape of a line, site chrome,
bylines and credits, datelines, media captions."""

from app.ingest.lines.byline import Byline, is_outlet_name, read_byline, split_dateline
from app.ingest.lines.chrome import Block, block_marker, copyright_holder, is_chrome, source_credit
from app.ingest.lines.dateline import outlet_dateline
from app.ingest.lines.lines import (
    clean_line,
    ends_sentence,
    has_letters,
    is_bullet,
    is_heading_shaped,
    is_paragraph_like,
    match_key,
    opens_paragraph,
    strip_any_bullet,
    strip_glyph_bullet,
    word_count,
)
from app.ingest.lines.media import MediaLine, caption_with_credit, explicit_media

__all__ = [
    "Block",
    "Byline",
    "MediaLine",
    "block_marker",
    "caption_with_credit",
    "clean_line",
    "copyright_holder",
    "ends_sentence",
    "explicit_media",
    "has_letters",
    "is_bullet",
    "is_chrome",
    "is_heading_shaped",
    "is_outlet_name",
    "is_paragraph_like",
    "match_key",
    "opens_paragraph",
    "outlet_dateline",
    "read_byline",
    "source_credit",
    "split_dateline",
    "strip_any_bullet",
    "strip_glyph_bullet",
    "word_count",
]
