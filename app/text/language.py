"""Language of an article by script: enough to tell Arabic stories from the rest."""

from __future__ import annotations


def detect_language(text: str) -> str:
    """ "ar" when Arabic letters dominate, "en" when Latin ones do, else "und"."""
    arabic = latin = 0
    for ch in text:
        if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f":
            arabic += ch.isalpha()
        elif ch.isascii() and ch.isalpha():
            latin += 1
    letters = arabic + latin
    if letters == 0:
        return "und"
    if arabic / letters >= 0.5:
        return "ar"
    return "en" if latin / letters >= 0.5 else "und"
