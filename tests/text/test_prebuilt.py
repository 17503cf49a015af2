from pathlib import Path

import pytest

from app.text.prebuilt import cache_dir, cached_build, inputs_hash, sources


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    data = tmp_path / "table.json"
    data.write_text('{"دمشق": "Asia/Damascus"}', encoding="utf-8")
    return [data, *sources("text/normalize.py")]


def test_a_second_process_loads_what_the_first_built(inputs: list[Path]) -> None:
    builds: list[int] = []

    def build() -> dict[str, list[int]]:
        builds.append(1)
        return {"built": [1, 2, 3]}

    first = cached_build("table", inputs, build)
    again = cached_build("table", inputs, build)
    assert first == again == {"built": [1, 2, 3]}
    assert again is not first  # read back from the file
    assert len(builds) == 1


def test_a_changed_input_is_built_again_and_the_old_file_removed(inputs: list[Path]) -> None:
    before = inputs_hash(inputs)
    cached_build("table", inputs, lambda: "old")
    inputs[0].write_text('{"حلب": "Asia/Damascus"}', encoding="utf-8")
    assert inputs_hash(inputs) != before
    assert cached_build("table", inputs, lambda: "new") == "new"
    assert [p.name.rsplit("-", 1)[0] for p in cache_dir().iterdir()] == ["table"]


def test_an_unreadable_cache_file_is_built_again(inputs: list[Path]) -> None:
    path = cache_dir() / f"table-{inputs_hash(inputs)}.pickle"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    assert cached_build("table", inputs, lambda: "built") == "built"
    assert cached_build("table", inputs, lambda: "again") == "built"


def test_an_unwritable_cache_only_costs_the_build(
    inputs: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert cached_build("table", inputs, lambda: "built") == "built"
    assert cached_build("table", inputs, lambda: "again") == "again"


def test_sources_lists_packages_and_modules() -> None:
    found = sources("text", "ingest/model.py")
    assert found[-1].name == "model.py" and found[-1].parent.name == "ingest"
    assert any(p.name == "prebuilt.py" for p in found)
