from app.text.sentences import sentence_at, sentence_spans


def test_splits_on_arabic_and_latin_marks() -> None:
    text = "قال الوزير إن الحل سياسي. وأضاف: هل من جديد؟ لا!  نعم"
    parts = [text[a:b] for a, b in sentence_spans(text)]
    assert parts == ["قال الوزير إن الحل سياسي.", "وأضاف: هل من جديد؟", "لا!", "نعم"]


def test_dates_and_decimals_do_not_end_a_sentence() -> None:
    text = "صدر في 2023.11.14 بنسبة 3.5 في المئة. ثم انتهى"
    assert len(sentence_spans(text)) == 2


def test_sentence_at_offset() -> None:
    text = "الجملة الأولى. الجملة الثانية فيها اسم.\nسطر جديد"
    assert sentence_at(text, text.index("اسم")) == "الجملة الثانية فيها اسم."
    assert sentence_at(text, text.index("سطر")) == "سطر جديد"
    assert sentence_at("", 0) == ""


def test_run_on_stops_end_a_sentence_only_when_asked() -> None:
    text = "قال الوزير إن الحل «قريب».وتقدم الوفد بطلب.ثم انتهى"
    parts = [text[a:b] for a, b in sentence_spans(text, run_on=True)]
    assert parts == ["قال الوزير إن الحل «قريب».", "وتقدم الوفد بطلب.", "ثم انتهى"]
    assert len(sentence_spans(text)) == 1  # the plain rule: a stop needs a space after it
    # a one-letter abbreviation before a name is no sentence's end: "د." (Dr.)
    assert len(sentence_spans("وقال د.محمد إن الحل سياسي", run_on=True)) == 1
