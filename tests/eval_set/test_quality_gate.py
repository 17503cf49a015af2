"""The quality gate: extraction on the committed eval sets stays within one point of F1 of
eval/baseline.json. A drop fails `make test`; a gain is recorded with `python -m eval.baseline
--write`, in a commit of its own."""

from __future__ import annotations

from eval.baseline import current_figures, recorded, regressions


def test_f1_per_kind_stays_within_one_point_of_the_baseline() -> None:
    assert regressions(current_figures(), recorded()) == []


def test_the_gate_catches_a_drop_of_more_than_one_point_and_only_that() -> None:
    baseline = {"dev": {"person": 0.95, "place": 0.90}}
    assert regressions({"dev": {"person": 0.941, "place": 0.90}}, baseline) == []
    assert regressions({"dev": {"person": 0.939, "place": 0.90}}, baseline) == [
        "dev person: F1 0.9390 < baseline 0.9500 - 0.01"
    ]
    assert len(regressions({}, baseline)) == 2  # a set that stopped scoring is a drop


def test_the_baseline_covers_every_committed_set_and_kind() -> None:
    base = recorded()
    assert set(base) == {"dev", "heldout"}
    for kinds in base.values():
        assert set(kinds) == {"person", "organization", "place", "resolution", "statement"}
