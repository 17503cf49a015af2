"""A government named through its head: "نظام الرئيس بشار الأسد", "إدارة الرئيس الأمريكي
دونالد ترامب", "حكومة الرئيس عبدربه منصور هادي".

The phrase names the government of the head's country (GUIDELINES §7), whichever of its
heads the article names: the gazetteer's body "ال + head noun + adjective" of the country
the person's roles belong to (النظام السوري، الإدارة الأمريكية، الحكومة اليمنية). The
person stays a mention of his own: he is referred to, not merely part of a name.
"""

from __future__ import annotations

from app.extract.actors.candidates import BlockResult, Cand
from app.extract.actors.gazetteer import Gazetteer
from app.extract.actors.lexicon import words
from app.extract.actors.matcher import name_tokens
from app.extract.actors.titles import title_head
from app.extract.model import EntityKind
from app.extract.tokens import COMMA, SPACE, Block, bare, readings, written_forms
from app.text.normalize import normalize

_HEADS = words("نظام حكومة إدارة")
_CLITICS = frozenset({"", "و", "ل", "ب", "ف", "ول", "وب"})
_HEAD_FORMS = written_forms(_HEADS, _CLITICS)  # every token `_head_before` may read as a head
_BETWEEN = 3  # title words and a demonym between the head noun and the name
_FORMER = (normalize("السابق"),)


def governments_by_head(results: list[BlockResult], gazetteer: Gazetteer) -> None:
    for result in results:
        if _HEAD_FORMS.isdisjoint(result.block.norms):
            continue  # no head noun in the block: most blocks
        found = [
            body
            for cand in result.cands
            if cand.kind is EntityKind.PERSON and cand.key in gazetteer.entries
            for body in [_government(result.block, cand, gazetteer)]
            if body is not None
        ]
        result.cands.extend(found)


def _government(block: Block, person: Cand, gazetteer: Gazetteer) -> Cand | None:
    head_at = _head_before(block, person.first)
    if head_at is None or person.prefix:
        return None
    prefix, head = head_at[1], head_at[2]
    country = _country(gazetteer, person.key or "")
    key = gazetteer.national.get((head, country)) if country else None
    tokens = name_tokens(gazetteer.entries[key].name) if key is not None else ()
    if key is None or len(tokens) - (tokens[-1:] == _FORMER) != 2:
        # "الإدارة الذاتية": no government named after a head noun and adjective (the
        # regime of a past head keeps "السابق": النظام الليبي السابق)
        return None
    toks = block.toks
    return Cand(
        block,
        EntityKind.ORGANIZATION,
        head_at[0],
        person.last,
        prefix,
        key=key,
        subkind="government",
        tokens=(head, *(t.norm for t in toks[head_at[0] + 1 : person.last])),
    )


def _head_before(block: Block, first: int) -> tuple[int, str, str] | None:
    """(index, proclitic, bare head) of "نظام"/"حكومة"/"إدارة" a few title words before."""
    toks = block.toks
    k = first - 1
    # "حكومة الرئيس التركي، رجب طيب أردوغان": the name may stand in apposition
    while k >= 0 and first - k <= _BETWEEN + 1 and _joined(toks[k + 1].sep, k + 1 == first):
        for prefix, stem in readings(toks[k].norm):
            if prefix in _CLITICS and stem in _HEADS:
                return k, prefix, bare(stem)
        if title_head(toks[k].norm) is None and not _adjective(toks[k].norm):
            return None
        k -= 1
    return None


def _joined(sep: int, before_name: bool) -> bool:
    return sep == SPACE or (before_name and sep == COMMA)


def _adjective(word: str) -> bool:
    return word.startswith("ال") and word.endswith("ي")


def _country(gazetteer: Gazetteer, key: str) -> str | None:
    countries = {role.country for role in gazetteer.entries[key].roles if role.country}
    return next(iter(countries)) if len(countries) == 1 else None
