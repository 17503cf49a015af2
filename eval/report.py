"""Rendering the scorer's figures: a rich table for people, JSON for machines."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from eval.matching import KINDS, ArticleScore, Summary, Tally


def _ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def _tally_dict(tally: Tally) -> dict[str, Any]:
    return {
        "tp": tally.tp,
        "fp": tally.fp,
        "fn": tally.fn,
        "precision": round(tally.precision, 4),
        "recall": round(tally.recall, 4),
        "f1": round(tally.f1, 4),
    }


def figures(summary: Summary) -> dict[str, Any]:
    matched_resolutions = summary.tallies["resolution"].tp
    statements = summary.tallies["statement"]
    return {
        "articles": summary.articles,
        "kinds": {kind: _tally_dict(summary.tallies[kind]) for kind in KINDS},
        "all": _tally_dict(summary.overall),
        "resolution_count_accuracy": _ratio(summary.count_hits, matched_resolutions),
        "resolution_recall_any_body": _ratio(summary.number_hits, summary.gold_resolutions),
        "statement_verb_accuracy": _ratio(summary.verb_hits, statements.tp),
        "statement_recall_unlinked_speakers_allowed": _ratio(
            summary.lenient_statement_hits, statements.tp + statements.fn
        ),
    }


def misses(scores: Sequence[ArticleScore]) -> dict[str, dict[str, dict[str, list[str]]]]:
    out: dict[str, dict[str, dict[str, list[str]]]] = {}
    for score in scores:
        kinds = {
            kind: {"false_negatives": r.missed, "false_positives": r.spurious}
            for kind, r in score.kinds.items()
            if r.missed or r.spurious
        }
        if kinds:
            out[score.slug] = kinds
    return out


def print_json(
    summary: Summary,
    scores: Sequence[ArticleScore],
    notices: list[str],
    errors: dict[str, str],
    with_misses: bool,
) -> None:
    doc: dict[str, Any] = {**figures(summary), "notices": notices, "errors": errors}
    if with_misses:
        doc["misses"] = misses(scores)
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def print_table(
    summary: Summary,
    scores: Sequence[ArticleScore],
    notices: list[str],
    errors: dict[str, str],
    with_misses: bool,
    set_name: str = "dev",
) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(Console().width, 100))
    for notice in notices:
        console.print(f"[yellow]notice:[/] {notice}", highlight=False)
    for slug, error in errors.items():
        console.print(f"[red]error in {slug}:[/] {error}", highlight=False)
    table = Table(title=f"Extraction {set_name} set: {summary.articles} articles (micro-averaged)")
    for column in ("kind", "gold", "predicted", "TP", "FP", "FN", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "kind" else "right", no_wrap=True)
    rows = [(kind, summary.tallies[kind]) for kind in KINDS] + [("all", summary.overall)]
    for kind, t in rows:
        counts = (t.tp + t.fn, t.tp + t.fp, t.tp, t.fp, t.fn)
        rates = (t.precision, t.recall, t.f1)
        cells = [kind, *map(str, counts), *map(_pct, rates)]
        table.add_row(*cells, end_section=kind == KINDS[-1])
    console.print(table)
    fig = figures(summary)
    console.print(
        f"resolution citation counts right: {_pct(fig['resolution_count_accuracy'])} of matched · "
        f"resolution recall ignoring body: {_pct(fig['resolution_recall_any_body'])} · "
        f"statement verbs right: {_pct(fig['statement_verb_accuracy'])} of matched · "
        "statement recall if unlinked speaker surfaces holding the gold name counted: "
        f"{_pct(fig['statement_recall_unlinked_speakers_allowed'])}",
        highlight=False,
    )
    if not with_misses:
        return
    for slug, kinds in misses(scores).items():
        console.print(f"\n[bold]{slug}[/]", highlight=False)
        for kind, lists in kinds.items():
            for label, items in (
                ("missed", lists["false_negatives"]),
                ("spurious", lists["false_positives"]),
            ):
                if items:
                    console.print(
                        f"  {kind:<12} {label:<8} " + " | ".join(items),
                        highlight=False,
                        markup=False,
                    )
