"""Numbers people type: Western (0-9) and Arabic-Indic digits (٠-٩, and the Persian ۰-۹ forms).

`str.isdigit()` also accepts superscripts (²), circled and other digits that `int()` refuses,
and `int()` accepts every script's digits: both are wrong for parameters, so every number
read from a request goes through here.
"""

from __future__ import annotations

import re

WESTERN = "0123456789"
ARABIC_INDIC = "".join(chr(0x0660 + i) for i in range(10))
PERSIAN = "".join(chr(0x06F0 + i) for i in range(10))
# The same set as a regex character class, for the `pattern` of parameters in the schema.
DIGIT_CLASS = "0-9\u0660-\u0669\u06f0-\u06f9"
INT32_MAX = 2**31 - 1  # the INTEGER columns of both engines

_TO_ASCII = str.maketrans(ARABIC_INDIC + PERSIAN, WESTERN * 2)
_DIGITS_ONLY = re.compile(f"[{DIGIT_CLASS}]+")


def is_digits(text: str) -> bool:
    """True for a non-empty run of accepted digits and nothing else."""
    return _DIGITS_ONLY.fullmatch(text) is not None


def parse_digits(text: str, *, max_value: int = INT32_MAX) -> int | None:
    """The value of a run of accepted digits, or None when `text` is anything else or the
    value is past `max_value` (the length check comes first: no huge int is ever built)."""
    text = text.strip()
    if not is_digits(text) or len(text.lstrip("0٠۰")) > len(str(max_value)):
        return None
    value = int(text.translate(_TO_ASCII))
    return value if value <= max_value else None
