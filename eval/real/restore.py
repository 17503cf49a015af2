"""Rebuild eval/real/.cache from saved search answers: `python -m eval.real.restore ANSWER.json...`.

Each ANSWER.json is the search tool's answer to an annotation's recorded `query` (pages
corpus), saved as returned: {"results": [{"url": ..., "excerpt": ...}, ...]}. A result whose
url is an annotation's url and whose excerpt has the recorded sha256 is written to
`.cache/<id>.txt`; anything else is reported and left alone. The tool may return a long url
cut short: such a result restores the annotation whose url it begins, but only when its text
is exactly the recorded one. `--list` prints each query still to
run, with the ids whose text it restores.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eval.real.loader import (
    REAL_DIR,
    annotation_dir,
    cache_dir,
    cache_problem,
    load_annotation,
)
from eval.real.schema import Annotation


@dataclass(slots=True)
class Restored:
    written: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)  # url found, text differs


def annotations_by_url(root: Path) -> dict[str, list[Annotation]]:
    by_url: dict[str, list[Annotation]] = {}
    for path in sorted(annotation_dir(root).glob("*.json")):
        annotation = load_annotation(path)
        by_url.setdefault(annotation.url, []).append(annotation)
    return by_url


def results_of(answer: Any) -> list[tuple[str, str]]:
    """(url, excerpt) of every result in one saved answer."""
    results = answer.get("results", []) if isinstance(answer, dict) else []
    return [
        (r["url"], r["excerpt"])
        for r in results
        if isinstance(r, dict)
        and isinstance(r.get("url"), str)
        and isinstance(r.get("excerpt"), str)
    ]


def shortened_matches(
    by_url: dict[str, list[Annotation]], url: str, excerpt: str
) -> list[Annotation]:
    """Annotations whose longer url starts with `url` and whose recorded text is `excerpt`."""
    return [
        annotation
        for full, annotations in by_url.items()
        if full.startswith(url) and full != url
        for annotation in annotations
        if cache_problem(annotation, excerpt) is None
    ]


def restore(answers: list[Any], root: Path = REAL_DIR) -> Restored:
    by_url = annotations_by_url(root)
    done = Restored()
    cache_dir(root).mkdir(exist_ok=True)
    for answer in answers:
        for url, excerpt in results_of(answer):
            for annotation in by_url.get(url) or shortened_matches(by_url, url, excerpt):
                if cache_problem(annotation, excerpt) is not None:
                    done.mismatched.append(annotation.id)
                    continue
                path = cache_dir(root) / f"{annotation.id}.txt"
                path.write_text(excerpt, encoding="utf-8", newline="")
                done.written.append(annotation.id)
    return done


def missing_queries(root: Path = REAL_DIR) -> list[tuple[str, str]]:
    """(id, query) of the annotations whose cached text is absent."""
    out = []
    for path in sorted(annotation_dir(root).glob("*.json")):
        annotation = load_annotation(path)
        if not (cache_dir(root) / f"{annotation.id}.txt").is_file():
            out.append((annotation.id, annotation.query))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.real.restore", description=__doc__.split("\n")[0]
    )
    parser.add_argument("answers", nargs="*", type=Path, help="saved search answers (JSON)")
    parser.add_argument("--root", type=Path, default=REAL_DIR, help="folder holding annotations/")
    parser.add_argument("--list", action="store_true", help="print the queries still to run")
    args = parser.parse_args(argv)
    if args.list:
        by_query: dict[str, list[str]] = {}
        for excerpt_id, query in missing_queries(args.root):
            by_query.setdefault(query, []).append(excerpt_id)
        for query, ids in by_query.items():  # one search answers every id of its query
            sys.stdout.write(f"{query}\t{' '.join(ids)}\n")
        return 0
    answers = [json.loads(p.read_text(encoding="utf-8")) for p in args.answers]
    done = restore(answers, args.root)
    sys.stdout.write(f"written: {' '.join(sorted(set(done.written))) or '-'}\n")
    if done.mismatched:
        sys.stdout.write(f"url found but text changed: {' '.join(sorted(set(done.mismatched)))}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
