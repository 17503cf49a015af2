"""A body named only inside a position: "رئيس الحكومة اللبنانية نواف سلام".

The government after the head of government's title says which office he holds; it is no
body acting in the story (GUIDELINES §2: a position in a title does not make the government
an organization), unless the article also names that government on its own. Its mention
stays, as a title form, so the holder's affiliation still points at the government.
"""

from __future__ import annotations

from app.extract.actors.candidates import BlockResult, Cand, Form
from app.extract.actors.lexicon import words
from app.extract.actors.titles import title_head
from app.extract.model import EntityKind
from app.extract.tokens import Block
from app.text.normalize import normalize

_GOVERNMENT_WORDS = words("الحكومة حكومة")
_CABINET = tuple(normalize("مجلس الوزراء").split())
_HEAD_ROLES = frozenset({normalize("رئيس")})


def title_headed_governments(results: list[BlockResult]) -> None:
    """Mark the cabinets named only after a head-of-government title as named by a title."""
    headed: list[Cand] = []
    free: set[str] = set()
    for result in results:
        for cand in result.cands:
            if cand.kind is not EntityKind.ORGANIZATION or cand.key is None:
                continue
            if _cabinet(cand) and _after_head_title(result.block, cand):
                headed.append(cand)
            elif cand.form is Form.NAME:
                free.add(cand.key)
    for cand in headed:
        if cand.key not in free:
            cand.form = Form.TITLE  # kept for the holder's affiliation, counted as no name


def _cabinet(cand: Cand) -> bool:
    """A government named by its country alone ("الحكومة اللبنانية", "مجلس الوزراء
    العراقي"); not one with a name of its own ("حكومة الوحدة الوطنية")."""
    tokens = cand.tokens
    if len(tokens) == 2 and tokens[0] in _GOVERNMENT_WORDS:
        return tokens[1].startswith("ال") and tokens[1].endswith("يه")
    return tokens[:2] == _CABINET and len(tokens) <= 3


def _after_head_title(block: Block, cand: Cand) -> bool:
    if cand.first == 0 or cand.prefix:
        return False
    head = title_head(block.toks[cand.first - 1].norm)
    return head is not None and head[1] in _HEAD_ROLES
