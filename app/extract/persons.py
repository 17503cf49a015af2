"""Persons by the patterns of news Arabic: a title next to a name.

- TITLE [،] NAME: "رئيس هيئة التفاوض السورية، بدر جاموس"، "السفيرة بريجيت كرمي"،
  "وزير الخارجية الفرنسي جان نويل بارو"، stacked titles "مبعوثة فرنسا إلى سوريا، السفيرة ..."
- NAME، TITLE: "بدر جاموس، رئيس هيئة التفاوض،" (an apposition after the name)
- SPEECH-VERB NAME: "وقال محمد العبد الله إن..." only when the name starts with a known
  first name or is followed by a title apposition.

A NAME is 2-4 name tokens (links such as عبد، أبو، بن do not count) and stops at
punctuation, particles, verbs, digits, role nouns and organization heads. A title with a
complement and no name ("رئيس الهيئة يلتقي...") is returned as a role reference, which
the resolver may map to the person holding that role in the article.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.extract.candidates import Cand, Form, PersonFind, Title
from app.extract.lexer import COMMA, QUOTE, SPACE, STOP, Tok, bracket_end, comma_gap, soft_gap
from app.extract.lexicon import (
    PARTICLES,
    SPEECH_VERB_FORMS,
    first_names,
    is_verb,
    words,
)
from app.extract.model import EntityKind
from app.extract.names import (
    Context,
    definite_l_genitive,
    ends_name,
    is_boundary_word,
    known_surname,
    name_at,
    name_is_credible,
    name_span,
    name_token,
)
from app.extract.org_lexicon import GENERIC
from app.extract.person_cues import after_leader_cue, before_accusative_role
from app.extract.titles import (
    DOMAINS,
    EU_ADJECTIVES,
    LINK_PREPOSITIONS,
    MODIFIERS,
    UN_ADJECTIVES,
    title_head,
)

_BY_NAME = "باسم"
_LOOSE_LINKS = words("عن في لدى من")
_LOOSE_UNITS = 7  # words (a named entity counts as one) a title may run on before its name
_ACTING = "باعمال"  # "القائم بأعمال رئيس البعثة": one title
_STANDING = "قايم"
_DEPUTIES = words("نائب مساعد وكيل مستشار")
_ALI = "علي"  # the name; the preposition على folds to the same letters
# Owner ranks: a body named in the title itself beats a country, both beat a preposition's.
_RANK_ORG, _RANK_PLACE, _RANK_AFTER, _RANK_IN_COUNTRY = 0, 1, 3, 4
_IN = "في"


def find_persons(ctx: Context) -> tuple[list[PersonFind], list[Title]]:
    finds: list[PersonFind] = []
    roles: list[Title] = []
    toks = ctx.block.toks
    floor = 0  # names found so far end here: an apposition may not reuse them
    i = 0
    while i < len(toks):
        title = _title(ctx, i) if ctx.covered[i] is None else None
        found: PersonFind | None = None
        if title is None:
            found = (
                _after_speech_verb(ctx, i)
                or after_leader_cue(ctx, i)
                or before_accusative_role(ctx, i, floor)
            )
        else:
            found = _before_title(ctx, title, floor) or _after_title(ctx, title)
        if found is not None:
            finds.append(found)
            floor = found.person.last
            i = max([i + 1, found.person.last, *(t.last for t in found.titles)])
        elif title is not None:
            if not title.honorific and (title.owners or title.owner_key):
                roles.append(title)
            i = title.last
        else:
            i += 1
    return finds, roles


def _title(ctx: Context, i: int) -> Title | None:
    toks = ctx.block.toks
    head = title_head(toks[i].norm)
    if head is None:
        return None
    prefix, lemma, honorific = head
    title = Title(ctx.block, i, i + 1, prefix, lemma, honorific=honorific)
    after_prep = genitive_used = False
    j = i + 1
    while j < len(toks) and toks[j].sep == SPACE:
        atom = ctx.atoms.get(j)
        if atom is not None:
            if atom.kind is EntityKind.PERSON or atom.prefix not in ("", "ل", "لل"):
                break
            _add_owner(title, atom, after_prep)
            j = title.last = atom.last
            continue
        word = toks[j].norm
        if (
            word in MODIFIERS
            or word in DOMAINS
            or (word[:1] == "و" and word[1:] in DOMAINS)
            or _nisba(word)
        ):
            _adjective_owner(ctx, title, word)
            j = title.last = j + 1
            continue
        nxt = ctx.atoms.get(j + 1) if j + 1 < len(toks) and toks[j + 1].sep == SPACE else None
        if word == _BY_NAME and nxt is None and _speaks_for_a_role(toks, j + 1):
            j += 1  # "باسم الأمين العام", "باسم الحكومة": the phrase goes on
            continue
        if word == _BY_NAME or word in LINK_PREPOSITIONS:
            if nxt is None or nxt.kind is EntityKind.PERSON or nxt.prefix:
                break
            after_prep = after_prep or word != _BY_NAME
            _add_owner(title, nxt, after_prep, word)
            j = title.last = nxt.last
            continue
        nested = title_head(word)
        if nested is not None and (
            nested[0] in ("ل", "لل") or (not nested[0] and _absorbs(title, toks[j - 1].norm))
        ):
            j = title.last = j + 1  # للأمين العام، نائب رئيس، باسم الأمين العام
            continue
        if word == _ACTING and title.head == _STANDING and j == title.last:
            j = title.last = j + 1
            continue
        if not genitive_used and definite_l_genitive(word):
            genitive_used = True  # "المديرة التنفيذية للبرنامج": the body, named before
            j = title.last = j + 1
            continue
        break
    return title


def _speaks_for_a_role(toks: Sequence[Tok], k: int) -> bool:
    if k >= len(toks) or toks[k].sep != SPACE:
        return False
    return toks[k].norm in DOMAINS or title_head(toks[k].norm) is not None


def _absorbs(title: Title, previous: str) -> bool:
    """ "نائب رئيس الوزراء", "المتحدث باسم الأمين العام": one title, not two."""
    if previous in (_BY_NAME, _ACTING):
        return True
    return title.last == title.first + 1 and title.head in _DEPUTIES


def _nisba(word: str) -> bool:
    """A definite relational adjective (الإسرائيلي، الميداني): part of a title, never a name."""
    return (
        word.startswith("ال")
        and word.endswith(("ي", "يه"))
        and len(word) > 5
        and word not in GENERIC
    )


def _add_owner(title: Title, atom: Cand, after_prep: bool, prep: str = "") -> None:
    title.parts.append(atom)
    if after_prep and atom.kind is EntityKind.PLACE:
        # "وزيرة الدولة ... في قطر" serves Qatar, a consul "في إسطنبول" does not serve the
        # city, and an envoy "إلى سوريا" is sent to it, not by it.
        if prep == _IN and atom.subkind == "country":
            title.owners.append((_RANK_IN_COUNTRY, atom))
        return
    if atom.form is Form.SHORT or atom.kind is EntityKind.ORGANIZATION:
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


def _after_title(ctx: Context, title: Title) -> PersonFind | None:
    toks = ctx.block.toks
    titles = [title]
    j = title.last
    while j < len(toks) and len(titles) < 3 and ctx.covered[j] is None:
        if toks[j].sep & (STOP | QUOTE):
            return _loose_apposition(ctx, titles)
        nxt = _title(ctx, j)
        if nxt is None:
            break
        if nxt.prefix or (toks[j].sep & COMMA and nxt.parts):
            return None  # "...، وزير الخارجية": another person, coordinated
        titles.append(nxt)
        j = nxt.last
    if j >= len(toks):
        return None
    if toks[j].sep & (STOP | QUOTE):
        return _loose_apposition(ctx, titles)
    person = name_at(ctx, j, strict=not toks[j].sep & COMMA) or known_surname(ctx, j)
    if person is None:
        return _loose_apposition(ctx, titles)
    if person.key is None and not name_is_credible(ctx, person):
        return None
    return PersonFind(person, titles)


def _loose_apposition(ctx: Context, titles: list[Title]) -> PersonFind | None:
    """ "عضو اللجنة الدستورية عن وفد المعارضة، طارق الكردي،": the title runs on for a few
    words the grammar above does not know, then a comma and a name closed by punctuation."""
    toks = ctx.block.toks
    title = titles[-1]
    k, units = title.last, 0
    end = k  # the title text stops before a bracketed acronym
    while k < len(toks) and units < _LOOSE_UNITS and soft_gap(ctx.block, k):
        closing = bracket_end(ctx.block, k)
        if closing is not None:  # an acronym in brackets: "(تقدم)"
            k, units = closing, units + 1
            continue
        atom = ctx.atoms.get(k)
        if atom is not None:  # a named body or place counts as one word
            if atom.kind is EntityKind.PERSON:
                return None
            k = end = atom.last
            units += 1
            continue
        word = toks[k].norm
        if ctx.covered[k] is None and (
            is_verb(word) or (word in PARTICLES and word not in _LOOSE_LINKS)
        ):
            return None
        k = end = k + 1
        units += 1
    if k >= len(toks) or not comma_gap(ctx.block, k) or k == title.last:
        return None
    person = name_at(ctx, k, strict=False)
    if person is None or person.key is not None or person.last - person.first > 3:
        return None
    after = toks[person.last].sep if person.last < len(toks) else STOP
    if not after & (COMMA | STOP):
        return None
    for n in range(title.last, end):
        atom = ctx.atoms.get(n)
        if atom is not None and atom.kind is not EntityKind.PERSON and not atom.prefix:
            prep = toks[n - 1].norm
            _add_owner(title, atom, prep in _LOOSE_LINKS, prep)
    title.last = end
    return PersonFind(person, titles)


def _before_title(ctx: Context, title: Title, floor: int) -> PersonFind | None:
    """ "NAME، رئيس X،": an apposition after a name that opens its clause."""
    toks = ctx.block.toks
    if not toks[title.first].sep & COMMA or title.prefix or not (title.owners or title.owner_key):
        return None
    end = title.first
    start = end - 1
    if not name_token(ctx, start, first=False):
        return None
    while end - start < 6 and toks[start].sep == SPACE and name_token(ctx, start - 1, first=False):
        start -= 1
    start = max(start, floor)
    while start < end and not name_token(ctx, start, first=True, strict=False):
        start += 1
    if start >= end or (
        start > 0 and toks[start].sep == SPACE and not is_boundary_word(toks[start - 1].norm)
    ):
        return None
    person = name_span(ctx, start, end)
    return PersonFind(person, [title]) if person is not None else None


def _after_speech_verb(ctx: Context, i: int) -> PersonFind | None:
    toks = ctx.block.toks
    if i + 1 >= len(toks) or toks[i + 1].sep != SPACE or ctx.covered[i + 1] is not None:
        return None
    if toks[i].norm not in SPEECH_VERB_FORMS:
        return None
    person = name_at(ctx, i + 1)
    if person is None or person.key is not None:
        return None
    after = person.last
    if after < len(toks) and toks[after].sep & COMMA:
        title = _title(ctx, after) if ctx.covered[after] is None else None
        if title is not None and not title.prefix and (title.owners or title.owner_key):
            return PersonFind(person, [title])
    if (
        person.tokens[0] in first_names()
        and person.tokens[0] != _ALI
        and ends_name(ctx, person.last)
    ):
        return PersonFind(person)
    return None
