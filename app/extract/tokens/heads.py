"""Closed word lists shared across layers, read from data/heads.json.

The glued-word repair (tokens.glued) cuts a token after a title, a speech verb or before an
office word; the actor rules read the same words to find titles and speakers. Kept in one
file so the two cannot drift; a layer that needs more words extends the list in code.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

HEADS_FILE = Path(__file__).resolve().parents[1] / "data" / "heads.json"


@lru_cache(maxsize=1)
def _lists() -> dict[str, list[str]]:
    data = json.loads(HEADS_FILE.read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if isinstance(value, list)}


def head_words(kind: str) -> str:
    """The words of one list ("roles", "honorifics", "speech_verbs", "office_words") as
    written, space-separated like the word-list strings the rules normalize."""
    return " ".join(_lists()[kind])
