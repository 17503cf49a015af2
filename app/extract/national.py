"""National institutions named without their country, in an article about one country.

News names the home institutions of the country it covers without the country:
"مجلس النواب" in a Lebanese story is the Lebanese parliament, "وزارة المالية" in a
Palestinian one the Palestinian ministry, "النظام" in a Syrian one the Syrian regime,
"الحكومة الاتحادية" in an Iraqi one the Iraqi government. So when an article is clearly
about one country (its places and demonyms point there far more than anywhere else):

- a head alone ("النظام", "البرلمان") or a head with a generic adjective ("الحكومة
  الاتحادية") is that country's body of that head when the gazetteer knows it;
- a parliament chamber or a ministry ("مجلس النواب", "وزارة الإدارة المحلية") is that
  country's: the gazetteer entry if there is one, else a new body named with the
  country's adjective ("مجلس النواب اللبناني").

Bare "الحكومة" and "الجيش" are left alone: they often mean another country's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from app.extract.candidates import Cand, Form
from app.extract.gazetteer import Gazetteer
from app.extract.lexer import bare
from app.extract.lexicon import words
from app.extract.matcher import name_tokens
from app.extract.model import EntityKind
from app.extract.org_lexicon import MINISTRY

_SHORT_HEADS = words("نظام برلمان")  # "النظام", "البرلمان" alone
_ADJECTIVE_HEADS = {bare(w): words(a) for w, a in [("الحكومة", "الاتحادية المركزية")]}
_CHAMBERS = words("النواب الشعب الشيوخ الأمة الوزراء")
_CHAMBER_HEAD = "مجلس"
_FEMININE_END = "ه"  # ta marbuta, folded: وزاره، حكومه take a feminine adjective
_MARGIN = 2  # the country must have at least twice the mentions of the next one


def resolve_national(cands: list[Cand], gazetteer: Gazetteer) -> None:
    """Key the unresolved home institutions of the article's country (see module doc)."""
    pending = [c for c in cands if c.kind is EntityKind.ORGANIZATION and c.key is None]
    if not pending:
        return
    country = dominant_country(cands, gazetteer)
    if country is None:
        return
    entry = gazetteer.entries[country]
    for cand in pending:
        tokens = tuple(bare(t) if n == 0 else t for n, t in enumerate(cand.tokens))
        if not tokens:
            continue
        head = tokens[0]
        if cand.form is Form.SHORT and head in _SHORT_HEADS:
            cand.key = gazetteer.national.get((head, entry.country or ""))
        elif cand.form is Form.NAME and cand.weak and _home_body(tokens):
            if len(tokens) == 2 and tokens[1] in _ADJECTIVE_HEADS.get(head, ()):
                cand.key = gazetteer.national.get((head, entry.country or ""))
            else:
                _name_with_country(cand, gazetteer, entry.demonyms)


def dominant_country(cands: Iterable[Cand], gazetteer: Gazetteer) -> str | None:
    """The country the article is about: most mentioned, with a clear margin."""
    counts: Counter[str] = Counter()
    for cand in cands:
        if cand.kind is not EntityKind.PLACE or cand.key is None:
            continue
        entry = gazetteer.entries.get(cand.key)
        if entry is None:
            continue
        if entry.subkind == "country":
            counts[entry.id] += 1
        elif entry.country in gazetteer.countries:
            counts[gazetteer.countries[entry.country]] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2:
        return None
    if len(ranked) > 1 and ranked[0][1] < _MARGIN * ranked[1][1]:
        return None
    return ranked[0][0]


def _home_body(tokens: tuple[str, ...]) -> bool:
    head = tokens[0]
    if head == MINISTRY:
        return len(tokens) >= 2
    if head == _CHAMBER_HEAD:
        return len(tokens) == 2 and tokens[1] in _CHAMBERS
    return len(tokens) == 2 and tokens[1] in _ADJECTIVE_HEADS.get(head, ())


def _name_with_country(cand: Cand, gazetteer: Gazetteer, demonyms: list[str]) -> None:
    """ "مجلس النواب" -> مجلس النواب اللبناني: the known body, or a new one so named."""
    if not demonyms:
        return
    adjective = "ال" + demonyms[0] + ("ة" if cand.tokens[0].endswith(_FEMININE_END) else "")
    written = " ".join(cand.display_name.split())
    full = f"{written} {adjective}"
    tokens = name_tokens(full)
    match = [v for v in gazetteer.trie_values(tokens) if not v.demonym]
    if match:
        cand.key = match[0].entry_id
        return
    cand.key = f"new:{EntityKind.ORGANIZATION.value}:{' '.join(tokens)}"
    cand.canonical = full
