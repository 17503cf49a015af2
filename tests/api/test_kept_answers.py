"""The answers kept per PostgreSQL generation, and the items and details the front keeps by
article version, are bounded in bytes by settings (KHABAR_KEPT_*_BYTES): the server's memory
has a documented ceiling on both engines."""

from __future__ import annotations

import math

from fastapi import FastAPI
from sqlalchemy import Engine

from app.api.front import Front
from app.api.response_cache import KeptAnswer, KeptAnswers
from app.config import Settings
from app.main import create_app
from app.store.changes import Depends


def _keep(kept: KeptAnswers, number: int, size: int, generation: int = 1) -> None:
    kept.put(("/search", f"q={number}".encode(), b""), generation, [], b"x" * size, f'"{number}"')


def _untouched(after: int, depends: Depends) -> float | None:
    return None


def _get(kept: KeptAnswers, number: int, generation: int = 1) -> KeptAnswer | None:
    return kept.get(("/search", f"q={number}".encode(), b""), generation, _untouched)


def test_the_first_kept_answers_go_once_the_cap_is_passed() -> None:
    kept = KeptAnswers(max_bytes=1000)
    for number in range(3):
        _keep(kept, number, 400)
    assert _get(kept, 0) is None
    assert [_get(kept, n) is not None for n in (1, 2)] == [True, True]


def test_an_answer_kept_again_is_counted_once() -> None:
    kept = KeptAnswers(max_bytes=1000)
    for _ in range(5):
        _keep(kept, 0, 400)
    _keep(kept, 1, 400)
    assert _get(kept, 0) is not None


def test_an_answer_a_later_move_concerns_is_given_as_stale_since_that_move() -> None:
    kept = KeptAnswers()
    _keep(kept, 0, 10, generation=1)
    found = kept.get(("/search", b"q=0", b""), 3, lambda after, depends: 5.0)
    assert found is not None and found.stale_since == 5.0
    again = kept.get(("/search", b"q=0", b""), 4, lambda after, depends: 6.0)
    assert again is not None and again.stale_since == 5.0  # since the first move, not the last


def test_an_answer_read_before_a_write_here_is_gone() -> None:
    kept = KeptAnswers()
    _keep(kept, 0, 10, generation=1)
    assert kept.get(("/search", b"q=0", b""), 2, lambda after, depends: -math.inf) is None
    assert _get(kept, 0, 2) is None


def test_an_earlier_read_landing_late_does_not_replace_a_later_one() -> None:
    kept = KeptAnswers()
    kept.put(("/search", b"q=0", b""), 5, [], b"later", '"later"')
    kept.put(("/search", b"q=0", b""), 4, [], b"earlier", '"earlier"')
    found = _get(kept, 0, 5)
    assert found is not None and found.body == b"later"


def _front(app: FastAPI) -> Front:
    layer = app.build_middleware_stack()
    while not isinstance(layer, Front):
        layer = layer.app  # type: ignore[attr-defined]
    return layer


def test_the_caps_are_settings(settings: Settings, engine: Engine) -> None:
    capped = settings.model_copy(
        update={"kept_items_bytes": 1000, "kept_details_bytes": 2000, "kept_answers_bytes": 3000}
    )
    app = create_app(capped, engine)
    front = _front(app)
    assert (front.kept.items.max_bytes, front.kept.details.max_bytes) == (1000, 2000)
    assert app.state.kept_answers.max_bytes == 3000


def test_the_default_caps_sum_to_80_mb() -> None:
    defaults = Settings()
    total = defaults.kept_items_bytes + defaults.kept_details_bytes + defaults.kept_answers_bytes
    assert total == 80 * 1024 * 1024
