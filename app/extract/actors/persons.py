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

from collections.abc import Mapping, Sequence

from app.extract.actors.candidates import Cand, Form, PersonFind, Title
from app.extract.actors.lexicon import (
    NAME_LINKS,
    PARTICLES,
    SPEECH_VERB_FORMS,
    first_names,
    is_verb,
    words,
)
from app.extract.actors.name_shapes import surname_like
from app.extract.actors.names import (
    COMMON_FIRST_NAMES,
    Context,
    ends_name,
    is_boundary_word,
    known_surname,
    name_at,
    name_is_credible,
    name_span,
    name_token,
    waw_word,
)
from app.extract.actors.person_cues import (
    KNOWN_AS,
    LEADER_FORMS,
    after_demonym,
    after_leader_cue,
    before_accusative_role,
    before_known_as,
)
from app.extract.actors.person_lists import EACH, country_pairs, listed_before_title
from app.extract.actors.place_names import place_first_name
from app.extract.actors.sovereigns import RANK_OF_TITLE
from app.extract.actors.title_phrase import add_owner, nisba_named, read_title
from app.extract.actors.titles import (
    ACCUSATIVE_ROLES,
    ADJECTIVE_ROLES,
    DECEASED,
    DOMAINS,
    GROUP_TITLES,
    PEOPLE_NOUNS,
    TITLE_FORMS,
    title_head,
)
from app.extract.model import EntityKind
from app.extract.tokens import (
    COMMA,
    QUOTE,
    QUOTES,
    SPACE,
    STOP,
    Tok,
    bracket_end,
    comma_gap,
    gap,
    soft_gap,
)
from app.ingest.model import Part

_LOOSE_LINKS = words("عن في لدى من إلى الى")
_LONGEST_NAME = 6  # tokens, links included: "عبد الله بن عبد العزيز آل سعود"
_LOOSE_UNITS = 7  # words (a named entity counts as one) a title may run on before its name
# What is named after a monarch: "مطار الملك خالد", "جائزة السلطان قابوس".
NAMED_AFTER_HEADS = words("""
    جامعة مطار شارع مسجد جائزة ميناء قاعة جسر مدينة قصر ملعب مستشفى مركز كلية مدرسة مجمع
    مؤسسة معهد مكتبة حديقة طريق قاعدة ساحة مبنى برنامج صندوق وسام جامع دار
    وجامعة ومطار وشارع ومسجد وجائزة ومدينة ومركز ومؤسسة
""")
_ROLE_FIRST_NAMES = words("مساعد أمين")  # role nouns given as first names
_ALI = "علي"  # the name; the preposition على folds to the same letters
_KUNYA = words("أبو أم")  # "أبو محمد الحلبي": father (mother) of, then a first name
# Verbs and cues after which a known first name opens a name as after a speech verb:
# "التقى سامر حداد الوفد", "بحسب سامر حداد".
_MEETING = words("""
    التقى التقت استقبل استقبلت زار زارت هاتف هاتفت رافق رافقت ترأس ترأست ودع ودعت
    بحسب حسب وفق
""")
_MEETING_FORMS = frozenset(p + w for w in _MEETING for p in ("", "و", "ف"))
_MEETING_NOUNS = words("استقبال لقاء اتصال مقابلة استقباله لقائه اتصاله")
# "د. سامر حداد", "م. كمال الخطيب": doctor and engineer abbreviated, a dot after the letter.
_ABBREVIATED = words("د م")
_PILGRIM = words("الحاج والحاج")
# The words a pattern other than a title opens on: a speech verb, a leader cue, a role in the
# accusative, "المعروف". Every other token is skipped at the cost of one set lookup.
_CUES = (
    SPEECH_VERB_FORMS
    | _MEETING_FORMS
    | LEADER_FORMS
    | ACCUSATIVE_ROLES
    | KNOWN_AS
    | _ABBREVIATED
    | _PILGRIM
    | EACH
)
# "والنواب ...": a plural title opens a list after و as well as bare
_GROUP_FORMS = GROUP_TITLES | {"و" + word for word in GROUP_TITLES}
_OPENERS = TITLE_FORMS | _CUES | _GROUP_FORMS  # every token a title or a cue may open on


def find_persons(ctx: Context) -> tuple[list[PersonFind], list[Title]]:
    finds: list[PersonFind] = [] if (opening := _opening_surname(ctx)) is None else [opening]
    roles: list[Title] = []
    norms = ctx.block.norms
    floor = 0  # names found so far end here: an apposition may not reuse them
    covered = ctx.covered
    i = 0  # the first token not read yet
    firsts = first_names()
    openers = _opening_words(ctx.lone_surnames)
    for at in _positions(ctx, norms, openers):
        if at < i:
            continue
        i = at
        word = norms[i]
        if word not in openers:  # a nationality as a noun: "للكاميرونية كليمنتين ..."
            after = after_demonym(ctx, i)
            if after is not None:
                finds.append(after)
                floor = i = after.person.last
            continue
        if word not in _OPENERS and word not in firsts:
            surname = _lone_surname(ctx, i)
            if surname is not None:
                finds.append(PersonFind(surname))
                floor = i = surname.last
            continue
        if word not in _OPENERS:
            bare_name = _bare_name(ctx, i) or _subject(ctx, i) if covered[i] is None else None
            if bare_name is not None:
                finds.append(PersonFind(bare_name))
                finds += [PersonFind(other) for other in coordinated_names(ctx, bare_name.last)]
                floor = i = finds[-1].person.last
            continue
        title = (
            read_title(ctx, i)
            if covered[i] is None and title_head(word) is not None and not _qualifies(ctx, i)
            else None
        )
        if word in _GROUP_FORMS and covered[i] is None:
            title = _group_title(ctx, i)
        found: PersonFind | None = None
        if title is None:
            if word not in _CUES:
                continue
            if word in EACH:
                pairs = country_pairs(ctx, i) or _each_of(ctx, i)
                finds += [PersonFind(p) for p in pairs]
                if pairs:
                    floor = i = pairs[-1].last
                continue
            found = (
                _after_speech_verb(ctx, i)
                or _after_abbreviation(ctx, i)
                or _after_pilgrim(ctx, i)
                or after_leader_cue(ctx, i)
                or before_accusative_role(ctx, i, floor)
                or before_known_as(ctx, i, floor)
            )
        else:
            found = (
                _before_title(ctx, title, floor)
                or _after_title(ctx, title)
                or listed_before_title(ctx, title, floor)
            )
        if found is not None:
            finds.append(found)
            finds += [PersonFind(other) for other in _coordinated_after(ctx, found)]
            floor = finds[-1].person.last
            i = max([i + 1, floor, *(t.last for t in found.titles)])
        elif title is not None:
            if not title.honorific and (title.owners or title.owner_key or _bare(title)):
                roles.append(title)
            i = title.last
            others = _list_past_a_known_man(ctx, title)
            if others:
                finds += [PersonFind(other) for other in others]
                floor = i = others[-1].last
    return finds, roles


def _each_of(ctx: Context, i: int) -> list[Cand]:
    """ "وقال كل من سامر حداد ونبيل خوري": "each of", then names a known first name opens."""
    toks, k = ctx.block.toks, i + 2
    if k >= len(toks) or toks[i + 1].norm != "من" or toks[k].sep != SPACE:
        return []
    person = name_at(ctx, k, strict=False)
    if person is None or not (person.key or person.tokens[0] in first_names()):
        return []
    return [person, *coordinated_names(ctx, person.last)]


def _list_past_a_known_man(ctx: Context, title: Title) -> list[Cand]:
    """ "وحضر عماد الطرابلسي، رئيس الجهاز، وطارق حسن": a list goes on past the title
    set off by commas after a man the gazetteer knows."""
    toks = ctx.block.toks
    first, last = title.first, title.last
    if first == 0 or not toks[first].sep & COMMA or last >= len(toks):
        return []
    before = ctx.covered[first - 1]
    if before is None or before.kind is not EntityKind.PERSON or before.key is None:
        return []
    return coordinated_names(ctx, last) if toks[last].sep & COMMA else []


def _positions(ctx: Context, norms: Sequence[str], openers: frozenset[str]) -> list[int]:
    """The tokens a pattern may open on: an opener word, or a definite nationality."""
    at = [k for k, w in enumerate(norms) if w in openers]
    demonyms = {k for k, c in ctx.atoms.items() if c.form is Form.DEMONYM}
    return sorted(demonyms.union(at)) if demonyms else at


def _coordinated_after(ctx: Context, found: PersonFind) -> list[Cand]:
    """Names joined by و right after a found name, or after the title set off after it:
    "عماد سالم، رئيس الجهاز، وطارق حسن القائم بالأعمال"."""
    commas = any(t.head in GROUP_TITLES for t in found.titles)
    others = coordinated_names(ctx, found.person.last, commas=commas)
    end = max((t.last for t in found.titles), default=0)
    if others or end <= found.person.last:
        return others
    return coordinated_names(ctx, end) if ctx.block.toks[found.person.last].sep & COMMA else []


def _opening_surname(ctx: Context) -> PersonFind | None:
    """ "لافروف: ...", "بيدرسن يدعو إلى ...": a headline or a paragraph that opens on a
    known man's surname, then a colon or a verb."""
    toks = ctx.block.toks
    if len(toks) < 2 or ctx.covered[0] is not None:
        return None
    if toks[0].norm not in ctx.surnames:
        return _headline_speaker(ctx)
    colon = ":" in ctx.block.text(toks[0].end, toks[1].start)
    if not colon and not (toks[1].sep == SPACE and is_verb(toks[1].norm)):
        return None
    surname = known_surname(ctx, 0, opening=True)
    return PersonFind(surname) if surname is not None else None


# Every word a pattern may open on, with a gazetteer's lone surnames (bare or after و); built
# once per gazetteer, kept with its surnames so that their id is not reused.
_OPENING: dict[int, tuple[Mapping[str, str], frozenset[str]]] = {}


def _opening_words(lone: Mapping[str, str]) -> frozenset[str]:
    built = _OPENING.get(id(lone))
    if built is None:
        forms = {p + w for w in lone for p in ("", "و")}
        built = _OPENING[id(lone)] = (lone, _OPENERS | first_names() | forms)
    return built[1]


def _lone_surname(ctx: Context, i: int) -> Cand | None:
    """ "خطة غريفيث", "وأكد أن بيدرسن سيزور": the surname of a known foreigner, said alone
    with no title or verb before it, where no first name opens a longer name with it and a
    new phrase follows it."""
    toks = ctx.block.toks
    word, prefix = toks[i].norm, ""
    if word not in ctx.lone_surnames:
        word, prefix = word[1:], "و"
    if ctx.covered[i] is not None or (i > 0 and toks[i].sep == SPACE and _in_a_name(ctx, i - 1)):
        return None
    nxt = i + 1
    if not (ends_name(ctx, nxt) or toks[nxt].norm[:1] == "و" or _definite_next(ctx, nxt)):
        return None
    key = ctx.lone_surnames[word]
    return Cand(ctx.block, EntityKind.PERSON, i, nxt, prefix, Form.SHORT_FORM, key, tokens=(word,))


def _in_a_name(ctx: Context, k: int) -> bool:
    """Token k may end a name the surname goes on: a first name, or a bare name word
    ("جيمي كارتر", "ريكاردو بيريس")."""
    word = ctx.block.toks[k].norm
    if word in first_names():
        return True
    if ctx.covered[k] is not None or word.startswith("ال") or is_boundary_word(word):
        return False  # "سيئ الذكر غريفيث": a definite word is no part of a foreign name
    return name_token(ctx, k, first=False)


def _definite_next(ctx: Context, k: int) -> bool:
    """ "خطة غريفيث المعاد عرضها": a definite word qualifies what the surname hangs on."""
    return ctx.block.toks[k].norm.startswith("ال")


def _headline_speaker(ctx: Context) -> PersonFind | None:
    """ "سامر حداد: الحل سياسي": a headline that opens on a name a first name opens, then
    a colon, quotes its speaker (only in the title: in the body a line's first words
    before a colon are a byline or a label as often)."""
    toks = ctx.block.toks
    if ctx.block.source.part is not Part.TITLE or toks[0].norm not in first_names():
        return None
    person = name_at(ctx, 0)
    if person is None or person.key is not None or person.last >= len(toks):
        return None
    if ":" not in ctx.block.text(toks[person.last - 1].end, toks[person.last].start):
        return None
    return PersonFind(person)


def _bare_name(ctx: Context, i: int) -> Cand | None:
    """ "عقوبات على محمد عبدالكريم الغماري،": a known first name opening a full name of
    three words or of a family name with the article, with no title or verb to
    announce it, between a clause boundary and a name boundary."""
    toks = ctx.block.toks
    word = toks[i].norm
    if word in COMMON_FIRST_NAMES:
        return None
    # after a word that ends a phrase (على، مع، إن، a verb) or a noun of meeting whose
    # object is the person (استقبال، لقاء): a line's or a colon's first words are bylines
    # and mastheads as often as story
    if i == 0 or toks[i].sep != SPACE:
        return None
    if not (is_boundary_word(toks[i - 1].norm) or toks[i - 1].norm in _MEETING_NOUNS):
        return None
    before = toks[i - 1]
    if before.norm in first_names() and ctx.block.text(before.start, before.end).endswith("ي"):
        return None  # "علي محمد ...": the name began a word earlier (على is the preposition)
    person = name_at(ctx, i)
    if person is None or person.key is not None or not ends_name(ctx, person.last):
        return None
    tokens = [t for t in person.tokens if t not in NAME_LINKS]
    family = tokens[-1].startswith("ال") and tokens[-1] not in first_names()
    return person if len(tokens) >= 3 or family else None


def _subject(ctx: Context, i: int) -> Cand | None:
    """ "سامر حداد قال إن ...": at a sentence's start, a name a known first name opens
    (no everyday word), then a verb: the name is its subject."""
    toks = ctx.block.toks
    word = toks[i].norm
    if word in COMMON_FIRST_NAMES or (i > 0 and not toks[i].sep & STOP):
        return None
    person = name_at(ctx, i)
    if person is None or person.key is not None or person.last >= len(toks):
        return None
    after = toks[person.last]
    return person if after.sep == SPACE and is_verb(after.norm) else None


def _qualifies(ctx: Context, i: int) -> bool:
    """ "في لقاء إعلامي أعقب الجلسة": a role that is also an adjective, right after an
    indefinite noun, qualifies that noun."""
    toks = ctx.block.toks
    if toks[i].norm not in ADJECTIVE_ROLES or i == 0 or toks[i].sep != SPACE:
        return False
    before = toks[i - 1].norm
    return not (
        before.startswith("ال")
        or is_boundary_word(before)
        or before in first_names()
        or title_head(before) is not None
    )


def _group_title(ctx: Context, i: int) -> Title:
    """ "الوزيران", "وزراء خارجية فرنسا": a title of several holders, with the domain
    and the first country of a list. It says nothing of one holder's office: no
    affiliation comes of it (honorific)."""
    toks, k = ctx.block.toks, i + 1
    while k < len(toks) and toks[k].sep == SPACE and toks[k].norm in DOMAINS:
        k += 1
    atom = ctx.atoms.get(k) if k > i + 1 and k < len(toks) else None
    if atom is not None and atom.kind is EntityKind.PLACE and not atom.prefix:
        k = atom.last
    word = toks[i].norm
    prefix = "" if word in GROUP_TITLES else "و"
    return Title(ctx.block, i, k, prefix, word[len(prefix) :], honorific=True)


def coordinated_names(ctx: Context, k: int, *, commas: bool = False) -> list[Cand]:
    """ "النواب هيبت الحلبوسي، وعامر عبد الجبار، وسالم العيساوي", "الوزيران سامر الخطيب
    ونبيل حداد": after a name, و on a known first name opens another full name, which a
    boundary closes. `commas` (after a plural title): a comma alone may part two names
    ("النواب سامر حداد، نبيل خوري، وعلي سالم")."""
    toks, out = ctx.block.toks, []
    while k < len(toks) and toks[k].sep in (SPACE, COMMA):
        country = ctx.atoms.get(k)
        if country is not None and country.kind is EntityKind.PERSON and country.prefix == "و":
            k = _past_apposed_title(ctx, country.last)  # a known man of the list, found already
            continue
        if country is not None:
            # "وزراء خارجية فرنسا لوران فابيوس وبريطانيا وليم هيغ": each country, its man
            person = _after_coordinated_country(ctx, country)
            if person is None:
                break
            out.append(person)
            k = person.last
            continue
        if ctx.covered[k] is not None:
            break
        word = toks[k].norm
        if commas and toks[k].sep & COMMA and word not in _GROUP_FORMS and word[:1] != "و":
            item = comma_item(ctx, k)
            if item is None:
                break
            out.append(item)
            k = item.last
            continue
        if word[:1] != "و" or word in first_names() or not _opens_a_conjunct(ctx, k):
            break
        if word[1:] == _ALI and not ctx.block.text(toks[k].start, toks[k].end).endswith("ي"):
            break  # "وعلى": the preposition
        person = name_at(ctx, k, strict=False)
        if person is None or person.key is not None or not ends_name(ctx, person.last):
            break
        if word[1:] not in first_names() and person.size != 2:
            break  # an unknown word and its surname: the pair, nothing past it
        person.prefix = "و"
        person.tokens = (word[1:], *person.tokens[1:])
        out.append(person)
        k = _past_apposed_title(ctx, person.last)
    return out


def comma_item(ctx: Context, k: int) -> Cand | None:
    """A list's item set off by a comma alone: a name a known first name opens (علي
    written with its ya), or of two words the second a family name's shape, closed by
    a boundary; anything else ends the list."""
    toks = ctx.block.toks
    word = toks[k].norm
    if word == _ALI and not ctx.block.text(toks[k].start, toks[k].end).endswith("ي"):
        return None  # "، على أن ...": the preposition
    person = name_at(ctx, k, strict=False)
    if person is None or not ends_name(ctx, person.last):
        return None
    if person.key is not None or word in first_names():
        return person
    return person if person.size == 2 and surname_like(person.tokens[-1]) else None


def _opens_a_conjunct(ctx: Context, k: int) -> bool:
    """و on a known first name, or on an unknown word a foreign or family surname follows
    ("وموانغي كاماو")."""
    toks = ctx.block.toks
    if toks[k].norm[1:] in first_names():
        return True
    return k + 1 < len(toks) and toks[k + 1].sep == SPACE and surname_like(toks[k + 1].norm)


def _past_apposed_title(ctx: Context, k: int) -> int:
    """ "وعماد سالم، رئيس الجهاز، وطارق حسن": a title set off by commas after a name of a
    list; the list goes on after it."""
    toks = ctx.block.toks
    if k >= len(toks) or not toks[k].sep & COMMA or ctx.covered[k] is not None:
        return k
    title = read_title(ctx, k) if title_head(toks[k].norm) is not None else None
    if title is None or title.prefix or title.last >= len(toks):
        return k
    return title.last if toks[title.last].sep & COMMA else k


def _after_coordinated_country(ctx: Context, country: Cand) -> Cand | None:
    if (
        country.prefix != "و"
        or country.kind is not EntityKind.PLACE
        or country.subkind != "country"
    ):
        return None
    toks = ctx.block.toks
    if country.last >= len(toks) or toks[country.last].sep != SPACE:
        return None
    person = name_at(ctx, country.last, strict=False)
    if person is None:
        return None
    return person if person.key is not None or ends_name(ctx, person.last) else None


def _after_title(ctx: Context, title: Title) -> PersonFind | None:
    toks = ctx.block.toks
    titles = [title]
    j = title.last
    while j < len(toks) and len(titles) < 3 and ctx.covered[j] is None:
        named = _role_word_named(ctx, titles[-1], j)
        if named is not None:
            return PersonFind(named, titles)
        bracketed = _bracketed_name(ctx, j) if toks[j].sep & STOP else None
        if bracketed is None and toks[j].sep & QUOTE:
            bracketed = _quoted_name(ctx, j)
        if bracketed is not None:
            return PersonFind(bracketed, titles)
        if toks[j].sep & STOP or (toks[j].sep & QUOTE and not _closes_quote(ctx, titles, j)):
            return _loose_apposition(ctx, titles)
        nxt = None if _named_like_a_title(ctx, j) else read_title(ctx, j)
        if nxt is None:
            break
        if nxt.prefix or (toks[j].sep & COMMA and nxt.parts):
            return None  # "...، وزير الخارجية": another person, coordinated
        titles.append(nxt)
        j = nxt.last
    if j >= len(toks):
        return None
    if toks[j].sep & STOP or (toks[j].sep & QUOTE and not _closes_quote(ctx, titles, j)):
        return _loose_apposition(ctx, titles)
    if _coordinated_name(toks[j].norm) or _coordinated_noun(ctx, j):
        return None  # "رئيسة، وسامر دياب": another person, joined by و
    j = _past_apposed_demonym(ctx, j)
    if titles[0].head in RANK_OF_TITLE and _named_after(ctx, titles[0].first):
        return None  # "جامعة السلطان قابوس": a body named after a monarch
    sovereign = _sovereign(ctx, titles[-1], j)
    if sovereign is not None:
        return PersonFind(sovereign, titles)
    person = (
        name_at(ctx, j, strict=not toks[j].sep & COMMA)
        or _ali_as_ala(ctx, j)
        or place_first_name(ctx, j)
    )
    if person is None and titles[-1].head not in DECEASED:
        person = known_surname(ctx, j, nisba=nisba_named(titles[-1]))
    if person is None:
        return _loose_apposition(ctx, titles)
    if toks[j].sep & COMMA and person.key is None:
        _closing_waw_word(ctx, person)
    if person.key is None and not name_is_credible(ctx, person):
        return None
    if person.key is None and _after_a_people_noun(titles, person):
        return None
    if titles[0].head in GROUP_TITLES and not _opens_a_list(ctx, person):
        return None  # "تفويض الدول الأعضاء باعتراض السفن": members, not a list of names
    return PersonFind(person, titles)


def _role_word_named(ctx: Context, title: Title, j: int) -> Cand | None:
    """ "الدكتور مساعد العيبان، وزير الدولة": after an honorific, a role noun that is a
    first name too (مساعد، أمين) opens a name when name words follow it that a boundary
    or an apposition closes; "الدكتور مساعد الوزير" stays a title (الوزير is a role)."""
    toks = ctx.block.toks
    if not title.honorific or toks[j].sep != SPACE or toks[j].norm not in _ROLE_FIRST_NAMES:
        return None
    end = j + 1
    while end < len(toks) and end - j <= 3 and toks[end].sep == SPACE:
        if not name_token(ctx, end, first=False):
            break
        end += 1
    if end == j + 1 or not ends_name(ctx, end):
        return None
    return name_span(ctx, j, end)


def _sovereign(ctx: Context, title: Title, j: int) -> Cand | None:
    """ "الملك سلمان", "السلطان هيثم": a monarch's rank, then his first name alone."""
    rank = RANK_OF_TITLE.get(title.head)
    toks = ctx.block.toks
    if rank is None or ctx.covered[j] is not None or toks[j].sep != SPACE:
        return None
    word = toks[j].norm
    key = ctx.sovereigns.get((rank, word))
    if key is None:
        return None
    # "السلطان هيثم برقية": the object follows; "الملك حسين بن طلال": a fuller name does
    if j + 1 < len(toks) and toks[j + 1].sep == SPACE and toks[j + 1].norm in NAME_LINKS:
        return None
    return Cand(
        ctx.block, EntityKind.PERSON, j, j + 1, form=Form.SHORT_FORM, key=key, tokens=(word,)
    )


def _named_after(ctx: Context, first: int) -> bool:
    """A noun of what is named after someone right before the title: "جامعة", "مطار"."""
    toks = ctx.block.toks
    if first == 0 or toks[first].sep != SPACE:
        return False
    before = toks[first - 1].norm
    return before in NAMED_AFTER_HEADS


def _after_a_people_noun(titles: list[Title], person: Cand) -> bool:
    """After الشاب، المواطن، الطفل... only a name a known first name opens, or one a family
    name ends ("المواطن جمال العتيبي"), is one."""
    if person.tokens[0] in first_names() or surname_like(person.tokens[-1]):
        return False
    return any(t.head in PEOPLE_NOUNS for t in titles)


def _ali_as_ala(ctx: Context, j: int) -> Cand | None:
    """ "السفير على الصادق": right after a title, the name علي typed as the preposition
    على, before a known first name or surname that no everyday word is, then a name end."""
    toks = ctx.block.toks
    if toks[j].norm != _ALI or ctx.covered[j] is not None or j + 1 >= len(toks):
        return None
    k = j + 1
    word = toks[k].norm
    if toks[k].sep != SPACE or word in COMMON_FIRST_NAMES or ctx.covered[k] is not None:
        return None
    if word in PARTICLES or (word not in first_names() and word not in ctx.surnames):
        return None  # "شدد على أن": أن is a particle before it is the name آن
    k += 1
    while k < len(toks) and k - j < 4 and toks[k].sep == SPACE and not ends_name(ctx, k):
        if not name_token(ctx, k, first=False):
            return None
        k += 1
    # closed by punctuation, a title or a verb, not by a particle: "شدد على الصادق من ..."
    closed = k >= len(toks) or toks[k].sep != SPACE
    if not (closed or title_head(toks[k].norm) is not None or is_verb(toks[k].norm)):
        return None
    return name_span(ctx, j, k)


def _named_like_a_title(ctx: Context, j: int) -> bool:
    """ "الفريق أول سلطان النعماني": a first name that is a role noun too (سلطان), opening
    a full name after a title, is the name."""
    if ctx.block.toks[j].norm not in first_names():
        return False
    person = name_at(ctx, j)
    return person is not None and ends_name(ctx, person.last)


def _opens_a_list(ctx: Context, person: Cand) -> bool:
    """After a title of several holders, a name a first name opens, or one that other
    names follow (النواب هيبت الحلبوسي، وعامر ...)."""
    if person.key is not None or person.tokens[0] in first_names():
        return True
    return bool(coordinated_names(ctx, person.last))


def _past_apposed_demonym(ctx: Context, j: int) -> int:
    """ "المبعوث الأممي إلى اليمن، السويدي، هانس غروندبرغ": a nationality set off by
    commas between a title and its name qualifies the person; the name follows it."""
    toks = ctx.block.toks
    atom = ctx.atoms.get(j)
    if (
        atom is None
        or atom.form is not Form.DEMONYM
        or atom.prefix
        or not toks[j].sep & COMMA
        or atom.last >= len(toks)
        or not comma_gap(ctx.block, atom.last)
    ):
        return j
    return atom.last


def _bracketed_name(ctx: Context, j: int) -> Cand | None:
    """ "الملك (عبد الله بن عبد العزيز)": an editor's brackets around the name a title
    introduces."""
    close = bracket_end(ctx.block, j, longest=_LONGEST_NAME)
    if close is None:
        return None
    if close == j + 1:
        return _bracketed_first_name(ctx, j)
    person = name_at(ctx, j, strict=False)
    return person if person is not None and person.last == close else None


def _quoted_name(ctx: Context, j: int) -> Cand | None:
    """'الناشطة «ليلى حسن»', 'الوزير بالوكالة "كريم الحداد"': quotes that open on token j
    right after a title and close right after a name of name words hold the holder's name."""
    toks = ctx.block.toks
    if not _opens_quote(gap(ctx.block, j)) or toks[j].norm.startswith("ال"):
        return None
    for n in range(j + 1, min(j + _LONGEST_NAME, len(toks)) + 1):
        after = gap(ctx.block, n) if n < len(toks) else ctx.block.source.text[toks[n - 1].end :]
        if after.lstrip()[:1] in QUOTES:
            break  # '" هانا تيتيه "': some outlets set the quotes off with spaces
        if n == len(toks) or toks[n].sep != SPACE:
            return None
    else:
        return None
    if n == j + 1 and toks[j].norm in ctx.surnames:
        word = toks[j].norm  # 'المبعوثة " تيتيه"': a known man's surname alone
        key = ctx.surnames[word]
        return Cand(
            ctx.block, EntityKind.PERSON, j, n, form=Form.SHORT_FORM, key=key, tokens=(word,)
        )
    if not all(name_token(ctx, k, first=k == j, strict=False) for k in range(j, n)):
        return None
    return name_span(ctx, j, n)


def _opens_quote(between: str) -> bool:
    """A quote mark before the word, with only spaces around it."""
    between = between.rstrip()
    return between[-1:] in QUOTES and not between[:-1].strip()


def _bracketed_first_name(ctx: Context, j: int) -> Cand | None:
    """ "الرئيس (بشار) الأسد": the editor adds the first name in brackets before the
    surname the source gave."""
    toks, k = ctx.block.toks, j + 1
    if k >= len(toks) or not soft_gap(ctx.block, k) or toks[j].norm not in first_names():
        return None
    if not name_token(ctx, k, first=False) or not ends_name(ctx, k + 1):
        return None
    person = name_span(ctx, j, k + 1)
    if person is not None:
        shown = (ctx.block.text(toks[n].start, toks[n].end) for n in (j, k))
        person.canonical = " ".join(shown)
    return person


def _closes_quote(ctx: Context, titles: list[Title], j: int) -> bool:
    """'المتحدث باسم "قسد" فرهاد شامي', 'قائد "اليونيفيل"، فلان': the quote before j
    closes a name in the title, a comma may follow it."""
    return (soft_gap(ctx.block, j) or comma_gap(ctx.block, j)) and any(
        part.last == j for title in titles for part in title.parts
    )


def _closing_waw_word(ctx: Context, person: Cand) -> None:
    """ "، ياسر إسكندر وتوت،": between commas, a last word starting with و is the surname."""
    toks, n = ctx.block.toks, person.last
    if n + 1 > len(toks) or n >= len(toks) or toks[n].sep != SPACE or person.size >= 4:
        return
    closed = n + 1 == len(toks) or toks[n + 1].sep & (COMMA | STOP)
    if closed and ctx.covered[n] is None and waw_word(toks[n].norm):
        person.last = n + 1
        person.tokens = (*person.tokens, toks[n].norm)


def _coordinated_name(word: str) -> bool:
    return word[:1] == "و" and word not in first_names() and word[1:] in first_names()


def _coordinated_noun(ctx: Context, j: int) -> bool:
    """ "منسق ... للشؤون الإنسانية وإعادة الإعمار", "رئيس الدائرة ومدراء الأقسام": و on a
    word no first name spells, then a definite noun: another item of the phrase."""
    toks = ctx.block.toks
    word = toks[j].norm
    if word[:1] != "و" or word in first_names() or j + 1 >= len(toks):
        return False
    nxt = toks[j + 1]
    return nxt.sep == SPACE and nxt.norm.startswith("ال") and ctx.covered[j + 1] is None


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
        if k > title.last and toks[k].sep == SPACE and _opens_named_holder(ctx, k):
            break  # "مراسل القناة سامر حداد إن": no comma, but a full name closed
        k = end = k + 1
        units += 1
    if k >= len(toks) or k == title.last:
        return None
    apposed = comma_gap(ctx.block, k)
    if not apposed and not (toks[k].sep == SPACE and _opens_named_holder(ctx, k)):
        return None
    # strict: after a run of unknown words, "، لفائدة التفاوض،" is a phrase, not a name
    person = name_at(ctx, k)
    if person is None or person.key is not None or _words(person) > 3:
        return None
    if apposed:
        _closing_waw_word(ctx, person)
        after = toks[person.last].sep if person.last < len(toks) else STOP
        if not after & (COMMA | STOP):
            return None
    for n in range(title.last, end):
        atom = ctx.atoms.get(n)
        if atom is not None and atom.kind is not EntityKind.PERSON and not atom.prefix:
            prep = toks[n - 1].norm
            add_owner(title, atom, prep in _LOOSE_LINKS, prep)
    title.last = end
    return PersonFind(person, titles)


def _opens_named_holder(ctx: Context, k: int) -> bool:
    """After a title that runs on past what the grammar reads ("رئيس تحرير صحيفة ...",
    "مراسل القناة"), a known first name that is no everyday word opening a full name that a
    boundary closes is the holder's name, with no comma before it."""
    toks = ctx.block.toks
    word = toks[k].norm
    named = word in first_names() or word in COMMON_FIRST_NAMES
    # "سفير جمهورية كينيا موانغي كاماو،": an unknown word before a foreign-shaped or
    # family name, the pair closed by a boundary
    shaped = not named and k + 1 < len(toks) and surname_like(toks[k + 1].norm)
    if not (named or shaped) or ctx.covered[k] is not None:
        return False
    person = name_at(ctx, k)
    if person is None or person.key is not None or not ends_name(ctx, person.last):
        return False
    # "سفير السلام حسن الشمري": a first name that is an everyday word too opens a name only
    # when a family name or a name link (ولد، بن) shows the words are a name
    return shaped or word not in COMMON_FIRST_NAMES or _named_for_sure(person)


def _named_for_sure(person: Cand) -> bool:
    """Past an opening word that may be an everyday one: a link or a family name."""
    rest = person.tokens[1:]
    return any(t in NAME_LINKS for t in rest) or surname_like(person.tokens[-1])


def _words(person: Cand) -> int:
    """Name words, links (عبد، أبو، بن) not counted: "بسام أبو عبد الله" has two."""
    return sum(t not in NAME_LINKS for t in person.tokens)


def _before_title(ctx: Context, title: Title, floor: int) -> PersonFind | None:
    """ "NAME، رئيس X،": an apposition after a name that opens its clause."""
    toks = ctx.block.toks
    if title.prefix or not (title.owners or title.owner_key):
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
    if end - start > 2 and not name_token(ctx, start, first=True):
        start += 1  # "بحضور سامر حداد، المستشار": a preposition on a noun opens no name
    if start >= end:
        return None
    if not toks[end].sep & COMMA and not _set_off_before(ctx, start, end, title):
        return None
    # the name opens its clause, or a known first name opens it: "وكان بين المعتقلين
    # سامر حداد، باحث المنظمة"
    person = name_span(ctx, start, end)
    if person is None:
        return None
    mid_clause = start > 0 and toks[start].sep == SPACE
    if (
        mid_clause
        and not is_boundary_word(toks[start - 1].norm)
        and not (_surely_a_name(person) and ctx.covered[start - 1] is None)
    ):
        return None
    return PersonFind(person, [title])


def _set_off_before(ctx: Context, start: int, end: int, title: Title) -> bool:
    """ "بحضور، سامر حداد المستشار الخاص للأمين العام": no comma before the title, but one
    before the name, which a known first name opens, and a definite title after it."""
    toks = ctx.block.toks
    if not toks[start].sep & COMMA or not toks[end].norm.startswith("ال"):
        return False
    person = name_span(ctx, start, end)
    return person is not None and _surely_a_name(person) and bool(title.owners)


def _surely_a_name(person: Cand) -> bool:
    """A known first name that is no everyday word opens it, or a family name ends it."""
    opener = person.tokens[0]
    if opener in first_names() and opener not in COMMON_FIRST_NAMES:
        return True
    return surname_like(person.tokens[-1])


def _after_abbreviation(ctx: Context, i: int) -> PersonFind | None:
    """ "د. سامر حداد": an abbreviated honorific, its dot, then a name that a first name
    opens or a boundary closes."""
    toks = ctx.block.toks
    if toks[i].norm not in _ABBREVIATED or i + 1 >= len(toks) or ctx.covered[i + 1] is not None:
        return None
    if ctx.block.text(toks[i].end, toks[i + 1].start).strip() != ".":
        return None
    if i > 0 and ":" in ctx.block.text(toks[i - 1].end, toks[i].start):
        return None  # "رئيس مجلس الإدارة: د. ...": a masthead's label, page chrome
    person = name_at(ctx, i + 1, strict=False)
    if person is None or person.key is not None or not name_is_credible(ctx, person):
        return None
    return PersonFind(person)


def _after_pilgrim(ctx: Context, i: int) -> PersonFind | None:
    """ "بحضور مسؤول الشعبة الحاج سامر حداد": الحاج (the pilgrim) before a name a known
    first name opens is an honorific; after a name word it is part of the name
    ("دفع الله الحاج", "الحاج علي" inside a longer name), and alone it is a surname."""
    toks = ctx.block.toks
    if toks[i].norm not in _PILGRIM or i + 1 >= len(toks) or toks[i + 1].sep != SPACE:
        return None
    if i > 0 and toks[i].sep == SPACE and _in_a_name(ctx, i - 1):
        return None
    person = name_at(ctx, i + 1)
    if person is None or person.key is not None or person.tokens[0] not in first_names():
        return None
    closed = ends_name(ctx, person.last) or _coordinated_noun(ctx, person.last)
    return PersonFind(person) if closed else None


def _bare(title: Title) -> bool:
    """ "وأكد الأمير": a role noun alone, with the article; it may stand for the one person
    the article gave that role (coref). Not before two words that may be names: a name the
    rules could not read may follow ("السفير على الصادق", على for علي)."""
    toks = title.block.toks
    if title.last - title.first != 1 or not toks[title.first].norm.startswith("ال"):
        return False
    after = toks[title.last : title.last + 2]
    return not (len(after) == 2 and all(t.sep == SPACE and t.norm in first_names() for t in after))


def _definite_title(tok: Tok) -> bool:
    head = title_head(tok.norm)
    return head is not None and not head[0] and not head[2] and tok.norm.startswith("ال")


def _after_speech_verb(ctx: Context, i: int) -> PersonFind | None:
    toks = ctx.block.toks
    if i + 1 >= len(toks) or toks[i + 1].sep != SPACE or ctx.covered[i + 1] is not None:
        return None
    if toks[i].norm not in SPEECH_VERB_FORMS and toks[i].norm not in _MEETING_FORMS:
        return None
    person = name_at(ctx, i + 1)
    if person is None:
        surname = known_surname(ctx, i + 1)  # "وقال غوتيريش إن": a known man's surname
        return PersonFind(surname) if surname is not None else None
    if person.key is not None:
        return None
    after = person.last
    # "وقال فلان، المتحدث باسم ..." and, with no comma, "وقال فلان المتحدث باسم ...": a
    # definite title right after the name is its apposition
    if after < len(toks) and (
        toks[after].sep & COMMA or (toks[after].sep == SPACE and _definite_title(toks[after]))
    ):
        title = read_title(ctx, after) if ctx.covered[after] is None else None
        if title is not None and not title.prefix and (title.owners or title.owner_key):
            return PersonFind(person, [title])
        if title is not None and toks[after].sep & COMMA and _definite_title(toks[after]):
            # "وقال فلان، السفير والممثل الدائم لبنما": the office is named further on
            return PersonFind(person, [title])
    opener = person.tokens[0]
    kunya = opener in _KUNYA and len(person.tokens) > 2 and person.tokens[1] in first_names()
    known = opener in first_names() or kunya or _named_for_sure(person)
    if known and opener != _ALI and ends_name(ctx, person.last):
        return PersonFind(person)  # "وقال أبو محمد الحلبي، وهو قيادي ...": a kunya too
    return None
