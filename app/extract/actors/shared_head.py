"""Two bodies sharing one head in the dual: "مجلسي الشيوخ والنواب الأمريكيين" names the
Senate and the House, "وزارتي الدفاع والخارجية التركيتين" two ministries. Each conjunct is
its own body, named with the head in the singular and the shared adjective in the singular
("مجلس الشيوخ الأمريكي", "مجلس النواب الأمريكي"); the gazetteer's entry when it has one.

Only with the shared adjective after both conjuncts (a country's or another nisba): without
it ("مجلسي النواب والشيوخ") the chambers' country is the article's business (national.py).
"""

from __future__ import annotations

from app.extract.actors.candidates import Cand
from app.extract.actors.gazetteer import Gazetteer
from app.extract.actors.matcher import name_tokens
from app.extract.model import EntityKind
from app.extract.tokens import SPACE, Block
from app.text.normalize import normalize

# the dual (nominative and oblique) of a head -> (singular as written, feminine)
_DUALS = {
    normalize(dual): (singular, feminine)
    for singular, feminine, duals in [
        ("مجلس", False, "مجلسي مجلسا"),
        ("وزارة", True, "وزارتي وزارتا"),
        ("لجنة", True, "لجنتي لجنتا"),
    ]
    for dual in duals.split()
}
_PROCLITICS = "وبل"
_WRITTEN = frozenset(_DUALS) | {p + d for p in _PROCLITICS for d in _DUALS}
_AND = "و"
_DUAL_OR_PLURAL = ("يين", "يان", "يتين", "يتان")  # الأمريكيين, التركيتين


def shared_head_bodies(block: Block, gazetteer: Gazetteer) -> list[Cand]:
    """The two bodies of each dual head with two coordinated definite conjuncts and a
    shared nisba (see module doc)."""
    out: list[Cand] = []
    norms, toks = block.norms, block.toks
    if _WRITTEN.isdisjoint(norms):
        return out  # most blocks: no dual head, told by one set operation
    for i in range(len(norms) - 3):
        prefix, head = _dual(norms[i])
        if head is None or any(toks[k].sep != SPACE for k in range(i + 1, i + 4)):
            continue
        first, second, adjective = norms[i + 1], norms[i + 2], norms[i + 3]
        if not (first.startswith("ال") and second.startswith(_AND + "ال")):
            continue
        if not (adjective.startswith("ال") and adjective.endswith(_DUAL_OR_PLURAL)):
            continue
        singular, feminine = head
        shared = _singular(block.text(toks[i + 3].start, toks[i + 3].end), feminine)
        one = block.text(toks[i + 1].start, toks[i + 1].end)
        other = block.text(toks[i + 2].start, toks[i + 2].end)[len(_AND) :]
        out.append(_body(block, i, i + 2, prefix, f"{singular} {one} {shared}", gazetteer))
        out.append(_body(block, i + 2, i + 4, _AND, f"{singular} {other} {shared}", gazetteer))
    return out


def _dual(word: str) -> tuple[str, tuple[str, bool] | None]:
    if word in _DUALS:
        return "", _DUALS[word]
    if word[:1] in _PROCLITICS and word[1:] in _DUALS:
        return word[:1], _DUALS[word[1:]]
    return "", None


def _singular(adjective: str, feminine: bool) -> str:
    """ "الأمريكيين" -> "الأمريكي" (or "الأمريكية" after a feminine head)."""
    stem = adjective
    for ending in ("يتين", "يتان", "يين", "يان"):
        if normalize(stem).endswith(ending):
            stem = stem[: -len(ending)] + "ي"
            break
    return stem + ("ة" if feminine else "")


def _body(block: Block, first: int, last: int, prefix: str, name: str, gaz: Gazetteer) -> Cand:
    cand = Cand(block, EntityKind.ORGANIZATION, first, last, prefix=prefix, canonical=name)
    cand.tokens = name_tokens(name)
    refs = gaz.trie_values(cand.tokens)
    known = [r.entry_id for r in refs if not r.demonym and r.entry_id.startswith("org:")]
    cand.key = known[0] if known else f"new:{EntityKind.ORGANIZATION.value}:{' '.join(cand.tokens)}"
    return cand
