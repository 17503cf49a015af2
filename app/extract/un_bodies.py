"""Bodies of an international organization named by their purpose.

"بعثة الأمم المتحدة لدعم اتفاق الحديدة", "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية",
"وكالة الأمم المتحدة لإغاثة وتشغيل اللاجئين": a head noun, the parent organization, maybe
an adjective (المتكاملة), then ل and a verbal noun with its object. The purpose phrase is
what makes a name: "بعثة الأمم المتحدة" alone is the United Nations, named by a sub-body.
"""

from __future__ import annotations

from app.extract.candidates import Cand
from app.extract.lexer import SPACE, Block, readings
from app.extract.lexicon import PARTICLES, TIME_WORDS, is_verb
from app.extract.model import EntityKind
from app.extract.org_chain import IN, org_head
from app.extract.org_lexicon import HEADS

_INTERNATIONAL = "international"
_LONGEST_PURPOSE = 5  # words after ل: "لمساعدة المرحلة الانتقالية في السودان"


def purpose_body(block: Block, i: int, gaz: dict[int, Cand]) -> Cand | None:
    """HEAD + PARENT + (adjectives) + ل-PURPOSE..., or None."""
    toks = block.toks
    head = org_head(toks[i].norm)
    parent = gaz.get(i + 1)
    if head is None or head[2] or parent is None or parent.prefix:
        return None
    if parent.kind is not EntityKind.ORGANIZATION or parent.subkind != _INTERNATIONAL:
        return None
    if i + 1 >= len(toks) or toks[i + 1].sep != SPACE:
        return None
    j = parent.last
    while j < len(toks) and toks[j].sep == SPACE and _adjective(toks[j].norm):
        j += 1  # "المتكاملة"
    if j >= len(toks) or toks[j].sep != SPACE or not _purpose(toks[j].norm):
        return None
    end = j + 1
    k = end
    while k < len(toks) and toks[k].sep == SPACE and k - j <= _LONGEST_PURPOSE:
        known = gaz.get(k)
        if known is not None:
            if known.kind is not EntityKind.PLACE or known.prefix:
                break
            k = end = known.last
            continue
        word = toks[k].norm
        if word == IN and k + 1 < len(toks) and k + 1 in gaz:
            k += 1  # "... في السودان": the place closes the name
            continue
        if word in PARTICLES or word in TIME_WORDS or is_verb(word) or not word.isalpha():
            break
        if word[:1] in ("ل", "ب") and not word.startswith("ال"):
            break  # "لمدة ستة أشهر": another phrase
        k = end = k + 1
    prefix, lemma, _ = head
    cand = Cand(block, EntityKind.ORGANIZATION, i, end, prefix, subkind=HEADS[lemma], head=lemma)
    cand.tokens = (toks[i].norm[len(prefix) :], *(t.norm for t in toks[i + 1 : end]))
    return cand


def _adjective(word: str) -> bool:
    return word.startswith("ال") and word.endswith(("ي", "يه"))


def _purpose(word: str) -> bool:
    """ "لدعم", "للدعم", "لإغاثة": ل on a verbal noun."""
    return any(
        p in ("ل", "لل") and len(s) >= 3 and s not in PARTICLES and not is_verb(s)
        for p, s in readings(word)
    )
