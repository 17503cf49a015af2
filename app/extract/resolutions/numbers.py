"""The numbers of a citation: "2254", "67/19", "2254/2015", "ES-10/22", and the ranges and
years around them. The rules are described in app.extract.resolutions.
"""

from __future__ import annotations

from app.extract.resolutions import lexicon as lex
from app.extract.tokens import Kind, Tok

_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014")


def read_number(toks: list[Tok], k: int) -> tuple[int, int | None, int | None, str, int] | None:
    """(number, session, year, special prefix, index after it) of the number at token k:
    "2254", "67/19", "2254/2015", or a special session's "ES-10/22" (three tokens)."""
    if special_at(toks, k):
        parsed = parse_number(toks[k + 2].norm)
        if parsed is None or parsed[1] is None:
            return None
        return parsed[0], parsed[1], None, lex.SPECIAL_PREFIXES[toks[k].norm], k + 3
    parsed = parse_number(toks[k].norm) if 0 <= k < len(toks) else None
    return None if parsed is None else (*parsed, "", k + 1)


def special_at(toks: list[Tok], k: int) -> bool:
    """ "ES-10/22", "S-17/1": a special session's prefix, a dash and session/number."""
    return (
        k + 2 < len(toks)
        and toks[k].norm in lex.SPECIAL_PREFIXES
        and toks[k + 1].norm in _DASHES
        and toks[k + 2].kind is Kind.NUMBER
        and "/" in toks[k + 2].norm
        and toks[k + 1].nstart == toks[k].nend
        and toks[k + 2].nstart == toks[k + 1].nend
    )


def range_at(toks: list[Tok], k: int) -> bool:
    """ "2216 إلى 2722": a number, a range word and a number; not two years ("من 2011 إلى
    2015" is a period)."""
    if not (
        k + 2 < len(toks)
        and toks[k].kind is Kind.NUMBER
        and toks[k + 1].norm in lex.RANGE_TO
        and toks[k + 2].kind is Kind.NUMBER
    ):
        return False
    ends = [year_at(toks, k), year_at(toks, k + 2)]
    return not all(ends)


def parse_number(text: str) -> tuple[int, int | None, int | None] | None:
    """(number, session, year) of "2254", "67/19", "2254/2015"; None for dates and decimals."""
    parts = text.split("/")
    if not all(p.isdigit() and len(p) <= 4 for p in parts) or len(parts) > 2:
        return None
    if len(parts) == 1:
        return (int(text), None, None) if int(text) > 0 else None
    first, second = int(parts[0]), int(parts[1])
    if first > 100 and is_year(second):
        return first, None, second
    if is_year(first) and second > 100:
        return second, None, first  # "2023/2876": the European Parliament's year/number
    if 1 <= first <= 100 and second >= 1:
        return second, first, None
    return None


def is_year(value: int) -> bool:
    return 1945 <= value <= 2100


def year_at(toks: list[Tok], k: int) -> int | None:
    if k < len(toks) and toks[k].kind is Kind.NUMBER and toks[k].norm.isdigit():
        value = int(toks[k].norm)
        return value if is_year(value) else None
    return None


def day_at(tok: Tok) -> bool:
    return tok.kind is Kind.NUMBER and tok.norm.isdigit() and 1 <= int(tok.norm) <= 31
