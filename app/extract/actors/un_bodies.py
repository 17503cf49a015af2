"""Where a body's name goes on past its head-noun chain.

Bodies of an international organization named by their purpose: "بعثة الأمم المتحدة لدعم
اتفاق الحديدة", "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية", "وكالة الأمم المتحدة لإغاثة
وتشغيل اللاجئين": a head noun, the parent organization, maybe an adjective (المتكاملة),
then ل and a verbal noun with its object. The purpose phrase, or the seat of an office
("مكتب الأمم المتحدة في جنيف"), is what makes a name: "بعثة الأمم المتحدة" alone is the
United Nations, named by a sub-body.

For the chains of org_chain.py: the places of a commission's mandate ("... بشأن سوريا")
and the place a generic body serves ("المرصد المحلي في درعا") belong to the name.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.extract.actors.candidates import Cand, Form
from app.extract.actors.lexicon import PARTICLES, TIME_WORDS, is_verb
from app.extract.actors.org_lexicon import ABOUT, HEADS, IN, org_head
from app.extract.model import EntityKind
from app.extract.tokens import SPACE, Block, Tok, readings

_INTERNATIONAL = "international"
# "نظام الأمم المتحدة لحقوق الإنسان": the system of bodies, no body of its own
_NO_BODY_HEADS = frozenset({"نظام"})
_BETWEEN = "بين"
_LONGEST_PURPOSE = 5  # words after ل: "لمساعدة المرحلة الانتقالية في السودان"


def purpose_body(block: Block, i: int, gaz: dict[int, Cand]) -> Cand | None:
    """HEAD + PARENT + (adjectives) + ل-PURPOSE..., or None."""
    toks = block.toks
    head = org_head(toks[i].norm)
    parent = gaz.get(i + 1)
    if head is None or head[2] or head[1] in _NO_BODY_HEADS or parent is None or parent.prefix:
        return None
    if parent.kind is not EntityKind.ORGANIZATION or parent.subkind != _INTERNATIONAL:
        return None
    if i + 1 >= len(toks) or toks[i + 1].sep != SPACE:
        return None
    j = parent.last
    while j < len(toks) and toks[j].sep == SPACE and _adjective(toks[j].norm):
        j += 1  # "المتكاملة"
    seat = _seat(block, j, gaz)
    if seat is not None:
        return _body(block, i, head, seat)  # "مكتب الأمم المتحدة في جنيف"
    if j >= len(toks) or toks[j].sep != SPACE or not _purpose(toks[j].norm):
        return None
    end = j + 1
    k = end
    between = False
    while k < len(toks) and toks[k].sep == SPACE and k - j <= _LONGEST_PURPOSE:
        known = gaz.get(k)
        if known is not None:
            # "... بين العراق والكويت": the second of two places takes و
            joined = known.prefix == "و" and between
            if known.kind is not EntityKind.PLACE or (known.prefix and not joined):
                break
            k = end = known.last
            if joined:
                break  # the pair closes the name
            continue
        word = toks[k].norm
        if word in (IN, _BETWEEN) and k + 1 < len(toks) and k + 1 in gaz:
            between = word == _BETWEEN
            k += 1  # "... في السودان": the place closes the name
            continue
        if word in PARTICLES or word in TIME_WORDS or is_verb(word) or not word.isalpha():
            break
        if word[:1] in ("ل", "ب") and not word.startswith("ال"):
            break  # "لمدة ستة أشهر": another phrase
        k = end = k + 1
    return _body(block, i, head, end)


def _body(block: Block, i: int, head: tuple[str, str, bool], end: int) -> Cand:
    toks = block.toks
    prefix, lemma, _ = head
    cand = Cand(block, EntityKind.ORGANIZATION, i, end, prefix, subkind=HEADS[lemma], head=lemma)
    cand.tokens = (toks[i].norm[len(prefix) :], *(t.norm for t in toks[i + 1 : end]))
    return cand


def _seat(block: Block, j: int, gaz: dict[int, Cand]) -> int | None:
    """ "... في جنيف": the city or country an office of the organization sits in; the end
    of the name, or None."""
    toks = block.toks
    if j + 1 >= len(toks) or toks[j].sep != SPACE or toks[j + 1].sep != SPACE or toks[j].norm != IN:
        return None
    place = gaz.get(j + 1)
    if place is None or place.kind is not EntityKind.PLACE or place.prefix:
        return None
    return place.last if place.form is not Form.DEMONYM else None


def _adjective(word: str) -> bool:
    return word.startswith("ال") and word.endswith(("ي", "يه"))


def _purpose(word: str) -> bool:
    """ "لدعم", "للدعم", "لإغاثة": ل on a verbal noun."""
    return any(
        p in ("ل", "لل") and len(s) >= 3 and s not in PARTICLES and not is_verb(s)
        for p, s in readings(word)
    )


def concerning(toks: Sequence[Tok], gaz: dict[int, Cand], j: int, tokens: list[str]) -> int:
    """ "لجنة التحقيق ... بشأن الأرض الفلسطينية المحتلة وإسرائيل": the places a commission
    is about belong to its name; the end of the name."""
    if j + 1 >= len(toks) or toks[j].norm != ABOUT or toks[j + 1].sep != SPACE:
        return j
    place = gaz.get(j + 1)
    if place is None or place.kind is not EntityKind.PLACE or place.prefix:
        return j
    if place.form is Form.DEMONYM:
        return j
    tokens.append(ABOUT)
    tokens.extend(t.norm for t in toks[j + 1 : place.last])
    end = place.last
    other = gaz.get(end) if end < len(toks) and toks[end].sep == SPACE else None
    if other is not None and other.kind is EntityKind.PLACE and other.prefix == "و":
        tokens.extend(t.norm for t in toks[end : other.last])
        end = other.last
    return end


def in_place(
    toks: Sequence[Tok], gaz: dict[int, Cand], j: int, tokens: list[str], *, country: bool = True
) -> int:
    """After a complement, "في سوريا" still belongs to the name; the end of the name."""
    if j + 1 < len(toks) and toks[j].sep == SPACE and toks[j].norm == IN:
        place = gaz.get(j + 1)
        named = place is not None and place.kind is EntityKind.PLACE and not place.prefix
        if named and not country and place is not None and place.subkind == "country":
            return j
        if place is not None and place.subkind == "feature":
            return j  # "المكتب الإعلامي في معبر باب الهوى": a facility is no area a body serves
        if place is not None and named and place.form is not Form.DEMONYM:
            tokens.append(IN)
            tokens.extend(t.norm for t in toks[j + 1 : place.last])
            return place.last
    return j
