"""Checks on the gazetteer files in app/extract/data: every entry validates against its model
(app/extract/actors/entries.py, app/extract/resolutions/entries.py), then what no one entry
shows: ids, references, aliases shared across entries."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

import pytest
from pydantic import BaseModel, ValidationError

from app.extract.actors import entries
from app.extract.resolutions.entries import ResolutionEntry

DATA = Path(__file__).resolve().parents[3] / "app" / "extract" / "data"
ENTITY_FILES = ("countries.json", "places.json", "organizations.json", "persons.json")
ALL_FILES = (*ENTITY_FILES, "resolutions.json")

Entry = dict[str, Any]
MODELS: dict[str, type[BaseModel]] = {**entries.FILES, "resolutions.json": ResolutionEntry}
ID_PREFIX = {
    "countries.json": "country:",
    "places.json": "place:",
    "organizations.json": "org:",
    "persons.json": "person:",
}
# Countries and places are both PLACE entities for the recognizer, so they share one namespace.
ALIAS_GROUP = {
    "countries.json": "place",
    "places.json": "place",
    "organizations.json": "organization",
    "persons.json": "person",
}
ARABIC = re.compile(r"[\u0621-\u064a]")
LATIN = re.compile(r"[A-Za-z0-9]+(?: [A-Za-z0-9]+)*")
DIACRITICS = re.compile(r"[\u064b-\u065f\u0670\u0640]")
FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
)
CLITICS = ("و", "ف", "ب", "ل", "ك")


@cache
def load(name: str) -> list[Entry]:
    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    assert isinstance(data, list) and data, f"{name} must be a non-empty JSON array"
    return data


def fold(text: str) -> str:
    """The matching form, as app.text.normalize folds it (diacritics out, letter forms unified)."""
    return " ".join(DIACRITICS.sub("", text).translate(FOLD).split())


def surfaces(entry: Entry) -> list[str]:
    return [entry["name"], *entry["aliases"]]


@pytest.mark.parametrize("name", ALL_FILES)
def test_file_is_canonical_pretty_json(name: str) -> None:
    raw = (DATA / name).read_text(encoding="utf-8")
    assert raw == json.dumps(load(name), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("name", ALL_FILES)
def test_every_entry_validates_against_its_model(name: str) -> None:
    for i, obj in enumerate(load(name)):
        try:
            MODELS[name].model_validate(obj)
        except ValidationError as exc:
            pytest.fail(f"{name}[{i}] {obj.get('id', '')}: {exc}")


@pytest.mark.parametrize("name", ALL_FILES)
def test_every_entry_states_its_source(name: str) -> None:
    # the models default the source for hand-written test data; the shipped files say it
    assert [i for i, obj in enumerate(load(name)) if "source" not in obj] == []


def test_every_entity_has_an_english_name() -> None:
    for name in ENTITY_FILES:
        missing = [e["id"] for e in load(name) if not e.get("english")]
        assert missing == [], f"{name}: no English name for {missing}"


def test_a_wikidata_id_is_only_given_with_an_english_name() -> None:
    # the read API serves both; an id we are sure of names a thing we can name
    for name in ENTITY_FILES:
        for entry in load(name):
            assert not entry.get("wikidata") or entry.get("english"), entry["id"]


def test_ids_unique_and_prefixed() -> None:
    seen: set[str] = set()
    for name in ENTITY_FILES:
        for entry in load(name):
            assert re.fullmatch(re.escape(ID_PREFIX[name]) + r"[A-Za-z0-9-]+", entry["id"])
            assert entry["id"] not in seen, f"duplicate id {entry['id']}"
            seen.add(entry["id"])


def test_wikidata_ids_well_formed_and_unique() -> None:
    qids = [e["wikidata"] for n in ENTITY_FILES for e in load(n) if e["wikidata"] is not None]
    assert all(re.fullmatch(r"Q[1-9]\d*", q) for q in qids)
    assert len(qids) == len(set(qids)), "one Wikidata item given to two entries"


def test_countries_cover_un_members_and_listed_others() -> None:
    countries = load("countries.json")
    codes = [c["iso2"] for c in countries]
    assert len(codes) == len(set(codes)) == 193 + 5
    assert {"PS", "XK", "TW", "VA", "EH", "SY", "US"} <= set(codes)
    for c in countries:
        assert re.fullmatch(r"[A-Z]{2}", c["iso2"]) and c["id"] == f"country:{c['iso2']}"


def test_demonyms_are_bare_stems_owned_by_one_country() -> None:
    owner: dict[str, str] = {}
    for country in load("countries.json"):
        for demonym in country["demonyms"]:
            # one word, or a compound whose last word inflects ("جنوب أفريقي")
            assert not any(w.startswith("ال") for w in demonym.split()), demonym
            assert fold(demonym) not in owner, f"{demonym} also in {owner.get(fold(demonym))}"
            owner[fold(demonym)] = country["id"]


def test_references_point_at_existing_entries() -> None:
    countries = entries.read_file(DATA / "countries.json", entries.CountryEntry)
    others = [
        entry
        for name, model in entries.FILES.items()
        if name != "countries.json"
        for entry in entries.read_file(DATA / name, model)
    ]
    assert entries.check_references(countries, others) == []


def test_check_references_finds_dangling_ids() -> None:
    syria = entries.CountryEntry(id="country:SY", name="سوريا", iso2="SY")
    role = entries.Role(title="وزير", organization="org:none", country="XX")
    person = entries.PersonEntry(id="person:x", name="س ص", roles=[role])
    town = entries.PlaceEntry(id="place:x", name="بلدة")
    problems = entries.check_references([syria], [person, town, syria])
    assert len(problems) == 4  # the organization, the country, the town's country, the id


def test_timezones_are_valid() -> None:
    known = available_timezones()
    for place in load("places.json"):
        if (place["subkind"] in entries.UNBOUNDED or place.get("disputed")) and not place.get(
            "timezone"
        ):
            continue  # a sea or a continent has no one clock
        assert place["timezone"] in known, place["id"]
        ZoneInfo(place["timezone"])


def test_role_years_are_plausible() -> None:
    for person in load("persons.json"):
        for role in person["roles"]:
            assert ARABIC.search(role["title"]), person["id"]
            for year in (role.get("from"), role.get("to")):
                assert year is None or year >= 1940, person["id"]  # the model checks the rest


def test_display_text_is_clean() -> None:
    for name in ENTITY_FILES:
        for entry in load(name):
            texts = [*surfaces(entry), *entry.get("demonyms", []), *entry.get("also_known_as", [])]
            for text in texts:
                # an outlet may be written in Latin letters in Arabic copy ("CNN", "DW")
                latin = entry.get("subkind") == "media" and LATIN.fullmatch(text)
                assert (ARABIC.search(text) or latin) and text == " ".join(text.split()), text
                assert "\u0640" not in text, repr(text)
            assert entry["english"].strip() and not ARABIC.search(entry["english"])


def test_no_spelling_repeated_within_an_entry() -> None:
    for name in ENTITY_FILES:
        for entry in load(name):
            folded = [fold(s) for s in surfaces(entry)]
            assert len(folded) == len(set(folded)), f"{entry['id']}: {surfaces(entry)}"


def test_no_clitic_forms_listed_as_aliases() -> None:
    for name in ENTITY_FILES:
        for entry in load(name):
            folded = {fold(s) for s in surfaces(entry)}
            with_clitic = {c + s for s in folded for c in CLITICS}
            with_clitic |= {"لل" + s[2:] for s in folded if s.startswith("ال")}
            assert not folded & with_clitic, f"{entry['id']}: {folded & with_clitic}"


def test_person_names_are_full_names() -> None:
    for person in load("persons.json"):
        for text in surfaces(person):
            assert len(text.split()) >= 2, f"{person['id']}: bare name {text!r}"


def test_shared_aliases_are_declared_on_every_side() -> None:
    owners: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for name in ENTITY_FILES:
        for entry in load(name):
            for text in {fold(s) for s in surfaces(entry)}:
                owners[(ALIAS_GROUP[name], text)].append(entry)
    for (group, text), holders in owners.items():
        if len(holders) > 1:
            for entry in holders:
                declared = {fold(s) for s in entry.get("shared_aliases", [])}
                ids = [e["id"] for e in holders]
                assert text in declared, f"{group} alias {text!r} shared by {ids} undeclared"
    for name in ENTITY_FILES:
        for entry in load(name):
            for text in entry.get("shared_aliases", []):
                assert len(owners[(ALIAS_GROUP[name], fold(text))]) > 1, f"{entry['id']}: {text}"


def test_resolutions() -> None:
    keys = set()
    for r in load("resolutions.json"):
        assert r["body"] in {"UNSC", "UNGA", "HRC"} and r.get("year") and r.get("title_en")
        assert ARABIC.search(r["title_ar"])
        key = (r["body"], r.get("session"), r["number"])
        assert key not in keys, key
        keys.add(key)
        # The General Assembly numbers by session only from its 31st session (1976) on.
        assert ("session" in r) == (r["body"] == "UNGA" and r["year"] >= 1976), key
    unsc = sorted((r["number"], r["year"]) for r in load("resolutions.json") if r["body"] == "UNSC")
    years = [year for _, year in unsc]
    assert years == sorted(years), "UNSC numbers and years out of step"


def by_id(name: str) -> dict[str, Entry]:
    return {e["id"]: e for e in load(name)}


def test_reference_article_actors_are_known() -> None:
    syria = by_id("countries.json")["country:SY"]
    assert syria["wikidata"] == "Q858" and "سورية" in syria["aliases"]
    assert "سوري" in syria["demonyms"]
    assert by_id("places.json")["place:istanbul"]["timezone"] == "Europe/Istanbul"
    snc = by_id("organizations.json")["org:syrian-negotiation-commission"]
    assert snc["name"] == "هيئة التفاوض السورية" and "هيئة التفاوض" in snc["aliases"]
    jamous = by_id("persons.json")["person:badr-jamous"]
    assert jamous["roles"][0]["organization"] == snc["id"] and jamous["roles"][0]["from"] == 2022
    assert {"body": "UNSC", "number": 2254, "year": 2015} in [
        {k: r[k] for k in ("body", "number", "year")} for r in load("resolutions.json")
    ]
