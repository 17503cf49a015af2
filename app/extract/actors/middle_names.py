"""Known persons written with a middle name the gazetteer leaves out: "هانا سيروا تيتيه"
for هانا تيتيه. The press gives a father's or a second given name at will; the first
name and the surname still say who it is. Only two-word names are indexed (a first name
and a surname), and a pair two known persons share names neither."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.extract.actors.candidates import Cand, Form
from app.extract.actors.gazetteer import Gazetteer, per_gazetteer
from app.extract.actors.lexicon import NAME_LINKS, NOT_NAMES, PARTICLES, is_verb
from app.extract.actors.matcher import name_tokens
from app.extract.actors.titles import title_head
from app.extract.model import EntityKind
from app.extract.tokens import SPACE, Block, Tok

_MIDDLE_WORDS = 2  # "محمد يونس أحمد المنفي" at most


@per_gazetteer
def two_word_names(gazetteer: Gazetteer) -> Mapping[str, Mapping[str, str]]:
    """first name -> surname -> person id, for persons named by two words."""
    owners: dict[tuple[str, str], set[str]] = {}
    for entry in gazetteer.entries.values():
        if entry.kind is not EntityKind.PERSON:
            continue
        for spelling in entry.spellings:
            tokens = name_tokens(spelling)
            if len(tokens) == 2 and not set(tokens) & NAME_LINKS:
                owners.setdefault((tokens[0], tokens[1]), set()).add(entry.id)
    index: dict[str, dict[str, str]] = {}
    for (first, last), ids in owners.items():
        if len(ids) == 1:
            index.setdefault(first, {})[last] = next(iter(ids))
    return index


def with_middle_names(block: Block, gazetteer: Gazetteer, taken: list[bool]) -> list[Cand]:
    """Known two-word names with one or two middle words between, on free tokens."""
    index = two_word_names(gazetteer)
    toks = block.toks
    out: list[Cand] = []
    after = 0
    for i, word in enumerate(block.norms):
        if i < after or taken[i]:
            continue
        prefix = "" if word in index else "و" if word[1:] in index and word[:1] == "و" else None
        if prefix is None:
            continue
        stem = word[len(prefix) :]
        lasts = index[stem]
        end = _surname_end(toks, i, lasts, taken)
        if end:
            key = lasts[toks[end - 1].norm]
            words = (stem, *block.norms[i + 1 : end])
            out.append(
                Cand(block, EntityKind.PERSON, i, end, prefix, Form.NAME, key=key, tokens=words)
            )
            after = end
    return out


def _surname_end(toks: Sequence[Tok], i: int, lasts: Mapping[str, str], taken: list[bool]) -> int:
    """One past the surname when one or two middle words follow the first name, else 0."""
    for k in range(i + 2, min(i + 2 + _MIDDLE_WORDS, len(toks))):
        if any(toks[m].sep != SPACE or taken[m] for m in range(i + 1, k + 1)):
            return 0
        if not _middle_word(toks[k - 1].norm):
            return 0
        if toks[k].norm in lasts:
            return k + 1
    return 0


def _middle_word(word: str) -> bool:
    """A word that may be a given name: no article, no particle, role, verb or noun."""
    return (
        word.isalpha()
        and len(word) >= 2
        and not word.startswith("ال")
        and word not in PARTICLES
        and word not in NOT_NAMES
        and not is_verb(word)
        and title_head(word) is None
    )
