"""Names inside lists: "، وسامر حداد القائم بالأعمال", "في كل من فرنسا سامر حداد، ...".

In a list parted by commas, an item that opens on و and runs to a definite role noun
is a name and its role: the و and the comma mark the item's start, the role its end.
A list of countries after "كل من" may pair each country with a name (envoys, ministers):
the country opens the item, a comma or the next country closes the name.
"""

from __future__ import annotations

from app.extract.actors.candidates import Cand, PersonFind, Title
from app.extract.actors.lexicon import NAME_LINKS, first_names, words
from app.extract.actors.name_shapes import surname_like
from app.extract.actors.names import Context, name_at, name_is_credible, name_span, name_token
from app.extract.model import EntityKind
from app.extract.tokens import COMMA, SPACE, STOP

_MOST = 4  # name words in an item
EACH = words("كل وكل")
_OF = "من"
_COUNTRY_PREFIXES = ("", "و")


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


def country_pairs(ctx: Context, i: int) -> list[Cand]:
    """ "سفراء لبنان في كل من فرنسا سامر حداد، وقبرص نبيل خوري": after "كل من", each
    country then a name that a comma, a stop or the next country closes. One pair must
    be credible by itself, or two pairs make the list."""
    toks = ctx.block.toks
    k = i + 2
    if k >= len(toks) or toks[i + 1].norm != _OF or toks[i + 1].sep != SPACE:
        return []
    out: list[Cand] = []
    while k < len(toks):
        start = _past_country(ctx, k, listed=bool(out))
        if not start or start >= len(toks) or toks[start].sep != SPACE:
            break
        person = name_at(ctx, start, strict=False)
        if person is None or not _item_closed(ctx, person.last):
            break
        out.append(person)
        k = person.last
    if len(out) == 1 and not (out[0].key or name_is_credible(ctx, out[0])):
        return []
    return out


def _past_country(ctx: Context, k: int, *, listed: bool) -> int:
    """Where the name after the country at k starts (0: no country there). Once the list
    is established, an unknown word after a comma before a known first name is a country
    the gazetteer does not spell so ("،كازخستان سامر ...")."""
    atom = ctx.atoms.get(k)
    if atom is not None:
        country = atom.kind is EntityKind.PLACE and atom.subkind == "country"
        return atom.last if country and atom.prefix in _COUNTRY_PREFIXES else 0
    toks = ctx.block.toks
    if not listed or not toks[k].sep & COMMA or ctx.covered[k] is not None:
        return 0
    nxt = k + 1
    if nxt >= len(toks) or not toks[k].norm.isalpha() or toks[nxt].norm not in first_names():
        return 0
    return nxt


def _item_closed(ctx: Context, k: int) -> bool:
    toks = ctx.block.toks
    if k >= len(toks) or toks[k].sep & (COMMA | STOP):
        return True
    atom = ctx.atoms.get(k)
    return atom is not None and atom.kind is EntityKind.PLACE and atom.prefix == "و"
