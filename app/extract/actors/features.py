"""Named geographic features and facilities: a feature noun and its name.

"معبر رفح", "نهر بردى", "ميناء جيهان", "مطار دمشق الدولي", "قاعدة الضمير الجوية", "مخيم
جنين": the feature noun belongs to the name (the crossing is not the town, the camp is not
the city), so the mention spans both and the town inside it is not a mention of its own.
A base (قاعدة, also "rule") needs a known place or an adjective such as الجوية.
"""

from __future__ import annotations

from functools import lru_cache

from app.extract.actors.candidates import Cand, Form
from app.extract.actors.lexicon import words
from app.extract.actors.places import CONSTRUCT, accusative, place_token
from app.extract.model import EntityKind
from app.extract.tokens import SPACE, Block, readings, written_forms
from app.text.memo import CANDIDATES

FEATURES = words("معبر ميناء مطار قاعدة نهر مضيق جزيرة بحيرة هضبة مخيم")
_NEEDS_ADJECTIVE = words("قاعدة")
# A port or an airport is named after its town and stands for it ("ميناء الحديدة"): a
# known town is the mention; an unknown one is the place, the phrase its alias.
_OF_A_TOWN = words("ميناء مطار")
_LINKS = words("أبو أم بن")
_TRAILING = words("الجوية الجوي البحرية البحري العسكرية العسكري الدولي الحدودي")
_FORMS = written_forms(FEATURES)  # every token `_feature` may accept


def find_features(block: Block, gaz: dict[int, Cand]) -> list[Cand]:
    """Feature candidates of a block; `gaz` holds gazetteer matches by first token."""
    out: list[Cand] = []
    if _FORMS.isdisjoint(block.norms):
        return out
    toks, norms = block.toks, block.norms
    # only the tokens `_feature` may accept (a set test, not a call each); the last one
    # heads no name
    for i in [k for k, word in enumerate(norms[:-1]) if word in _FORMS]:
        feature = _feature(norms[i])
        if feature is None or i in gaz or toks[i + 1].sep != SPACE:
            continue
        prefix, lemma = feature
        known = gaz.get(i + 1)
        if known is not None:
            if known.kind is not EntityKind.PLACE or known.prefix or known.form is Form.DEMONYM:
                continue
            if lemma in _OF_A_TOWN:
                continue
            end: int | None = known.last
        else:
            end = _name_end(block, i + 1)
        if end is None:
            continue
        last = end
        adjective = last < len(toks) and toks[last].sep == SPACE and toks[last].norm in _TRAILING
        if lemma in _NEEDS_ADJECTIVE and known is None and not adjective:
            continue
        last += adjective
        cand = Cand(block, EntityKind.PLACE, i, last, prefix, subkind="feature")
        cand.tokens = (lemma, *(t.norm for t in toks[i + 1 : last]))
        if lemma in _OF_A_TOWN:
            cand.tokens = cand.tokens[1:]
            cand.canonical = block.text(toks[i + 1].start, toks[end - 1].end)
        out.append(cand)
    return out


def _name_end(block: Block, j: int) -> int | None:
    """One name word, or a construct word and the next ("باب الهوى"); a link and one more
    word may follow ("كرم أبو سالم", "تل أبو سليم"). None if no name."""
    toks = block.toks
    word = toks[j].norm
    if word in CONSTRUCT:
        end = j + 2
        if end > len(toks) or toks[j + 1].sep != SPACE or not place_token(toks[j + 1].norm):
            return None
        if toks[j + 1].norm not in _LINKS:
            return _linked(block, end)
        # "تل أبو سليم": the construct word's complement is itself a compound
        after = _linked(block, j + 1)
        return after if after > j + 1 else None
    shown = block.text(toks[j].start, toks[j].end)
    if (
        not place_token(word)
        or accusative(shown)
        or (shown.endswith("ي") and not word.startswith("ال"))
    ):
        return None  # "معبر إنساني": an indefinite adjective names nothing ("بردى" may)
    return _linked(block, j + 1)


def _linked(block: Block, end: int) -> int:
    """ "كرم" + "أبو سالم": a link and a name word after a name go with it; `end` is one
    past the name so far."""
    toks = block.toks
    k = end + 1
    if k >= len(toks) or toks[end].norm not in _LINKS:
        return end
    return k + 1 if toks[end].sep == toks[k].sep == SPACE and place_token(toks[k].norm) else end


@lru_cache(maxsize=CANDIDATES)
def _feature(token: str) -> tuple[str, str] | None:
    """(proclitic, feature noun) for an indefinite feature noun: "ومعبر", "لميناء"."""
    for prefix, stem in readings(token):
        if stem in FEATURES and not prefix.endswith(("ال", "لل")):
            return prefix, stem
    return None
