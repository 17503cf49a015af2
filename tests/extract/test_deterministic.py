"""The extraction of an article is a function of its text: not of the interpreter's hash
seed, which reorders every set and frozenset from one process to the next."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ARTICLES = Path(__file__).parents[2] / "eval" / "articles"

# Everything the pipeline returns, serialized; `default=str` lets a stray set through as
# its repr, whose order is the hash seed's
_DUMP = """
import dataclasses, json, pathlib, sys
from app.extract.pipeline import extract
from app.ingest.scraped.parser import parse_scraped_text
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    found = extract(parse_scraped_text(path.read_text(encoding="utf-8")))
    print(path.name, json.dumps(dataclasses.asdict(found), ensure_ascii=False, default=str))
"""


def _extract_all(hash_seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run(
        [sys.executable, "-c", _DUMP, str(ARTICLES)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return done.stdout


def test_two_processes_with_different_hash_seeds_extract_the_same() -> None:
    first, second = _extract_all("1"), _extract_all("2")
    assert len(first.splitlines()) == len(list(ARTICLES.glob("*.txt"))) > 0
    assert first == second
