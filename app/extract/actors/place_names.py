"""Place names that are first names too: "جورجيا ميلوني" is a woman, "جورجيا" a country.

After a title that already has its complement ("رئيسة الحكومة الإيطالية"), such a word
with one name word after it, then a boundary, is a first name: the title needs no
second owner, and a country is not followed by a lone bare name.
"""

from __future__ import annotations

from app.extract.actors.candidates import Cand
from app.extract.actors.lexicon import words
from app.extract.actors.names import Context, ends_name, name_span, name_token
from app.extract.model import EntityKind
from app.extract.tokens import SPACE

# Countries and cities written like a given name (folded).
_PLACE_FIRST_NAMES = words("جورجيا صوفيا فيكتوريا")


def place_first_name(ctx: Context, j: int) -> Cand | None:
    """The two-word name a place-like first name at token j opens, or None."""
    atom = ctx.atoms.get(j)
    if atom is None or atom.kind is not EntityKind.PLACE or atom.prefix or atom.size != 1:
        return None
    toks = ctx.block.toks
    k = atom.last
    if toks[j].norm not in _PLACE_FIRST_NAMES or k >= len(toks) or toks[k].sep != SPACE:
        return None
    if toks[k].norm.startswith("ال") or not name_token(ctx, k, first=False):
        return None
    return name_span(ctx, j, k + 1) if ends_name(ctx, k + 1) else None
