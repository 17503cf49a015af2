"""Organizations by their head noun and its genitive/adjective chain.

"المجلس الوطني الكردي", "هيئة تحرير الشام", "وزارة الخارجية التركية": a head noun
(هيئة، مجلس، وزارة...) followed, with no punctuation between, by indefinite construct
nouns, then definite genitives and adjectives; places and demonyms inside the chain are
part of the name. The chain stops at particles, verbs, digits, another head or a role
noun. A chain that names nothing in particular ("وزارة الخارجية", "قوات الأمن",
"المجلس المحلي") is kept as *weak*: it becomes a mention only if the article also names
the full body it abbreviates. A head alone with the article (الهيئة، الائتلاف) is a
short form for the resolver.
"""

from __future__ import annotations

from functools import lru_cache

from app.extract.candidates import Cand, Form
from app.extract.lexer import COMMA, QUOTE, SPACE, STOP, Block, bare, clean_display, readings
from app.extract.lexicon import PARTICLES, TIME_WORDS, is_verb
from app.extract.model import EntityKind
from app.extract.org_lexicon import (
    ADJECTIVES,
    DEFINITE_L,
    DESCRIPTORS,
    GENERIC,
    HEADS,
    L_GENITIVES,
    MERGEABLE,
    MINISTRY,
    MINISTRY_DOMAINS,
    NAMED_ADJECTIVES,
    NEEDS_PLACE,
    NEEDS_PLACE_WHEN_DEFINITE,
    NOT_PROPER,
    PROPER_HEADS,
    QUOTE_AFTER,
    QUOTED_HEADS,
    VAGUE,
)
from app.extract.titles import title_head


@lru_cache(maxsize=65536)
def org_head(token: str) -> tuple[str, str, bool] | None:
    """(proclitic, head lemma, definite) when the token is an organization head noun."""
    for prefix, stem in readings(token):
        lemma = bare(stem)
        if lemma in HEADS:
            return prefix, lemma, stem.startswith("ال") or prefix.endswith(("ال", "لل"))
    return None


def quoted_name(block: Block, i: int) -> Cand | None:
    """صحيفة "الوطن"، فريق "منسقو استجابة سوريا": a head noun then a name in quotes.

    The mention is the quoted name; the canonical name puts the head in front of it."""
    toks = block.toks
    head = _quoted_head(toks[i].norm)
    if head is None or i + 1 >= len(toks) or toks[i + 1].sep & (COMMA | STOP) != 0:
        return None
    if not toks[i + 1].sep & QUOTE:
        return None
    k = i + 2
    while k < len(toks) and toks[k].sep == SPACE and k - i <= 4:
        k += 1
    closing = (
        toks[k].sep & QUOTE if k < len(toks) else QUOTE_AFTER.match(block.source.text, toks[-1].end)
    )
    if not closing or k - i > 4:
        return None
    cand = Cand(block, EntityKind.ORGANIZATION, i + 1, k, subkind=HEADS.get(head[1], "other"))
    cand.tokens = (head[1], *(t.norm for t in toks[i + 1 : k]))
    cand.head = head[1]
    cand.canonical = f"{QUOTED_HEADS[head[1]]} {clean_display(cand.surface)}"
    return cand


@lru_cache(maxsize=65536)
def _quoted_head(token: str) -> tuple[str, str] | None:
    return next(((p, s) for p, s in readings(token) if s in QUOTED_HEADS), None)


def find_orgs(block: Block, gaz: dict[int, Cand]) -> list[Cand]:
    """Organization candidates of a block; `gaz` holds gazetteer matches by first token."""
    out: list[Cand] = []
    i, n = 0, len(block.toks)
    while i < n:
        known = gaz.get(i)
        head = org_head(block.toks[i].norm)
        found: Cand | None = None
        if head is not None:
            found = _chain(block, i, head, gaz)
        if known is not None:
            found = _prefer_known(known, found, block)
            if found is known and known.kind is not EntityKind.ORGANIZATION:
                i = known.last
                continue
        elif found is None:
            found = _ministry(block, i, gaz) or quoted_name(block, i)
        if found is not None:
            out.append(found)
            i = found.last
            continue
        i += 1
    return out


def _prefer_known(known: Cand, chain: Cand | None, block: Block) -> Cand:
    """A chain that only adds a MERGEABLE adjective to a known body is that body."""
    if chain is None or chain.last <= known.last:
        return known
    extra = [block.toks[k].norm for k in range(known.last, chain.last)]
    if known.kind is EntityKind.ORGANIZATION and all(w in MERGEABLE for w in extra):
        known.last = chain.last
        return known
    return chain


def _chain(block: Block, i: int, head: tuple[str, str, bool], gaz: dict[int, Cand]) -> Cand | None:
    prefix, lemma, definite = head
    toks = block.toks
    tokens = [("ال" if definite else "") + lemma]
    seen_definite, indefinite, used_and = definite, 0, False
    specific = has_place = False
    generic_only = True
    proper = 0  # definite words of the chain that are not generic
    after_l = False
    end = None  # one past the last token that may close the chain
    j = i + 1
    while j < len(toks) and toks[j].sep == SPACE:
        known = gaz.get(j)
        if known is not None:
            if known.kind is not EntityKind.PLACE or known.prefix:
                break
            tokens.extend(toks[k].norm for k in range(j, known.last))
            specific = has_place = seen_definite = True
            j = end = known.last
            continue
        word = toks[j].norm
        if word in L_GENITIVES:
            generic_only = False
            after_l = True  # "لحقوق الإنسان": the genitive noun of the ل-phrase may follow
            tokens.append(word)
            if word in DEFINITE_L:
                seen_definite, end = True, j + 1
            j += 1
            continue
        if word.startswith("و") and len(word) > 4 and word[1:3] == "ال":
            if used_and or not seen_definite or _stops_chain(word[1:]):
                break
            used_and = True
            stem = word[1:]
        else:
            stem = word
        if _stops_chain(stem) or toks[j].latin or _has_preposition(stem):
            break
        if stem.startswith("ال"):
            if seen_definite and not after_l and not _adjective(stem):
                break  # "الائتلاف الوطني المجتمع الدولي": a noun starts the object
            after_l = False
            seen_definite = True
            specific = specific or (stem in NAMED_ADJECTIVES and stem not in VAGUE)
            generic_only = generic_only and stem in GENERIC
            proper += stem not in GENERIC
            end = j + 1
        elif seen_definite or indefinite >= 2 or is_verb(stem):
            break  # not looks_like_verb: ت-nouns are common here (تحرير، تنظيم)
        else:
            indefinite += 1
            generic_only = False  # "هيئة تحرير الشام": a construct chain names a body
        tokens.append(word)
        j += 1
    if end is None:
        end = _proper_name_end(block, i, j, lemma, definite, indefinite)
        if end is None:
            return None
        generic_only = False
    weak = _is_weak(lemma, definite, specific or proper >= 2, has_place, generic_only)
    return Cand(
        block,
        EntityKind.ORGANIZATION,
        i,
        end,
        prefix,
        subkind=HEADS[lemma],
        weak=weak,
        head=lemma,
        tokens=tuple(tokens[: len(tokens) - (j - end)]),
    )


def _proper_name_end(
    block: Block, i: int, j: int, lemma: str, definite: bool, indefinite: int
) -> int | None:
    """ "حركة حماس،": an indefinite head, one bare proper name, then a clear boundary."""
    if definite or indefinite != 1 or j != i + 2 or lemma not in PROPER_HEADS:
        return None
    word = block.toks[i + 1].norm
    if len(word) < 3 or word.endswith(("ي", "ه")) or word in NOT_PROPER or word in GENERIC:
        return None
    if j < len(block.toks) and block.toks[j].sep == SPACE:
        nxt = block.toks[j].norm
        if not (nxt in PARTICLES or is_verb(nxt) or nxt[:1] in ("ب", "ل")):
            return None
    return j


def _is_weak(lemma: str, definite: bool, specific: bool, place: bool, generic: bool) -> bool:
    if lemma in NEEDS_PLACE or (definite and lemma in NEEDS_PLACE_WHEN_DEFINITE):
        return not place
    if definite:
        return not specific
    return generic and not specific


def _adjective(word: str) -> bool:
    """A definite word that can qualify a name: a nisba (الوطني، السورية) or a listed one."""
    return word.endswith(("ي", "يه", "يين", "يون", "يان")) or word in ADJECTIVES


def _has_preposition(word: str) -> bool:
    """بأن، للحكومة، بالقرار: a proclitic preposition never sits inside a name's chain."""
    rest = word[1:]
    return word[:1] in ("ب", "ل", "ك") and (rest in PARTICLES or rest.startswith("ال"))


def _stops_chain(word: str) -> bool:
    return (
        word in DESCRIPTORS
        or word in PARTICLES
        or word in TIME_WORDS
        or is_verb(word)
        or word.isdigit()
        or bare(word) in HEADS
        or title_head(word) is not None
    )


def _ministry(block: Block, i: int, gaz: dict[int, Cand]) -> Cand | None:
    """ "الخارجية الروسية" (feminine demonym agreeing with the ministry) -> وزارة ..."""
    toks = block.toks
    domain = _ministry_domain(toks[i].norm)
    if domain is not None and i + 1 < len(toks) and toks[i + 1].sep == SPACE:
        prefix, stem = domain
        place = gaz.get(i + 1)
        if place is None or place.form is not Form.DEMONYM or not place.tokens[-1].endswith("يه"):
            return None
        cand = Cand(
            block,
            EntityKind.ORGANIZATION,
            i,
            place.last,
            prefix,
            subkind="government",
            head=MINISTRY,
            tokens=(MINISTRY, stem, *place.tokens),
        )
        cand.canonical = "وزارة " + clean_display(cand.surface)
        return cand
    return None


@lru_cache(maxsize=65536)
def _ministry_domain(token: str) -> tuple[str, str] | None:
    return next(((p, s) for p, s in readings(token) if s in MINISTRY_DOMAINS), None)


def short_forms(block: Block, taken: list[bool]) -> list[Cand]:
    """Heads with the article standing alone (الهيئة، للائتلاف): short forms to resolve."""
    out: list[Cand] = []
    for i, tok in enumerate(block.toks):
        if taken[i]:
            continue
        head = org_head(tok.norm)
        if head is None or not head[2]:
            continue
        nxt = block.toks[i + 1] if i + 1 < len(block.toks) else None
        if (
            nxt is not None
            and nxt.sep == SPACE
            and nxt.norm.startswith("ال")
            and nxt.norm not in PARTICLES
            and nxt.norm not in TIME_WORDS
        ):
            continue  # "الهيئة العامة": another phrase, not the short form
        prefix, lemma, _ = head
        out.append(
            Cand(
                block,
                EntityKind.ORGANIZATION,
                i,
                i + 1,
                prefix,
                form=Form.SHORT,
                weak=True,
                head=lemma,
                tokens=("ال" + lemma,),
            )
        )
    return out
