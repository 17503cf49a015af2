"""A name and its acronym in brackets: "بعثة الأمم المتحدة لمساعدة العراق (يونامي)",
"تنسيقية القوى الديمقراطية المدنية (تقدم)", "وكالة الأنباء الرسمية (سانا)".

The bracketed word names the body just before it. When the gazetteer knows the acronym,
the name before it is that body, however the article words it; when it does not, the
acronym becomes a name of the body for the rest of the article. The name before the
brackets is the organization candidate ending there, or else the phrase from the nearest
head noun (بعثة، هيئة...) up to the bracket, over at most ten words of one clause.
"""

from __future__ import annotations

from app.extract.actors.candidates import Cand
from app.extract.actors.lexicon import PARTICLES, TIME_WORDS, is_verb, words
from app.extract.actors.org_lexicon import HEADS, NOT_PROPER, SOCIAL_NETWORKS, org_head
from app.extract.actors.titles import title_head
from app.extract.model import EntityKind
from app.extract.tokens import SPACE, Block, bracket_end

_LONGEST_PHRASE = 10
_LINKS = words("في عن على ضد")  # "... في السودان (يونيتامس)", "الدفاع عن ..."
ORG = EntityKind.ORGANIZATION


def bracketed_acronyms(block: Block, selected: list[Cand]) -> list[Cand]:
    """The candidates of a block once every "NAME (ACRONYM)" is read; `selected` is a
    non-overlapping list, returned with phrases added and what they cover removed."""
    toks = block.toks
    if "(" not in block.source.text:
        return sorted(selected, key=lambda c: c.first)  # no bracket opens anywhere
    for k in range(1, len(toks)):
        close = bracket_end(block, k, longest=3)
        if close is None or any(toks[n].latin or toks[n].norm.isdigit() for n in range(k, close)):
            continue
        if close == k + 1 and (
            len(toks[k].norm) < 2 or toks[k].norm in SOCIAL_NETWORKS or toks[k].norm in TIME_WORDS
        ):
            continue  # "(ب)": a lettered clause; "منصة (إكس)": a network; "(أبريل)": a month
        if close == k + 1 and _describing(toks[k].norm):
            continue  # "صحيفة الأهرام (حكومية)": what the body is, not its acronym
        if title_head(toks[k].norm) is not None:
            continue  # "عضو مجلس الوزراء (الوزير المرافق)": a role of the person, no name
        inner = [c for c in selected if k <= c.first < close]
        if inner and (len(inner) > 1 or inner[0].kind is not ORG or inner[0].last != close):
            continue  # the brackets hold something else: a place, a person, two names
        phrase = next((c for c in selected if c.last == k and c.kind is ORG), None)
        if phrase is None:
            phrase = _headed_phrase(block, k)
            if phrase is None:
                continue
            selected = [c for c in selected if not c.overlaps(phrase)] + [phrase]
        if inner:
            known = inner[0]
            if known.key is not None and (phrase.key is None or phrase.key == known.key):
                phrase.key, phrase.weak = known.key, False
            continue
        if close == k + 1 and (head := org_head(toks[k].norm)) is not None and head[2]:
            continue  # "(الجبهة)": a head noun is a short form, not a name
        acronym = Cand(block, ORG, k, close, tokens=tuple(t.norm for t in toks[k:close]))
        acronym.same_as = phrase
        phrase.weak = False
        selected.append(acronym)
    return sorted(selected, key=lambda c: c.first)


def _describing(word: str) -> bool:
    """A feminine nisba (حكومية، اللاإنسانية) or a describing participle (معارض، مستقل)
    says what the body before it is; acronyms are words of their own (يونامي، أونروا)."""
    return (word.endswith("يه") and len(word) > 4) or word in NOT_PROPER


def _headed_phrase(block: Block, k: int) -> Cand | None:
    """The words from the nearest org head noun back from token k, up to k."""
    toks = block.toks
    j = k - 1
    while j >= 0 and k - j <= _LONGEST_PHRASE:
        word = toks[j].norm
        if is_verb(word) or (word in PARTICLES and word not in _LINKS):
            return None
        head = org_head(word)
        if head is not None:
            prefix, lemma, _ = head
            cand = Cand(block, ORG, j, k, prefix, subkind=HEADS[lemma], head=lemma)
            cand.tokens = (word[len(prefix) :], *(t.norm for t in toks[j + 1 : k]))
            return cand
        if toks[j].sep != SPACE:
            return None
        j -= 1
    return None
