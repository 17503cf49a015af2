"""A body named only inside a position: "رئيس الحكومة اللبنانية نواف سلام".

The government after the head of government's title says which office he holds; it is no
body acting in the story (GUIDELINES §2: a position in a title does not make the government
an organization), unless the article also names that government on its own. Its mention
stays, as a title form, so the holder's affiliation still points at the government.
"""

from __future__ import annotations

from app.extract.actors.candidates import BlockResult, Cand, Form
from app.extract.actors.lexicon import words
from app.extract.actors.org_lexicon import NAMED_ADJECTIVES
from app.extract.actors.titles import title_head
from app.extract.model import EntityKind
from app.extract.tokens import Block, bare
from app.text.normalize import normalize

_GOVERNMENT_WORDS = words("الحكومة حكومة")
_CABINET = tuple(normalize("مجلس الوزراء").split())
_HEAD_ROLES = frozenset({normalize("رئيس")})
# "رئيس لجنة الدعوة والمساجد", "عضو لجنة الطعون", "نائب رئيس هيئة الأركان": a
# committee named by common nouns inside a member's title places the member, it is no body
# acting in the story unless the article names it on its own too.
_MEMBER_ROLES = frozenset(normalize(w) for w in ("رئيس", "عضو", "مقرر", "أمين"))
_COMMITTEES = frozenset(normalize(w) for w in ("لجنة", "هيئة"))


def title_headed_governments(results: list[BlockResult]) -> None:
    """Mark the cabinets named only after a head-of-government title as named by a title,
    and the committees named by common nouns only after a member's title."""
    headed: list[Cand] = []
    free: set[str] = set()
    for result in results:
        for cand in result.cands:
            if cand.kind is not EntityKind.ORGANIZATION:
                continue
            if cand.key is None:
                if _common_committee(cand) and _after_title(result.block, cand, _MEMBER_ROLES):
                    headed.append(cand)
                else:
                    free.add(" ".join(cand.tokens))
            elif _cabinet(cand) and _after_title(result.block, cand, _HEAD_ROLES):
                headed.append(cand)
            elif cand.form is Form.NAME:
                free.add(cand.key)
    for cand in headed:
        if (cand.key or " ".join(cand.tokens)) not in free:
            cand.form = Form.TITLE  # kept for the holder's affiliation, counted as no name


def _cabinet(cand: Cand) -> bool:
    """A government named by its country alone ("الحكومة اللبنانية", "مجلس الوزراء
    العراقي"); not one with a name of its own ("حكومة الوحدة الوطنية")."""
    tokens = cand.tokens
    if len(tokens) == 2 and tokens[0] in _GOVERNMENT_WORDS:
        return tokens[1].startswith("ال") and tokens[1].endswith("يه")
    return tokens[:2] == _CABINET and len(tokens) <= 3


def _common_committee(cand: Cand) -> bool:
    """ "لجنة الطعون والتأديب", "هيئة الأركان العامة": a committee or staff named by what it
    does, in common nouns, with no place, no name and no naming adjective."""
    head, *rest = cand.tokens or ("",)
    if bare(head) not in _COMMITTEES or not rest or cand.quoted:
        return False
    if not rest[0].startswith("ال"):
        return False  # "لجنة تنسيق إعادة الانتشار": a construct of its own, a proper name
    return not any(
        word.lstrip("و") in NAMED_ADJECTIVES or word.endswith(("يه", "ي")) or not word.isalpha()
        for word in rest
    )


def _after_title(block: Block, cand: Cand, roles: frozenset[str]) -> bool:
    if cand.first == 0 or cand.prefix:
        return False
    head = title_head(block.toks[cand.first - 1].norm)
    return head is not None and head[1] in roles
