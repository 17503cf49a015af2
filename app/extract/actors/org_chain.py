"""An organization name read from its head noun along its genitive/adjective chain.

"المجلس الوطني الكردي", "هيئة تحرير الشام", "وزارة الخارجية والمغتربين الفلسطينية": a
head noun (هيئة، مجلس، وزارة...) followed, with no punctuation between, by indefinite
construct nouns, then definite genitives and adjectives; places and demonyms inside the
chain are part of the name. Arabic grammar bounds the chain:

- a definite noun takes no genitive: "طرح النظام بغداد خياراً" is the regime then a city;
- a construct noun takes no preposition: "منصة لإضاعة الوقت", "شبكة لتهريب المخدرات";
- an indefinite head with an indefinite adjective is a description: "منظمة محلية";
- a plural demonym right after a singular head is the object: "تدعو الهيئة السوريين";
- a coordinated genitive belongs to a construct name: "وزارة الإدارة المحلية والبيئة",
  "وزارة الخارجية وشؤون المغتربين";
- a noun with a pronoun suffix or a verb with one ends it: "حكومة موازية مقرها نيالا",
  "قيادة يختارها الشعب";
- a generic body is completed by the place it serves ("المرصد المحلي في درعا", "وزارة
  الصحة في غزة"), a commission by the places of its mandate ("... بشأن سوريا").

Some heads name a body only in some shapes: talks named after a venue ("منبر جدة"), a
statute ("نظام روما الأساسي") and a verbal noun ("تنظيم الملاحة") are none.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from app.extract.actors.candidates import Cand, Form
from app.extract.actors.lexicon import (
    NAME_LINKS,
    PARTICLES,
    TIME_WORDS,
    first_names,
    is_verb,
    words,
)
from app.extract.actors.org_lexicon import (
    ADJECTIVES,
    DEFINITE_L,
    DESCRIPTIVE,
    DESCRIPTORS,
    FLOWS,
    GENERIC,
    HEADS,
    HIRAK,
    L_GENITIVES,
    LEADING,
    MEDIA_GENERIC,
    MEDIA_HEADS,
    MEDIA_LOANWORDS,
    MINISTRY,
    MOVEMENT,
    NAMED_ADJECTIVES,
    NEEDS_PLACE,
    NEEDS_PLACE_WHEN_DEFINITE,
    NEEDS_SPECIFIC,
    NOT_PROPER,
    POPULAR,
    PROPER_HEADS,
    UN_NISBAS,
    VAGUE,
    adjective_alone,
    has_preposition,
    l_phrase,
    verb_with_object,
)
from app.extract.actors.titles import MODIFIERS, title_head
from app.extract.actors.un_bodies import concerning, in_place
from app.extract.model import EntityKind
from app.extract.tokens import SPACE, Block, Tok, bare, readings
from app.text.memo import CANDIDATES
from app.text.normalize import normalize

# Military units named by an ordinal: "الفرقة الرابعة", "اللواء الثامن", "الفيلق الخامس".
UNIT_HEADS = words("لواء فرقة فيلق كتيبة جيش")
ORDINALS = words("""
    الأول الأولى الثاني الثانية الثالث الثالثة الرابع الرابعة الخامس الخامسة السادس السادسة
    السابع السابعة الثامن الثامنة التاسع التاسعة العاشر العاشرة
""")
# Indefinite adjectives that make "head + adjective" a description, not a name.
INDEFINITE_ADJECTIVES = words("""
    محلي محلية دولي دولية إقليمي إقليمية حقوقي حقوقية إنساني إنسانية إغاثي إغاثية خيري
    خيرية مدني مدنية أهلي أهلية حكومي حكومية رسمي رسمية سياسي سياسية عسكري عسكرية أمني
    أمنية ميداني ميدانية شعبي شعبية طبي طبية إعلامي إعلامية خاص خاصة مستقل مستقلة مسلح
    مسلحة عربي عربية غربي غربية أممي أممية وطني وطنية مشترك مشتركة جديد جديدة كبير كبيرة
""")
FORCES = "قوات"
# Heads that, named by what they do to the writer's side, describe troops (`_described`)
_ARMIES = words("قوات جيش")
MISSION = normalize("بعثة")
REGIME = "نظام"
FORUM = "منبر"
# Heads that with only a demonym ("القوات التركية", "البعثة الفلسطينية", "السفارة
# الإيرانية") name the country, not a body; descriptive adjectives between do not change
# that ("البعثة الدبلوماسية الجزائرية", "القوات الأمنية الصومالية").
_BY_DEMONYM_ONLY = words("قوات قيادة بعثة وفد سفارة")
# ... and heads that so only describe some body of the country ("شركة روسية" indefinite is
# a description already)
_DESCRIBED_BY_DEMONYM = words("مؤسسة شركة جمعية مركز")
_NAMED_BY_COUNTRY = _BY_DEMONYM_ONLY | _DESCRIBED_BY_DEMONYM
_DESCRIBING = words("""
    الدبلوماسية الدبلوماسي الأمنية الأمني العسكرية العسكري الحكومية الحكومي الرسمية الرسمي
""")
# "قوات الأمن العراقية" says what "القوات الأمنية العراقية" says: the genitive describes the
# troops, and the construct is as definite as the article would make it.
_SECURITY = words("الأمن")
GROUP = normalize("مجموعة")
_PEACEKEEPING = tuple(normalize("حفظ السلام").split())
STATUTE = words("الأساسي")  # "النظام الأساسي": the statute of a body
# Bodies set up with a mandate about a place: "لجنة التحقيق الدولية المستقلة بشأن سوريا".
MANDATED = words("لجنة بعثة فريق مكتب")
# A state's mission named with the body it is accredited to: "بعثة السودان لدى الأمم المتحدة".
ACCREDITED = words("بعثة مندوبية ممثلية وفد سفارة")
# ... and the heads that name a body only so: "وفد سلطنة عمان الدائم لدى الأمم المتحدة" is
# the state's permanent mission, "وفد سوريا" a delegation to talks, no body; an embassy is
# accredited to a state ("السفارة السعودية لدى اليمن").
_ACCREDITED_ONLY = words("وفد سفارة")
_TO_A_STATE = words("سفارة")
_AT = normalize("لدى")
_IN = "في"  # "بعثة الإمارات في مجلس الأمن"
_AND_AFFAIRS = normalize("وشؤون")
_POSSESSED = ("ها", "هم", "هما")  # pronoun suffixes: "مقرها", "قادتهم"
_VERBAL_HEADS = words("تنظيم إدارة نظام قيادة رئاسة")
_CITIZENS = ("يين", "ين")  # a plural demonym: المصريين، الموريتانيين
_ABROAD = ("في", normalize("الخارج"))  # "في الخارج", or in one word "بالخارج"
_ABROAD_WORD = normalize("بالخارج")
_OF_PORTFOLIOS = words("لجنة وزارة")  # a committee or ministry of several portfolios
_RUNNING = words("إدارة قيادة تنظيم")  # verbal nouns whose object may be any place
_FACILITIES = words("ميناء مطار معبر")
# A team is a body only as a panel of experts or an investigation team ("فريق خبراء
# العقوبات", "فريق التحقيق وتحديد الهوية"); "الفريق" is also a military rank.
TEAM = normalize("فريق")
_TEAMS_OF = words("خبراء الخبراء التحقيق") | UN_NISBAS  # "الفريق الأممي": the UN's team
# "تولى قيادة البلاد": a verbal noun governing "the country" (not الدولة: تنظيم الدولة)
_THE_COUNTRY = words("البلاد البلد")
_ARMED = "المسلحه"  # "القوات المسلحة": a name, though المسلحة alone only describes
_PLURAL_ENDINGS = ("ين", "ون", "ان", "ات")
_GENERAL = words("العام العامة")
CONCERNED = words("المعني المعنية")  # "المعنية بـ": concerned with
# "لجنة العقوبات الخاصة بليبيا", "المحكمة الخاصة بلبنان": the place a body is set up for
_SPECIAL_TO = words("الخاص الخاصة")
_CLAUSE_PREPOSITIONS = words("إلى الى على")
# "المنضوية في", "المنبثقة عن": a form-VII participle (المنفعل) with its preposition
_JOINING_PREPOSITIONS = words("في تحت ضمن عن")
_OCCUPIERS = words("الاحتلال العدو")
_NAMED_LIKE_BODIES = words("وزارة حزب")
_PEOPLES_BODIES = frozenset(("armed_group", "party"))  # heads of bodies named after people
# Processes a verbal noun governs: "قيادة العملية السياسية", "إدارة المرحلة الانتقالية",
# "قيادة المسلسل السياسي" (the Maghreb's word for the political process)
_PROCESSES = words("""
    العملية المسار المسلسل الحوار المفاوضات التفاوض المرحلة الجهود الحملة الملف الأزمة
    المحادثات الوساطة المبادرة
""")
POLICE = normalize("شرطة")
FRONT = normalize("جبهة")
_RESISTANCE = normalize("المقاومة")
_STATIONS = words("قسم مركز مخفر")  # "قسم شرطة ...", "مركز شرطة ...": a police station
# "حكومة وشعب ...", "قيادةً وشعباً": a formula of greeting that names the country as a whole
_AND_PEOPLE = words("وشعب وشعبا")


def _man_after_name(toks: Sequence[Tok], i: int, j: int, lemma: str) -> bool:
    """A first name after the body's own name is a man's: "بلدية مجدلا محمد الأسمر". Right
    after the head ("مؤسسة محمد بن راشد"), after a title ("مركز الملك حمد") or a name link,
    and in the names of armed groups and parties ("كتائب زيد بن علي"), it names the body."""
    if j <= i + 1 or toks[j].norm not in first_names() or HEADS.get(lemma) in _PEOPLES_BODIES:
        return False
    before = toks[j - 1].norm
    return not before.startswith("ال") and before not in NAME_LINKS


class _Description(Exception):
    """The head opens a description ("منظمة محلية", "شركة روسية"), not a name."""


def chain(block: Block, i: int, head: tuple[str, str, bool], gaz: dict[int, Cand]) -> Cand | None:
    try:
        return _chain(block, i, head, gaz)
    except _Description:
        return None


def _chain(block: Block, i: int, head: tuple[str, str, bool], gaz: dict[int, Cand]) -> Cand | None:
    prefix, lemma, definite = head
    toks = block.toks
    governs_country = i + 1 < len(toks) and toks[i + 1].norm in _THE_COUNTRY
    if not definite and lemma in _VERBAL_HEADS and governs_country:
        return None  # "تولى قيادة البلد العربي": leading the country, no body
    if not definite and lemma in _VERBAL_HEADS and _governs_process(toks, i):
        return None  # "من أجل قيادة العملية السياسية": leading a process, no body
    if lemma == POLICE and _station(toks, i):
        return None  # "قسم شرطة العرب": a police station, named after its district
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if not definite and nxt is not None and _governs_place(lemma, gaz.get(i + 1), nxt):
        return None  # "تولى رئاسة اليمن", "إدارة ميناء الحديدة": running a place
    if lemma == TEAM and (i + 1 >= len(toks) or toks[i + 1].norm not in _TEAMS_OF):
        return None  # "فريق التحرير", "الفريق أول": a team of any kind, a rank
    tokens = [("ال" if definite else "") + lemma]
    seen_definite, indefinite, used_and = definite, 0, False
    after_place = False
    specific = has_place = False
    demonym_only = True  # every word after the head is a demonym: "القوات التركية"
    generic_only = True
    proper = 0  # definite words of the chain that are not generic
    after_l = False
    end = None  # one past the last token that may close the chain
    j = i + 1
    while j < len(toks) and toks[j].sep == SPACE:
        known = gaz.get(j)
        about = (
            CONCERNED | _SPECIAL_TO
            if known is not None and known.kind is EntityKind.PLACE
            else CONCERNED
        )
        if known is not None and known.prefix == "ب" and toks[j - 1].norm in about:
            # "المعنية بالجمهورية العربية السورية": the place the body deals with
            tokens.extend(t.norm for t in toks[j : known.last])
            j = end = known.last
            specific = True
            break
        if known is not None:
            if not _place_fits(known, j == i + 1, definite, seen_definite):
                break
            if not prefix and _title_adjective(toks, i, lemma, known, tokens):
                break
            if not has_place and _describes_outlet(lemma, tokens, known):
                # "صحيفة أثير العمانية": the outlet's name, then where it is from
                end, specific = j, True
                break
            tokens.extend(toks[k].norm for k in range(j, known.last))
            specific = has_place = seen_definite = after_place = True
            demonym_only = demonym_only and known.form is Form.DEMONYM
            j = end = known.last
            continue
        closed, after_place = after_place, False  # a place closes a construct name
        word = toks[j].norm
        if j == i + 1 and word in _AND_PEOPLE:
            return None  # "لحكومة وشعب الكويت": the country greeted, government and people
        if _man_after_name(toks, i, j, lemma):
            break  # "رئيس بلدية مجدلا محمد الأسمر": the holder's name after the body's
        if toks[j - 1].norm in CONCERNED and word[:1] == "ب" and len(word) > 3:
            # "المؤسسة المستقلة المعنية بالمفقودين في سوريا": what the body deals with
            tokens.append(word)
            j = end = in_place(toks, gaz, j + 1, tokens)
            specific = True
            break
        if word in L_GENITIVES:
            generic_only = demonym_only = False
            after_l = True  # "لحقوق الإنسان": the genitive noun of the ل-phrase may follow
            tokens.append(word)
            if word in DEFINITE_L:
                seen_definite, end = True, j + 1
            j += 1
            continue
        if word == _AND_AFFAIRS and seen_definite and _definite_next(toks, j):
            # "وزارة الخارجية وشؤون المغتربين": a second portfolio, in construct
            tokens.extend((word, toks[j + 1].norm))
            proper += 1
            j = end = j + 2
            continue
        coordinated = word.startswith("و") and len(word) > 4 and word[1:3] == "ال"
        if coordinated:
            # "لجنة الشؤون الخارجية والدفاع والأمن الوطني": portfolios may go on
            another = used_and and not (lemma in _OF_PORTFOLIOS and word[1:] in GENERIC)
            if another or not seen_definite or _stops_chain(word[1:], lemma, first=False):
                break
            if closed and not _adjective(word[1:], lemma):
                break  # "منصة القاهرة والمستقلين": the place ended the name
            if lemma == FORCES and _people(word[1:]):
                break  # "قوات الأمن والمواطنين": the forces, then people beside them
            used_and = True
        if lemma in MEDIA_HEADS and word in MEDIA_LOANWORDS and j > i + 1:
            j = end = _loanword_tail(toks, j, tokens)  # "إذاعة موزاييك إف إم"
            specific = True
            break
        stem = word[1:] if coordinated else word
        after = toks[j + 1].norm if j + 1 < len(toks) and toks[j + 1].sep == SPACE else ""
        if _stops_chain(stem, lemma, first=j == i + 1, before=after) or toks[j].latin:
            break
        if has_preposition(stem) or l_phrase(stem):
            break
        if _participle_clause(stem, after):
            break  # "مجلس الأمن الدولي الداعي إلى": a clause about the body, not its name
        if stem.startswith("ال") and _dual_after_singular(stem, toks[j - 1].norm, j > i + 1):
            break  # "الحكومة والمجلس التشريعي الانتقاليين": the adjective of both conjuncts
        if stem.startswith("ال"):
            # "الائتلاف الوطني المجتمع الدولي": a noun after a definite word starts the
            # object; "وزارة الخارجية والمغتربين": a construct name coordinates genitives
            noun_after = seen_definite and not after_l and not (coordinated and not definite)
            if noun_after and not _adjective(stem, lemma):
                break
            after_l = False
            seen_definite = True
            unit = lemma in UNIT_HEADS and stem in ORDINALS
            naming = stem in NAMED_ADJECTIVES and stem not in VAGUE
            if lemma == HIRAK and stem in POPULAR:
                naming = False  # "الحراك الشعبي": the street's protests, no body
            specific = specific or unit or naming
            generic_only = generic_only and _generic(stem, lemma) and not unit
            proper += stem not in GENERIC
            end = j + 1
        elif seen_definite or indefinite >= 2 or is_verb(stem) or verb_with_object(stem):
            break  # not looks_like_verb: ت-nouns are common here (تحرير، تنظيم)
        elif stem.endswith(_POSSESSED):
            break  # "حكومة موازية مقرها نيالا": a noun with a pronoun is no construct link
        elif j == i + 1 and (stem in INDEFINITE_ADJECTIVES or adjective_alone(stem, after)):
            return None  # "منظمة محلية", "مجلس عسكري", "حكومة موازية": a description
        else:
            indefinite += 1
            # "هيئة تحرير الشام": a construct chain names a body; "حكومة تصريف الأعمال"
            # describes one
            generic_only = generic_only and stem in DESCRIPTIVE
        security = lemma == FORCES and j == i + 1 and word in _SECURITY
        if not (lemma in _NAMED_BY_COUNTRY and word in _DESCRIBING) and not security:
            demonym_only = False
        tokens.append(word)
        j += 1
    proper_name = end is None
    if end is None:
        end = _proper_name_end(block, i, j, lemma, definite, indefinite)
        if end is None:
            return None
        generic_only = False
    elif lemma in MANDATED and end == j:
        j = end = concerning(toks, gaz, j, tokens)  # "... بشأن سوريا"
    elif lemma == MINISTRY and end == j:
        j = end = _expatriates(toks, gaz, j, tokens)
    accredited = j
    if lemma in ACCREDITED and end == j and has_place:
        accredited = _accredited_to(toks, gaz, j, tokens, state=lemma in _TO_A_STATE)
    if lemma in _ACCREDITED_ONLY and accredited == j:
        return None  # "وفد سوريا", "السفارة الإيرانية": a delegation, the country's embassy
    security = lemma == FORCES and i + 1 < len(toks) and toks[i + 1].norm in _SECURITY
    by_demonym = (definite or security) and demonym_only and has_place and accredited == j
    if lemma in _DESCRIBED_BY_DEMONYM and by_demonym:
        return None  # "الشركة الروسية", "المؤسسة الأمريكية الأمنية": which one, nobody says
    if lemma in _BY_DEMONYM_ONLY and by_demonym:
        # "القوات التركية": the country's troops, "القيادة الفلسطينية": its leaders (GUIDELINES
        # §7), each a mention of the country
        return None
    named_tokens = tokens[: len(tokens) - (j - end)]
    if lemma == MISSION and _peacekeeping(named_tokens):
        return None  # "بعثة حفظ السلام": a mission named by its task, whoever sends it
    if lemma in _ARMIES and _described(named_tokens):
        return None  # "قوات الاحتلال الإسرائيلي", "جيش الاحتلال": troops described, no body
    if lemma == FORCES and _led_by(named_tokens):
        return None  # "قوات القذافي": troops named by the man who leads them
    if lemma == MOVEMENT and len(named_tokens) > 1 and named_tokens[1] in FLOWS:
        return None  # "حركة الأفراد والبضائع", "حركة النزوح": traffic, not a movement
    if lemma == REGIME and ((definite and not demonym_only) or tokens[-1] in STATUTE):
        return None  # "النظام المالي اللبناني", "نظام روما الأساسي": a system, a statute
    if lemma == GROUP and definite and len(tokens) == 2 and tokens[1].endswith(("ي", "يه")):
        return None  # "المجموعة العربية": the states of a region voting together, a collective
    if lemma == FRONT and named_tokens[1:] == [_RESISTANCE]:
        return None  # "جبهة المقاومة" alone: the camp, like محور المقاومة, a collective
    if lemma == FORUM and has_place and len(tokens) == 2:
        return None  # "منبر جدة": talks named after their venue, not a body
    named = specific or proper >= 2
    weak = not proper_name and _is_weak(lemma, definite, named, has_place, generic_only)
    if accredited > j:
        weak = False
        j = end = accredited
    if weak and end == j and i not in gaz and _local(lemma, definite):
        # "وزارة الصحة في غزة", "المرصد المحلي في درعا": the place a generic body serves
        # completes its name (a country only for a ministry: "الحكومة في سوريا" is not one)
        end = in_place(toks, gaz, j, tokens, country=lemma == MINISTRY)
        placed = end > j
        weak = _is_weak(lemma, definite, named or placed, placed, generic_only)
        j = end
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


def _title_adjective(
    toks: Sequence[Tok], i: int, lemma: str, known: Cand, tokens: list[str]
) -> bool:
    """ "رئيسة مجلس النواب الأمريكية": a feminine demonym after a masculine head, with no
    feminine noun between for it to agree with, qualifies the feminine title before the
    body; the body is the title's position."""
    word = known.tokens[-1]
    if known.form is not Form.DEMONYM or not word.endswith("يه") or lemma.endswith("ه"):
        return False
    if i == 0 or toks[i - 1].sep != SPACE or any(t.endswith("ه") for t in tokens[1:]):
        return False
    title = toks[i - 1].norm
    return title.endswith("ه") and title_head(title) is not None


def _expatriates(toks: Sequence[Tok], gaz: dict[int, Cand], j: int, tokens: list[str]) -> int:
    """ "وزارة الشؤون الخارجية والتعاون ... والموريتانيين في الخارج": a foreign ministry's
    last portfolio, its citizens abroad, names its country; the end of the name."""
    known = gaz.get(j)
    if known is None or known.prefix != "و" or known.form is not Form.DEMONYM:
        return j
    if known.kind is not EntityKind.PLACE or not known.tokens[-1].endswith(_CITIZENS):
        return j
    tokens.extend(t.norm for t in toks[j : known.last])
    end = known.last
    rest = tuple(t.norm for t in toks[end : end + 2] if t.sep == SPACE)
    if rest[:1] == (_ABROAD_WORD,):
        tokens.append(rest[0])
        return end + 1
    if rest == _ABROAD:
        tokens.extend(rest)
        return end + 2
    return end


def _station(toks: Sequence[Tok], i: int) -> bool:
    if i == 0 or toks[i - 1].sep != SPACE:
        return False
    return any(bare(stem) in _STATIONS for _, stem in readings(toks[i - 1].norm))


def _governs_process(toks: Sequence[Tok], i: int) -> bool:
    return i + 1 < len(toks) and toks[i + 1].sep == SPACE and toks[i + 1].norm in _PROCESSES


def _governs_place(lemma: str, known: Cand | None, nxt: Tok | None) -> bool:
    """An indefinite verbal noun with a place for its object: managing a port or a city
    ("إدارة ميناء الحديدة"), holding a country's presidency ("رئاسة اليمن"). A region's
    presidency may be a body ("رئاسة إقليم كردستان"), a country's is the office."""
    if nxt is None:
        return False  # the head ends the block
    if lemma in _RUNNING and nxt.sep == SPACE and nxt.norm in _FACILITIES:
        return True  # "إدارة ميناء الحديدة", "إدارة معبر رفح"
    if known is None or nxt.sep != SPACE or known.prefix:
        return False
    if known.kind is not EntityKind.PLACE or known.form is Form.DEMONYM:
        return False
    if lemma in _RUNNING:
        return True
    return lemma in LEADING and known.subkind == "country"


def _accredited_to(
    toks: Sequence[Tok], gaz: dict[int, Cand], j: int, tokens: list[str], *, state: bool = False
) -> int:
    """ "البعثة البريطانية لدى الأمم المتحدة": the body a state's mission is accredited to
    (the state, for an embassy) ends its name (and is no mention of its own, as inside any
    name)."""
    if j + 1 >= len(toks) or toks[j].sep != SPACE or toks[j].norm not in (_AT, _IN):
        return j
    body = gaz.get(j + 1)
    if state and toks[j].norm != _AT:
        return j  # "السفارة الأمريكية في بغداد": where it sits, not whom it is accredited to
    host = EntityKind.PLACE if state else EntityKind.ORGANIZATION
    if body is None or body.kind is not host or body.prefix or body.form is Form.DEMONYM:
        return j
    tokens.append(toks[j].norm)
    tokens.extend(t.norm for t in toks[j + 1 : body.last])
    return body.last


def _participle_clause(word: str, after: str) -> bool:
    """ "الداعي إلى", "الرامية إلى", "الساعي لـ": the definite participle of a defective
    verb (الفاعي، الفاعية) with its preposition opens a relative clause. A nisba has no
    alif after its first radical (الدولي), an ordinal takes no preposition (الثاني)."""
    if word.startswith("المن") and len(word) in (7, 8) and after in _JOINING_PREPOSITIONS:
        return True  # "كتلة صادقون المنضوية في الإطار": the bloc, then what it belongs to
    shape = len(word) in (6, 7) and word[3] == "ا" and word[5] == "ي"
    if not (shape and word.startswith("ال") and (len(word) == 6 or word[6] == "ه")):
        return False
    return after in _CLAUSE_PREPOSITIONS or (after[:1] == "ل" and len(after) > 3)


def _peacekeeping(tokens: list[str]) -> bool:
    return tuple(tokens[1:3]) == _PEACEKEEPING and len(tokens) <= 4


def _described(tokens: list[str]) -> bool:
    """ "قوات الاحتلال", "قوات العدو الصهيوني": forces named by what they do to the
    writer's side, with at most an adjective of their country; "قوات حفظ السلام": troops
    named by their task, whoever sends them."""
    if _peacekeeping(tokens):
        return True
    if len(tokens) < 2 or tokens[1] not in _OCCUPIERS or len(tokens) > 3:
        return False
    return len(tokens) == 2 or tokens[2].endswith(("ي", "يه"))


def _describes_outlet(lemma: str, tokens: list[str], known: Cand) -> bool:
    """A singular demonym after an outlet's own name ("صحيفة الأهرام المصرية", "قناة
    الجزيرة القطرية") says where it is from; after words that only say what it is
    ("وكالة الأنباء السعودية", "التلفزيون السوري") the demonym is the name, and so it is
    after a place ("وكالة أنباء فارس الإيرانية"), which the caller leaves alone."""
    if lemma not in MEDIA_HEADS or known.form is not Form.DEMONYM:
        return False
    if not known.tokens[-1].endswith(("ي", "يه")):
        return False  # a plural demonym is a genitive: "... اللاجئين الفلسطينيين"
    return any(w not in GENERIC and w not in MEDIA_GENERIC for w in tokens[1:])


def _loanword_tail(toks: Sequence[Tok], j: int, tokens: list[str]) -> int:
    """The English words an outlet's name ends with ("ديلي بريس", "إف إم") go on with it."""
    while j < len(toks) and toks[j].sep == SPACE and toks[j].norm in MEDIA_LOANWORDS:
        tokens.append(toks[j].norm)
        j += 1
    return j


def _led_by(tokens: list[str]) -> bool:
    """ "قوات القذافي", "قوات الحوثي": troops and one definite word shaped like a masculine
    nisba. An adjective of قوات agrees in the feminine (الجوية، الخاصة), so the word cannot
    qualify them: it is the family name of whoever commands them."""
    if len(tokens) != 2 or not tokens[1].startswith("ال"):
        return False
    word = tokens[1]
    return word.endswith("ي") and word not in GENERIC and word not in ADJECTIVES


def _definite_next(toks: Sequence[Tok], j: int) -> bool:
    return j + 1 < len(toks) and toks[j + 1].sep == SPACE and toks[j + 1].norm.startswith("ال")


def _local(lemma: str, definite: bool) -> bool:
    """A generic body a place may complete; not a government, an army or troops "in" a
    place ("الجيش في درعا" is the army, deployed there), nor a verbal noun and where its
    action happens ("تنظيم الملاحة في الخور", "إدارة الأزمة في سوريا")."""
    return lemma not in _VERBAL_HEADS and not (definite and lemma in NEEDS_PLACE_WHEN_DEFINITE)


def _dual_after_singular(word: str, before: str, after_adjective: bool) -> bool:
    """A plural or dual nisba (الانتقاليين) after a singular one (التشريعي) agrees with
    coordinated nouns, not with the one head the chain names."""
    return (
        after_adjective
        and word.endswith("يين")
        and before.startswith("ال")
        and before.endswith("ي")
    )


def _place_fits(known: Cand, first: bool, definite: bool, seen_definite: bool) -> bool:
    """Whether a known place or demonym may sit inside the chain at this point."""
    if known.kind is not EntityKind.PLACE or known.prefix:
        return False
    if known.form is not Form.DEMONYM and not _nisba_name(known):
        return not seen_definite  # "النظام بغداد": a definite noun takes no genitive
    word = known.tokens[-1]
    if not word.startswith("ال"):
        if first and not definite:
            raise _Description  # "شركة روسية": a Russian company, not a name
        return not seen_definite
    # "تدعو الهيئة السوريين": a plural demonym right after the head is the object
    return not (first and word.endswith(_PLURAL_ENDINGS))


def _nisba_name(known: Cand) -> bool:
    """ "السعودية": a country whose name is a definite nisba agrees with a head like its
    adjective ("السفارة السعودية")."""
    return known.size == 1 and known.tokens[-1].startswith("ال") and known.tokens[-1].endswith("يه")


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
    if lemma in NEEDS_SPECIFIC:
        return not specific
    if definite:
        return not specific
    return generic and not specific


def _generic(word: str, lemma: str) -> bool:
    """A definite word that names nothing: "وكالة الأنباء الرسمية" is how a text refers to
    some country's agency without naming it, like "وزارة الخارجية"."""
    return word in GENERIC or (lemma in MEDIA_HEADS and word in MEDIA_GENERIC)


def _people(word: str) -> bool:
    """ "المواطنين", "المتظاهرون": a sound masculine plural that is no nisba (الإيرانيين)."""
    return word.endswith(("ين", "ون")) and not word.endswith(("يين", "يون")) and len(word) > 6


def _adjective(word: str, lemma: str) -> bool:
    """A definite word that can qualify a name: a nisba (الوطني، السورية) or a listed one."""
    if lemma in UNIT_HEADS and word in ORDINALS:
        return True
    return word.endswith(("ي", "يه", "يين", "يون", "يان")) or word in ADJECTIVES


def _stops_chain(word: str, lemma: str, *, first: bool, before: str = "") -> bool:
    if first and lemma == FORCES and word == _ARMED:
        return False
    if word in _GENERAL and before not in TIME_WORDS:
        return False  # "للأمن العام": "general", not "the year" (العام الماضي)
    if _ends_chains(word):
        return True
    # "وزارة الإدارة المحلية": a ministry's domain may be a head noun itself, and a party
    # may be named like another body ("حزب الحركة الشعبية", "حزب الاتحاد الدستوري")
    return bare(word) in HEADS and not (first and lemma in _NAMED_LIKE_BODIES)


@lru_cache(maxsize=CANDIDATES)
def _ends_chains(word: str) -> bool:
    """A word no chain goes on through, whatever its head (cached: chains read the same
    words again and again)."""
    return (
        word in DESCRIPTORS
        or word in PARTICLES
        or word in TIME_WORDS
        or is_verb(word)
        or word.isdigit()
        # "المكتب الإعلامي": a role noun that is also an adjective may qualify a body
        or (title_head(word) is not None and word not in MODIFIERS)
    )
