"""JSON parsing with bounds checked before the parser runs: nesting depth (the parser recurses,
and 2,000 levels end in RecursionError) and integer size (Python refuses to convert more than
4,300 digits, and a long run costs quadratic time below that). NUL, which PostgreSQL cannot
store in text, is stripped from every string, as decode.py strips it from plain text."""

from __future__ import annotations

import json
import re
from typing import Any

from app.ingest.errors import InvalidDocument

MAX_DEPTH = 64
MAX_INT_DIGITS = 40
# A string literal (skipped whole, escapes included) or one bracket.
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[{]|[\]}]', re.DOTALL)


def load_json(text: str | bytes) -> Any:
    """The value of a JSON text; InvalidDocument when it is not valid or past the bounds."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidDocument(f"not UTF-8 JSON (byte {exc.start})") from exc
    _check_depth(text)
    try:
        value = json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise InvalidDocument(
            f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from exc
    return _strip_nul(value)


def _check_depth(text: str) -> None:
    if text.count("[") + text.count("{") < MAX_DEPTH:
        return
    depth = 0
    for token in _TOKENS.finditer(text):
        char = token.group()
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise InvalidDocument(f"JSON nested deeper than {MAX_DEPTH} levels")
        elif char in "]}":
            depth -= 1


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise InvalidDocument(f"a JSON number has more than {MAX_INT_DIGITS} digits")
    return int(digits)


def _strip_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "") if "\x00" in value else value
    if isinstance(value, list):
        return [_strip_nul(item) for item in value]
    if isinstance(value, dict):
        return {_strip_nul(key): _strip_nul(item) for key, item in value.items()}
    return value
