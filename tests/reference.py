"""The reference article, which lives in ../shared/seed beside the clone (also in CI).

Where that folder is missing the tests that need it skip with a message, unless
KHABAR_TEST_REQUIRE_REFERENCE=1 (`.ci/run` sets it), where they fail instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_c6e7ab618c383aea.txt"
REQUIRED = os.environ.get("KHABAR_TEST_REQUIRE_REFERENCE") == "1"


def reference_text() -> str:
    if not SEED.exists():
        message = f"reference article not found at {SEED} (the shared seed folder is missing)"
        if REQUIRED:
            pytest.fail(f"{message}; KHABAR_TEST_REQUIRE_REFERENCE=1 requires it")
        pytest.skip(message)
    return SEED.read_text(encoding="utf-8")


def reference_lines() -> list[str]:
    return reference_text().splitlines()
