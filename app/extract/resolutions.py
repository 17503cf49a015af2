"""UN resolutions cited in an article: "قرار مجلس الأمن الدولي رقم 2254 (2015)" and its kin.

Rules, in the order they apply:
- A citation opens with the noun قرار in any form (القرار، للقرار، بالقرار، القرارين، قراري،
  القرارات) and reaches its number only through words that belong to a citation: a body
  ("مجلس الأمن"), an adjective ("الأممي"), a number marker ("رقم"), or after a plural noun a
  focus phrase ("القرارات الدولية ذات الصلة، ولا سيما 2254"). Any other word ends the search,
  so "قرار وزاري رقم 25", "المرسوم رقم 16" or "منذ العام 2011" never become citations.
- Every number of a list is a citation of its own ("القرارين 242 و338"), and every occurrence
  counts. A number that counts something ("2254 شخصاً") or is a date is not one.
- "67/19" is session 67, resolution 19: the Citation keeps 19 as its number (the model has no
  session field) and the session only serves the table look-up and an HRC year.
- Body: as written (before the number, or after it: "الصادر عن مجلس الأمن", "لمجلس الأمن");
  else as written elsewhere in the same article for that number; else the reference table
  when one body has that number; else the one body named in the sentence ("وتبنى مجلس الأمن
  القرار 2728"); else UNSC for "الأممي" with a plain number dated 1976 or later (the GA
  numbers by session since its 31st, the HRC always did); else UNGA for a session-style
  number from the 31st session on; else unknown.
  "الأممي"/"الدولي" say only "the UN" and leave the organ to those rules.
- A number with no body is dropped when a state organ issues it ("أصدر وزير الداخلية القرار
  رقم 25", "... الصادر عن وزارة الصحة"), when it is below 100, when it is dated "لسنة", or
  when it stays unknown while written formally ("القرار رقم 1234 لعام 2023"), in each of the
  last three cases only if its sentence has no UN word (الأمم المتحدة، الدولي، مجلس...).
- Year: "(2015)", "لعام 2015", "الصادر ... 2015"; else the table; else the HRC session's
  year; else a bare "عام 2015" after the number; else None. The title comes from the table
  (Arabic, else English) when the table holds that body and number.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from app.extract import resolution_lexicon as lex
from app.extract.model import Citation, ResolutionBody, Span
from app.extract.resolution_lexicon import Hint
from app.extract.resolution_parse import EXPLICIT, Found, body_at, is_year, parse_at
from app.extract.resolution_table import ResolutionTable, default_table
from app.ingest.model import TextBlock
from app.text.normalize import normalize
from app.text.normtext import Kind, NormText

_SYMBOL = re.compile(r"\b(s|a)/(?:(hrc)/)?res/(\d{1,4})(?:/(\d{1,4}))?(?:\s*\((\d{4})\))?")
_WORD = re.compile(r"[^\W\d_]+")


def find_citations(
    blocks: Sequence[TextBlock], *, table: ResolutionTable | None = None
) -> list[Citation]:
    table = default_table() if table is None else table
    found: list[Found] = []
    for block in blocks:
        folded = normalize(block.text)
        if "قرار" in folded or "res/" in folded:
            found.extend(_scan_block(block, NormText(block.text)))
    bodies: dict[tuple[int, int | None], set[Hint]] = defaultdict(set)
    for f in found:
        if f.hint in EXPLICIT:
            bodies[(f.number, f.session)].add(f.hint)
    return [c for f in found if (c := _resolve(f, bodies, table)) is not None]


def _scan_block(block: TextBlock, nt: NormText) -> list[Found]:
    found: list[Found] = []
    inherited: dict[int, Hint | None] = {}
    for i, tok in enumerate(nt.tokens):
        if tok.kind is Kind.WORD and lex.ANCHOR.match(tok.text):
            found.extend(parse_at(block, nt, i, inherited))
    cited = [(f.number, f.end) for f in found]
    for m in _SYMBOL.finditer(nt.text):
        symbol = _from_symbol(block, nt, m)
        # "القرار 2254 (S/RES/2254)" cites once: the symbol only restates the words before it
        if not any(n == symbol.number and 0 <= symbol.start - end <= 40 for n, end in cited):
            found.append(symbol)
    return found


def _from_symbol(block: TextBlock, nt: NormText, m: re.Match[str]) -> Found:
    """ "S/RES/2254 (2015)", "A/RES/67/19", "A/HRC/RES/49/27"."""
    first, second = int(m.group(3)), m.group(4)
    number, session = (int(second), first) if second else (first, None)
    hint = Hint.UNSC if m.group(1) == "s" else Hint.HRC if m.group(2) else Hint.UNGA
    year = int(m.group(5)) if m.group(5) and is_year(int(m.group(5))) else None
    return Found(block, nt, m.start(), m.end(), number, session, hint, year)


def _resolve(
    f: Found, bodies: dict[tuple[int, int | None], set[Hint]], table: ResolutionTable
) -> Citation | None:
    sentence = _sentence(f)
    un_cue = not lex.UN_CUES.isdisjoint(_WORD.findall(sentence))
    if f.hint is None and (
        f.issued_nationally
        or (f.number < 100 and f.session is None and not un_cue)
        or (f.sanah and not un_cue)
    ):
        return None
    body = _body(f, bodies, table)
    if f.hint is None and body is ResolutionBody.UNKNOWN and f.formal and not un_cue:
        return None  # "بحسب القرار رقم 1234 لعام 2023": a state's decision, most likely
    record = table.get(body, f.number, f.session)
    year = f.year or (record.year if record else None) or _hrc_year(body, f.session) or f.weak_year
    start, end = f.nt.to_display(f.start, f.end)
    span = Span(f.block.part, f.block.index, start, end)
    title = (record.title_ar or record.title_en or None) if record else None
    surface = f.block.text[start:end]
    return Citation(body, f.number, year, surface, span, title, session=f.session)


def _body(
    f: Found,
    bodies: dict[tuple[int, int | None], set[Hint]],
    table: ResolutionTable,
) -> ResolutionBody:
    if f.hint in EXPLICIT:
        return ResolutionBody(str(f.hint))
    named = bodies.get((f.number, f.session), set())
    if len(named) == 1:
        return ResolutionBody(str(next(iter(named))))
    record = table.unique(f.number, f.session)
    if record is not None:
        return record.body
    if f.hint is Hint.UN and f.session is None and (f.year or 0) >= 1976:
        return ResolutionBody.UNSC  # since 1976 only the Security Council numbers plainly
    organs = _sentence_bodies(f)
    if len(organs) == 1:  # "وتبنى مجلس الأمن بالإجماع القرار 2728"
        return ResolutionBody(str(organs.pop()))
    if f.session is not None and f.session >= 31:
        return ResolutionBody.UNGA  # GA numbers by session since its 31st; HRC is named
    return ResolutionBody.UNKNOWN


def _hrc_year(body: ResolutionBody, session: int | None) -> int | None:
    """HRC sessions: three in 2006, then three a year from the 4th (March 2007)."""
    if body is not ResolutionBody.HRC or session is None:
        return None
    return 2006 if session <= 3 else 2007 + (session - 4) // 3


def _sentence_bodies(f: Found) -> set[Hint]:
    """The bodies named anywhere in the citation's sentence."""
    toks = f.nt.tokens
    k = f.nt.token_at(f.start)
    if k is None:
        return set()
    sentence = toks[k].sentence
    found: set[Hint] = set()
    for j in range(len(toks)):
        if toks[j].sentence == sentence:
            body = body_at(toks, j)
            if body is not None and body[0] in EXPLICIT:
                found.add(body[0])
    return found


def _sentence(f: Found) -> str:
    tok = f.nt.token_at(f.start)
    if tok is None or not f.nt.sentences:
        return f.nt.text
    start, end = f.nt.sentences[f.nt.tokens[tok].sentence]
    return f.nt.text[start:end]
