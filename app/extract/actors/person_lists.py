"""A name inside a list whose role follows it: "، وسامر حداد القائم بالأعمال".

In a list parted by commas, an item that opens on و and runs to a definite role noun
is a name and its role: the و and the comma mark the item's start, the role its end.
"""

from __future__ import annotations

from app.extract.actors.candidates import Cand, PersonFind, Title
from app.extract.actors.lexicon import NAME_LINKS, first_names
from app.extract.actors.name_shapes import surname_like
from app.extract.actors.names import Context, name_span, name_token
from app.extract.tokens import COMMA, SPACE

_MOST = 4  # name words in an item


def listed_before_title(ctx: Context, title: Title, floor: int) -> PersonFind | None:
    """ "، وسامر حداد القائم بالأعمال": the item before a definite title, back to its و."""
    toks = ctx.block.toks
    end = title.first
    if title.prefix or end == 0 or toks[end].sep != SPACE or not toks[end].norm.startswith("ال"):
        return None
    start = end - 1
    while start > floor and end - start < _MOST and toks[start].sep == SPACE:
        start -= 1
    while start < end - 1 and not _item_opening(ctx, start):
        start += 1
    if start >= end - 1 or not _item_opening(ctx, start):
        return None
    if not all(name_token(ctx, k, first=False) for k in range(start + 1, end)):
        return None
    person = name_span(ctx, start, end)
    if person is None or not _credible(person, toks[start].norm[1:]):
        return None
    person.prefix = "و"
    person.tokens = (toks[start].norm[1:], *person.tokens[1:])
    return PersonFind(person, [title])


def _item_opening(ctx: Context, k: int) -> bool:
    """و on a name word, right after a comma."""
    tok = ctx.block.toks[k]
    if not tok.sep & COMMA or tok.norm[:1] != "و" or len(tok.norm) < 4:
        return False
    return ctx.covered[k] is None and name_token(ctx, k, first=True)


def _credible(person: Cand, opener: str) -> bool:
    """A known first name opens it, a surname's shape ends it, or it has three words."""
    words = [w for w in person.tokens if w not in NAME_LINKS]
    if len(words) < 2:
        return False
    return opener in first_names() or surname_like(words[-1]) or len(words) >= 3
