"""Proclitics of news Arabic, for matching names that carry them (وسوريا، للهيئة، بالائتلاف)."""

from __future__ import annotations

# Longest first; all in normalized form. "ال" is handled by callers since names may carry it.
_PREFIXES = (
    "وبال",
    "وبال",
    "فبال",
    "وكال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)
# The same without repeats, in the order readings are tried.
PREFIXES: tuple[str, ...] = tuple(dict.fromkeys(_PREFIXES))
# The prefixes by their first letter, in that order: a token is tried only against the
# prefixes its first letter may begin (most tokens begin none).
_BY_INITIAL: dict[str, tuple[str, ...]] = {
    initial: tuple(p for p in PREFIXES if p[0] == initial)
    for initial in dict.fromkeys(p[0] for p in PREFIXES)
}


def clitic_splits(token: str) -> list[tuple[str, str]]:
    """All (prefix, stem) readings of a normalized token, the bare one first.

    "لل" stands for ل + ال, so its stem gets the article back: للهيئه -> (لل, الهيئه).
    """
    readings = [("", token)]
    for prefix in _BY_INITIAL.get(token[:1], ()):
        if len(token) - len(prefix) < 2 or not token.startswith(prefix):
            continue
        stem = token[len(prefix) :]
        if prefix.endswith("لل"):
            readings.append((prefix, "ال" + stem))
            continue
        readings.append((prefix, stem))
    return readings


def strip_article(token: str) -> str:
    """الهيئه -> هيئه; leaves short words alone so "الا" stays."""
    return token[2:] if token.startswith("ال") and len(token) > 4 else token
