import json
import shutil
from dataclasses import fields
from pathlib import Path

import pytest
from actor_support import FIXTURE_GAZETTEER

from app.extract.actors import gazetteer as gazetteer_module
from app.extract.actors.entries import GazetteerError
from app.extract.actors.gazetteer import DATA_DIR, Role, load_gazetteer
from app.extract.actors.matcher import name_tokens
from app.extract.model import EntityKind
from app.extract.tokens import lex
from app.ingest.model import Part, TextBlock
from app.text.prebuilt import cached_build, inputs_hash


def _ids(directory: Path, text: str) -> list[str]:
    gazetteer = load_gazetteer(directory)
    block = lex(TextBlock(Part.SECTION, 0, text))
    return [m.values[0].entry_id for m in gazetteer.trie.scan(block)]


def test_loads_every_file_of_a_directory() -> None:
    gazetteer = load_gazetteer(FIXTURE_GAZETTEER)
    assert gazetteer.entries["country:SY"].kind is EntityKind.PLACE
    assert gazetteer.entries["org:unsc"].kind is EntityKind.ORGANIZATION
    assert gazetteer.entries["person:antonio-guterres"].kind is EntityKind.PERSON
    assert gazetteer.countries["FR"] == "country:FR"
    assert gazetteer.un_id == "org:un" and gazetteer.eu_id == "org:eu"


def test_cldr_name_is_an_alias() -> None:
    # The fixture spells Russia only روسيا; Babel adds nothing new there, but for the
    # United States it gives "الولايات المتحدة" which is also the name: no duplicate.
    us = load_gazetteer(FIXTURE_GAZETTEER).entries["country:US"]
    assert us.aliases.count("الولايات المتحدة") == 0


def test_names_aliases_variants_and_demonyms_are_indexed() -> None:
    assert _ids(FIXTURE_GAZETTEER, "سورية") == ["country:SY"]  # the name wins over سوري+ة
    assert _ids(FIXTURE_GAZETTEER, "المسؤولان الفرنسيان") == ["country:FR"]
    assert _ids(FIXTURE_GAZETTEER, "الأمريكية والأميركي") == ["country:US", "country:US"]
    assert _ids(FIXTURE_GAZETTEER, "جوتيريش") == ["person:antonio-guterres"]  # غ/ج in names
    assert _ids(FIXTURE_GAZETTEER, "أنطونيو جوتيريش") == ["person:antonio-guterres"]


def test_a_demonym_shared_by_two_countries_is_dropped() -> None:
    assert _ids(FIXTURE_GAZETTEER, "الكوري") == []
    assert _ids(FIXTURE_GAZETTEER, "كوريا الشمالية") == ["country:KP"]


def test_homograph_demonym_is_not_indexed() -> None:
    assert _ids(FIXTURE_GAZETTEER, "الدعم المالي") == []


@pytest.mark.parametrize(
    ("filename", "content", "says"),
    [
        ("countries.json", [{"id": "country:SY", "name": "سوريا"}], "iso2"),
        ("places.json", "{not json", "cannot read"),
        ("persons.json", {"an": "object"}, "not a JSON array"),
        ("persons.json", [{"id": "person:x", "name": "س ص", "roles": [{"from": 2000}]}], "title"),
        ("organizations.json", [{"id": "org:x", "name": "هيئة", "wikidata": "42"}], "wikidata"),
        ("organizations.json", [{"id": "org:x", "name": "هيئة", "colour": "red"}], "colour"),
    ],
)
def test_a_bad_file_refuses_to_load_and_says_where(
    tmp_path: Path, filename: str, content: object, says: str
) -> None:
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    (tmp_path / filename).write_text(text, encoding="utf-8")
    with pytest.raises(GazetteerError, match=f"(?s){filename}.*{says}"):
        load_gazetteer(tmp_path)


def test_a_role_keeps_its_years(tmp_path: Path) -> None:
    role = {"title": "رئيس الوزراء", "country": "lb", "from": 2005, "to": 2009}
    person = {"id": "person:x", "name": "فؤاد السنيورة", "roles": [role]}
    (tmp_path / "persons.json").write_text(json.dumps([person]), encoding="utf-8")
    assert load_gazetteer(tmp_path).entries["person:x"].roles == [
        Role("رئيس الوزراء", None, "LB", 2005, 2009)
    ]


def test_missing_directory_gives_an_empty_gazetteer(tmp_path: Path) -> None:
    assert load_gazetteer(tmp_path / "nowhere").entries == {}


def test_shipped_gazetteer_loads_and_knows_the_reference_actors() -> None:
    gazetteer = load_gazetteer()
    if not gazetteer.entries:
        pytest.skip("app/extract/data has no gazetteer yet")
    for name in ["سوريا", "فرنسا", "روسيا", "إسطنبول", "مجلس الأمن"]:
        assert name_tokens(name) in gazetteer.trie, name


def test_another_name_of_a_person_is_indexed(tmp_path: Path) -> None:
    (tmp_path / "persons.json").write_text(
        json.dumps(
            [
                {
                    "id": "person:x",
                    "name": "محمد حمدان دقلو",
                    "aliases": [],
                    "also_known_as": ["حميدتي"],
                }
            ]
        ),
        encoding="utf-8",
    )
    assert _ids(tmp_path, "وقال حميدتي إن قواته") == ["person:x"]
    assert "حميدتي" in load_gazetteer(tmp_path).entity("person:x").aliases


def test_only_one_word_spellings_of_a_homograph_wait_for_a_cue(tmp_path: Path) -> None:
    (tmp_path / "places.json").write_text(
        json.dumps([{"id": "place:x", "name": "صور", "aliases": ["مدينة صور"], "ambiguous": True}]),
        encoding="utf-8",
    )
    gazetteer = load_gazetteer(tmp_path)
    refs = {name: gazetteer.trie.get(name_tokens(name))[0] for name in ["صور", "مدينة صور"]}
    assert refs["صور"].needs_cue and not refs["مدينة صور"].needs_cue


def test_indexes_built_from_the_shipped_data() -> None:
    gazetteer = load_gazetteer()
    if not gazetteer.entries:
        pytest.skip("app/extract/data has no gazetteer yet")
    assert gazetteer.surnames["اردوغان"] == "person:recep-tayyip-erdogan"
    assert "الاسد" not in gazetteer.surnames  # three known persons share it
    assert gazetteer.national[("نظام", "SY")] == "org:syrian-regime"
    assert name_tokens("الشرق الأوسط") in gazetteer.media_tails
    assert name_tokens("سوريا") not in gazetteer.media_tails  # the country, in quotes too
    # the paper shares its name with the region: quoted, it needs a citing word
    assert name_tokens("الشرق الأوسط") in gazetteer.cited_tails


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("عاد الوفد إلى إقليم كوردستان", "place:iraqi-kurdistan"),
        ("وهاجم حزب العمال الكوردستاني موقعا", "org:pkk"),
        ("وكرر رفضه وجود تنظيم بي كي كي", "org:pkk"),
        ("وتراجعت وحدات ي ب ك شرقا", "org:ypg"),
        ("وزار الوفد الأرض الفلسطينية المحتلة", "country:PS"),
    ],
)
def test_shipped_spellings(text: str, key: str) -> None:
    assert key in _ids(Path(DATA_DIR), text)


def test_a_surname_that_is_an_everyday_word_is_not_indexed_alone(tmp_path: Path) -> None:
    persons = [
        {"id": "person:a", "name": "فؤاد شكر", "surname_is_word": True},
        {"id": "person:b", "name": "رجب طيب أردوغان"},
    ]
    (tmp_path / "persons.json").write_text(json.dumps(persons), encoding="utf-8")
    gazetteer = load_gazetteer(tmp_path)
    assert "شكر" not in gazetteer.surnames
    assert gazetteer.surnames["اردوغان"] == "person:b"
    assert _ids(tmp_path, "وقال فؤاد شكر إن") == ["person:a"]  # the full name still is


def test_the_surnames_said_alone_are_those_of_foreigners_shaped_like_no_word() -> None:
    lone = load_gazetteer(DATA_DIR).foreign_surnames
    assert lone["غريفيث"] == "person:martin-griffiths"  # a UN envoy
    assert "رييسي" not in lone  # Iran's president: an Arabic adjective too (main)
    assert "بلير" not in lone  # short: a word or a shared name as often
    assert "كارتر" not in lone  # two known men bear it


def test_the_shipped_gazetteer_kept_built_is_the_one_a_build_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = gazetteer_module._load.__wrapped__(DATA_DIR)
    inputs = gazetteer_module.built_from(DATA_DIR)
    cached_build("gazetteer", inputs, lambda: built)
    loaded = cached_build("gazetteer", inputs, lambda: None)
    assert isinstance(loaded, gazetteer_module.Gazetteer) and loaded is not built
    for field in fields(gazetteer_module.Gazetteer):
        if field.name != "trie":
            assert getattr(loaded, field.name) == getattr(built, field.name), field.name
    assert loaded.trie._root == built.trie._root
    assert loaded.trie.size == built.trie.size


def test_the_gazetteer_is_built_again_when_a_data_file_changes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    before = inputs_hash(gazetteer_module.built_from(data))
    persons = data / "persons.json"
    persons.write_text(persons.read_text(encoding="utf-8").replace("غوتيريش", "غوتيرش"), "utf-8")
    assert inputs_hash(gazetteer_module.built_from(data)) != before
