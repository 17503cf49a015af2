"""Highlights: where each query term matched, in a snippet cut at word boundaries. Matching
runs on the normalized text and maps back, so هيئه highlights «الهيئة» as printed."""

from __future__ import annotations

from typing import NamedTuple

from app.store import views as v
from app.text.normalize import fold_with_map, span_to_original

SNIPPET_RADIUS = 60


class Block(NamedTuple):
    part: str
    position: int
    text: str


def highlights(blocks: list[Block], groups: list[list[str]]) -> list[v.Highlight]:
    """Each query word's first match (in any of its forms), in reading order."""
    found: list[tuple[int, int, v.Highlight]] = []
    pending = list(groups)
    for order, block in enumerate(blocks):
        if not pending:
            break
        # The map as a range when nothing was dropped: most blocks, and no list to build.
        normalized, origin = fold_with_map(block.text)
        for group in list(pending):
            at, form = _first(normalized, group)
            if at < 0:
                continue
            start, end = span_to_original(origin, at, at + len(form))
            cut = snippet(block, start, end)
            highlight = v.Highlight(
                part=block.part,
                index=block.position,
                text=cut.text,
                start=cut.start,
                end=cut.end,
                term=block.text[start:end],  # as printed: سورية, not the folded سوريه
            )
            found.append((order, start, highlight))
            pending.remove(group)
    return [h for _, _, h in sorted(found, key=lambda f: (f[0], f[1]))]


def _first(text: str, forms: list[str]) -> tuple[int, str]:
    """The earliest match of any form, the longest at a tie (وجنيف over جنيف)."""
    hits = [(at, -len(f), f) for f in forms if (at := text.find(f)) >= 0]
    if not hits:
        return -1, ""
    at, _, form = min(hits)
    return at, form


class Cut(NamedTuple):
    text: str
    start: int
    end: int


def snippet(block: Block, start: int, end: int) -> Cut:
    """The words around [start, end) of the block, never cutting a word in two."""
    text = block.text
    lo = max(0, start - SNIPPET_RADIUS)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    hi = min(len(text), end + SNIPPET_RADIUS)
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    return Cut(text[lo:hi], start - lo, end - lo)
