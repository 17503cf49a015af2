"""Score the extractor: `python -m eval.score [--set dev|heldout] [--article SLUG] [--json]`.

Parses each article with app.ingest.scraped.parse_scraped_text, extracts with
app.extract.pipeline.extract, matches against the gold (see eval/GUIDELINES.md) and
prints micro-averaged precision, recall and F1 per kind, then the misses. It is a
report: it always exits 0, and says so when a stage is missing or fails.

`--set heldout` scores eval/heldout/, written blind and never tuned on: its figures are the
honest ones, so it lists no misses unless asked (`--misses`).
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, cast

from app.extract.model import Extraction
from app.ingest.model import ParsedArticle, Section, SectionKind
from app.text.language import detect_language
from eval.gold import EVAL_DIR, DevArticle, load_dev_set, load_gold
from eval.matching import ArticleScore, score_article, summarize

Parser = Callable[[str], ParsedArticle]
Extractor = Callable[[ParsedArticle], Extraction]
SetName = Literal["dev", "heldout"]
HELDOUT_DIR = EVAL_DIR / "heldout"


def load_heldout_set(slug: str | None = None) -> list[DevArticle]:
    """The held-out articles that have gold (same layout and schema as the dev set)."""
    articles, gold = HELDOUT_DIR / "articles", HELDOUT_DIR / "gold"
    with_gold = {p.stem for p in gold.glob("*.json")}
    slugs = sorted(p.stem for p in articles.glob("*.txt") if p.stem in with_gold)
    if slug is not None:
        slugs = [s for s in slugs if slug in (s, s.split("_", 1)[0])]
    return [
        DevArticle(
            slug=s,
            text=(articles / f"{s}.txt").read_text(encoding="utf-8"),
            gold=load_gold(gold / f"{s}.json"),
        )
        for s in slugs
    ]


def load_set(name: SetName = "dev", slug: str | None = None) -> list[DevArticle]:
    return load_heldout_set(slug) if name == "heldout" else load_dev_set(slug)


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


def run(slug: str | None = None, set_name: SetName = "dev") -> Run:
    parse, extract, notices = _stages()
    result = Run(notices=notices)
    if set_name == "heldout":
        result.notices.append("held-out set (eval/heldout/): report its figures, never tune on it.")
    articles = load_set(set_name, slug)
    if not articles:
        result.notices.append(f"no {set_name}-set article matches {slug!r}.")
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
    parser.add_argument("--set", dest="set_name", choices=("dev", "heldout"), default="dev",
                        help="dev (default) or heldout, the blind set nobody tunes on")  # fmt: skip
    parser.add_argument("--article", metavar="SLUG", help="score one article (slug or its NNN)")
    parser.add_argument("--misses", action=argparse.BooleanOptionalAction, default=None,
                        help="list false negatives and false positives per article "
                             "(default: on for dev, off for heldout)")  # fmt: skip
    parser.add_argument("--json", action="store_true", help="emit the figures as JSON")
    args = parser.parse_args(argv)

    from eval import report  # rich is only needed for the table

    set_name = cast(SetName, args.set_name)
    misses = args.misses if args.misses is not None else set_name == "dev"
    result = run(args.article, set_name)
    summary = summarize(result.scores)
    if args.json:
        report.print_json(summary, result.scores, result.notices, result.errors, misses)
    else:
        report.print_table(
            summary, result.scores, result.notices, result.errors, misses, set_name=set_name
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
