"""Organizations of a block: gazetteer bodies, head-noun chains (org_chain.py), ministries
named by their domain alone, quoted names after a head, and head-only short forms.

A chain that names nothing in particular ("وزارة الخارجية", "قوات الأمن", "المجلس
المحلي") is kept as *weak*: it becomes a mention only if the article also names the full
body it abbreviates. A head alone with the article (الهيئة، الائتلاف) is a short form for
the resolver.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache

from app.extract.actors.candidates import BlockResult, Cand, Form
from app.extract.actors.gazetteer import Gazetteer
from app.extract.actors.lexicon import PARTICLES, TIME_WORDS, is_verb, words
from app.extract.actors.org_chain import chain
from app.extract.actors.org_lexicon import (
    ACTING,
    CITING,
    DESCRIBING_HEADS,
    HEADS,
    LEADING,
    MEDIA_HEADS,
    MERGEABLE,
    MINISTRY,
    MINISTRY_DOMAINS,
    NAMED_ADJECTIVES,
    NO_SHORT_FORM,
    PLATFORM,
    QUOTE_AFTER,
    QUOTED_HEADS,
    SOCIAL_NETWORKS,
    UN_NISBAS,
    has_preposition,
    org_head,
)
from app.extract.actors.titles import title_head
from app.extract.actors.un_bodies import purpose_body
from app.extract.model import EntityKind
from app.extract.tokens import (
    COMMA,
    QUOTE,
    SPACE,
    STOP,
    Block,
    clean_display,
    has_quotes,
    readings,
    written_forms,
)
from app.text.memo import CANDIDATES
from app.text.normalize import normalize

# Every token `org_head` may accept (a head with or without the article), and with them
# every token `_ministry` or `quoted_name` may start on.
_HEAD_FORMS = written_forms([*HEADS, *("ال" + head for head in HEADS)])
_OPENING_FORMS = _HEAD_FORMS | written_forms(MINISTRY_DOMAINS) | written_forms(QUOTED_HEADS)
_FORCE_HEADS = words("قوات")
# Words a verb follows, never a noun: "التي تجمع الدول" reads تجمع as a verb, not a body.
_BEFORE_VERB = words("الذي التي الذين اللذان اللتان اللواتي اللاتي قد لقد لم لن سوف")
# "وزير الخارجية العمانية": a minister's title, however the adjective agrees, no ministry.
_MINISTER = words("وزير وزيرة لوزير لوزيرة ووزير ووزيرة بوزير ووكيل وكيل نائب")


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
    name = tuple(t.norm for t in toks[i + 1 : k])
    cand.head = head[1]
    cand.quoted = True
    if head[1] not in DESCRIBING_HEADS:
        cand.tokens = (head[1], *name)
        cand.canonical = f"{QUOTED_HEADS[head[1]]} {clean_display(cand.surface)}"
        return cand
    if len(name) == 1 and name[0].startswith("ال") and name[0].endswith(("ي", "يه")):
        return None  # 'مليشيا "الانتقالي"': an adjective standing for a body named in full
    cand.tokens, cand.subkind = name, "armed_group"
    return cand


def _quoted(block: Block, i: int, gaz: dict[int, Cand]) -> Cand | None:
    """A quoted name after its head, unless the gazetteer knows that name as a body:
    'جماعة «أنصار الله»' is the known group."""
    cand = quoted_name(block, i)
    if cand is None:
        return None
    known = gaz.get(cand.first)
    if known is not None and known.kind is EntityKind.ORGANIZATION and known.last == cand.last:
        return None
    return cand


@lru_cache(maxsize=CANDIDATES)
def _quoted_head(token: str) -> tuple[str, str] | None:
    if token in ACTING:
        return None  # 'الوزير بالوكالة "..."': the name of the acting minister follows
    return next(((p, s) for p, s in readings(token) if s in QUOTED_HEADS), None)


def find_orgs(block: Block, gaz: dict[int, Cand]) -> list[Cand]:
    """Organization candidates of a block; `gaz` holds gazetteer matches by first token."""
    out: list[Cand] = []
    norms = block.norms
    i = 0  # the first token not read yet
    # the tokens a head, a known body, a ministry's domain or a quoted name opens on
    for at in [k for k, word in enumerate(norms) if word in _OPENING_FORMS or k in gaz]:
        if at < i:
            continue
        i = at
        known = gaz.get(i)
        word = norms[i]
        if minister_title(block, i):
            continue
        head = org_head(word)
        if known is None and head is None and not _opens_name(word):
            continue
        found: Cand | None = None
        if head is not None and (_leads(head) or _after_verb_particle(block, i)):
            head = None
        if head is not None and _acronym_after(block, i, head, gaz):
            continue  # the known body at i + 1 is read on its own
        if head is not None:
            found = chain(block, i, head, gaz)
        if known is not None:
            found = _prefer_known(known, found, block)
            if found is known and known.kind is not EntityKind.ORGANIZATION:
                i = known.last
                continue
        elif found is None:
            found = purpose_body(block, i, gaz) if head is not None else None
            found = found or _ministry(block, i, gaz) or _quoted(block, i, gaz)
        if head is not None and (found is None or found.key is None):
            found = _whole_quote(block, i, head, found)
        if found is not None and found.key is None and found.head in _PURPOSE_HEADS:
            _purpose_tail(block, found, gaz)
        if found is not None and not _social_network(block, found):
            out.append(found)
        if found is not None:
            i = found.last
    return out


def own_demonyms(
    orgs: list[Cand], gaz: Mapping[int, Cand], country_of: Mapping[str, str | None]
) -> list[Cand]:
    """ "فيلق القدس الإيراني", "حكومة الوفاق الوطني الليبية": a known body followed by the
    demonym of its own country is that body, not a new one. Another country's demonym may
    make another body ("حزب الله العراقي"), so it stays a chain."""
    out: list[Cand] = []
    for cand in orgs:
        known = gaz.get(cand.first)
        demonym = gaz.get(known.last) if known is not None else None
        if (
            known is not None
            and demonym is not None
            and cand.key is None
            and known.kind is EntityKind.ORGANIZATION
            and demonym.form is Form.DEMONYM
            and demonym.last == cand.last
            and known.key is not None
            and demonym.key == country_of.get(known.key)
        ):
            known.last = cand.last
            cand = known
        out.append(cand)
    return out


# Committees and bodies named by what they are for: "اللجنة العليا للتعامل مع الأمم
# المتحدة", "الهيئة الإسلامية المسيحية لنصرة القدس والمقدسات", "اللجنة الدولية لمتابعة تنفيذ
# الاتفاق". Only after a definite name with an adjective that names (الوطنية، العليا، الدولية):
# "دعا الحكومة السورية للانخراط" is the sentence's purpose, not the government's name.
_PURPOSE_HEADS = frozenset(normalize(w) for w in ("لجنة", "هيئة", "منسقية", "مفوضية", "مركز"))
_PURPOSE_NAMING = NAMED_ADJECTIVES | words("العليا الأعلى")
_WITH = normalize("مع")
_LONGEST_PURPOSE = 4  # words from the verbal noun on: "لمتابعة تنفيذ الاتفاق"


def _purpose_tail(block: Block, cand: Cand, gaz: Mapping[int, Cand]) -> None:
    """Carry a named body on through its ل-purpose phrase, in place."""
    toks, j = block.toks, cand.last
    if not cand.tokens or not cand.tokens[0].startswith("ال") or cand.quoted:
        return
    if not any(word in _PURPOSE_NAMING for word in cand.tokens[1:]):
        return
    if j >= len(toks) or toks[j].sep != SPACE or not _purpose_word(toks[j].norm):
        return
    end, k = 0, j + 1  # the name ends on a definite word or a known name
    while k < len(toks) and toks[k - 1].sep == SPACE and k - j <= _LONGEST_PURPOSE:
        word, known = toks[k].norm, gaz.get(k)
        if word == _WITH and k + 1 in gaz and toks[k].sep == SPACE:
            end = gaz[k + 1].last  # "... للتعامل مع الأمم المتحدة": whom it deals with
            break
        if known is not None:
            if known.prefix not in ("", "و"):
                break
            end = k = known.last
            continue
        stem = word[1:] if word.startswith("وال") else word
        if stem in PARTICLES or stem in TIME_WORDS or has_preposition(stem) or is_verb(stem):
            break
        if not stem.startswith("ال") and (end or not stem.isalpha()):
            break  # "لمتابعة تنفيذ الاتفاق": one construct noun, then definite words only
        k += 1
        end = k if stem.startswith("ال") else end
    if not end:
        return
    cand.last, cand.weak = end, False  # "اللجنة العليا" names nothing, its purpose does
    cand.tokens = (*cand.tokens, *(t.norm for t in toks[j:end]))


def _purpose_word(word: str) -> bool:
    """ "لنصرة", "للتعامل", "لمتابعة": ل on a verbal noun, no article."""
    return any(
        p == "ل"
        and len(s) >= 4
        and not s.startswith("ال")
        and s not in PARTICLES
        and not is_verb(s)
        for p, s in readings(word)
    )


_QUOTE_OPENERS = frozenset('"«“')
# Heads of bodies named after people ("كتائب زيد بن علي", "حزب عمر المختار")
_NAMED_AFTER_PEOPLE = frozenset(("armed_group", "party"))
# Prepositions that make a quote a phrase; not على, which is spelled like the name علي
_PHRASE_WORDS = words("من في إلى الى عن مع ضد بدل")
_LONGEST_QUOTED = 5


def _whole_quote(
    block: Block, i: int, head: tuple[str, str, bool], found: Cand | None
) -> Cand | None:
    """ "«لواء أبو الفضل العباس»", "«كتائب زيد بن علي»": a name quoted from its head noun
    on is the whole name, however far its chain would have read (a kunya, a man's name)."""
    toks = block.toks
    if i == 0 or not toks[i].sep & QUOTE:
        return found
    if _QUOTE_OPENERS.isdisjoint(block.source.text[toks[i - 1].end : toks[i].start]):
        return found
    k = i + 1
    while k < len(toks) and toks[k].sep == SPACE and k - i <= _LONGEST_QUOTED:
        k += 1
    closed = (
        toks[k].sep & QUOTE if k < len(toks) else QUOTE_AFTER.match(block.source.text, toks[-1].end)
    )
    if not closed or k - i > _LONGEST_QUOTED or k == i + 1:
        return found
    if found is not None and found.last >= k:
        return found
    prefix, lemma, definite = head
    if found is None and HEADS[lemma] not in _NAMED_AFTER_PEOPLE:
        return found  # "«منبر جدة»": the chain said why it is no body
    if found is not None and found.weak:
        return found  # "«إدارة الأزمة بدل حلها»": no name to complete
    rest = block.norms[i + 1 : k]
    if any(w in _PHRASE_WORDS or has_preposition(w) or is_verb(w) for w in rest):
        return found  # "«الاتحاد من أجل السلام»", "«إدارة الأزمة بدل حلها»": a phrase
    if all(w.endswith(("ي", "يه", "ه")) and not w.startswith("ال") for w in rest):
        return found  # "«جماعة إرهابية»", "«حكومة موحدة»": a designation, the head described
    cand = Cand(block, EntityKind.ORGANIZATION, i, k, prefix, subkind=HEADS[lemma], head=lemma)
    cand.tokens = (("ال" if definite else "") + lemma, *rest)
    return cand


def _after_verb_particle(block: Block, i: int) -> bool:
    """ "المصالح التي تجمع البلدين": an indefinite head after a relative or a verb particle
    is a verb."""
    if i == 0 or block.toks[i].sep != SPACE or block.norms[i].startswith("ال"):
        return False
    return block.norms[i - 1] in _BEFORE_VERB


def minister_title(block: Block, i: int) -> bool:
    """ "وزير الخارجية العمانية": the domain of a minister's title, however its adjective
    agrees, names the minister's office, not the ministry as an actor."""
    if i == 0 or block.toks[i].sep != SPACE or block.norms[i - 1] not in _MINISTER:
        return False
    return _ministry_domain(block.norms[i]) is not None


def _acronym_after(block: Block, i: int, head: tuple[str, str, bool], gaz: dict[int, Cand]) -> bool:
    """ "قوات اليونيفيل", "قوات اليوناميد في دارفور": the forces of a mission known by one
    word (its acronym) are that mission, not a new body. A mission of a body (بعثة ...) may
    be a body of its own, so only forces."""
    known = gaz.get(i + 1)
    if head[1] not in _FORCE_HEADS or known is None or known.prefix:
        return False
    one_word = known.last == i + 2 and block.toks[i + 1].sep == SPACE
    return one_word and known.kind is EntityKind.ORGANIZATION and known.subkind == "international"


def _social_network(block: Block, cand: Cand) -> bool:
    """ "عبر منصة «إكس»", "على منصة (إكس)": the network a text was posted on."""
    if cand.head != PLATFORM:
        return False
    at = cand.first if cand.quoted else cand.first + 1
    return at < len(block.toks) and block.toks[at].norm.lower() in SOCIAL_NETWORKS


def _leads(head: tuple[str, str, bool]) -> bool:
    """ "بقيادة أحمد العودة", "بقيادة الولايات المتحدة", "برئاسة المنفي": "led by" whoever
    follows, not a body named قيادة or رئاسة."""
    prefix, lemma, _ = head
    return prefix.endswith("ب") and lemma in LEADING


def _prefer_known(known: Cand, chain: Cand | None, block: Block) -> Cand:
    """A chain that only adds a MERGEABLE adjective to a known body is that body."""
    if chain is None or chain.last <= known.last:
        return known
    extra = [block.toks[k].norm for k in range(known.last, chain.last)]
    if known.kind is EntityKind.ORGANIZATION and all(w in MERGEABLE for w in extra):
        known.last = chain.last
        return known
    if known.kind is EntityKind.ORGANIZATION and extra[0][:1] == "و":
        return known  # "منصة القاهرة والمستقلين": a known name, then another conjunct
    if known.kind is EntityKind.ORGANIZATION and _portfolio_of_title(block, known, extra[0]):
        return known
    if known.kind is EntityKind.ORGANIZATION and _qualifies_another(known, extra[0]):
        return known
    return chain


def _qualifies_another(known: Cand, after: str) -> bool:
    """ "رئيس وفد حركة حماس المفاوض": a masculine adjective after a feminine head and its
    proper name cannot qualify the body; it agrees with a noun before it."""
    head, rest = known.tokens[0], known.tokens[1:]
    if not head.endswith("ه") or not rest or any(t.startswith("ال") for t in rest):
        return False
    return after.startswith("ال") and not after.endswith("ه")


_FOR_AFFAIRS = normalize("للشؤون")


def _portfolio_of_title(block: Block, known: Cand, after: str) -> bool:
    """ "بوكيل وزارة الخارجية الأميركية للشؤون السياسية", "الممثلة العليا للاتحاد الأوروبي
    للشؤون الخارجية": after a title, the ل-phrase that follows a known body is the title's
    portfolio, not part of the body's name."""
    if known.first == 0 or not after.startswith("لل"):
        return False
    word = block.norms[known.first - 1]
    if known.prefix in ("ل", "لل") and word.startswith("ال") and known.first >= 2:
        # "الممثلة العليا للاتحاد": a definite title and its adjective, the body after ل;
        # only "for affairs" is a portfolio ("الوزير لقناة العربية للأخبار" is a name)
        title = title_head(word) or title_head(block.norms[known.first - 2])
        return title is not None and after == _FOR_AFFAIRS
    title = title_head(word)
    # in construct with the body: "وكيل", not "الوزير"
    return not known.prefix and title is not None and not word[len(title[0]) :].startswith("ال")


def _ministry(block: Block, i: int, gaz: dict[int, Cand]) -> Cand | None:
    """ "الخارجية الروسية" (feminine demonym agreeing with the ministry) -> وزارة ..."""
    toks = block.toks
    domain = _ministry_domain(toks[i].norm)
    if domain is not None and i + 1 < len(toks) and toks[i + 1].sep == SPACE:
        prefix, stem = domain
        place = gaz.get(i + 1)
        if place is None or place.form is not Form.DEMONYM or not place.tokens[-1].endswith("يه"):
            return None
        if not prefix and _after_definite_noun(block, i):
            return None  # "السياسة الخارجية اللبنانية": the adjective of a noun, no ministry
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


def domain_adjective(block: Block, i: int) -> bool:
    """ "السياسة الخارجية اللبنانية": a ministry's domain word right after a definite noun
    is that noun's adjective, whatever follows it."""
    return _ministry_domain(block.norms[i]) == ("", block.norms[i]) and _after_definite_noun(
        block, i
    )


def _after_definite_noun(block: Block, i: int) -> bool:
    if i == 0 or block.toks[i].sep != SPACE:
        return False
    before = block.norms[i - 1]
    if before in PARTICLES or before in _MINISTER:
        return False
    return any(stem.startswith("ال") and len(stem) > 3 for _, stem in readings(before))


@lru_cache(maxsize=CANDIDATES)
def _ministry_domain(token: str) -> tuple[str, str] | None:
    return next(((p, s) for p, s in readings(token) if s in MINISTRY_DOMAINS), None)


@lru_cache(maxsize=CANDIDATES)
def _opens_name(token: str) -> bool:
    """Whether `_ministry` or `quoted_name` can start at this token."""
    return _ministry_domain(token) is not None or _quoted_head(token) is not None


def short_forms(block: Block, covered: Sequence[object | None]) -> list[Cand]:
    """Heads with the article standing alone (الهيئة، للائتلاف): short forms to resolve.
    `covered` holds, for each token, what already covers it (None: nothing)."""
    out: list[Cand] = []
    norms = block.norms
    for i in [i for i, word in enumerate(norms) if word in _HEAD_FORMS and covered[i] is None]:
        tok = block.toks[i]
        head = org_head(tok.norm)
        if head is None or not head[2] or head[1] in NO_SHORT_FORM:
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
                form=Form.SHORT_FORM,
                weak=True,
                head=lemma,
                tokens=("ال" + lemma,),
            )
        )
    return out


def _cites(word: str) -> bool:
    return word in CITING or (word[:1] in ("و", "ف") and word[1:] in CITING)


_UN_FORMS = {p + w: p for w in UN_NISBAS for p in ("", "و", "ف", "ب", "ل", "وب", "ول")}


def names_un(block: Block) -> bool:
    """Whether the block has a token `un_adjectives` may find."""
    return not _UN_FORMS.keys().isdisjoint(block.norms)


def un_adjectives(block: Block, covered: list[Cand | None], un_id: str) -> list[Cand]:
    """ "المبعوث الأممي", "قوة أممية": the adjective of the United Nations names it."""
    out: list[Cand] = []
    if not names_un(block):
        return out
    for i, word in enumerate(block.norms):
        if covered[i] is not None:
            continue
        prefix = _UN_FORMS.get(word)
        if prefix is None:
            continue
        stem = word[len(prefix) :]
        out.append(
            Cand(
                block,
                EntityKind.ORGANIZATION,
                i,
                i + 1,
                prefix,
                Form.DEMONYM,
                un_id,
                tokens=(stem,),
            )
        )
    return out


def un_in_vague_chains(results: Sequence[BlockResult], gazetteer: Gazetteer) -> None:
    """ "البعثة الأممية", "القوات الأممية": a generic head with the adjective of the United
    Nations that coreference left unresolved. It is the one body of that head the article
    names in full (the UN mission of the story); with none, it names no body of its own but
    its adjective still names the United Nations. Run after resolution."""
    un_id = gazetteer.un_id
    vague = [(r, c) for r in results for c in r.cands if _vague_un_chain(c)]
    if un_id is None or not vague:
        return
    bodies: dict[str, set[str]] = {}  # head lemma -> keys of the bodies it opens
    for result in results:
        for cand in result.cands:
            if cand.kind is EntityKind.ORGANIZATION and cand.key is not None:
                head = _name_head(cand.key, gazetteer)
                if head is not None:
                    bodies.setdefault(head, set()).add(cand.key)
    for result, cand in vague:
        named = bodies.get(cand.head or "", set()) - {un_id}
        if len(named) == 1:
            cand.key = next(iter(named))
        elif not named:
            at = cand.last - 1
            result.cands.append(
                Cand(
                    result.block,
                    EntityKind.ORGANIZATION,
                    at,
                    at + 1,
                    form=Form.DEMONYM,
                    key=un_id,
                    tokens=(result.block.norms[at],),
                )
            )


def _name_head(key: str, gazetteer: Gazetteer) -> str | None:
    """The head noun a body's name opens on (بعثه for بعثة الأمم المتحدة ...), if any."""
    entry = gazetteer.entries.get(key)
    name = entry.name if entry is not None else key.rpartition(":")[2]
    words = normalize(name).split()
    head = org_head(words[0]) if words else None
    return head[1] if head is not None else None


def _vague_un_chain(cand: Cand) -> bool:
    if cand.kind is not EntityKind.ORGANIZATION or cand.key is not None or not cand.weak:
        return False
    return cand.size >= 2 and bool(cand.tokens) and cand.tokens[-1] in UN_NISBAS


# Words after which a quoted or bracketed name is the outlet that reported: "قال مراسل
# (بغداد اليوم)", "بحسب بيان تلقاه (تاق برس)", "في حديثه الذي رصدته «أثير»", "التقرير
# الذي توصلت «النبأ» بنسخة منه", "في بيان ترجمته «الوسط»".
_MEDIA_CUES = words("""
    مراسل لمراسل مراسلة لمراسلة تابعته تابعتها رصدته رصدتها تلقاه تلقته تلقتها
    توصلت توصل ترجمته ترجمتها نشرته نشرتها أوردته أوردتها
""")
_OPENERS = frozenset('"«“(')
_CLOSERS = frozenset('"»”)')
_LONGEST_OUTLET = 3
_BYLINE_MARKS = frozenset(":-–—|")


def cued_media(block: Block) -> list[Cand]:
    """Outlets named in quotes or brackets right after a reporting cue (see _MEDIA_CUES):
    the cue says what the name is, whatever else the words name ("بغداد اليوم")."""
    out: list[Cand] = []
    toks, norms, text = block.toks, block.norms, block.source.text
    if _MEDIA_CUES.isdisjoint(norms):
        return out  # most blocks: no cue, told by one set operation
    # from the second token on: 'مراسل "الشرق": ...' opening a line is the outlet's byline
    for k in [k for k in range(2, len(toks)) if norms[k - 1] in _MEDIA_CUES]:
        if _OPENERS.isdisjoint(text[toks[k - 1].end : toks[k].start]):
            continue
        m = k + 1
        while m < len(toks) and toks[m].sep == SPACE and m - k < _LONGEST_OUTLET:
            m += 1
        after = text[toks[m - 1].end : toks[m].start if m < len(toks) else len(text)]
        if _CLOSERS.isdisjoint(after[:2]) or not _BYLINE_MARKS.isdisjoint(after):
            continue  # unclosed, or a byline: 'مراسل "الشرق" - بغداد:'
        cand = Cand(block, EntityKind.ORGANIZATION, k, m, subkind="media")
        cand.tokens = tuple(norms[k:m])
        out.append(cand)
    return out


_EDITIONS = words("عربي عربية العربية")  # "سبوتنيك عربي": the outlet's Arabic edition


def media_credit(block: Block, cand: Cand) -> bool:
    """ "... على الثقة. 19.10.2025, سبوتنيك عربي": an outlet named after a date at the end
    of a paragraph is the page's credit line, not an actor of the story."""
    if cand.kind is EntityKind.ORGANIZATION and _credit_line(block, cand):
        return True
    if cand.subkind != "media" or cand.first == 0 or cand.prefix:
        return False
    if not block.norms[cand.first - 1].isdigit():
        return False
    rest = block.norms[cand.last :]
    return not rest or (len(rest) == 1 and rest[0] in _EDITIONS)


def _credit_line(block: Block, cand: Cand) -> bool:
    """ "وكالة ليبيا الرقمية" alone on its line under a headline: the outlet credited for
    the story, like a byline, not an actor of it."""
    if not (cand.subkind == "media" or cand.head in MEDIA_HEADS):
        return False
    whole = cand.first == 0 and cand.last == len(block.toks) and not cand.prefix
    return whole or dateline(block, cand) or _opening_dateline(block, cand)


_DASHES = frozenset("-–—")


def _opening_dateline(block: Block, cand: Cand) -> bool:
    """ "(رويترز) – يجري الوزير ...", "بغداد/ شبكة الأخبار- قال ...": an outlet opening a
    paragraph, in brackets or after its city and a slash, then a dash, is the dateline run
    into the first sentence (GUIDELINES §1), not an actor of the story."""
    toks, text = block.toks, block.source.text
    if cand.prefix or cand.last >= len(toks) or cand.first > 1:
        return False
    before = text[: toks[cand.first].start]
    if cand.first == 1:
        before = text[: toks[0].start] + text[toks[0].end : toks[1].start].replace("/", "", 1)
        if "/" not in text[toks[0].end : toks[1].start]:
            return False
    if before.strip() not in ("", "("):
        return False
    after = text[toks[cand.last - 1].end : toks[cand.last].start]
    return not _DASHES.isdisjoint(after)


_DATELINE_TOKENS = 10  # "وكالة ... - بغداد", "الموقع من الرباط الثلاثاء 18 نونبر 2025 15:02"
_FROM = normalize("من")


def dateline(block: Block, cand: Cand) -> bool:
    """A short line without a verb where an outlet is followed by a dash or "من" (and a
    city): the story's dateline, like a byline, not an actor of it (GUIDELINES: datelines
    are no story text, so neither is the city they name)."""
    if not (cand.subkind == "media" or cand.head in MEDIA_HEADS):
        return False
    toks = block.toks
    if len(toks) > _DATELINE_TOKENS or cand.prefix or any(is_verb(t.norm) for t in toks):
        return False
    if cand.last >= len(toks):
        return False
    between = block.source.text[toks[cand.last - 1].end : toks[cand.last].start]
    return "-" in between or "–" in between or toks[cand.last].norm == _FROM


def quoted_media(
    block: Block,
    tails: Mapping[tuple[str, ...], str],
    cited: Collection[tuple[str, ...]] = (),
) -> list[Cand]:
    """ "في تصريح لـ«الشرق الأوسط»": an outlet quoted without its head noun. A one-word
    name («الجزيرة», «العربية») and a name that is also a place's (`cited`: «الشرق الأوسط»)
    also need a citing word before it (لـ، بحسب، نقلت...)."""
    out: list[Cand] = []
    if not has_quotes(block):
        return out
    toks = block.toks
    for k in [k for k, tok in enumerate(toks) if tok.sep & QUOTE and not tok.sep & STOP]:
        m = k + 1
        while m < len(toks) and toks[m].sep == SPACE and m - k < 5:
            m += 1
        closing = (
            toks[m].sep & QUOTE
            if m < len(toks)
            else QUOTE_AFTER.match(block.source.text, toks[-1].end)
        )
        tail = tuple(t.norm for t in toks[k:m])
        key = tails.get(tail) if closing else None
        needs_cue = m == k + 1 or tail in cited
        if key is None or (needs_cue and (k == 0 or not _cites(toks[k - 1].norm))):
            continue
        cand = Cand(block, EntityKind.ORGANIZATION, k, m, key=key, subkind="media")
        cand.tokens = tuple(t.norm for t in toks[k:m])
        out.append(cand)
    return out
