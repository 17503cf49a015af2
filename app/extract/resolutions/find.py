"""UN resolutions cited in an article: "قرار مجلس الأمن الدولي رقم 2254 (2015)" and its kin.

Rules, in the order they apply:
- A citation opens with the noun قرار in any form (القرار، للقرار، بالقرار، القرارين، قراري،
  القرارات) and reaches its number only through words that belong to a citation: a body
  ("مجلس الأمن"), an adjective ("الأممي"), a number marker ("رقم"), a short quoted name
  ("بقرار «الاتحاد من أجل السلام» رقم 377"), or after a plural noun a focus phrase
  ("القرارات الدولية ذات الصلة، ولا سيما 2254"), the number it bears ("القرار، الذي حمل
  الرقم 2118"، "قراراً يحمل الرقم 2728"), or the council named back ("قرار المجلس 2254", which
  takes the body "المجلس" points at), how and when it was adopted up to a number marker
  ("الذي اتخذه مجلس الأمن بالإجماع في كانون الأول/ديسمبر 2015 تحت رقم 2254"), a short topic
  after a named organ ("قرار مجلس الأمن حول اليمن 2216"), or a name of two or three words
  ("قرار حق العودة رقم 194"), kept only when the table knows the number and the year or a
  UN word agrees. Any other word ends the search, so "قرار وزاري رقم 25", "المرسوم رقم 16"
  or "منذ العام 2011" never become citations.
- A possessive (قراره، قراراتها) takes the body named shortly before it; in a preamble clause
  ("وإذ يشير إلى قراراته 687 (1991) المؤرخ ...") the body the article last named in full.
- A citation a line break cut in two ("قرار مجلس الأمن رقم⏎2254") is read across the break
  when the first block stops mid-sentence; its span is the part in the second block.
- Brackets turned around by a right-to-left copy ("القرار 2011) 1970)") are read as
  "1970 (2011)".
- Every number of a list is a citation of its own ("القرارين 242 و338"), so are both ends of a
  range ("القرارات من 2216 إلى 2722"; two years are a period), and every occurrence counts.
  A number that counts something ("2254 شخصاً") or is a date is not one.
- A number the table knows names its resolution without the noun after a word of applying
  it ("تنفيذ 2254"، "وفقاً لـ2216") in a story that speaks of the UN, when no indefinite noun
  follows it ("تنفيذ 242 مشروعاً" counts).
- In an article that cites resolutions, a number right after "its predecessor" ("مثل سابقه
  2703") is one.
- Once the article has cited a resolution with its noun, its bare number names it again
  ("لن يتخلى عن 2254"), unless it could be a year, is below 100, or counts or ranks something
  ("نحو 2254"، "المادة 140"، "2254 شخصاً").
- "67/19" is session 67, resolution 19: the Citation's number is 19 and its session 67.
  A special session's symbol keeps its session the same way: "ES-10/22" is number 22,
  session 10 (the tenth emergency special session), "S-17/1" number 1, session 17. The model
  has no field for the ES/S prefix, so the surface keeps the symbol as written; the table
  tells them apart from regular sessions (see resolutions.table).
- Body, first that answers:
  1. as written with the number (before it, or after it: "الصادر عن مجلس الأمن");
  2. as written with the same number elsewhere in the article;
  3. the reference table, when one body has that number (or the year tells which);
  4. the numbering: a plain number and its year that fit one body's series only ("القرار 302
     عام 1949" can only be the General Assembly's, "القرار 1500 الصادر عام 2003" the Council's);
  5. an ES- symbol: the General Assembly (only it holds emergency special sessions);
  6. "الأممي" with a plain number dated 1976 or later: UNSC (the GA numbers by session since
     its 31st, the HRC always did);
  7. a short form as its issuer ("اعتمدته الجمعية"): the body of that kind the article names
     nearest before it (else after it);
  8. the body the sentence names, in full or by such a short form ("وتبنى مجلس الأمن القرار
     2728"، "وطالب المجلس في القرار 55/28"): the nearest before the citation, else the only
     one after it; a council, assembly or university of a state makes it a state's decision;
  9. a session number: the Assembly or the Human Rights Council when the article names
     that one body alone, else from the 31st session on UNGA;
  10. what rules 3-9 gave the other numbers of its list, if they agree ("القرارات 1696
      و1737 و1747");
  11. what rules 3-10 gave another citation of the same number in the article;
  12. the one issuing body the article names anywhere, for a plain number from 100 on that is
      not written as a state's decision ("القرار رقم 25 لسنة 2020") away from UN words;
  13. a plain number from 1,000 to 2,999 the table does not hold, in an article with a UN
      word: UNSC (the Assembly's plain numbers that high are of 1953-1975, its famous ones
      are in the table; the Council's series passed 2,000 in 2011);
  14. unknown.
  A body named for one member of a list ("قراري الجمعية العامة 46/182 ومجلس الأمن 2642")
  is that member's own. A body after "دول" (its member states) or "بعثة" (its mission) is
  not the one that votes.
  "الأممي"/"الدولي"/"المنظمة الدولية" say only "the UN" and leave the organ to those rules;
  "مجلس" or "الجمعية" alone are no UN word ("مجلس النواب").
- A number and year the table holds for one resolution ("القرار رقم 2216 لسنة 2015") is
  cited whatever register it is written in.
- A number with no body is dropped when a state organ issues it ("أصدر وزير الداخلية القرار
  رقم 25", "... الصادر عن وزارة الصحة"), when it is below 100, when it is dated "لسنة", or
  when it stays unknown while written formally ("القرار رقم 1234 لعام 2023"), in each of the
  last three cases only if its sentence has no UN word (الأمم المتحدة، الدولي، مجلس...);
  and when it stays unknown and could be a year ("القرار 2024 سيكون عام الحسم").
- Year: "(2015)", "لعام 2015", "الصادر ... 2015"; else the table; else the HRC session's
  year; else a bare "عام 2015" after the number; else None. The title comes from the table
  (Arabic, else English) when the table holds that body and number.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from app.extract.model import Citation, ResolutionBody, Span
from app.extract.resolutions import lexicon as lex
from app.extract.resolutions.context import ArticleBodies
from app.extract.resolutions.lexicon import Hint
from app.extract.resolutions.numbers import is_year
from app.extract.resolutions.parse import EXPLICIT, Found, parse_at
from app.extract.resolutions.table import ResolutionTable, default_table
from app.extract.tokens import NormText, Tok, texts_of
from app.ingest.model import TextBlock

# "القرار، الذي يحمل الرمز ES-10/24": a special session's symbol names a resolution alone.
_SPECIAL = re.compile(r"(?<![\w/-])(es|s)-(\d{1,2})/(\d{1,3})(?![\w/-])")
_SYMBOL = re.compile(
    r"\b(s|a)/(?:(hrc)/)?res/(?:(es|s)-)?(\d{1,4})(?:/(\d{1,4}))?(?:\s*\((\d{4})\))?"
)
_WORD = re.compile(r"[^\W\d_]+")
_UNKNOWN = ResolutionBody.UNKNOWN
_NUMBER_CLITICS = frozenset({"ل", "ب", "و", "ك", "ال", "بال", "لل", "وال", "كال", "فال"})
_OPENERS = frozenset("«\"“'(‘[")
_CLOSERS = frozenset("».،,؛;:!?؟\"”')’]")
# A short form pointing at a state's council or assembly: a national decision, not cited.
_NATIONAL: None = None

# After a word (see _numbers_after): a number of three or four digits, "لـ" on it or not,
# and the word that follows it
_NUMBER_AFTER = re.compile(r"\s+(?:(?:ل|ال|لل|بال)\s*)?(\d{3,4})(?![\d/.-]|\w)(?:\s+([^\W\d_]+))?")
_MAX_PROCLITICS = 2  # "وب", "فل"
_BROKEN_REACH = 120  # characters before a block's end where a cut citation may begin
# Plain numbers read as the Council's in a story about the UN (see _council_sized).
_COUNCIL_RANGE = (1000, 3000)

Key = tuple[int, int | None, str]  # number, session, special-session prefix


def find_citations(
    blocks: Sequence[TextBlock],
    texts: Sequence[NormText] | None = None,
    *,
    table: ResolutionTable | None = None,
) -> list[Citation]:
    """The resolutions `blocks` cite; `texts` are their NormTexts (built here when not given)."""
    table = default_table() if table is None else table
    texts = texts_of(blocks) if texts is None else texts
    found: list[Found] = []
    for seq, (block, nt) in enumerate(zip(blocks, texts, strict=True)):
        if "قرار" in nt.text or "res/" in nt.text or _special_in(nt.text):
            found.extend(_scan_block(block, nt, seq))
            if seq + 1 < len(blocks) and _open_at_end(nt):
                found.extend(_across_break(blocks, texts, seq))
    context = ArticleBodies(texts)
    found = _with_applied_numbers(blocks, texts, found, table, context)
    if not found:
        return []
    found = _with_bare_repeats(blocks, texts, found)
    found = _with_predecessors(blocks, texts, found)
    written: dict[Key, set[Hint]] = defaultdict(set)
    for f in found:
        if f.hint in EXPLICIT:
            written[_key(f)].add(f.hint)
    bodies = _with_list_bodies(found, [_body(f, written, table, context) for f in found])
    inferred: dict[Key, set[ResolutionBody]] = defaultdict(set)
    for f, body in zip(found, bodies, strict=True):
        if body is not None and body is not _UNKNOWN:
            inferred[_key(f)].add(body)
    citations: list[Citation] = []
    for f, body in zip(found, bodies, strict=True):
        if body is _UNKNOWN and len(inferred[_key(f)]) == 1:
            body = next(iter(inferred[_key(f)]))  # the same number, settled elsewhere
        if body is _UNKNOWN and _plain(f):
            only = context.only_body()  # the one body the article is about
            body = ResolutionBody(str(only)) if only is not None else body
        if body is _UNKNOWN and _plain(f) and _council_sized(f, table, context):
            body = ResolutionBody.UNSC
        citation = _resolve(f, body, table)
        if citation is not None:
            citations.append(citation)
    return citations


# A number standing alone: no digit, dot, slash or dash on either side (2254 in "2254"، not
# in "2254/2015" nor "12254"). One pattern for every article, the cited numbers tested after.
_WHOLE_NUMBER = re.compile(r"(?<![\d./-])\d+(?![\d./-])")


def _with_bare_repeats(
    blocks: Sequence[TextBlock], texts: Sequence[NormText], found: list[Found]
) -> list[Found]:
    """ "لن يتخلى عن 2254": once the article has cited a resolution with its noun, its bare
    number names it again. Numbers that could be years, counts or small figures are left."""
    cited = {
        str(f.number)
        for f in found
        if f.session is None and f.number >= 100 and not is_year(f.number)
    }
    if not cited:
        return found
    # the spans the citations cover, by block: a number is tested against its block's only
    taken: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for f in found:
        seq, a, b = f.cover or (f.seq, f.start, f.end)
        taken[seq].add((a, b))
    extra: list[Found] = []
    for seq, (block, nt) in enumerate(zip(blocks, texts, strict=True)):
        spans = taken.get(seq, ())
        for m in _WHOLE_NUMBER.finditer(nt.text):
            if m.group() not in cited or any(a <= m.start() < b for a, b in spans):
                continue
            view = nt.only([nt.sentence_at(m.start())])
            k = view.token_at(m.start())
            if k is not None and view.tokens[k].nstart == m.start() and _bare_reference(view, k):
                bare = Found(block, view, m.start(), m.end(), int(m.group()))
                bare.seq = seq
                extra.append(bare)
    if not extra:
        return found
    return sorted(found + extra, key=lambda f: (f.seq, f.start))


def _with_predecessors(
    blocks: Sequence[TextBlock], texts: Sequence[NormText], found: list[Found]
) -> list[Found]:
    """ "فالنص الجديد، مثل سابقه 2703": in an article that cites resolutions, a number right
    after "its predecessor" is the resolution the cited one followed."""
    extra = [
        f
        for f in _numbers_after(blocks, texts, found, lex.PREDECESSOR_WORDS)
        if f.number >= 100 and not is_year(f.number)
    ]
    return sorted(found + extra, key=lambda f: (f.seq, f.start)) if extra else found


def _numbers_after(
    blocks: Sequence[TextBlock],
    texts: Sequence[NormText],
    found: list[Found],
    words: frozenset[str],
) -> list[Found]:
    """Bare numbers of three or four digits right after one of `words` (a conjunction or a
    preposition on it, or the article written onto the number: "ووفقاً لـ2216") and before
    nothing, a definite word or a particle, outside the citations found. The words are
    looked up with str.find, so a block without them costs a few scans in C."""
    out: list[Found] = []
    for seq, (block, nt) in enumerate(zip(blocks, texts, strict=True)):
        text, seen = nt.text, set()
        for word in words:
            at = text.find(word)
            while at >= 0:
                end = at + len(word)
                m = _NUMBER_AFTER.match(text, end) if _word_starts(text, at) else None
                at = text.find(word, end)
                if m is None or m.start(1) in seen or not _names_alone(m.group(2)):
                    continue  # "بحسب" is found as itself and as "حسب" with its ب
                seen.add(m.start(1))
                if any(f.seq == seq and f.start <= m.start(1) < f.end for f in found):
                    continue
                view = nt.only([nt.sentence_at(m.start(1))])
                bare = Found(block, view, m.start(1), m.end(1), int(m.group(1)))
                bare.seq = seq
                out.append(bare)
    return out


def _word_starts(text: str, at: int) -> bool:
    """Whether a word starts at `at`, allowing a conjunction and a preposition on it
    ("ووفقا"، "بتنفيذ"، "لتطبيق")."""
    k = at
    while k > 0 and at - k < _MAX_PROCLITICS and text[k - 1] in "وفبل":
        k -= 1
    return k == 0 or not text[k - 1].isalnum()


def _open_at_end(nt: NormText) -> bool:
    """Whether the block stops in the middle of a sentence that holds the noun قرار."""
    text = nt.text.rstrip()
    if not text or text[-1] in lex.SENTENCE_END or text[-1] in ".:؛;":
        return False
    return text.find("قرار", max(len(text) - _BROKEN_REACH, 0)) >= 0


def _across_break(blocks: Sequence[TextBlock], texts: Sequence[NormText], seq: int) -> list[Found]:
    """ "قرار مجلس الأمن رقم⏎2254": a citation the line break cut in two, read over the two
    blocks joined and kept when it runs into the second; its span is the second's part."""
    first, second = blocks[seq], blocks[seq + 1]
    shift = len(first.text) + 1
    joined = TextBlock(first.part, first.index, first.text + " " + second.text)
    crossing: list[Found] = []
    for f in _scan_block(joined, texts_of([joined])[0], seq + 1):
        start, end = f.nt.to_display(f.start, f.end)
        if start < len(first.text) and end > shift:
            f.origin, f.shift = second, shift
            f.cover = (seq + 1, 0, texts[seq + 1].from_display(end - shift))
            crossing.append(f)
    return crossing


def _with_applied_numbers(
    blocks: Sequence[TextBlock],
    texts: Sequence[NormText],
    found: list[Found],
    table: ResolutionTable,
    context: ArticleBodies,
) -> list[Found]:
    """ "تنفيذ 2254"، "وفقاً لـ2254": a resolution the table knows, named by its bare number
    after a word of applying it, in a story that speaks of the UN, needs no noun."""
    extra = [
        f
        for f in _numbers_after(blocks, texts, found, lex.APPLYING_WORDS)
        if not is_year(f.number) and table.unique(f.number) is not None
    ]
    if not extra or not context.speaks_of_un():
        return found
    return sorted(found + extra, key=lambda f: (f.seq, f.start))


def _names_alone(after: str | None) -> bool:
    """Whether the word after a bare number lets it stand alone: nothing, a definite word
    ("2254 الصادر") or a particle; a count is followed by its indefinite noun ("242 مشروعاً")."""
    if after is None or after in lex.AFTER_A_NAME:
        return True
    if after.startswith("و") and not after.startswith("وال"):
        return False  # "1500 وحدة"
    word = after[1:] if after.startswith("وال") else after
    return word.startswith("ال") and word not in lex.UNITS


def _bare_reference(nt: NormText, k: int) -> bool:
    toks, text = nt.tokens, nt.text
    tok = toks[k]
    before = text[tok.nstart - 1] if tok.nstart > 0 else " "
    after = text[tok.nend] if tok.nend < len(text) else " "
    if not (before.isspace() or before in _OPENERS or _clitic_before(toks, k)):
        return False
    if not (after.isspace() or after in _CLOSERS):
        return False
    prev = [toks[j].norm for j in (k - 1, k - 2) if j >= 0 and toks[j].sentence == tok.sentence]
    if prev[:1] == ["من"]:
        prev = prev[1:]  # "أكثر من 300"
    nxt = toks[k + 1].norm if k + 1 < len(toks) and toks[k + 1].sentence == tok.sentence else ""
    return not (prev and prev[0] in lex.COUNTING_WORDS) and nxt not in lex.UNITS


def _clitic_before(toks: list[Tok], k: int) -> bool:
    """ "لـ2254"، "الـ1701"، "بالـ2254": a preposition or the article written onto the number
    (the press writes a famous resolution as "الـ2254", "the 2254")."""
    return k > 0 and toks[k - 1].norm in _NUMBER_CLITICS and toks[k - 1].nend == toks[k].nstart


def _with_list_bodies(
    found: list[Found], bodies: list[ResolutionBody | None]
) -> list[ResolutionBody | None]:
    """ "القرارات 1696 و1737 و1747": the numbers of one list are one body's, so a member the
    rules left unknown takes the body its settled siblings agree on."""
    groups: dict[tuple[int, int], set[ResolutionBody]] = defaultdict(set)
    for f, body in zip(found, bodies, strict=True):
        if f.group is not None and body is not None and body is not _UNKNOWN:
            groups[(f.seq, f.group)].add(body)
    settled = list(bodies)
    for n, f in enumerate(found):
        known = groups.get((f.seq, f.group), set()) if f.group is not None else set()
        if settled[n] is _UNKNOWN and len(known) == 1:
            settled[n] = next(iter(known))
    return settled


def _key(f: Found) -> Key:
    return f.number, f.session, f.special


def _special_in(text: str) -> bool:
    return "s-" in text and _SPECIAL.search(text) is not None


def _scan_block(block: TextBlock, full: NormText, seq: int) -> list[Found]:
    text = full.text
    special = _special_in(text)
    cited = [
        k
        for k, (a, b) in enumerate(full.sentences)
        if text.find("قرار", a, b) >= 0
        or text.find("res/", a, b) >= 0
        or (special and _SPECIAL.search(text, a, b) is not None)
    ]
    # the other sentences are never tokenized
    nt = full.only(cited) if len(cited) < len(full.sentences) else full
    found: list[Found] = []
    inherited: dict[int, Hint | None] = {}
    for i, tok in enumerate(nt.tokens):
        if "قرار" in tok.norm and lex.ANCHOR.match(tok.norm):
            found.extend(parse_at(block, nt, i, inherited))
    numbers = [(f.number, f.end) for f in found]
    for m in _SYMBOL.finditer(nt.text):
        symbol = _from_symbol(block, nt, m)
        # "القرار 2254 (S/RES/2254)" cites once: the symbol only restates the words before it
        if not any(n == symbol.number and 0 <= symbol.start - end <= 40 for n, end in numbers):
            found.append(symbol)
    spans = [(f.start, f.end) for f in found]
    for m in _SPECIAL.finditer(nt.text) if special else ():
        if not any(a <= m.start() < b for a, b in spans):
            alone = Found(block, nt, m.start(), m.end(), int(m.group(3)), int(m.group(2)))
            alone.special = lex.SPECIAL_PREFIXES[m.group(1)]
            found.append(alone)
    found.sort(key=lambda f: f.start)
    for f in found:
        f.seq = seq
    return found


def _from_symbol(block: TextBlock, nt: NormText, m: re.Match[str]) -> Found:
    """ "S/RES/2254 (2015)", "A/RES/67/19", "A/HRC/RES/49/27", "A/RES/ES-10/22"."""
    first, second = int(m.group(4)), m.group(5)
    number, session = (int(second), first) if second else (first, None)
    hint = Hint.UNSC if m.group(1) == "s" else Hint.HRC if m.group(2) else Hint.UNGA
    year = int(m.group(6)) if m.group(6) and is_year(int(m.group(6))) else None
    found = Found(block, nt, m.start(), m.end(), number, session, hint, year)
    if m.group(3) and session is not None:
        found.special = lex.SPECIAL_PREFIXES[m.group(3)]
    return found


def _resolve(f: Found, body: ResolutionBody | None, table: ResolutionTable) -> Citation | None:
    if f.titled and not _known_by_name(f, table):
        return None
    if f.hint is None and not _in_table_as_dated(f, table):
        un_cue = lex.has_un_cue(_WORD.findall(_sentence(f)))
        if (
            f.issued_nationally
            or body is _NATIONAL
            or (f.number < 100 and f.session is None and not un_cue)
            or (f.sanah and not un_cue)
            or (body is _UNKNOWN and f.formal and not un_cue)
        ):
            return None  # "بحسب القرار رقم 1234 لعام 2023": a state's decision, most likely
    if body is None:
        body = _UNKNOWN
    if body is _UNKNOWN and f.session is None and is_year(f.number):
        return None  # "القرار 2024 سيكون عام الحسم": a year, unless a body or the table says
    record = table.get(body, f.number, f.session, f.special)
    year = f.year or (record.year if record else None) or _hrc_year(body, f) or f.weak_year
    start, end = f.nt.to_display(f.start, f.end)
    block = f.block
    if f.origin is not None:  # read across a line break: the part in the second block
        block, start, end = f.origin, max(start - f.shift, 0), end - f.shift
    span = Span(block.part, block.index, start, end)
    title = (record.title_ar or record.title_en or None) if record else None
    surface = block.text[start:end]
    return Citation(body, f.number, year, surface, span, title, session=f.session)


def _known_by_name(f: Found, table: ResolutionTable) -> bool:
    """ "قرار حق العودة رقم 194 لسنة 1948": a resolution cited by a name of several words is
    kept when the table holds its number, and its year or a UN word in the sentence agrees."""
    year = f.year or f.weak_year
    record = table.unique(f.number, f.session, f.special, year)
    if record is None:
        return False
    if year is not None:
        return record.year == year
    return lex.has_un_cue(_WORD.findall(_sentence(f)))


def _in_table_as_dated(f: Found, table: ResolutionTable) -> bool:
    """ "القرار رقم 2216 لسنة 2015": the register of a state's decisions, but the number and
    its year are a UN resolution's: the coincidence is too unlikely to drop it."""
    year = f.year or f.weak_year
    if year is None or f.issued_nationally:
        return False
    record = table.unique(f.number, f.session, f.special, year)
    return record is not None and record.year == year


def _body(
    f: Found, written: dict[Key, set[Hint]], table: ResolutionTable, context: ArticleBodies
) -> ResolutionBody | None:
    """Rules 1-9 of the module docstring; None for a state's decision."""
    if f.hint in EXPLICIT:
        return ResolutionBody(str(f.hint))
    named = written.get(_key(f), set())
    if len(named) == 1:
        return ResolutionBody(str(next(iter(named))))
    year = f.year or f.weak_year
    record = table.unique(f.number, f.session, f.special, year)
    if record is not None:
        return record.body
    if year is not None and f.session is None:
        series = table.series_body(f.number, year)
        if series is not None:
            return series
    if f.special == "ES":
        return ResolutionBody.UNGA
    if f.hint is Hint.UN and f.session is None and (f.year or 0) >= 1976:
        return ResolutionBody.UNSC  # since 1976 only the Security Council numbers plainly
    # "الذي اعتمده المجلس": the issuer's short form; else "وتبنى مجلس الأمن القرار 2728"
    issuer = context.antecedent(f.anaphor, f.seq, f.start) if f.anaphor else None
    hint = issuer or context.in_sentence(f)
    if hint is not None:
        return ResolutionBody(str(hint)) if hint in EXPLICIT else _NATIONAL
    if f.session is not None and not f.special:
        only = context.only_body()  # "46/22" in a story about the Council in Geneva
        if only is Hint.HRC or only is Hint.UNGA:
            return ResolutionBody(str(only))
        if f.session >= 31:
            return ResolutionBody.UNGA  # GA numbers by session since its 31st; HRC is named
    return _UNKNOWN


def _council_sized(f: Found, table: ResolutionTable, context: ArticleBodies) -> bool:
    """ "القرار الذي حمل الرقم 2314" in a story that speaks of the UN: the Assembly's plain
    numbers from 1,000 on are of 1953-1975 and the famous ones are in the table, so a
    four-digit plain number from the UN is the Council's, whose series has run past 2,000
    since 2011."""
    if not _COUNCIL_RANGE[0] <= f.number < _COUNCIL_RANGE[1] or f.session is not None:
        return False
    if table.candidates(f.number):
        return False  # the table knows whose it is, and did not settle it
    return context.speaks_of_un()


def _plain(f: Found) -> bool:
    """A citation that could be any body's: no session, not a small number, and not in the
    register of a state's decisions ("القرار رقم 25 لسنة 2020") unless a UN word is near."""
    if f.session is not None or f.special or f.number < 100 or f.issued_nationally:
        return False
    if is_year(f.number):
        return False  # "القرار 2015": the year it was taken, most likely
    return not (f.formal or f.sanah) or lex.has_un_cue(_WORD.findall(_sentence(f)))


def _hrc_year(body: ResolutionBody, f: Found) -> int | None:
    """HRC sessions: three in 2006, then three a year from the 4th (March 2007)."""
    if body is not ResolutionBody.HRC or f.session is None or f.special:
        return None
    return 2006 if f.session <= 3 else 2007 + (f.session - 4) // 3


def _sentence(f: Found) -> str:
    tok = f.nt.token_at(f.start)
    if tok is None or not f.nt.sentences:
        return f.nt.text
    start, end = f.nt.sentences[f.nt.tokens[tok].sentence]
    return f.nt.text[start:end]
