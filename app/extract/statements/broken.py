"""A sentence a hard-wrapped page broke right after its verb: "وقال" ends one line, and its
subject and content open the next ("رئيس الحراك، محيي الأنصاري، إن ...").

The next line is read with the verb set before it; the statements found there get their spans
back in the line's own offsets (a span that began on the verb begins at the line's start).
"""

from __future__ import annotations

from dataclasses import replace

from app.extract.model import Mention, Statement
from app.extract.statements.verbs import lookup
from app.ingest.model import TextBlock
from app.text.normalize import normalize


def lead_verb(before: str) -> str:
    """The reporting verb the line `before` ends on, mid-sentence; "" if it ends otherwise."""
    ending = before.rstrip()
    if not ending[-1:].isalpha():
        return ""  # a full stop, a comma, a colon: the line ends a clause of its own
    word = ending.rsplit(maxsplit=1)[-1]
    return word if lookup(normalize(word)) is not None else ""


def joined(lead: str, block: TextBlock, mentions: list[Mention]) -> tuple[TextBlock, list[Mention]]:
    """`block` with the verb `lead` set before it, and its mentions moved to match."""
    shift = len(lead) + 1
    moved = [
        replace(m, span=replace(m.span, start=m.span.start + shift, end=m.span.end + shift))
        for m in mentions
    ]
    return TextBlock(block.part, block.index, f"{lead} {block.text}"), moved


def unjoined(statement: Statement, lead: str) -> Statement:
    """A statement read on a joined line, its span back in the line's own offsets."""
    shift, span = len(lead) + 1, statement.span
    start, end = max(span.start - shift, 0), max(span.end - shift, 0)
    return replace(statement, span=replace(span, start=start, end=end))
