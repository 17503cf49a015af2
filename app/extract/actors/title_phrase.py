"""A title phrase: a role noun and its complement.

"وزير الخارجية الفرنسي", "الأمين العام للأمم المتحدة", "المتحدث باسم الخارجية الروسية",
"مبعوثة فرنسا إلى سوريا", 'المتحدث باسم "قسد"', "مساعد وزير الخزانة لشؤون تمويل الإرهاب",
"الخبير في الشؤون التركية", "القائم بأعمال رئيس البعثة". The bodies and places inside
are its parts; the ones it belongs to are its owners, ranked.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.extract.actors.candidates import Cand, Form, Title
from app.extract.actors.lexicon import NOT_NAMES, PARTICLES, first_names, is_verb, words
from app.extract.actors.names import COMMON_FIRST_NAMES, Context, definite_l_genitive
from app.extract.actors.org_lexicon import GENERIC
from app.extract.actors.place_names import place_first_name
from app.extract.actors.titles import (
    CLERICAL_DEGREES,
    CLERICAL_RANK,
    DOMAINS,
    EU_ADJECTIVES,
    GOD,
    LINK_PREPOSITIONS,
    MODIFIERS,
    UN_ADJECTIVES,
    title_head,
)
from app.extract.model import EntityKind
from app.extract.tokens import QUOTE, SPACE, Tok, soft_gap

_BY_NAME = "باسم"
# "المتحدث باسمها": speaking for the body the sentence named before; the title ends there.
_BY_ITS_NAME = words("باسمه باسمها باسمهم باسمهما")
_ACTING = words("باعمال بالاعمال")  # "القائم بأعمال رئيس البعثة": one title
_STANDING = "قايم"
_DEPUTIES = words("نائب مساعد وكيل مستشار")
AFFAIRS = words("لشؤون للشؤون")  # "وزير الدولة لشؤون الخليج": the portfolio
# Owner ranks: a body named in the title itself beats a country, both beat a preposition's.
_RANK_ORG, _RANK_PLACE, _RANK_AFTER, _RANK_IN_COUNTRY = 0, 1, 3, 4
_IN = "في"
_CLERICAL_COURTESY = words("سيد شيخ")
_MISSIONS = words("سفاره بعثه قنصليه")  # folded: سفارة، بعثة، قنصلية
_ENVOYS = words("سفير قنصل قايم")
_STATE_NOUNS = words("جمهوريه دوله مملكه سلطنه اماره")  # folded: جمهورية، دولة، مملكة...
_COUNTERPART = "نظير"
_CLERICS = _CLERICAL_COURTESY | words("امام")  # folded: إمام


def read_title(ctx: Context, i: int) -> Title | None:
    """The title phrase opened by a role noun at token i, or None."""
    toks = ctx.block.toks
    head = title_head(toks[i].norm)
    if head is None:
        return None
    prefix, lemma, honorific = head
    title = Title(ctx.block, i, i + 1, prefix, lemma, honorific=honorific)
    if lemma == CLERICAL_RANK:
        return _clerical_rank(ctx, title)
    after_prep = genitive_used = False
    j = i + 1
    while j < len(toks) and _joined(ctx, j):
        atom = ctx.atoms.get(j)
        if atom is not None:
            # "المندوب الدائم بالأمم المتحدة": ب on a body is where the role is held
            at_body = atom.prefix == "ب" and atom.kind is EntityKind.ORGANIZATION
            if atom.kind is EntityKind.PERSON or not (atom.prefix in ("", "ل", "لل") or at_body):
                break
            if j > i + 1 and place_first_name(ctx, j) is not None:
                break  # "رئيسة الحكومة الإيطالية جورجيا ميلوني": her name, not a 2nd owner
            add_owner(title, atom, after_prep)
            j = title.last = atom.last
            continue
        word = toks[j].norm
        if (
            word in MODIFIERS
            or word in DOMAINS
            or (word[:1] == "و" and word[1:] in DOMAINS)
            or (_nisba(word) and not _counterpart_surname(ctx, title, word))
        ):
            _adjective_owner(ctx, title, word)
            j = title.last = j + 1
            continue
        nxt = ctx.atoms.get(j + 1) if j + 1 < len(toks) and toks[j + 1].sep == SPACE else None
        if word in _BY_ITS_NAME:
            j = title.last = j + 1
            break
        if word == _BY_NAME and nxt is None and _speaks_for_a_role(toks, j + 1):
            j += 1  # "باسم الأمين العام", "باسم الحكومة": the phrase goes on
            continue
        if word in LINK_PREPOSITIONS and nxt is None and _speaks_for_a_role(toks, j + 1):
            j = title.last = j + 2  # "الخبير في الشؤون التركية": a field, not a body
            continue
        if word == _BY_NAME or word in LINK_PREPOSITIONS:
            nxt = ctx.atoms.get(j + 1) if j + 1 < len(toks) and _joined(ctx, j + 1) else None
            if nxt is None or nxt.kind is EntityKind.PERSON or nxt.prefix:
                break
            after_prep = after_prep or word != _BY_NAME
            add_owner(title, nxt, after_prep, word)
            j = title.last = nxt.last
            continue
        nested = title_head(word)
        if nested is not None and (
            nested[0] in ("ل", "لل") or (not nested[0] and _absorbs(title, toks[j - 1].norm))
        ):
            j = title.last = j + 1  # للأمين العام، نائب رئيس، باسم الأمين العام
            continue
        if word in _ACTING and title.head == _STANDING and j == title.last:
            j = title.last = j + 1
            continue
        if not genitive_used and definite_l_genitive(word):
            genitive_used = True  # "المديرة التنفيذية للبرنامج": the body, named before
            j = title.last = j + 1
            continue
        if word in AFFAIRS:
            j = title.last = _affairs_end(toks, j)  # "لشؤون تمويل الإرهاب"
            continue
        office = _office_noun(ctx, title, j)
        if office:
            j = title.last = j + office  # "رئيس ديوان الرئاسة": the office the role heads
            continue
        if _state_noun(ctx, word, j) or _mission_noun(title, word, j):
            j = title.last = j + 1  # "سفير جمهورية كازاخستان": the state's style, then its name
            continue
        if _unlisted_country(ctx, title, j):
            j = title.last = j + 1
            continue
        break
    return title


def _counterpart_surname(ctx: Context, title: Title, word: str) -> bool:
    """ "نظيره الشيباني": a counterpart's nationality is a demonym the gazetteer reads;
    a nisba it knows as a surname, right after the noun, is the counterpart's name. So
    after a cleric's honorific ("الإمام الخامنئي", "السيد السيستاني"): his family name,
    not an adjective of his."""
    return nisba_named(title) and title.last == title.first + 1 and word in ctx.surnames


def nisba_named(title: Title) -> bool:
    """A title a known surname shaped like an adjective may follow as a name."""
    return title.head == _COUNTERPART or title.head in _CLERICS


def _office_noun(ctx: Context, title: Title, j: int) -> int:
    """ "رئيس ديوان الرئاسة", "مدير مكتب الوزير": a role noun without the article is in
    construct; a bare noun right after it, then a definite one, is the office it heads,
    not a name (no listed first name opens it). The tokens to take: the noun and a
    definite word the gazetteer does not know (2), or the noun alone before a body (1)."""
    toks = ctx.block.toks
    if j != title.first + 1 or title.prefix.endswith("ال") or j + 1 >= len(toks):
        return 0
    head, word, nxt = toks[title.first].norm, toks[j].norm, toks[j + 1]
    if head.startswith("ال") or word.startswith("ال") or word in first_names():
        return 0
    if not word.isalpha() or len(word) < 3 or word in PARTICLES or is_verb(word):
        return 0
    if word in NOT_NAMES or word in MODIFIERS or word in DOMAINS:
        return 0  # "منسق رفيع المستوى": an adjective of the role, not an office
    if ctx.covered[j] is not None or nxt.sep != SPACE or title_head(word) is not None:
        return 0
    atom = ctx.atoms.get(j + 1)
    if atom is not None:
        return 1 if atom.kind is not EntityKind.PERSON and not atom.prefix else 0
    definite = nxt.norm.startswith("ال") and nxt.norm != "ال"
    return 2 if definite and ctx.covered[j + 1] is None else 0


def _state_noun(ctx: Context, word: str, j: int) -> bool:
    """جمهورية، دولة، مملكة before a country's name the gazetteer reads ("سفير جمهورية
    كازاخستان", "سفير مملكة البحرين"): the style of the state that owns the title."""
    if word not in _STATE_NOUNS:
        return False
    toks = ctx.block.toks
    atom = ctx.atoms.get(j + 1)
    return (
        atom is not None
        and toks[j + 1].sep == SPACE
        and not atom.prefix
        and atom.kind is EntityKind.PLACE
        and atom.subkind == "country"
    )


def _mission_noun(title: Title, word: str, j: int) -> bool:
    """ "القائم بأعمال سفارة قطر": the mission an acting head runs is part of his title;
    the country after it is its owner."""
    return word in _MISSIONS and title.head == _STANDING and j == title.last


def _unlisted_country(ctx: Context, title: Title, j: int) -> bool:
    """ "سفير كازخستان رسول ...": an envoy's noun without the article is in construct,
    so the word after it is his country (or his mission's), even one the gazetteer does
    not know or the outlet misspells, when a known first name follows it; or a noun
    with the article, an honorary envoy's cause ("سفير السلام")."""
    toks = ctx.block.toks
    if title.owners or title.head not in _ENVOYS or j != title.last or j + 1 >= len(toks):
        return False
    opener = toks[j - 1].norm
    if opener.startswith("ال") and opener not in _MISSIONS:
        return False  # "السفير فلان": the article makes the name its apposition
    word, nxt = toks[j].norm, toks[j + 1]
    if ctx.covered[j] is not None or word.startswith("و") or word in first_names():
        return False
    if word.startswith("ال"):
        # "سفير السلام حسن ...": an honorary envoy's genitive, then a known first name
        first = nxt.sep == SPACE and ctx.covered[j + 1] is None and nxt.norm in first_names()
        if nxt.norm in COMMON_FIRST_NAMES and _definite_at(toks, j + 2):
            return False  # "سفير النوايا حسن النية": the everyday word and its noun
        return first and not _nisba(word)
    if not word.isalpha() or len(word) < 4 or word in PARTICLES or is_verb(word):
        return False
    if nxt.sep != SPACE or nxt.norm in COMMON_FIRST_NAMES or ctx.covered[j + 1] is not None:
        return False
    if nxt.norm in first_names():
        return True
    after = j + 2  # an unknown word on: two bare words that a boundary closes
    return (
        after < len(toks)
        and toks[after].sep == SPACE
        and ctx.covered[after] is None
        and not toks[after].norm.startswith("ال")
        and _bare_word(nxt.norm)
        and _bare_word(toks[after].norm)
        and (after + 1 >= len(toks) or toks[after + 1].sep != SPACE)
    )


def _definite_at(toks: Sequence[Tok], k: int) -> bool:
    return k < len(toks) and toks[k].norm.startswith("ال")


def _bare_word(word: str) -> bool:
    return word.isalpha() and word not in PARTICLES and not is_verb(word)


def _clerical_rank(ctx: Context, title: Title) -> Title | None:
    """ "آية الله العظمى السيد": آية is a rank before الله only; its degree and a bare
    سيد or شيخ (the article is often left out after the rank) belong to it."""
    toks = ctx.block.toks
    j = title.last
    if j >= len(toks) or toks[j].sep != SPACE or toks[j].norm != GOD:
        return None
    j += 1
    if j < len(toks) and toks[j].sep == SPACE and toks[j].norm in CLERICAL_DEGREES:
        j += 1
    if j < len(toks) and toks[j].sep == SPACE and toks[j].norm in _CLERICAL_COURTESY:
        j += 1
    title.last = j
    return title


def _joined(ctx: Context, j: int) -> bool:
    """Token j continues the phrase: a space before it, or only a quote around a named
    body ('المتحدث باسم "قسد"', 'مديرة جمعية «سنابل» الحقوقية')."""
    tok = ctx.block.toks[j]
    if tok.sep == SPACE:
        return True
    return tok.sep == QUOTE and soft_gap(ctx.block, j) and _quoted_atom_near(ctx, j)


def _quoted_atom_near(ctx: Context, j: int) -> bool:
    atom = ctx.atoms.get(j)
    if atom is not None and atom.kind is not EntityKind.PERSON:
        return True  # the quote opens on a name
    before = ctx.covered[j - 1]
    return before is not None and before.kind is not EntityKind.PERSON  # it closes on one


def _affairs_end(toks: Sequence[Tok], j: int) -> int:
    """After "لشؤون": construct nouns up to the first definite one."""
    k = j + 1
    while k < len(toks) and toks[k].sep == SPACE and k - j <= 3:
        word = toks[k].norm
        if word in PARTICLES or is_verb(word):
            break
        k += 1
        if word.startswith("ال"):
            break
    return k


def _speaks_for_a_role(toks: Sequence[Tok], k: int) -> bool:
    if k >= len(toks) or toks[k].sep != SPACE:
        return False
    return toks[k].norm in DOMAINS or title_head(toks[k].norm) is not None


def _absorbs(title: Title, previous: str) -> bool:
    """ "نائب رئيس الوزراء", "المتحدث باسم الأمين العام": one title, not two."""
    if previous == _BY_NAME or previous in _ACTING:
        return True
    return title.last == title.first + 1 and title.head in _DEPUTIES


def _nisba(word: str) -> bool:
    """A definite relational adjective (الإسرائيلي، الميداني): part of a title; a first
    name of that shape (العياشي، الهادي) opens the name instead."""
    return (
        word.startswith("ال")
        and word.endswith(("ي", "يه"))
        and len(word) > 5
        and word not in GENERIC
        and word not in first_names()
    )


def add_owner(title: Title, atom: Cand, after_prep: bool, prep: str = "") -> None:
    title.parts.append(atom)
    if after_prep and atom.kind is EntityKind.PLACE:
        # "وزيرة الدولة ... في قطر" serves Qatar, a consul "في إسطنبول" does not serve the
        # city, and an envoy "إلى سوريا" is sent to it, not by it.
        if prep == _IN and atom.subkind == "country":
            title.owners.append((_RANK_IN_COUNTRY, atom))
        return
    if atom.form is Form.SHORT_FORM or atom.kind is EntityKind.ORGANIZATION:
        rank = _RANK_AFTER if after_prep else _RANK_ORG
    else:
        rank = _RANK_AFTER if after_prep else _RANK_PLACE
    title.owners.append((rank, atom))


def _adjective_owner(ctx: Context, title: Title, word: str) -> None:
    if title.owner_key is None:
        if word in UN_ADJECTIVES:
            title.owner_key = ctx.un_id
        elif word in EU_ADJECTIVES:
            title.owner_key = ctx.eu_id
