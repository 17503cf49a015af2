"""The head of state inside a body named through him: "نظام الأسد", "نظام بشار الأسد",
"إدارة دونالد ترامب". The body is the government (the organization the gazetteer or the
chain found); the man it is named after is referred to too, and is a person mention of
his own (eval/GUIDELINES.md, "a government or regime named through its head")."""

from __future__ import annotations

from collections.abc import Iterator

from app.extract.actors.candidates import Cand, Form
from app.extract.actors.gazetteer import Gazetteer, per_gazetteer
from app.extract.actors.lexicon import words
from app.extract.actors.matcher import name_tokens
from app.extract.actors.titles import title_head
from app.extract.model import EntityKind
from app.extract.tokens import SPACE, Block, reading_stems

_HEADS = words("نظام حكومة إدارة")
_REGIME = "نظام"
# Nouns of a ruler's time in power, its end, and the forces he commanded: "بعد سقوط الأسد",
# "منذ رحيل القذافي", "قوات القذافي". The surname after one is the man a regime is named
# after (the lion or a place of that spelling takes no such noun).
_RULE_NOUNS = words("سقوط إسقاط رحيل تنحي هروب فرار حكم عهد حقبة إطاحة قوات")
_ELDER = words("الأب")  # "حكم الأسد الأب": the father, not the regime's last head


def regime_heads(block: Block, cands: list[Cand], gazetteer: Gazetteer) -> list[Cand]:
    """A person mention for each head named inside a body's name."""
    bodies = [c for c in cands if c.tokens and c.tokens[0] in _HEADS]  # most blocks: none
    return [person for cand in bodies for person in _heads_in(block, cand, gazetteer)]


def _heads_in(block: Block, cand: Cand, gazetteer: Gazetteer) -> Iterator[Cand]:
    if cand.kind is not EntityKind.ORGANIZATION or not cand.tokens or cand.size < 2:
        return
    if cand.tokens[0] not in _HEADS:
        return
    k = cand.first + 1
    while k < cand.last - 1 and title_head(block.toks[k].norm) is not None:
        k += 1  # "نظام الرئيس بشار الأسد": the title is not his name
    # the longest known name after the head: a chain may have run on past it
    for last in range(cand.last, k + 1, -1):
        key = _known_person(gazetteer, tuple(block.norms[k:last]))
        if key is not None:
            tokens = tuple(block.norms[k:last])
            yield Cand(block, EntityKind.PERSON, k, last, key=key, tokens=tokens)
            return
    surname = block.norms[k]
    if k + 1 == cand.last and cand.key is not None:
        key = _holder_by_surname(gazetteer, cand.key, surname)
        if key is not None:
            yield Cand(
                block, EntityKind.PERSON, k, k + 1, form=Form.SHORT_FORM, key=key, tokens=(surname,)
            )


def ruled_by_surname(block: Block, cands: list[Cand], gazetteer: Gazetteer) -> list[Cand]:
    """ "بعد سقوط الأسد": the head a regime is named after, by his surname alone after a
    noun of his rule."""
    heads = _regime_surnames(gazetteer)
    toks, out = block.toks, []
    covered = {k for c in cands for k in range(c.first, c.last)}
    for k in range(1, len(toks)):
        key = heads.get(toks[k].norm)
        if key is None or k in covered or toks[k].sep != SPACE:
            continue
        if not reading_stems(toks[k - 1].norm) & _RULE_NOUNS:
            continue
        if k + 1 < len(toks) and toks[k + 1].sep == SPACE and toks[k + 1].norm in _ELDER:
            continue
        tokens = (toks[k].norm,)
        out.append(
            Cand(block, EntityKind.PERSON, k, k + 1, form=Form.SHORT_FORM, key=key, tokens=tokens)
        )
    return out


def _known_person(gazetteer: Gazetteer, tokens: tuple[str, ...]) -> str | None:
    ids = {r.entry_id for r in gazetteer.trie_values(tokens) if not r.demonym}
    persons = [i for i in ids if gazetteer.entries[i].kind is EntityKind.PERSON]
    return persons[0] if len(persons) == 1 else None


def _holder_by_surname(gazetteer: Gazetteer, body: str, surname: str) -> str | None:
    """ "نظام الأسد": the one known head of this very body with that last name."""
    found = _holders(gazetteer).get((body, surname), set())
    return next(iter(found)) if len(found) == 1 else None


def prepare(gazetteer: Gazetteer) -> None:
    """Build the indexes of `gazetteer` now rather than in the first article that needs
    them."""
    _holders(gazetteer)
    _regime_surnames(gazetteer)


@per_gazetteer
def _regime_surnames(gazetteer: Gazetteer) -> dict[str, str]:
    """Last name -> the one head of a body the gazetteer spells "نظام <last name>"."""
    owners: dict[str, set[str]] = {}
    for entry in gazetteer.entries.values():
        if entry.kind is not EntityKind.ORGANIZATION:
            continue
        for spelling in entry.spellings:
            tokens = name_tokens(spelling)
            if len(tokens) == 2 and tokens[0] == _REGIME:
                holders = _holders(gazetteer).get((entry.id, tokens[1]), set())
                owners.setdefault(tokens[1], set()).update(holders)
    return {last: next(iter(ids)) for last, ids in owners.items() if len(ids) == 1}


@per_gazetteer
def _holders(gazetteer: Gazetteer) -> dict[tuple[str, str], set[str]]:
    """(body, last name) -> the persons who held a role in it."""
    index: dict[tuple[str, str], set[str]] = {}
    for entry in gazetteer.entries.values():
        if entry.kind is EntityKind.PERSON:
            last = name_tokens(entry.name)[-1]
            for role in entry.roles:
                if role.organization is not None:
                    index.setdefault((role.organization, last), set()).add(entry.id)
    return index
