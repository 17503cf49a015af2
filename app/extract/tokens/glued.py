"""Words run together by a lost space: where to cut a glued token into the two it was.

Scraped text loses spaces ("الوزيرالسابق", "الأممالمتحدة", "واشارالحاج"); the actor rules
then see one unknown word and lose the title, the body or the speaker. The repair is
conservative: a token is cut only when it is no known form itself and it reads as a
closed-class head (a title or honorific with its article, a speech verb, a first word of a
gazetteer organization, a one-word place) followed by a known word of the kind that follows
it (a name, a nisba, an adjective of office, the rest of that organization's name, another
place with or without و). The lexicons are read from the data files, not imported from the
actor rules: the token layer sits below them. Titles, speech verbs and office words come
from data/heads.json, which the actor rules read too.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from app.extract.tokens.heads import HEADS_FILE, head_words
from app.text.memo import EVERY_TOKEN
from app.text.normalize import normalize
from app.text.prebuilt import cached_build, sources

_DATA = Path(__file__).resolve().parents[1] / "data"
_DATA_FILES = (
    "first_names.json",
    "family_names.json",
    "countries.json",
    "organizations.json",
    "places.json",
)

# Heads beyond the roles and honorifics of data/heads.json: الحاج, no title to the actor
# rules, and نائب without its article.
_MORE_TITLES = "الحاج نائب"

_MIN_TAIL = 3
_PROCLITICS = frozenset("وفب")
_LONGEST_CACHE = EVERY_TOKEN  # see app/text/memo.py


def _forms(text: str) -> set[str]:
    return {normalize(w) for w in text.split()}


def _titles() -> set[str]:
    """Roles and honorifics, masculine and feminine, with the article ("الوزيره")."""
    nouns = f"{head_words('roles')} {head_words('honorifics')}".replace("/", " ")
    return {"ال" + w for w in _forms(nouns)} | _forms(_MORE_TITLES)


def _names() -> set[str]:
    """First names, family names and demonyms (with and without the article)."""
    names: set[str] = set()
    for file in ("first_names.json", "family_names.json"):
        data = json.loads((_DATA / file).read_text(encoding="utf-8"))
        for value in data.values():
            if isinstance(value, list):
                names.update(normalize(v) for v in value if isinstance(v, str) and " " not in v)
    for country in json.loads((_DATA / "countries.json").read_text(encoding="utf-8")):
        for demonym in country.get("demonyms", []):
            names.update((normalize(demonym), "ال" + normalize(demonym)))
    return {n for n in names if len(n) >= _MIN_TAIL}


def _organization_pairs() -> dict[str, set[str]]:
    """First word -> second words of the gazetteer's organization names ("الامم" -> المتحده)."""
    pairs: dict[str, set[str]] = {}
    for org in json.loads((_DATA / "organizations.json").read_text(encoding="utf-8")):
        for name in [org["name"], *org.get("aliases", [])]:
            words = normalize(name).split()
            if len(words) >= 2 and len(words[0]) >= _MIN_TAIL and len(words[1]) >= _MIN_TAIL:
                pairs.setdefault(words[0], set()).add(words[1])
    return pairs


def _place_names() -> set[str]:
    """One-word names of the gazetteer's countries and places ("لبنان", "دمشق")."""
    names: set[str] = set()
    for file in ("countries.json", "places.json"):
        for entry in json.loads((_DATA / file).read_text(encoding="utf-8")):
            for name in [entry["name"], *entry.get("aliases", [])]:
                names.add(normalize(name))
    return {n for n in names if " " not in n and len(n) >= _MIN_TAIL}


class _Lexicon:
    """Heads and what may follow each kind of head, built once."""

    def __init__(self) -> None:
        names = _names()
        titles = _titles()
        verbs = {p + v for v in _forms(head_words("speech_verbs")) for p in ("", "و", "ف")}
        self.tails: dict[str, frozenset[str]] = {}
        after_title = frozenset(names | _forms(head_words("office_words")))
        for title in titles:
            self.tails[title] = after_title
        after_verb = frozenset(names | titles)
        for verb in verbs:
            self.tails[verb] = after_verb
        for first, seconds in _organization_pairs().items():
            self.tails[first] = self.tails.get(first, frozenset()) | frozenset(seconds)
        places = _place_names()
        after_place = frozenset(places | {"و" + p for p in places})  # "لبنانوسوريا"
        for place in places:
            self.tails[place] = self.tails.get(place, frozenset()) | after_place
        # A token that is itself a known word is never cut ("الحاجه" is no الحاج + ه).
        self.known = frozenset(names | titles | verbs | places | set(_organization_pairs()))


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """Kept built between processes (app/text/prebuilt.py): reading and folding the data
    files cost each process ~50 ms of CPU, as much as loading the whole gazetteer back."""
    inputs = [*(_DATA / name for name in _DATA_FILES), HEADS_FILE]
    inputs += sources("extract/tokens/glued.py", "extract/tokens/heads.py", "text/normalize.py")
    return cached_build("glued", inputs, _Lexicon)


# Candidates: letters only, long enough for a head and a tail of three letters each.
_LONG_WORD = re.compile(r"[^\W\d_]{6,}")
_cuts: dict[str, int] = {}


def glued_cut(word: str) -> int:
    """Where to put the lost space in `word` (normalized), or 0 to leave it whole."""
    found = _cuts.get(word)
    if found is None:
        found = _cut(word)
        if len(_cuts) >= _LONGEST_CACHE:
            _cuts.clear()
        _cuts[word] = found
    return found


def _cut(word: str) -> int:
    lex = _lexicon()
    if word in lex.known:
        return 0
    # The head may carry a conjunction or preposition ("والأممالمتحدة", "بالوزيرالسابق").
    start = 1 if word[0] in _PROCLITICS and word[1:] not in lex.known else 0
    cuts = [
        i
        for i in range(_MIN_TAIL, len(word) - _MIN_TAIL + 1)
        if word[i:] in lex.tails.get(word[:i], ())
        or (start and word[i:] in lex.tails.get(word[start:i], ()))
    ]
    return cuts[0] if len(cuts) == 1 else 0  # two readings: no telling which, leave it


_whole: set[str] = set()  # space-separated chunks already seen to hold no glued word


def glued_cuts(text: str) -> list[int]:
    """Offsets in normalized `text` where a space was lost between two words."""
    # This runs on every block: the chunks between spaces are told apart from those already
    # seen whole by one set difference at C speed, and only a new chunk is read word by word.
    fresh = set(text.split()).difference(_whole)
    if not fresh:
        return []
    glued = False
    for chunk in fresh:
        if any(glued_cut(word) for word in _LONG_WORD.findall(chunk)):
            glued = True
        else:
            _whole.add(chunk)
    if len(_whole) >= 4 * _LONGEST_CACHE:
        _whole.clear()
    if not glued:
        return []
    return [m.start() + cut for m in _LONG_WORD.finditer(text) if (cut := glued_cut(m.group()))]
