"""Language of an article by script: enough to tell Arabic stories from the rest."""

from __future__ import annotations

import re

# Found by regex, then asked isalpha() one by one: a loop over every character in
# Python was a tenth of parsing an article.
_ARABIC_BLOCKS = re.compile("[\u0600-\u06ff\u0750-\u077f]")
_LATIN_LETTER = re.compile("[A-Za-z]")


def detect_language(text: str) -> str:
    """ "ar" when Arabic letters dominate, "en" when Latin ones do, else "und"."""
    arabic = sum(map(str.isalpha, _ARABIC_BLOCKS.findall(text)))
    latin = len(_LATIN_LETTER.findall(text))
    letters = arabic + latin
    if letters == 0:
        return "und"
    if arabic / letters >= 0.5:
        return "ar"
    return "en" if latin / letters >= 0.5 else "und"
