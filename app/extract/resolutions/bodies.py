"""Body phrases near a citation: "مجلس الأمن الدولي", "لمجلس حقوق الإنسان", and the short
forms that point back at one ("المجلس", "للجمعية", "بالجامعة").
"""

from __future__ import annotations

from app.extract.resolutions import lexicon as lex
from app.extract.resolutions.lexicon import Hint
from app.extract.tokens import Kind, Tok

_NISBA = ("ي", "يه")  # "الوطني", "العسكرية": an adjective that makes a name
# Every word `body_at` may read as the first word of a phrase: the word itself, with ل، و or
# ب on it, or with لل for its article.
_OPENERS = frozenset(
    [
        *lex.BODY_PHRASES,
        *(clitic + first for first in lex.BODY_PHRASES for clitic in ("ل", "و", "ب")),
        *("لل" + first[2:] for first in lex.BODY_PHRASES if first.startswith("ال")),
    ]
)


def body_at(toks: list[Tok], j: int) -> tuple[Hint, int] | None:
    """The body phrase starting at token j (clitic ل or لل allowed) and its length in tokens."""
    if j >= len(toks) or toks[j].kind is not Kind.WORD:
        return None
    word = toks[j].norm
    if word not in _OPENERS:
        return None  # most words open no body phrase
    stems = [word]
    if word.startswith("لل"):
        stems.append("ال" + word[2:])
    elif word.startswith(("ل", "و", "ب")):  # "لمجلس الأمن", "بالجمعية العامة"
        stems.append(word[1:])
    for stem in stems:
        for phrase, hint in lex.BODY_PHRASES.get(stem, ()):
            n = len(phrase)
            if all(_text(toks, j + x) == phrase[x] for x in range(1, n)):
                if hint is Hint.UNSC and _national_adjective(_text(toks, j + n)):
                    return Hint.NATIONAL, n + 1
                return hint, n
    return None


def anaphor_at(toks: list[Tok], j: int) -> str | None:
    """The stem ("مجلس") when token j is a bare short form of a body: "المجلس", "للجمعية",
    "بالمجلس", not "المجلس الوطني" (a name of its own, by its adjective)."""
    word = _text(toks, j)
    if word[:1] in {"و", "ف"} and word[1:3] in {"ال", "لل", "با"}:
        word = word[1:]
    if word.startswith("لل"):
        word = "ال" + word[2:]
    elif word.startswith(("بال", "كال")):
        word = word[1:]
    stem = lex.ANAPHOR_STEMS.get(word)
    if stem is None:
        return None
    following = _text(toks, j + 1)
    named = following.startswith("ال") and (
        following.endswith(_NISBA) or following in lex.NAME_ADJECTIVES
    )
    named = named and following not in lex.PARTICLES_LIKE_NISBA  # "المجلس إلى قراره"
    return None if named and following not in lex.UN_ADJECTIVES else stem


def _national_adjective(word: str) -> bool:
    """ "مجلس الأمن القومي", "مجلس الأمن الروسي": a state's security council; not "إلى" or
    "الذي", which normalize to the same shape."""
    return (
        word.startswith("ال")
        and word.endswith("ي")
        and word not in lex.UN_ADJECTIVES
        and word not in lex.PARTICLES_LIKE_NISBA
    )


def _text(toks: list[Tok], k: int) -> str:
    return toks[k].norm if 0 <= k < len(toks) else ""
