import shutil
from dataclasses import fields
from pathlib import Path

import pytest

from app.extract.actors import gazetteer
from app.extract.actors.prebuilt import cache_dir, cached_build, inputs_hash


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_second_process_loads_what_the_first_built(tmp_path: Path) -> None:
    builds: list[int] = []

    def build() -> dict[str, list[int]]:
        builds.append(1)
        return {"built": [1, 2, 3]}

    first = cached_build("thing", gazetteer.DATA_DIR, build)
    again = cached_build("thing", gazetteer.DATA_DIR, build)
    assert first == again == {"built": [1, 2, 3]}
    assert again is not first  # read back from the file
    assert len(builds) == 1
    assert [p.name.split("-")[0] for p in cache_dir().iterdir()] == ["thing"]


def test_a_changed_data_file_is_built_again(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(gazetteer.DATA_DIR, data)
    before = inputs_hash(data)
    persons = data / "persons.json"
    persons.write_text(persons.read_text(encoding="utf-8").replace("غوتيريش", "غوتيرش"), "utf-8")
    assert inputs_hash(data) != before
    built = cached_build("thing", data, lambda: "new")
    assert built == "new"
    # the older file is removed when the new one is written
    cached_build("thing", gazetteer.DATA_DIR, lambda: "old")
    assert len(list(cache_dir().glob("thing-*.pickle"))) == 1


def test_an_unreadable_cache_file_is_built_again() -> None:
    path = cache_dir() / f"thing-{inputs_hash(gazetteer.DATA_DIR)}.pickle"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    assert cached_build("thing", gazetteer.DATA_DIR, lambda: "built") == "built"
    assert cached_build("thing", gazetteer.DATA_DIR, lambda: "again") == "built"


def test_the_loaded_gazetteer_is_the_one_a_build_gives() -> None:
    built = gazetteer._load.__wrapped__(gazetteer.DATA_DIR)
    cached_build("gazetteer-test", gazetteer.DATA_DIR, lambda: built)
    loaded = cached_build("gazetteer-test", gazetteer.DATA_DIR, lambda: None)
    assert isinstance(loaded, gazetteer.Gazetteer) and loaded is not built
    for field in fields(gazetteer.Gazetteer):
        if field.name != "trie":
            assert getattr(loaded, field.name) == getattr(built, field.name), field.name
    assert loaded.trie._root == built.trie._root
    assert loaded.trie.size == built.trie.size
