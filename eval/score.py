"""Score the extractor on the dev set: `python -m eval.score [--article SLUG] [--json]`.

Parses each article with app.ingest.scraped.parse_scraped_text, extracts with
app.extract.pipeline.extract, matches against eval/gold (see eval/GUIDELINES.md) and
prints micro-averaged precision, recall and F1 per kind, then the misses. It is a
report: it always exits 0, and says so when a stage is missing or fails.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

from app.extract.model import Extraction
from app.ingest.model import ParsedArticle, Section, SectionKind
from app.text.language import detect_language
from eval.gold import load_dev_set
from eval.matching import ArticleScore, score_article, summarize

Parser = Callable[[str], ParsedArticle]
Extractor = Callable[[ParsedArticle], Extraction]


def fallback_parse(text: str) -> ParsedArticle:
    """Stand-in while the real parser is missing: first non-empty line is the title."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title, rest = (lines[0], lines[1:]) if lines else ("", [])
    return ParsedArticle(
        title=title,
        sections=[Section(SectionKind.PARAGRAPH, line) for line in rest],
        language=detect_language(text),
        raw=text,
    )


def _empty_extraction(_: ParsedArticle) -> Extraction:
    return Extraction()


def _load(module: str, name: str) -> tuple[object | None, str | None]:
    """The callable `module.name`, or None and why (imported lazily: the CLI stays light)."""
    try:
        return getattr(importlib.import_module(module), name), None
    except Exception as exc:  # any failure to import is reported, not raised
        return None, f"{type(exc).__name__}: {exc}"


@dataclass(slots=True)
class Run:
    scores: list[ArticleScore] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)  # slug -> what failed


def _stages() -> tuple[Parser, Extractor, list[str]]:
    notices: list[str] = []
    parse, why = _load("app.ingest.scraped", "parse_scraped_text")
    if parse is None:
        notices.append(f"app.ingest.scraped not usable ({why}); using the fallback parser "
                       "(first line = title, other lines = paragraphs).")  # fmt: skip
    extract, why = _load("app.extract.pipeline", "extract")
    if extract is None:
        notices.append(f"app.extract.pipeline not usable ({why}); scoring empty extractions.")
    return (
        cast(Parser, parse) if parse is not None else fallback_parse,
        cast(Extractor, extract) if extract is not None else _empty_extraction,
        notices,
    )


def run(slug: str | None = None) -> Run:
    parse, extract, notices = _stages()
    result = Run(notices=notices)
    articles = load_dev_set(slug)
    if not articles:
        result.notices.append(f"no dev-set article matches {slug!r}.")
    for article in articles:
        try:
            extraction = extract(parse(article.text))
        except Exception as exc:  # a crash on one article is a finding, not a stop
            result.errors[article.slug] = f"{type(exc).__name__}: {exc}"
            extraction = Extraction()
        result.scores.append(score_article(article.slug, article.gold, extraction))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.score", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--article", metavar="SLUG", help="score one article (slug or its NNN)")
    parser.add_argument("--misses", action=argparse.BooleanOptionalAction, default=True,
                        help="list false negatives and false positives per article")  # fmt: skip
    parser.add_argument("--json", action="store_true", help="emit the figures as JSON")
    args = parser.parse_args(argv)

    from eval import report  # rich is only needed for the table

    result = run(args.article)
    summary = summarize(result.scores)
    if args.json:
        report.print_json(summary, result.scores, result.notices, result.errors, args.misses)
    else:
        report.print_table(summary, result.scores, result.notices, result.errors, args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
