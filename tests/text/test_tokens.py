"""The fast spellings of the letter-run classes match exactly what the classes match."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from app.text.tokens import ALNUM_RUN, LETTER_RUN

# Arabic letters next to what ends their run (digits, Latin, Persian letters, marks, the
# tatweel, punctuation), and any character at all.
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("قال الهيئةؤئءغفيکیپ ٣4 Ab_-،.ـًّ\u0670\u063b\u0640")),
        st.characters(),
    ),
    max_size=40,
)


@settings(max_examples=500)
@given(TEXT)
def test_a_letter_run_is_what_the_plain_class_matches(text: str) -> None:
    assert re.findall(LETTER_RUN, text) == re.findall(r"[^\W\d_]+", text)
    assert re.findall(ALNUM_RUN, text) == re.findall(r"[^\W_]+", text)


def test_an_arabic_run_goes_on_into_other_letters_and_digits() -> None:
    assert re.findall(LETTER_RUN, "قرارAb و2254 پیام") == ["قرارAb", "و", "پیام"]
    assert re.findall(ALNUM_RUN, "قرارAb و2254 پیام") == ["قرارAb", "و2254", "پیام"]
