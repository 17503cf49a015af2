"""Reading one citation: from the noun قرار through its body words to its numbers and year.

The rules are described in app.extract.resolutions; this module holds the token walks.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.extract.resolutions import lexicon as lex
from app.extract.resolutions.bodies import anaphor_at, body_at
from app.extract.resolutions.lexicon import Hint
from app.extract.resolutions.numbers import (
    day_at,
    parse_number,
    range_at,
    read_number,
    special_at,
    year_at,
)
from app.extract.tokens import Kind, NormText, Tok
from app.ingest.model import TextBlock

_MAX_HEAD = 14  # tokens between the noun and its number
_MAX_SEEK = 15  # tokens a plural noun may look ahead for "ولا سيما"
_MAX_TOPIC = 4  # words of "حول اليمن" between a named organ's resolution and its number
_MAX_WHEN = 10  # tokens of "بالإجماع في 18 كانون الأول/ديسمبر 2015"
_MAX_PREAMBLE = 6  # tokens from "وإذ" to its possessive noun
_MAX_TAIL = 14  # tokens of "الصادر عن مجلس الأمن في 18 كانون الأول/ديسمبر 2015"
EXPLICIT = frozenset({Hint.UNSC, Hint.UNGA, Hint.HRC, Hint.OTHER})


@dataclass(slots=True)
class Found:
    """A citation before its body and year are settled against the article and the table."""

    block: TextBlock
    nt: NormText
    start: int  # normalized offsets
    end: int
    number: int
    session: int | None = None
    hint: Hint | None = None
    year: int | None = None  # stated with "(2015)", "لعام", "الصادر ..."
    weak_year: int | None = None  # "عام 2015" right after the number
    sanah: bool = False  # dated "لسنة"
    issued_nationally: bool = False
    formal: bool = False  # "القرار رقم 25", "لعام 2020": the register of national decisions too
    special: str = ""  # "ES" for "ES-10/22", "S" for "S-17/1" (session kept in `session`)
    anaphor: str | None = None  # "اعتمده المجلس", "المجلس في قراره": the stem of the short form
    seq: int = 0  # the block's place in the article, to find what a short form points back at
    group: int | None = None  # the noun a list hangs on: "القرارات 1696 و1737 و1747"
    own_body: bool = False  # "قراري الجمعية العامة 194 ومجلس الأمن 242": named for itself
    titled: bool = False  # "قرار حق العودة رقم 194": known by a name of several words
    # read over two blocks a line break split ("رقم⏎2254"): the second block, where it begins
    # in the joined text, and the (block, start, end) it covers there
    origin: TextBlock | None = None
    shift: int = 0
    cover: tuple[int, int, int] | None = None


def parse_at(
    block: TextBlock, nt: NormText, i: int, inherited: dict[int, Hint | None]
) -> list[Found]:
    toks = nt.tokens
    anchor = toks[i]
    match = lex.ANCHOR.match(anchor.norm)
    assert match is not None
    suffix = match.group(2) or ""
    plural = suffix in lex.PLURAL_SUFFIXES
    hint = inherited.get(i)
    anaphor: str | None = None
    if suffix in lex.POSSESSIVE_SUFFIXES:
        hint = _hint_before(toks, i)
        anaphor = _anaphor_before(toks, i) if hint is None else None
        if hint is None and anaphor is None and _in_preamble(toks, i):
            anaphor = lex.ANY_BODY
        if hint is None and anaphor is None:
            return []
    j, steps, focused, ranged, titled = i + 1, 0, False, False, False
    head_year: int | None = None
    while j < len(toks) and steps < _MAX_HEAD:
        steps += 1
        tok = toks[j]
        if tok.sentence != anchor.sentence or tok.norm in lex.SENTENCE_END:
            return []
        if tok.kind is Kind.NUMBER or special_at(toks, j):
            break
        bearing = _bearing(toks, j)
        if bearing:
            j += bearing  # "القرار، الذي حمل الرقم 2118": the number it bears
            continue
        if tok.kind is Kind.PUNCT:
            title = _quoted_title(toks, j) if tok.norm in lex.OPEN_MARKS else 0
            if title:
                j += title  # "بقرار «الاتحاد من أجل السلام» رقم 377": the name it is known by
                continue
            if tok.norm in lex.OPEN_MARKS or tok.norm in lex.CLOSE_MARKS:
                j += 1
                continue
            if plural and tok.norm in {",", "،", ":"}:
                j += 1
                continue
            if tok.norm in {",", "،"} and _text(toks, j + 1) in lex.NUMBER_MARKERS:
                j += 1  # "قرار مجلس الأمن الدولي، رقم 2254"
                continue
            if tok.norm == ":" and _text(toks, j - 1) in lex.NUMBER_MARKERS:
                j += 1  # "القرار رقم: 1701"
                continue
            return []
        if _glued_article(toks, j):
            j += 1  # "القرار الـ2254": the article written onto the number
            continue
        clause = _issuing_clause(toks, j)
        if clause:
            j += clause  # "القرار الذي أصدره مجلس الأمن برقم 2216": who issued it, then its number
            continue
        if j == i + 1 and _named_before_marker(toks, j):
            j += 1  # "قرار التقسيم رقم 181": the name a resolution is known by
            continue
        if j == i + 1 and _named_before_clause(toks, j):
            j, titled = j + 1, True  # "قرار التقسيم الصادر عن ...": held to the table below
            continue
        if _known_as(toks, j):
            j += 1  # "القرار المعروف بـ2254"
            continue
        name = _long_name(toks, j) if j == i + 1 else 0
        if name:
            j, titled = j + name, True  # "قرار حق العودة رقم 194": held to the table below
            continue
        if lex.ANCHOR.match(tok.norm):
            if plural and hint is not None:
                inherited[j] = hint
            return []
        if plural and tok.norm in lex.RANGE_FROM and range_at(toks, j + 1):
            j, focused, ranged = j + 1, True, True  # "القرارات من 2216 إلى 2722"
            break
        body = body_at(toks, j)
        if body is not None:
            hint = _merge(hint, body[0])
            if hint is Hint.NATIONAL:
                return []
            j += body[1]
            continue
        when = _when_before_marker(toks, j)
        if when:
            # "الذي اتخذه مجلس الأمن بالإجماع في كانون الأول/ديسمبر 2015 تحت رقم 2254"
            j, head_year = j + when[0], when[1] or head_year
            continue
        if tok.norm in lex.HEAD_FILLERS:
            j += 1
            continue
        level = _phrase_len(toks, j, lex.LEVEL_PHRASES) if hint is not None else 0
        if level:
            j += level  # "قرار مجلس الجامعة على المستوى الوزاري رقم 8914"
            continue
        short = anaphor_at(toks, j) if hint is None else None
        if short is not None:
            anaphor = anaphor or short  # "قرار المجلس 2254": the council named before
            j += 1
            continue
        nxt = _focus_len(toks, j) if plural else 0
        topic = tok.norm in lex.TOPIC_WORDS
        nxt = nxt or (_skip_topic(toks, j, named=hint in EXPLICIT) if topic else 0)
        nxt = nxt or (_seek_focus(toks, j) if plural else 0)
        if not nxt:
            return []
        focused = focused or plural
        j += nxt
    else:
        return []
    # "القرارات الدولية، ولا سيما 2254": the citation is the number the focus points at
    start = toks[j].nstart if focused else anchor.nstart + len(match.group(1) or "")
    items = _number_list(block, nt, j, start, ranged=ranged)
    for item in items:
        item.hint = item.hint if item.own_body else _merge(hint, item.hint)
    if any(item.hint is Hint.NATIONAL for item in items):
        return []
    # "القرار رقم 25" is also how a state's decisions are written; "الذي حمل الرقم" is not
    marked = any(
        toks[m].norm in lex.NUMBER_MARKERS and toks[m - 1].norm not in lex.BEARING_VERBS
        for m in range(i + 1, j)
    )
    for item in items:
        item.group = anchor.nstart if len(items) > 1 else None
        item.issued_nationally = hint is None and _issued_nationally(toks, i)
        item.formal = marked or item.year is not None or item.sanah
        item.anaphor = item.anaphor or anaphor
        item.titled = titled
        item.year = item.year or head_year
    return items


def _number_list(
    block: TextBlock, nt: NormText, k: int, start: int, *, ranged: bool = False
) -> list[Found]:
    toks = nt.tokens
    items: list[Found] = []
    separators = lex.LIST_SEPARATORS | lex.RANGE_TO if ranged else lex.LIST_SEPARATORS
    pending_body: Hint | None = None
    while True:
        read = read_number(toks, k)
        if read is None:
            break
        number, session, slash_year, special, end_tok = read
        mirrored = _mirrored(toks, k, end_tok)
        if mirrored:
            number, slash_year, end_tok = mirrored
        elif _text(toks, end_tok) == ")" and _text(toks, k - 1) == "(":
            end_tok += 1
        if _counts(toks, end_tok):
            break
        item = Found(block, nt, start if not items else toks[k].nstart, 0, number, session)
        item.special = special
        if pending_body is not None:
            item.hint, item.own_body, pending_body = pending_body, True, None
        after = _tail(toks, end_tok, item)
        item.year = item.year or slash_year
        item.end = toks[after - 1].nend
        items.append(item)
        sep = after
        if sep < len(toks) and toks[sep].sentence != toks[k].sentence:
            break
        own = _coordinated_body(toks, sep)
        if own is None and _text(toks, sep) not in separators:
            break
        sep += own[1] if own is not None else 1
        if own is None and _text(toks, sep - 1) in {",", "،"} and _text(toks, sep) in separators:
            sep += 1  # "القرارين 242، و338"
        if _text(toks, sep) in lex.NUMBER_MARKERS:
            sep += 1
        if sep >= len(toks) or not (toks[sep].kind is Kind.NUMBER or special_at(toks, sep)):
            break
        k = sep
        if own is not None:
            pending_body = own[0]
            continue
    return items


def _mirrored(toks: list[Tok], k: int, end: int) -> tuple[int, int, int] | None:
    """ "القرار 2011) 1970)": "1970 (2011)" with its brackets turned around, as text copied
    out of a right-to-left PDF comes; (number, year, index after it)."""
    year = year_at(toks, k)
    if not year or end != k + 1 or _text(toks, k - 1) == "(" or _text(toks, end) != ")":
        return None
    number = parse_number(_text(toks, end + 1)) if end + 1 < len(toks) else None
    if number is None or number[1] is not None or _text(toks, end + 2) != ")":
        return None
    return number[0], year, end + 3


def _counts(toks: list[Tok], k: int) -> bool:
    """ "2254 شخصاً"، "2500 في المئة": the number before k counts something; "2254 سنة 2015"
    does not (a year follows the word for year)."""
    word = _text(toks, k)
    if word == "في":
        word = _text(toks, k + 1)
    elif word in lex.WEAK_YEAR_WORDS and _year_at(toks, k + 1)[0]:
        return False
    return word in lex.UNITS


def _coordinated_body(toks: list[Tok], k: int) -> tuple[Hint, int] | None:
    """ "... 46/182 ومجلس الأمن 2642": a list member that names its own body after و."""
    if not _text(toks, k).startswith("و"):
        return None
    body = body_at(toks, k)
    return body if body is not None and body[0] in EXPLICIT else None


def _issuing_clause(toks: list[Tok], j: int) -> int:
    """Tokens of "الذي أصدره" / "التي اعتمدها" at j when a body phrase follows it."""
    k = j + (_text(toks, j) in lex.RELATIVES)
    if k == j or _text(toks, k) not in lex.ISSUED_WORDS or _text(toks, k) in lex.RELATIVES:
        return 0
    return k + 1 - j if body_at(toks, k + 1) is not None else 0


def _named_before_clause(toks: list[Tok], j: int) -> bool:
    """A one-word name before an issuing clause: "قرار التقسيم الصادر عن الجمعية العامة"."""
    word = _text(toks, j)
    return (
        toks[j].kind is Kind.WORD
        and _text(toks, j + 1) in lex.ISSUED_WORDS
        and _text(toks, j + 1) not in lex.RELATIVES
        and not word.endswith(("ي", "يه"))
        and word not in lex.NATIONAL_WORDS
        and word not in lex.HEAD_FILLERS
        and body_at(toks, j) is None
    )


def _known_as(toks: list[Tok], j: int) -> bool:
    """ "المعروف بـ2254": the preposition written onto the number after "known as"."""
    return (
        _text(toks, j) == "ب"
        and _text(toks, j - 1) in lex.KNOWN_AS
        and j + 1 < len(toks)
        and toks[j + 1].kind is Kind.NUMBER
        and toks[j + 1].sentence == toks[j].sentence
    )


def _when_before_marker(toks: list[Tok], j: int) -> tuple[int, int | None] | None:
    """(tokens, year) of how and when a resolution was adopted, read up to its number marker:
    "بالإجماع في كانون الأول/ديسمبر 2015 تحت رقم"، "عام 1947 برقم"."""
    year: int | None = None
    for m in range(j, min(j + _MAX_WHEN, len(toks))):
        tok = toks[m]
        if tok.sentence != toks[j].sentence:
            return None
        if tok.norm in lex.NUMBER_MARKERS or (tok.norm == "تحت" and m > j):
            return (m - j, year) if m > j else None
        if year_at(toks, m):
            year = year_at(toks, m)
        elif not (
            tok.norm in lex.WHEN_WORDS or tok.norm in lex.MONTHS or tok.norm == "/" or day_at(tok)
        ):
            return None
    return None


def _named_before_marker(toks: list[Tok], j: int) -> bool:
    """A one-word name between the noun and "رقم" ("قرار التقسيم رقم 181"); not an adjective
    of a state's decision ("قرار وزاري رقم 25"، "قرار جمهوري")."""
    word = _text(toks, j)
    return (
        toks[j].kind is Kind.WORD
        and _text(toks, j + 1) in lex.NUMBER_MARKERS
        and not word.endswith(("ي", "يه"))
        and word not in lex.NATIONAL_WORDS
    )


_MAX_NAME = 3  # "قرار وقف إطلاق النار رقم 2728"


def _long_name(toks: list[Tok], j: int) -> int:
    """Tokens of a name of two or three words between the noun and "رقم" ("قرار حق العودة
    رقم 194"), none a state's organ, an adjective or a body; the citation it opens must then
    be one the table knows, since "قرار هيئة الاستثمار رقم 1234" reads the same."""
    for n in range(2, _MAX_NAME + 1):
        if _text(toks, j + n) not in lex.NUMBER_MARKERS:
            continue
        words = toks[j : j + n]
        if all(
            t.kind is Kind.WORD
            and t.sentence == toks[j].sentence
            and not t.norm.endswith(("ي", "يه"))
            and t.norm not in lex.NATIONAL_WORDS
            and body_at(toks, j + x) is None
            for x, t in enumerate(words)
        ):
            return n
    return 0


def _glued_article(toks: list[Tok], j: int) -> bool:
    """ "الـ2254", and "الـ 2254" with a space after the tatweel: an article standing alone
    before a number has nothing else to attach to."""
    return (
        toks[j].norm in lex.GLUED_ARTICLES
        and j + 1 < len(toks)
        and toks[j + 1].kind is Kind.NUMBER
        and toks[j + 1].sentence == toks[j].sentence
    )


def _bearing(toks: list[Tok], j: int) -> int:
    """Tokens of "، الذي حمل" / "التي تحمل" / "قراراً يحمل" at j when a number marker
    follows ("حمل 300 توقيع" counts signatures)."""
    k = j + (_text(toks, j) in {",", "،"})
    k += _text(toks, k) in lex.RELATIVES
    if k == j or _text(toks, k) not in lex.BEARING_VERBS:
        k = j if _text(toks, j) in lex.BEARING_VERBS else -1
    if k < 0:
        return 0
    return k + 1 - j if _text(toks, k + 1) in lex.NUMBER_MARKERS else 0


def _quoted_title(toks: list[Tok], j: int) -> int:
    """Tokens to skip over a short quoted name followed by the number or its marker."""
    close = lex.CLOSE_MARKS
    for m in range(j + 1, min(j + 10, len(toks))):
        tok = toks[m]
        if tok.sentence != toks[j].sentence:
            return 0
        if tok.norm in close and m > j + 1:
            after = _text(toks, m + 1)
            numbered = m + 1 < len(toks) and toks[m + 1].kind is Kind.NUMBER
            return m + 1 - j if numbered or after in lex.NUMBER_MARKERS else 0
        if tok.kind is not Kind.WORD:
            return 0
    return 0


def _tail(toks: list[Tok], k: int, item: Found) -> int:
    """Read the year and the body that follow a number; return the index after them."""
    first = _text(toks, k)
    year, after = _year_at(toks, k + 1)
    if first == "(" and year_at(toks, k + 1) and _text(toks, k + 2) == ")":
        item.year, k = year_at(toks, k + 1), k + 3
    elif first in lex.STRONG_YEAR_WORDS and year:
        item.year, item.sanah, k = year, first in {"لسنه"}, after
    elif first in lex.WEAK_YEAR_WORDS and year:
        item.weak_year, k = year, after
    body = body_at(toks, k) if _text(toks, k).startswith("ل") else None
    if body is not None:
        item.hint, k = body[0], k + body[1]
    dated = _text(toks, k) in lex.DATED_WORDS
    if not dated and _text(toks, k) not in lex.ISSUED_WORDS:
        return k
    m, useful, limit = k, k, k + _MAX_TAIL
    while m < min(len(toks), limit):
        tok = toks[m]
        if tok.sentence != toks[k].sentence:
            break
        body = body_at(toks, m)
        if body is not None:
            item.hint = _merge(item.hint, body[0])
            m += body[1]
            useful = m
            continue
        if tok.norm in lex.BY_WORDS and body_at(toks, m + 1) is None:
            if _text(toks, m + 1) in lex.MANNER_WORDS:
                m += 1  # "الذي اعتمده بالإجماع": how, not by whom
                continue
            short = anaphor_at(toks, m + 1)
            if short is not None:
                item.anaphor = short  # "الذي اعتمده المجلس"
            elif m + 1 < len(toks) and toks[m + 1].kind is Kind.WORD:
                # "الصادر عن وزارة الداخلية": issued by someone who is not an international body
                item.hint = _merge(item.hint, Hint.NATIONAL)
            break
        year = year_at(toks, m)
        if year and item.year is None:
            item.year, useful = year, m + 1
        elif year and dated:
            useful = m + 1  # "2254 (2015) المؤرخ 18 كانون الأول/ديسمبر 2015": the date read
        elif not (tok.norm in lex.TAIL_WORDS or tok.norm in lex.MONTHS or day_at(tok)):
            break
        m += 1
    return useful


def _year_at(toks: list[Tok], k: int) -> tuple[int | None, int]:
    """The year at token k, bare or in brackets ("لسنة (1948)"), and the index after it."""
    if _text(toks, k) == "(" and _text(toks, k + 2) == ")":
        return year_at(toks, k + 1), k + 3
    return year_at(toks, k), k + 1


def _anaphor_before(toks: list[Tok], i: int) -> str | None:
    """ "وأكد المجلس في قراره 2452": the short form of a body shortly before a possessive."""
    for m in range(i - 1, max(i - 9, -1), -1):
        if toks[m].sentence != toks[i].sentence:
            break
        short = anaphor_at(toks, m)
        if short is not None:
            return short
    return None


def _in_preamble(toks: list[Tok], i: int) -> bool:
    """ "وإذ يعيد تأكيد قراره 687": a preamble clause of a resolution, whose possessive points
    at the body that adopts it; no state's organ named in between."""
    m = i - 1
    while m >= 0 and toks[m].sentence == toks[i].sentence:
        if toks[m].norm in lex.NATIONAL_WORDS:
            return False
        if toks[m].norm in lex.PREAMBLE_OPENERS:
            # the clause's own opener, or the sentence's: "- وإذ يشير إلى قراراته ..."
            return i - m <= _MAX_PREAMBLE or _opens_sentence(toks, m)
        m -= 1
    return False


def _opens_sentence(toks: list[Tok], m: int) -> bool:
    """Whether only punctuation or a paragraph's number comes before token m in its sentence."""
    k = m - 1
    while k >= 0 and toks[k].sentence == toks[m].sentence:
        if toks[k].kind is Kind.WORD:
            return False
        k -= 1
    return True


def _merge(old: Hint | None, new: Hint | None) -> Hint | None:
    """Combine what two places say about the body; a named organ outweighs a vague issuer."""
    if old is Hint.NATIONAL or new is Hint.NATIONAL:
        return old if old in EXPLICIT else Hint.NATIONAL
    if old is None or old is Hint.UN:
        return new or old
    if new is None or new is Hint.UN or new is old:
        return old
    return Hint.UN  # two organs named: the UN, organ unsure


def _focus_len(toks: list[Tok], j: int) -> int:
    """The length in tokens of the focus phrase ("ولا سيما", "بما في ذلك") at token j, or 0."""
    if _text(toks, j) not in _FOCUS_FIRST_WORDS:
        return 0  # most words open no phrase
    return _phrase_len(toks, j, lex.FOCUS_PHRASES)


def _phrase_len(toks: list[Tok], j: int, phrases: list[tuple[str, ...]]) -> int:
    """The length of the longest of `phrases` that starts at token j, or 0."""
    best = 0
    for phrase in phrases:
        if len(phrase) > best and all(_text(toks, j + x) == w for x, w in enumerate(phrase)):
            best = len(phrase)
    return best


_FOCUS_FIRST_WORDS = frozenset(phrase[0] for phrase in lex.FOCUS_PHRASES if phrase)


def _skip_topic(toks: list[Tok], j: int, *, named: bool) -> int:
    """ "بشأن سوريا رقم 2254"، "الخاصة باليمن، من 2216 إلى 2722": skip the topic when a
    number marker or a range follows within six words; after a named organ, a short topic
    may lead to the number itself ("قرار مجلس الأمن حول اليمن 2216"), not to a year or a
    count."""
    for m in range(j + 1, min(j + 7, len(toks))):
        tok = toks[m]
        if tok.sentence != toks[j].sentence:
            return 0
        if tok.norm in lex.NUMBER_MARKERS or (tok.norm in lex.RANGE_FROM and range_at(toks, m + 1)):
            return m - j
        if tok.kind is Kind.NUMBER and named and m - j <= _MAX_TOPIC:
            return m - j if _plain_resolution_number(toks, m) else 0
        if tok.kind is not Kind.WORD and tok.norm not in {",", "،"}:
            return 0
    return 0


def _plain_resolution_number(toks: list[Tok], m: int) -> bool:
    parsed = parse_number(toks[m].norm)
    return not (parsed is None or parsed[0] < 100 or year_at(toks, m) or _counts(toks, m + 1))


def _seek_focus(toks: list[Tok], j: int) -> int:
    """After a plural noun, jump to a focus phrase ahead when a number or the noun follows it."""
    for m in range(j + 1, min(j + _MAX_SEEK, len(toks))):
        if toks[m].sentence != toks[j].sentence or toks[m].norm in lex.SENTENCE_END:
            return 0
        if toks[m].kind is Kind.NUMBER or lex.ANCHOR.match(toks[m].norm):
            return 0
        size = _focus_len(toks, m)
        if size:
            after = m + size
            while _text(toks, after) in {",", "،"}:
                after += 1
            if after < len(toks) and (
                toks[after].kind is Kind.NUMBER or lex.ANCHOR.match(toks[after].norm)
            ):
                return m - j
    return 0


def _hint_before(toks: list[Tok], i: int) -> Hint | None:
    """ "طالب مجلس الأمن في قراره 2254": the body named shortly before a possessive noun."""
    vague: Hint | None = None
    for m in range(i - 1, max(i - 9, -1), -1):
        if toks[m].sentence != toks[i].sentence:
            break
        body = body_at(toks, m)
        if body is not None and body[0] in EXPLICIT and m + body[1] <= i:
            return body[0]
        if body is not None and body[0] is Hint.UN and m + body[1] <= i:
            vague = vague or Hint.UN  # "أكدت الأمم المتحدة في قرارها 2254": the UN, organ unsaid
    return vague


def _issued_nationally(toks: list[Tok], i: int) -> bool:
    window = [t.norm for t in toks[max(i - 6, 0) : i] if t.sentence == toks[i].sentence]
    issued = any(w in lex.ISSUING_VERBS or w[1:] in lex.ISSUING_VERBS for w in window)
    national = any(w in lex.NATIONAL_WORDS for w in window)
    return issued and national and not lex.has_un_cue(window)


def _text(toks: list[Tok], k: int) -> str:
    return toks[k].norm if 0 <= k < len(toks) else ""
