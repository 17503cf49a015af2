"""The gazetteer: known actors from app/extract/data/*.json, behind one token trie.

Files (arrays of objects, each optional): countries.json, places.json,
organizations.json, persons.json. Every name and alias is indexed in normalized form
with its spelling variants; countries also by Babel's CLDR Arabic name and by every
inflected form of their demonyms. Entries are validated by the models of entries.py: a bad
entry raises GazetteerError (the loader refuses to start, it never skips silently).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, wraps
from pathlib import Path
from typing import TypeVar

from app.extract.actors import entries
from app.extract.actors.demonyms import inflect
from app.extract.actors.lexicon import (
    NAME_LINKS,
    NOT_NAMES,
    PARTICLES,
    TIME_WORDS,
    first_names,
    words,
)
from app.extract.actors.matcher import TokenTrie, name_tokens, spelling_variants
from app.extract.model import Entity, EntityKind
from app.extract.tokens import bare
from app.text.prebuilt import cached_build, cldr_files, sources

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
_FILES = (
    ("countries.json", EntityKind.PLACE),
    ("places.json", EntityKind.PLACE),
    ("organizations.json", EntityKind.ORGANIZATION),
    ("persons.json", EntityKind.PERSON),
)
# Country names that are everyday words too: they need a cue (في، إلى...) before them.
_AMBIGUOUS_COUNTRIES = frozenset({"مالي", "بنين"})
_MEDIA_HEADS = words("صحيفة جريدة قناة وكالة موقع إذاعة تلفزيون مجلة شبكة")
_SON = "بن"
_UN_WIKIDATA = "Q1065"
_EU_WIKIDATA = "Q458"


@dataclass(frozen=True, slots=True)
class Ref:
    """What a trie match points at. Lower `rank` wins when one spelling names several."""

    entry_id: str
    demonym: bool = False
    needs_cue: bool = False

    @property
    def rank(self) -> int:
        return 9 if self.demonym else 0


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    organization: str | None = None
    country: str | None = None
    start: int | None = None  # years, inclusive; None when unknown or still in office
    end: int | None = None


@dataclass(slots=True)
class GazEntry:
    id: str
    kind: EntityKind
    name: str
    subkind: str | None = None
    english: str | None = None
    wikidata: str | None = None
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    ambiguous: bool = False
    demonyms: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    also_known_as: list[str] = field(default_factory=list)  # another name: kunya, nom de guerre

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *self.also_known_as)

    def entity(self) -> Entity:
        return Entity(
            key=self.id,
            name=self.name,
            kind=self.kind,
            subkind=self.subkind,
            aliases=sorted({self.name, *self.aliases, *self.also_known_as}),
            english_name=self.english,
            wikidata_id=self.wikidata,
        )


@dataclass(slots=True)
class Gazetteer:
    entries: dict[str, GazEntry] = field(default_factory=dict)
    trie: TokenTrie[Ref] = field(default_factory=TokenTrie)
    countries: dict[str, str] = field(default_factory=dict)  # iso2 -> entry id
    un_id: str | None = None
    eu_id: str | None = None
    # Last name of one known person only ("أردوغان"): found after a title without the rest.
    surnames: dict[str, str] = field(default_factory=dict)
    # The ones of persons from outside the Arab states and Iran, shaped like no Arabic
    # word ("غريفيث", "بيدرسن"): the press names such a man by it alone, with no cue.
    foreign_surnames: dict[str, str] = field(default_factory=dict)
    # A country's body named "ال + head + adjective" (الحكومة العراقية): (head, iso2) -> id
    national: dict[tuple[str, str], str] = field(default_factory=dict)
    _shared_national: set[tuple[str, str]] = field(default_factory=set)
    # A media outlet's name without its head noun (صحيفة الشرق الأوسط -> الشرق الأوسط): in
    # quotes, "لـ«الشرق الأوسط»" cites the outlet.
    media_tails: dict[tuple[str, ...], str] = field(default_factory=dict)
    cited_tails: set[tuple[str, ...]] = field(default_factory=set)  # also another actor's name

    def add(self, entry: GazEntry) -> None:
        if entry.id in self.entries:
            log.warning("gazetteer: duplicate id %s skipped", entry.id)
            return
        self.entries[entry.id] = entry
        ambiguous = entry.ambiguous or entry.name in _AMBIGUOUS_COUNTRIES
        for spelling in entry.spellings:
            tokens = name_tokens(spelling)
            # "سلطنة عمان" names Oman whatever the context: only one-word spellings of a
            # homograph ("عمان", "جدة", "صور") wait for a cue
            cue = ambiguous and len(tokens) == 1
            variants = spelling_variants(tokens)
            if entry.kind is EntityKind.PERSON:
                variants |= {tuple(t.replace("غ", "ج") for t in v) for v in variants}
            for variant in variants:
                self.trie.add(variant, Ref(entry.id, needs_cue=cue))
        if entry.subkind == "country" and entry.country:
            self.countries[entry.country] = entry.id
        if entry.kind is EntityKind.ORGANIZATION and entry.country:
            self._index_national(entry, entry.country)
        if entry.subkind == "media":
            for spelling in entry.spellings:
                tokens = name_tokens(spelling)
                if len(tokens) > 1 and tokens[0] in _MEDIA_HEADS:
                    self.media_tails.setdefault(tokens[1:], entry.id)
        if entry.wikidata == _UN_WIKIDATA:
            self.un_id = entry.id
        elif entry.wikidata == _EU_WIKIDATA:
            self.eu_id = entry.id

    def _index_national(self, entry: GazEntry, country: str) -> None:
        for spelling in (entry.name, *entry.aliases):
            tokens = name_tokens(spelling)
            if len(tokens) != 2 or not tokens[0].startswith("ال"):
                continue
            key = (bare(tokens[0]), country)
            if key in self._shared_national or self.national.get(key, entry.id) != entry.id:
                self._shared_national.add(key)  # two bodies of one head: neither is "the"
                self.national.pop(key, None)
            else:
                self.national[key] = entry.id

    def trie_values(self, tokens: tuple[str, ...]) -> list[Ref]:
        return self.trie.get(tokens)

    def add_demonyms(self) -> None:
        """Index demonym forms once all names are in, skipping forms two countries share."""
        owners: dict[str, set[str]] = {}
        for entry in self.entries.values():
            for stem in entry.demonyms:
                for form in inflect(stem):
                    owners.setdefault(form, set()).add(entry.id)
        for form, ids in owners.items():
            if len(ids) == 1:
                for variant in spelling_variants(tuple(form.split())):
                    self.trie.add(variant, Ref(next(iter(ids)), demonym=True))

    def add_surnames(self, common: frozenset[str]) -> None:
        """Index last names that belong to one person of the gazetteer and are no common
        word (`common`: first names, particles, nouns): "أردوغان" yes, "الأسد" no."""
        owners: dict[str, set[str]] = {}
        for entry in self.entries.values():
            if entry.kind is not EntityKind.PERSON:
                continue
            for spelling in (entry.name, *entry.aliases):
                tokens = name_tokens(spelling)
                # "عبد السلام": the word after a link is half of a compound, not a surname
                if len(tokens) >= 2 and tokens[-2] not in NAME_LINKS:
                    owners.setdefault(tokens[-1], set()).add(entry.id)
        for token, ids in owners.items():
            unique = len(ids) == 1 and len(token) >= 3 and token not in common
            if unique and (token,) not in self.trie:  # not a place or body spelled the same
                self.surnames[token] = next(iter(ids))
                if _foreign_shape(token) and self._foreign(self.entries[next(iter(ids))]):
                    self.foreign_surnames[token] = next(iter(ids))

    def _foreign(self, entry: GazEntry) -> bool:
        """A person who held office in a state outside the Arab states and Iran, or in an
        international body, and none in them or their bodies: a surname of the region may
        be an Arabic or Persian word too (رئيسي، ولايتي، إسلامي، مشار)."""
        abroad = False
        for role in entry.roles:
            body = self.entries.get(role.organization) if role.organization else None
            if role.country in _REGION or (body is not None and body.country in _REGION):
                return False
            abroad = abroad or role.country is not None
            abroad = abroad or (body is not None and body.subkind == "international")
        return abroad

    def lineage(self, tokens: tuple[str, ...]) -> str | None:
        """ "محمد بن عبدالرحمن بن جاسم آل ثاني", "عبد اللطيف بن راشد الزياني": a person's
        name that gives one ancestor more than a known person's name ("محمد بن عبد الرحمن
        آل ثاني", "عبد اللطيف الزياني") is that person."""
        if _SON not in tokens[1:-1]:
            return None
        for n in range(1, len(tokens) - 1):
            if tokens[n] == _SON and n + 2 < len(tokens) and tokens[n - 1] not in NAME_LINKS:
                shorter = tokens[:n] + tokens[n + 2 :]
                ids = {r.entry_id for r in self.trie.get(shorter) if not r.demonym}
                if len(ids) == 1 and self.entries[next(iter(ids))].kind is EntityKind.PERSON:
                    return next(iter(ids))
        return None

    def entity(self, entry_id: str) -> Entity:
        return self.entries[entry_id].entity()


Index = TypeVar("Index")


def per_gazetteer(build: Callable[[Gazetteer], Index]) -> Callable[[Gazetteer], Index]:
    """`build` made once per gazetteer: an index derived from it, kept with the gazetteer
    itself so that its id, the key, is never reused by another."""
    built: dict[int, tuple[Gazetteer, Index]] = {}

    @wraps(build)
    def index(gazetteer: Gazetteer) -> Index:
        found = built.get(id(gazetteer))
        if found is None:
            found = built[id(gazetteer)] = (gazetteer, build(gazetteer))
        return found[1]

    return index


def load_gazetteer(directory: Path | str | None = None) -> Gazetteer:
    """The gazetteer of `directory` (default app/extract/data), built once per directory;
    the shipped one is kept built between processes (app/text/prebuilt.py)."""
    path = Path(directory or DATA_DIR).resolve()
    return _shipped() if path == DATA_DIR else _load(path)


@lru_cache(maxsize=1)
def _shipped() -> Gazetteer:
    return cached_build("gazetteer", built_from(DATA_DIR), lambda: _load(DATA_DIR))


def built_from(directory: Path) -> list[Path]:
    """What the gazetteer of `directory` is built from: its files, the code that folds and
    indexes the names (app/extract, app/text, the block model), CLDR's names."""
    data = sorted(p for p in directory.iterdir() if p.is_file())
    return [*data, *sources("extract", "text", "ingest/model.py"), *cldr_files()]


@lru_cache(maxsize=8)
def _load(directory: Path) -> Gazetteer:
    gazetteer = Gazetteer()
    word_surnames: set[str] = set()
    for filename, kind in _FILES:
        for model in entries.read_file(directory / filename, entries.FILES[filename]):
            gazetteer.add(_gaz_entry(model, kind))
            if isinstance(model, entries.PersonEntry) and model.surname_is_word:
                word_surnames.update(name_tokens(s)[-1] for s in model.spellings)
    gazetteer.add_demonyms()
    gazetteer.add_surnames(_common_words() | word_surnames)
    for tail in [t for t in gazetteer.media_tails if t in gazetteer.trie]:
        if len(tail) == 1:
            del gazetteer.media_tails[tail]  # «سوريا» is the country, not تلفزيون سوريا
        else:  # «الشرق الأوسط» is the region, unless a citing word says the paper
            gazetteer.cited_tails.add(tail)
    log.info("gazetteer %s: %d entries", directory, len(gazetteer.entries))
    return gazetteer


def _gaz_entry(model: entries.NamedEntry, kind: EntityKind) -> GazEntry:
    country: str | None = getattr(model, "country", None)
    aliases = list(model.aliases)
    if isinstance(model, entries.CountryEntry):
        country = model.iso2
        aliases.extend(_cldr_names(model.iso2))
    subkind = getattr(model, "subkind", None)
    person = model if isinstance(model, entries.PersonEntry) else None
    return GazEntry(
        id=model.id,
        kind=kind,
        name=model.name,
        subkind="country" if isinstance(model, entries.CountryEntry) else subkind,
        english=model.english,
        wikidata=model.wikidata,
        aliases=list(dict.fromkeys(a for a in aliases if a != model.name)),
        country=country,
        ambiguous=model.ambiguous,
        demonyms=list(model.demonyms) if isinstance(model, entries.CountryEntry) else [],
        roles=[_role(r) for r in person.roles] if person else [],
        also_known_as=list(person.also_known_as) if person else [],
    )


# The Arab League's members and Iran, by ISO 3166-1 alpha-2 code.
_REGION = frozenset(
    [
        "DZ",
        "BH",
        "KM",
        "DJ",
        "EG",
        "IQ",
        "JO",
        "KW",
        "LB",
        "LY",
        "MR",
        "MA",
        "OM",
        "PS",
        "QA",
        "SA",
        "SO",
        "SD",
        "SY",
        "TN",
        "AE",
        "YE",
        "IR",
    ]
)


# A foreign surname the press uses for something else as often: "قانون سيزر" is the Caesar
# Act, not Turkey's president.
_NAMES_OF_OTHER_THINGS = frozenset(("سيزر",))
_LONE_SHORTEST = 5  # letters: short ones (بلير، عنان، بوش) are words or shared too often


def _foreign_shape(token: str) -> bool:
    """No article, no nisba ending, long enough to be no everyday word."""
    return (
        len(token) >= _LONE_SHORTEST
        and not token.startswith("ال")
        and not token.endswith(("ي", "يه"))
        and token not in _NAMES_OF_OTHER_THINGS
    )


def _common_words() -> frozenset[str]:
    return NOT_NAMES | PARTICLES | TIME_WORDS | first_names()


def _cldr_names(iso2: str) -> list[str]:
    try:
        from babel import Locale

        name = Locale("ar").territories.get(iso2.upper())
    except Exception:  # Babel is optional at run time: the JSON names still work
        return []
    if not name:
        return []
    return [re.sub(r"\s*\([^)]*\)", "", name).strip()]


def _role(role: entries.Role) -> Role:
    return Role(role.title, role.organization, role.country, role.start, role.end)
