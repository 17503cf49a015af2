"""National institutions named without their country, in an article about one country.

News names the home institutions of the country it covers without the country:
"مجلس النواب" in a Lebanese story is the Lebanese parliament, "وزارة المالية" in a
Palestinian one the Palestinian ministry, "النظام" in a Syrian one the Syrian regime,
"الحكومة الاتحادية" in an Iraqi one the Iraqi government. So when an article is clearly
about one country (its places and demonyms point there far more than anywhere else):

- a head alone ("النظام") or a head with a generic adjective ("الحكومة
  الاتحادية") is that country's body of that head when the gazetteer knows it;
- a parliament chamber or a ministry ("مجلس النواب", "وزارة الإدارة المحلية") is that
  country's: the gazetteer entry if there is one, else a new body named with the
  country's adjective ("مجلس النواب اللبناني").

Bare "الحكومة", "البرلمان" and "الجيش" are left alone: they often mean another country's,
and annotators list a parliament only where the article names it (GUIDELINES §7). A body
inside a person's title ("نائب رئيس مجلس الوزراء": a position) or named with its parent
("وزارة الدفاع بحكومة الوحدة": a sub-body) is keyed only to a body the gazetteer knows;
a ministry named by its own name is one in a title too ("مستشار وزارة الإعلام"). A
court with a generic adjective ("المحكمة الإدارية") is the country's like a ministry, and
a ministry of two portfolios ("وزارة الشباب والرياضة") is a name even with no clear
country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from app.extract.actors.candidates import BlockResult, Cand, Form, Title
from app.extract.actors.gazetteer import Gazetteer, per_gazetteer
from app.extract.actors.lexicon import words
from app.extract.actors.matcher import name_tokens
from app.extract.actors.org_lexicon import L_GENITIVES, MINISTRY
from app.extract.actors.titles import title_head
from app.extract.model import EntityKind
from app.extract.tokens import SPACE, Block, bare
from app.text.normalize import normalize

# "النظام" alone; a bare "البرلمان" names no body, like "الحكومة" (GUIDELINES §7)
_SHORT_HEADS = words("نظام")
# Heads of bodies every state has: an alias of one of them with an adjective only
# describes ("الحكومة الشرعية").
_STATE_HEADS = words("حكومة نظام جيش برلمان")
_ADJECTIVE_HEADS = {
    bare(normalize(w)): words(a)
    for w, a in [
        ("الحكومة", "الاتحادية المركزية"),
        ("المحكمة", "الإدارية العليا الاتحادية العسكرية"),
        ("النيابة", "العامة العسكرية"),
    ]
}
# Heads whose home body may be named here for the first time ("المحكمة الإدارية" of the
# country); a government named so must be known ("الحكومة الاتحادية" of Iraq).
_NEW_WITH_ADJECTIVE = words("محكمة نيابة")
_CHAMBERS = words("النواب الشعب الشيوخ الأمة")  # a bare "مجلس الوزراء" stays out (GUIDELINES §7)
_CHAMBER_HEAD = "مجلس"
_FEMININE_END = "ه"  # ta marbuta, folded: وزاره، حكومه take a feminine adjective
_IN = "في"
_MINISTRY_WORDS = frozenset(bare(w) for w in words("وزارة الشؤون"))
# Security bodies most states have, named alike: "جهاز المخابرات العامة", "الحرس الوطني"
_SERVICES = frozenset(
    (bare(words[0]), *words[1:])
    for words in (
        normalize(w).split()
        for w in ("جهاز المخابرات العامة", "جهاز الاستخبارات العامة", "الحرس الوطني")
    )
)
_MARGIN = 2  # the country must have at least twice the mentions of the next one
_LEADING = 1.01  # ... or just more than any other, for a body the gazetteer knows
_NAMED = 1.5  # ... or half as many mentions again by name as the next one


def resolve_national(
    cands: list[Cand], gazetteer: Gazetteer, known_only: frozenset[int] = frozenset()
) -> None:
    """Key the unresolved home institutions of the article's country (see module doc).
    Candidates whose id is in `known_only` (a body inside a person's title, a sub-body of
    a body named next to it) may only be keyed to a body the gazetteer knows."""
    _foreign_descriptions(cands, gazetteer)
    pending = [c for c in cands if c.kind is EntityKind.ORGANIZATION and c.key is None]
    if not pending:
        return
    _resolve_home(pending, cands, gazetteer, known_only)
    _ministers_ministries(pending, cands, gazetteer)
    for cand in pending:
        if cand.key is None and id(cand) not in known_only and _portfolios(cand):
            # "وزارة الخارجية وشؤون المغتربين": a ministry's full name, though its
            # country is not clear from the article
            cand.key = f"new:{EntityKind.ORGANIZATION.value}:{' '.join(cand.tokens)}"


def _foreign_descriptions(cands: list[Cand], gazetteer: Gazetteer) -> None:
    """ "الحكومة الشرعية" is Yemen's government in a Yemeni story and Libya's in a Libyan
    one: a known body's alias made of a head every state has and an adjective names that
    body only where the article names its country somehow (the country, a city, an
    official, another of its bodies)."""
    described = [c for c in cands if _description(c, gazetteer)]
    if not described:
        return
    keys = {c.key for c in described}
    counts = _country_counts([c for c in cands if c.key not in keys], gazetteer)
    for cand in described:
        entry = gazetteer.entries[cand.key or ""]
        if counts[gazetteer.countries.get(entry.country or "", "")] == 0:
            cand.key = None


def _description(cand: Cand, gazetteer: Gazetteer) -> bool:
    tokens = cand.tokens  # the words first: every mention of the article comes here
    if len(tokens) != 2 or not (tokens[1].startswith("ال") and tokens[1].endswith(("ي", "يه"))):
        return False
    if bare(tokens[0]) not in _STATE_HEADS:  # not "حكومة الإقليم"
        return False
    entry = gazetteer.entries.get(cand.key) if cand.key else None
    if entry is None or entry.kind is not EntityKind.ORGANIZATION or not entry.country:
        return False
    return name_tokens(entry.name) != tokens


def _ministers_ministries(pending: list[Cand], cands: list[Cand], gazetteer: Gazetteer) -> None:
    """ "وزارة الخارجية" in a story naming Ahmed Attaf is the ministry he has led: a bare
    ministry is the one of a known minister the article names, when only one fits."""
    ministries = {
        role.organization
        for cand in cands
        if cand.kind is EntityKind.PERSON and cand.key in gazetteer.entries
        for role in gazetteer.entries[cand.key].roles
        if role.organization in gazetteer.entries
    }
    for cand in pending:
        if cand.key is not None or cand.form is not Form.NAME or not cand.tokens:
            continue
        if bare(cand.tokens[0]) != MINISTRY:
            continue
        domain = _domain(cand.tokens)
        if not domain:
            continue  # "الوزارة" alone is coreference's, not a name
        fits = [
            m
            for m in ministries
            if _domain(name_tokens(gazetteer.entries[m].name))[: len(domain)] == domain
        ]
        if len(fits) == 1:
            cand.key = fits[0]


def _domain(tokens: Iterable[str]) -> tuple[str, ...]:
    """A ministry's name without its head and "الشؤون": الخارجية for both wordings."""
    return tuple(t for t in (bare(t) for t in tokens) if t not in _MINISTRY_WORDS)


def _portfolios(cand: Cand) -> bool:
    """A ministry named by two portfolios ("الخارجية والمغتربين") names one ministry."""
    tokens = cand.tokens
    if cand.form is not Form.NAME or len(tokens) < 3 or bare(tokens[0]) != MINISTRY:
        return False
    return any(t[:1] == "و" for t in tokens[2:])


def _resolve_home(
    pending: list[Cand], cands: list[Cand], gazetteer: Gazetteer, known_only: frozenset[int]
) -> None:
    # A known body ("النظام" -> the Syrian regime) needs the article's leading country;
    # a body named here for the first time needs a country far ahead of the others.
    counts = _country_counts(cands, gazetteer)  # counted once for both margins
    leading = _dominant(counts, _LEADING)
    # A ministry's statement names its own country by name ("أكدت تونس", "رحبت دولة
    # قطر") while the country it speaks about comes in adjectives and places ("الشعب
    # الفلسطيني", "غزة"): the country named most by name is the home one too.
    clear = _dominant(counts, _MARGIN) or _dominant(_named_countries(cands, gazetteer), _NAMED)
    if leading is None and clear is None:
        return
    iso = (gazetteer.entries[leading].country or "") if leading is not None else ""
    named = {c.tokens[:2] for c in cands if c.kind is EntityKind.ORGANIZATION and c.key}
    for cand in pending:
        tokens = tuple(bare(t) if n == 0 else t for n, t in enumerate(cand.tokens))
        if not tokens:
            continue
        head = tokens[0]
        if cand.form is Form.SHORT_FORM and head in _SHORT_HEADS:
            cand.key = gazetteer.national.get((head, iso))
        elif cand.form is not Form.NAME or not cand.weak or not _home_body(tokens):
            continue
        elif len(tokens) == 2 and tokens[1] in _ADJECTIVE_HEADS.get(head, ()):
            cand.key = gazetteer.national.get((head, iso))
            if cand.key is None and head in _NEW_WITH_ADJECTIVE:
                _home(cand, gazetteer, clear, named, id(cand) in known_only)
        else:
            _home(cand, gazetteer, clear, named, id(cand) in known_only)


def _home(
    cand: Cand, gazetteer: Gazetteer, clear: str | None, named: set[tuple[str, ...]], known: bool
) -> None:
    # "وزارة الخزانة" beside "وزارة الخزانة الأمريكية" is that one, not the home one
    if clear is not None and cand.tokens[:2] not in named:
        _name_with_country(cand, gazetteer, gazetteer.entries[clear].demonyms, known_only=known)


def dominant_country(
    cands: Iterable[Cand], gazetteer: Gazetteer, margin: float = _MARGIN
) -> str | None:
    """The country the article is about: most mentioned, with a clear margin."""
    return _dominant(_country_counts(cands, gazetteer), margin)


def _country_counts(cands: Iterable[Cand], gazetteer: Gazetteer) -> Counter[str]:
    """How often the article names each country, its cities, home bodies and officials."""
    country_of = _country_of(gazetteer)
    counts: Counter[str] = Counter()
    for cand in cands:
        country = country_of.get(cand.key) if cand.key else None
        if country is not None:
            counts[country] += 1
    return counts


def prepare(gazetteer: Gazetteer) -> None:
    """Build the country index of `gazetteer` now rather than in the first article."""
    _country_of(gazetteer)


@per_gazetteer
def _country_of(gazetteer: Gazetteer) -> dict[str, str]:
    """Entry id -> the country a mention of it counts for: a country itself, a known
    official that of their first role, a city or a home body its own."""
    out: dict[str, str] = {}
    for entry in gazetteer.entries.values():
        if entry.subkind == "country":
            out[entry.id] = entry.id
            continue
        iso = entry.country
        if entry.kind is EntityKind.PERSON:
            iso = next((r.country for r in entry.roles if r.country), None)
        if iso in gazetteer.countries:
            out[entry.id] = gazetteer.countries[iso]
    return out


def _named_countries(cands: Iterable[Cand], gazetteer: Gazetteer) -> Counter[str]:
    """How often the article names each country by its name (no adjective, no city)."""
    counts: Counter[str] = Counter()
    for cand in cands:
        entry = gazetteer.entries.get(cand.key) if cand.key else None
        if entry is not None and entry.subkind == "country" and cand.form is Form.NAME:
            counts[entry.id] += 1
    return counts


def _dominant(counts: Counter[str], margin: float) -> str | None:
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2:
        return None
    if len(ranked) > 1 and ranked[0][1] < margin * ranked[1][1]:
        return None
    return ranked[0][0]


def _home_body(tokens: tuple[str, ...]) -> bool:
    head = tokens[0]
    if tokens in _SERVICES:
        return True
    if head == MINISTRY:  # "وزارة الخزانة لشؤون الإرهاب" is a title's tail, not a ministry
        return len(tokens) >= 2 and not any(t in L_GENITIVES for t in tokens)
    if head == _CHAMBER_HEAD:
        return len(tokens) == 2 and tokens[1] in _CHAMBERS
    return len(tokens) == 2 and tokens[1] in _ADJECTIVE_HEADS.get(head, ())


def _name_with_country(
    cand: Cand, gazetteer: Gazetteer, demonyms: list[str], *, known_only: bool = False
) -> None:
    """ "مجلس النواب" -> مجلس النواب اللبناني: the known body, or a new one so named."""
    if not demonyms:
        return
    feminine = cand.tokens[0].endswith(_FEMININE_END)
    written = " ".join(cand.display_name.split())
    # the adjective agrees with the head, or with the last word before it ("جهاز
    # المخابرات العامة الفلسطينية"): the head's agreement first
    endings = ("ة", "") if feminine else ("", "ة")
    fulls = [f"{written} ال{demonyms[0]}{ending}" for ending in endings]
    for full in fulls:
        match = [v for v in gazetteer.trie_values(name_tokens(full)) if not v.demonym]
        if match:
            cand.key = match[0].entry_id
            return
    full = fulls[0]
    tokens = name_tokens(full)
    if known_only:
        return
    cand.key = f"new:{EntityKind.ORGANIZATION.value}:{' '.join(tokens)}"
    cand.canonical = full


def not_home_bodies(results: list[BlockResult]) -> frozenset[int]:
    """Weak bodies that name no home institution of their own: one inside a person's title
    ("نائب رئيس مجلس الوزراء": a position, not the cabinet) and one named with its parent
    ("وزارة الدفاع بحكومة الوحدة": a sub-body, whose mentions belong to the parent)."""
    out: set[int] = set()
    for result in results:
        titles = [t for f in result.finds for t in f.titles] + result.roles
        starts = {c.first: c for c in result.cands if c.kind is EntityKind.ORGANIZATION}
        for cand in result.cands:
            if not cand.weak or cand.kind is not EntityKind.ORGANIZATION:
                continue
            if _of_role(result.block, cand, titles) or _of_parent(result.block, cand, starts):
                out.add(id(cand))
    return frozenset(out)


def _of_role(block: Block, cand: Cand, titles: list[Title]) -> bool:
    """ "نائب رئيس مجلس الوزراء": the body is the complement of a role noun in a title
    (not "المتحدث باسم وزارة ...", which names the body it speaks for)."""
    if cand.first == 0 or cand.prefix or title_head(block.toks[cand.first - 1].norm) is None:
        return False
    if _full_ministry(cand.tokens):
        return False  # "مستشار وزارة الإعلام": the ministry by its own name (GUIDELINES §7)
    return any(t.first <= cand.first and cand.last <= t.last for t in titles)


def _full_ministry(tokens: tuple[str, ...]) -> bool:
    """A ministry named by its own name, not a title's portfolio after it ("وكيل وزارة
    الخزانة لشؤون الإرهاب")."""
    if not tokens or bare(tokens[0]) != MINISTRY:
        return False
    return not any(t in L_GENITIVES for t in tokens)


def _of_parent(block: Block, cand: Cand, starts: dict[int, Cand]) -> bool:
    toks, n = block.toks, cand.last
    if n >= len(toks) or toks[n].sep != SPACE:
        return False
    parent = starts.get(n)
    if parent is not None:
        return parent.prefix in ("ب", "ل", "لل")
    parent = starts.get(n + 1)
    return toks[n].norm == _IN and parent is not None and not parent.prefix
