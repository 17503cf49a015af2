"""eval/real on disk: annotations (committed) paired with their cached texts (git-ignored).

A cached text is used only when its sha256 and length are the ones recorded: a page that
changed, or a cache written by hand with a typo, is reported instead of scored.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from eval.gold import EVAL_DIR
from eval.real.schema import Annotation

REAL_DIR = EVAL_DIR / "real"


@dataclass(frozen=True, slots=True)
class RealArticle:
    annotation: Annotation
    text: str

    @property
    def id(self) -> str:
        return self.annotation.id


@dataclass(slots=True)
class RealSet:
    articles: list[RealArticle] = field(default_factory=list)
    annotations: int = 0
    missing: list[str] = field(default_factory=list)  # ids whose cache file is absent
    problems: dict[str, str] = field(default_factory=dict)  # id or file -> what is wrong


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def annotation_dir(root: Path) -> Path:
    return root / "annotations"


def cache_dir(root: Path) -> Path:
    return root / ".cache"


def load_annotation(path: Path) -> Annotation:
    annotation = Annotation.model_validate(json.loads(path.read_text(encoding="utf-8")))
    if annotation.id != path.stem:
        raise ValueError(f"file {path.name} holds id {annotation.id}")
    return annotation


def cache_problem(annotation: Annotation, text: str) -> str | None:
    """Why a cached text is not the recorded excerpt, or None when it is."""
    if sha256_text(text) != annotation.sha256:
        return f"sha256 mismatch (cache has {len(text)} characters, expected {annotation.length})"
    if len(text) != annotation.length:
        return f"length {len(text)} != recorded {annotation.length}"
    return None


def load_real_set(roots: list[Path] | None = None) -> RealSet:
    """Every annotation under each root's annotations/, with its text from root/.cache/."""
    result = RealSet()
    seen: set[str] = set()
    for root in roots or [REAL_DIR]:
        for path in sorted(annotation_dir(root).glob("*.json")):
            result.annotations += 1
            try:
                annotation = load_annotation(path)
            except (ValidationError, ValueError) as exc:
                result.problems[path.name] = f"invalid annotation: {exc}"
                continue
            if annotation.id in seen:
                result.problems[annotation.id] = "id annotated twice"
                continue
            seen.add(annotation.id)
            _attach_text(result, annotation, cache_dir(root) / f"{annotation.id}.txt")
    result.articles.sort(key=lambda a: a.id)
    return result


def _attach_text(result: RealSet, annotation: Annotation, path: Path) -> None:
    if not path.is_file():
        result.missing.append(annotation.id)
        return
    # newline="" keeps the text byte for byte: no CRLF translation.
    with path.open(encoding="utf-8", newline="") as handle:
        text = handle.read()
    problem = cache_problem(annotation, text)
    if problem is not None:
        result.problems[annotation.id] = problem
        return
    result.articles.append(RealArticle(annotation, text))
