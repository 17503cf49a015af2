"""Settings: rate limits in the `limits` notation, checked when given; the defaults, taken
without a check at every process start, are valid too."""

from __future__ import annotations

import pytest
from limits import parse
from pydantic import ValidationError

from app.config import DEFAULT_CLIENT_LIMIT, DEFAULT_KEY_LIMIT, Settings


def test_the_default_rate_limits_are_valid_notation() -> None:
    assert parse(DEFAULT_CLIENT_LIMIT).amount == 600
    assert parse(DEFAULT_KEY_LIMIT).amount == 6000
    settings = Settings(_env_file=None)
    assert (settings.rate_limit_per_client, settings.rate_limit_per_key) == (
        DEFAULT_CLIENT_LIMIT,
        DEFAULT_KEY_LIMIT,
    )


@pytest.mark.parametrize("field", ["rate_limit_per_client", "rate_limit_per_key"])
def test_a_rate_limit_that_is_not_limits_notation_is_refused(field: str) -> None:
    with pytest.raises(ValidationError, match=field):
        Settings.model_validate({field: "lots/fortnight"})
    assert getattr(Settings.model_validate({field: "5/second"}), field) == "5/second"
