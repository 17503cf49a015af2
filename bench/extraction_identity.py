"""Fingerprints of the whole extraction output, to show a speed change altered nothing.

Hashes every field extraction returns (entities, mentions, affiliations, citations,
statements, with their spans, in their order) for: the synthetic benchmark corpus, the dev
set (eval/articles), the held-out set, the reference article and the eval/real cache. Run it
in two worktrees and compare: `python -m bench.extraction_identity [--out FILE]` prints one
digest per corpus; --out writes one line per article, to diff when a digest differs.
--reverse extracts each corpus in reverse order, which catches state carried from one
article to the next (a cache keyed too loosely).
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Iterator
from pathlib import Path

from app.extract.model import Extraction
from app.extract.pipeline import extract
from app.ingest.dispatch import parse_payload
from app.ingest.errors import NotAnArticle
from app.ingest.model import ParsedArticle
from app.ingest.scraped import parse_scraped_text
from bench.corpus import corpus

ROOT = Path(__file__).resolve().parents[1]
TEXT_PLAIN = "text/plain; charset=utf-8"


def scraped(folder: Path) -> Iterator[tuple[str, ParsedArticle]]:
    for path in sorted(folder.glob("*.txt")):
        yield path.stem, parse_scraped_text(path.read_text(encoding="utf-8"))


def posted(folder: Path) -> Iterator[tuple[str, ParsedArticle]]:
    """As eval/real reads its cache: the text/plain payload parser, first article."""
    for path in sorted(folder.glob("*.txt")):
        try:
            articles = parse_payload(path.read_bytes(), TEXT_PLAIN)
        except NotAnArticle:
            continue  # eval/real reports these as errors: nothing reaches extraction
        if articles:
            yield path.stem, articles[0]


def corpora() -> dict[str, list[tuple[str, ParsedArticle]]]:
    synthetic = [(f"s{i:04d}", a) for i, a in enumerate(corpus(300, 600))]
    return {
        "synthetic": synthetic,
        "eval/articles": list(scraped(ROOT / "eval" / "articles")),
        "eval/heldout": list(scraped(ROOT / "eval" / "heldout" / "articles")),
        "seed": list(scraped(ROOT.parent / "shared" / "seed")),
        "samples": list(scraped(ROOT / "samples")),
        "eval/real": list(posted(ROOT / "eval" / "real" / ".cache")),
    }


def fingerprint(extraction: Extraction) -> str:
    # The dataclasses' reprs name every field and value, enums included, in order.
    return hashlib.sha256(repr(extraction).encode("utf-8")).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, help="write one line per article here")
    parser.add_argument("--reverse", action="store_true", help="extract in reverse order")
    args = parser.parse_args()
    lines: list[str] = []
    for name, items in corpora().items():
        order = list(reversed(items)) if args.reverse else items
        prints = {key: fingerprint(extract(article)) for key, article in order}
        keyed = [f"{name} {key} {prints[key]}" for key, _ in items]
        lines.extend(keyed)
        digest = hashlib.sha256("\n".join(keyed).encode("utf-8")).hexdigest()
        print(f"{name}: {len(items)} articles, {digest[:16]}")
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
