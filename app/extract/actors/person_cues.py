"""Persons announced by a cue word rather than a title.

- LEADER CUE NAME: "بقيادة أحمد العودة"، "برئاسة محمد المنفي" ("led by", "chaired by").
- NAME ROLE-ACCUSATIVE: "تعيين ناجي عيسى محافظاً للمصرف"، "انتخاب X رئيساً": the role a
  person is appointed to follows the name in the accusative (رئيساً، نائباً، مبعوثاً).

- NATIONALITY NAME: "خلفاً للكاميرونية كليمنتين سلامي": a nationality with the article,
  standing as a noun, then a name.

- NAME، KNOWN-AS ...: "علي محمد علي عبد الرحمن، المعروف بعلي كوشيب": whoever is "known
  as" someone is a person.

All need a credible name: a known first name, or a clear cue right before it.
"""

from __future__ import annotations

from app.extract.actors.candidates import Cand, Form, PersonFind
from app.extract.actors.lexicon import NAME_LINKS, first_names, words
from app.extract.actors.name_shapes import surname_like
from app.extract.actors.names import (
    COMMON_FIRST_NAMES,
    Context,
    ends_name,
    name_at,
    name_span,
    name_token,
)
from app.extract.actors.titles import ACCUSATIVE_ROLES
from app.extract.model import EntityKind
from app.extract.tokens import COMMA, SPACE

LEADER_CUES = words("بقيادة برئاسة بزعامة")
# Words that announce an appointment: the name after them is the appointee.
_APPOINTING = words("""
    تعيين عين عينت انتخاب انتخب انتخبت تكليف كلف كلفت اختيار اختار اختارت ترشيح رشح رشحت
    تسمية سمى سمت
""")
# "، المعروف بـ": the phrase that gives a person's other name (nickname, nom de guerre).
KNOWN_AS = words("المعروف المعروفة الملقب الملقبة المكنى الشهير")
_LONGEST_NAME = 4  # name words, links (عبد، بن) not counted
_CONJUNCTIONS = ("", "و", "ف", "ب")  # "وبقيادة", "بتعيين": written forms, for a set lookup
LEADER_FORMS = frozenset(p + w for w in LEADER_CUES for p in _CONJUNCTIONS)
_APPOINTING_FORMS = frozenset(p + w for w in _APPOINTING for p in _CONJUNCTIONS)


def after_leader_cue(ctx: Context, i: int) -> PersonFind | None:
    """ "بقيادة أحمد العودة،": a name right after a leader cue."""
    toks = ctx.block.toks
    if toks[i].norm not in LEADER_FORMS:
        return None
    j = i + 1
    if j >= len(toks) or toks[j].sep != SPACE or ctx.covered[j] is not None:
        return None
    person = name_at(ctx, j)
    if person is None or person.key is not None:
        return None
    if person.tokens[0] in first_names() or ends_name(ctx, person.last):
        return PersonFind(person)
    return None


def before_accusative_role(ctx: Context, i: int, floor: int) -> PersonFind | None:
    """ "تعيين ناجي عيسى محافظاً": two or three name tokens, then a role in the accusative."""
    toks = ctx.block.toks
    if not accusative_role(toks[i].norm) or ctx.covered[i] is not None or toks[i].sep != SPACE:
        return None
    for size in (3, 2):
        start = i - size
        if start < floor or any(toks[k].sep != SPACE for k in range(start + 1, i)):
            continue
        prefix = _conjunction(toks[start].norm)
        first_ok = bool(prefix) or name_token(ctx, start, first=True, strict=False)
        if not first_ok or not all(name_token(ctx, k, first=False) for k in range(start + 1, i)):
            continue
        stem = toks[start].norm[len(prefix) :]
        cued = start > 0 and _appointing(toks[start - 1].norm) and toks[start].sep == SPACE
        if not (cued or stem in first_names()):
            continue
        tokens = (stem, *(toks[k].norm for k in range(start + 1, i)))
        return PersonFind(Cand(ctx.block, EntityKind.PERSON, start, i, prefix, tokens=tokens))
    return None


def accusative_role(token: str) -> bool:
    """رئيساً، نائباً، مبعوثاً: a role noun with the accusative alef (not an honorific)."""
    return token in ACCUSATIVE_ROLES


def _conjunction(token: str) -> str:
    """ "ومرعي": و on a known first name, the second of two appointees."""
    return "و" if token[:1] == "و" and token[1:] in first_names() else ""


def _appointing(token: str) -> bool:
    return token in _APPOINTING_FORMS


def before_known_as(ctx: Context, i: int, floor: int) -> PersonFind | None:
    """ "محاكمة علي محمد علي عبد الرحمن، المعروف بعلي كوشيب": the longest run of name
    words before the comma that opens on a known first name."""
    toks = ctx.block.toks
    if toks[i].norm not in KNOWN_AS or not toks[i].sep & COMMA or i == 0:
        return None
    if i + 1 >= len(toks) or toks[i + 1].sep != SPACE or toks[i + 1].norm[:1] != "ب":
        return None
    start, counted, best = i, 0, None
    while start - 1 >= floor and name_token(ctx, start - 1, first=False):
        start -= 1
        counted += toks[start].norm not in NAME_LINKS
        if counted > _LONGEST_NAME:
            break
        if toks[start].norm in first_names() and counted >= 2:
            best = start
        if toks[start].sep != SPACE:
            break
    if best is None:
        return None
    person = name_span(ctx, best, i)
    return PersonFind(person) if person is not None else None


def after_demonym(ctx: Context, i: int) -> PersonFind | None:
    """ "للكاميرونية كليمنتين سلامي", "الأمريكي جون سميث": a nationality with the article,
    then a name that a known first name opens (no everyday word) or a family name ends,
    closed by a boundary."""
    toks = ctx.block.toks
    atom = ctx.atoms[i]
    if atom.form is not Form.DEMONYM or atom.size != 1 or not _definite(toks[i].norm):
        return None
    j = atom.last
    if j >= len(toks) or toks[j].sep != SPACE or ctx.covered[j] is not None:
        return None
    opener = toks[j].norm
    if opener in COMMON_FIRST_NAMES:
        return None
    person = name_at(ctx, j)
    if person is None or person.key is not None or not ends_name(ctx, person.last):
        return None
    if opener in first_names() or surname_like(person.tokens[-1]):
        return PersonFind(person)
    return PersonFind(person) if _demonym_list(ctx, i, person) else None


def _demonym_list(ctx: Context, i: int, person: Cand) -> bool:
    """ "بكل من الأمريكية سارة ستون، البريطاني كولن هيل": items of a list that each name a
    nationality, then a name, are names however unknown: the list opens on "كل من", or
    a comma parts the item from another of the same shape."""
    toks = ctx.block.toks
    if person.size > 3:
        return False
    if i >= 2 and toks[i - 1].norm == _FROM and toks[i - 2].norm in _EACH:
        return True
    end = person.last
    if end < len(toks) and toks[end].sep & COMMA and _demonym_at(ctx, end):
        return True
    if not toks[i].sep & COMMA:
        return False
    # the item before: a nationality, then up to three words, up to this comma
    return any(_demonym_at(ctx, k) for k in range(max(0, i - 4), i - 2))


def _demonym_at(ctx: Context, k: int) -> bool:
    atom = ctx.atoms.get(k)
    if atom is None or atom.form is not Form.DEMONYM or atom.size != 1:
        return False
    toks = ctx.block.toks
    return _definite(toks[k].norm) and all(
        toks[m].sep == SPACE and ctx.covered[m] is None for m in range(k + 1, min(k + 3, len(toks)))
    )


_FROM = "من"
_EACH = words("كل بكل لكل")


def _definite(word: str) -> bool:
    return word.startswith(("ال", "لل", "بال", "وال"))
