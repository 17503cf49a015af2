"""A resolution's own text speaks with its body's voice: "إن مجلس الأمن، / إذ يشير إلى ... /
وإذ يعرب عن ... / 1- يطالب ...". The body that opens the text ("إن" + the body, then a comma,
a colon or the end of the line) is the subject of every clause of its preamble (after إذ or
وإذ) and operative part (a numbered line, or a present verb opening a line), as long as the
lines go on so.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.extract.model import EntityKind, Mention
from app.extract.statements.speakers import Speaker
from app.extract.statements.verbs import Form, lookup
from app.extract.tokens import NormText
from app.text.normalize import normalize

INNA = normalize("إن")
CLAUSE_OPENERS = frozenset(normalize("إذ وإذ").split())
_AFTER_BODY = ("", "،", ",", ":")


def frame_of(
    nt: NormText,
    mentions: Sequence[Mention],
    kinds: dict[str, EntityKind],
    previous: Speaker | None,
) -> Speaker | None:
    """The body whose resolution text block `nt` opens or goes on with, else None."""
    opened = _opening(nt, mentions, kinds)
    if opened is not None:
        return opened
    return previous if previous is not None and _goes_on(nt.text) else None


def _opening(
    nt: NormText, mentions: Sequence[Mention], kinds: dict[str, EntityKind]
) -> Speaker | None:
    text = nt.text
    for mention in mentions:
        if kinds.get(mention.entity_key) is not EntityKind.ORGANIZATION:
            continue
        start, end = nt.from_display(mention.span.start), nt.from_display(mention.span.end)
        before = text[:start].rsplit(maxsplit=2)  # the two words before it are enough
        if before[-1:] != [INNA] or (len(before) > 1 and not before[-2].endswith(":")):
            continue  # "قال إن مجلس الأمن": reported speech about the body
        if text[end:].lstrip()[:1] in _AFTER_BODY:
            return Speaker(mention.entity_key, mention.surface)
    return None


def _goes_on(text: str) -> bool:
    """Whether a line is a clause of the text: "وإذ يعرب"، "2- يدعو"، "يطالب"."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if first in CLAUSE_OPENERS or first[:1].isdigit():
        return True
    found = lookup(first)
    return found is not None and found[1].form is Form.PRESENT
