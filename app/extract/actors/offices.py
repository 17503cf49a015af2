"""Who held an office on the article's date: "الرئيس السوري" with no name in the text.

The gazetteer gives persons their roles with years (`from`, `to`, inclusive; `to` empty
while in office). A role the article names without its holder ("وزير الخارجية الأميركي
قال ...") is that role's holder in the article's year when exactly one known person held
it then; otherwise nobody. A role and a title are the same office when they have the same
words once the country is set aside (its name or its adjective: "رئيس سوريا" is "الرئيس
السوري") and the same country; role nouns compare by lemma (وزيرة is وزير), other words
without their article.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from app.extract.actors.candidates import Title
from app.extract.actors.gazetteer import Gazetteer, per_gazetteer
from app.extract.actors.lexicon import words
from app.extract.actors.titles import MODIFIERS, title_head
from app.extract.model import EntityKind
from app.extract.tokens import Block, bare, lex
from app.ingest.model import Part, TextBlock

# (words of the office without its country, the country's iso2 or None)
Office = tuple[frozenset[str], str | None]


@dataclass(frozen=True, slots=True)
class _Term:
    person: str
    start: int
    end: int | None


def title_office(gazetteer: Gazetteer, title: Title) -> Office:
    """The office `title` names, for `holder` and `named_holder`."""
    return office_of(title.block, title.first, title.last, gazetteer)


def holder(gazetteer: Gazetteer, office: Office, year: int) -> str | None:
    """The one known person who held `office` (a title's) in `year`, if exactly one did."""
    terms = _index(gazetteer).get(office)
    if not terms:
        return None
    found = {t.person for t in terms if t.start <= year and (t.end is None or year <= t.end)}
    return next(iter(found)) if len(found) == 1 else None


def office_of(block: Block, first: int, last: int, gazetteer: Gazetteer) -> Office:
    """The office a title phrase names: its words and its country."""
    country: str | None = None
    skip: set[int] = set()
    for match in gazetteer.trie.scan(block):
        if first <= match.first and match.last <= last:
            entries = [gazetteer.entries[r.entry_id] for r in match.values]
            places = [e for e in entries if e.kind is EntityKind.PLACE and e.subkind == "country"]
            if places:
                country = country or places[0].country
                skip.update(range(match.first, match.last))
    words = frozenset(_word(block.toks[k].norm) for k in range(first, last) if k not in skip)
    return words, country


def _word(token: str) -> str:
    head = title_head(token)
    word = head[1] if head is not None else bare(token)
    return _MASCULINE.get(word, word)


# "الممثلة الخاصة" holds the office of "الممثل الخاص": a modifier's feminine is folded too.
_MASCULINE = {bare(w): bare(w)[:-1] for w in MODIFIERS if w.endswith("ه") and w[:-1] in MODIFIERS}


def prepare(gazetteer: Gazetteer) -> None:
    """Build the office index of `gazetteer` now rather than in the first article that
    names an office without its holder."""
    _index(gazetteer)


@per_gazetteer
def _index(gazetteer: Gazetteer) -> dict[Office, list[_Term]]:
    offices: dict[Office, list[_Term]] = defaultdict(list)
    for entry in gazetteer.entries.values():
        for role in entry.roles:
            # years come with the typed gazetteer; a role without a start is no term
            start = getattr(role, "start", None)
            if entry.kind is not EntityKind.PERSON or not isinstance(start, int):
                continue
            end = getattr(role, "end", None)
            block = lex(TextBlock(Part.SECTION, 0, role.title))
            office = office_of(block, 0, len(block.toks), gazetteer)
            offices[office].append(_Term(entry.id, start, end if isinstance(end, int) else None))
    return dict(offices)


# Words that qualify an office without making it another one ("المندوبة الدائمة", "المبعوث
# الأممي الخاص"), and the words after which a role names where the office is held.
_QUALIFIERS = words("دائم دائمة خاص خاصة أممي أممية")
_COMPLEMENTS = words("لدى في إلى عند")


def named_holder(
    gazetteer: Gazetteer, office: Office, persons: Iterable[str], year: int | None
) -> str | None:
    """Of the persons the article names, the one the gazetteer gives `office` (a title's:
    "المندوبة الإماراتية" when it names لانا نسيبة, مندوبة الإمارات لدى الأمم المتحدة);
    with the article's year, only a term that covers it counts."""
    words, country = office
    found: set[str] = set()
    for key in persons:
        entry = gazetteer.entries.get(key)
        roles = entry.roles if entry is not None else []
        for role in roles:
            if year is not None and not _covers(role.start, role.end, year):
                continue
            required, every, where = _role_words(gazetteer, role.title)
            if where == country and required <= words and words - _QUALIFIERS <= every:
                found.add(key)
    return next(iter(found)) if len(found) == 1 else None


def _covers(start: int | None, end: int | None, year: int) -> bool:
    return (start is None or start <= year) and (end is None or year <= end)


# Per gazetteer (by id: it is not hashable) and role text. The gazetteer is kept beside its
# entries so that its id cannot be reused by a later one while they are cached.
_ROLE_WORDS: dict[tuple[int, str], tuple[frozenset[str], frozenset[str], str | None]] = {}
_ROLE_GAZETTEERS: dict[int, Gazetteer] = {}


def _role_words(
    gazetteer: Gazetteer, text: str
) -> tuple[frozenset[str], frozenset[str], str | None]:
    """A role's office: the words a title must have (the office before where it is held,
    its qualifiers aside), every word it may have, and its country."""
    _ROLE_GAZETTEERS.setdefault(id(gazetteer), gazetteer)
    cached = _ROLE_WORDS.get((id(gazetteer), text))
    if cached is not None:
        return cached
    block = lex(TextBlock(Part.SECTION, 0, text))
    every, country = office_of(block, 0, len(block.toks), gazetteer)
    required: set[str] = set()
    for tok in block.toks:
        word = _word(tok.norm)
        if tok.norm in _COMPLEMENTS or (required and tok.norm.startswith("لل")):
            break
        if word in every and word not in _QUALIFIERS:
            required.add(word)
    _ROLE_WORDS[(id(gazetteer), text)] = built = (frozenset(required), every, country)
    return built
