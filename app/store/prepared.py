"""The CPU work of saving an article, done before its transaction: identity and version
hashes, the search shadow text, the compressed original. A batch ingest computes these in
its worker processes, so the single writer holding the lock only writes rows."""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass

from app.extract.model import Extraction
from app.ingest.model import ParsedArticle
from app.store.search import shadow_document
from app.text.normalize import collapse_spaces, normalize


@dataclass(frozen=True, slots=True)
class Prepared:
    parsed: ParsedArticle
    extraction: Extraction
    identity: str
    version: str
    document: str
    raw_compressed: bytes


def prepare(parsed: ParsedArticle, extraction: Extraction) -> Prepared:
    identity = content_hash(parsed)
    return Prepared(
        parsed=parsed,
        extraction=extraction,
        identity=identity,
        version=version_hash(parsed, identity),
        document=search_document(parsed),
        raw_compressed=zlib.compress(parsed.raw.encode(), 6),
    )


def content_hash(parsed: ParsedArticle) -> str:
    """Identity of an article without a URL: its normalized title, summary and body."""
    parts = [parsed.title, *parsed.summary, *(s.text for s in parsed.sections)]
    text = "\n".join(normalize(collapse_spaces(p)) for p in parts)
    return hashlib.sha256(text.encode()).hexdigest()


def search_document(parsed: ParsedArticle) -> str:
    return shadow_document([block.text for block in parsed.blocks()])


def version_hash(parsed: ParsedArticle, identity: str) -> str:
    """The text plus the metadata a re-send may correct (date, URL, byline, images)."""
    meta = [
        identity,
        parsed.published_at.isoformat() if parsed.published_at else "",
        parsed.timezone or "",
        parsed.url or "",
        parsed.outlet or "",
        parsed.byline_place or "",
        "|".join(parsed.authors),
        "|".join(f"{i.title}|{i.caption}|{i.credit}|{i.url}" for i in parsed.images),
        parsed.language,
    ]
    return hashlib.sha256("\n".join(meta).encode()).hexdigest()
