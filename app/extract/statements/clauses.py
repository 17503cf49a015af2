"""Where reported content begins and ends, around a reporting verb.

Content opens at أن/إن, a colon, a quotation or the verb's own preposition (أكد على، أشار
إلى، طالب بـ). What lies between the verb and that opener is its subject, then the
circumstances ("في بيان"، "خلال لقاء"، "لـتلفزيون سوريا"). Content closes at its quotation's
closing mark, else at the end of the sentence, else where the next statement of the same
sentence begins (the cuts: "، مضيفاً أن"، "وأضاف").
"""

from __future__ import annotations

from enum import StrEnum

from app.extract.model import EntityKind
from app.extract.statements import words as w
from app.extract.statements.speakers import BlockView
from app.extract.statements.verbs import WORDS, Form, Verb, VerbForm, lookup
from app.extract.tokens import Kind
from app.text.normalize import normalize

_MAX_REGION = 40  # tokens between a verb and its content
_MAX_COLON = 50  # more tokens before a colon that opens it
_CLITIC_PREPS = frozenset("بل")  # a verb's own preposition written on its word
_MAX_QUOTE = 1500  # characters of one quotation
_MAX_DESCRIPTION = 6  # tokens of a description before the person it describes
_ALA, _ILA = normalize("على"), normalize("إلى")
TRIM = " \t\n،,.؛;:"
# "في وقت لاحق"، "في وقت سابق": "لاحق" is no "لـ" + noun, and the object comes after it.
_WHEN_ADJECTIVES = frozenset(normalize("لاحق سابق متأخر مبكر").split())


class Intro(StrEnum):
    THAT = "that"  # أن، إن، بأن
    COLON = "colon"
    QUOTE = "quote"
    PREP = "prep"  # the verb's own preposition
    OBJECT = "object"  # a bare object, from its first word


Found = tuple[int, Intro, int | None]  # where the content opens, how, where circumstances begin


class ClauseReader(BlockView):
    cuts: list[int]  # normalized offsets where a later statement of a sentence begins

    def find_intro(self, p: int, verb: Verb) -> Found | None:
        """The token that opens the content, its kind, and where the circumstances begin."""
        circ: int | None = None
        sentence = self.toks[p - 1].sentence
        q, stop = p, min(p + _MAX_REGION, len(self.toks))
        while q < stop:
            tok = self.toks[q]
            if tok.sentence != sentence:
                return None
            placed = self.index.covering[q]
            inside_name = placed is not None and not (
                placed.first == q and placed.after_clitic(self.nt)
            )
            if tok.kind is Kind.PUNCT:
                if tok.norm == ":":
                    return q, Intro.COLON, circ
                if tok.norm in w.OPEN_QUOTES:
                    close = self._quoted_name(q)
                    if close is None:
                        return q, Intro.QUOTE, circ
                    q = close
            elif not inside_name:
                if tok.norm in w.COMPLEMENTIZERS:
                    return q, Intro.THAT, circ
                if self.is_prep(q, p, verb):
                    return q, Intro.PREP, circ
                if q > p and tok.norm in WORDS and not self._manner(q):
                    return None  # another verb: its own statement
                if circ is None and self.circumstantial(q):
                    circ = q
            q += 1
        return self._far_colon(q, sentence, circ)

    def _far_colon(self, q: int, sentence: int, circ: int | None) -> Found | None:
        """ "وقال السفير، الذي تتولى بلاده ...، بشأن ... (...): لا توجد": a colon closing a
        long aside still opens the content, when no other verb of speech comes first."""
        for k in range(q, min(q + _MAX_COLON, len(self.toks))):
            tok = self.toks[k]
            if tok.sentence != sentence or tok.norm in WORDS:
                return None
            if tok.norm == ":":
                return k, Intro.COLON, circ
        return None

    def _manner(self, q: int) -> bool:
        """ "وأضاف الوزير موضحاً: ..."، "يتابع الوزير في كتابه فيقول: ...": a participle or a
        verb with ف right before the content says how the verb before it spoke; both report
        that content."""
        found = lookup(self.toks[q].norm)
        if found is None or found[0] == "و":
            return False
        if found[0] != "ف" and found[1].form is not Form.PARTICIPLE:
            return False
        return self.text(q + 1) == ":" or self.text(q + 1) in w.COMPLEMENTIZERS

    def _quoted_name(self, q: int) -> int | None:
        """'قالت "هيئة التفاوض" إن': a short quotation the sentence runs on from is a name."""
        close = w.CLOSE_QUOTE.get(self.toks[q].norm, "")
        for k in range(q + 1, min(q + 7, len(self.toks))):
            if self.toks[k].norm == close:
                after = self.toks[k + 1] if k + 1 < len(self.toks) else None
                runs_on = after is not None and (after.kind is Kind.WORD or after.norm == ":")
                return k if k > q + 1 and (runs_on or self._one_actor(q + 1, k)) else None
            if self.toks[k].norm in ":.؟!":
                return None
        return None

    def _opens(self, q: int) -> bool:
        """Whether the quote mark at q opens a quotation: a straight one closes the quotation
        its sentence opened before it."""
        tok = self.toks[q]
        if tok.norm not in w.CLOSE_QUOTE.values():
            return True
        start = self.nt.sentences[tok.sentence][0] if self.nt.sentences else 0
        return self.nt.text.count(tok.norm, start, tok.nstart) % 2 == 0

    def _names_an_actor(self, q: int) -> bool:
        """'منظمة «هيومن رايتس ووتش»': the quotation opened at q holds one actor's name."""
        close = w.CLOSE_QUOTE.get(self.toks[q].norm, "")
        for k in range(q + 1, min(q + 8, len(self.toks))):
            if self.toks[k].norm == close:
                return k > q + 1 and self._one_actor(q + 1, k)
        return False

    def _one_actor(self, first: int, end: int) -> bool:
        """'الممثل الخاص في سوريا "ستيفان دي ميستورا"، بتقديم': tokens [first, end) are all
        one actor's name."""
        placed = self.index.covering[first]
        covering = self.index.covering
        return placed is not None and all(covering[k] is placed for k in range(first, end))

    def is_prep(self, q: int, p: int, verb: Verb) -> bool:
        word = self.toks[q].norm
        if word in verb.preps:
            if word == _ALA and self.text(q + 1) in w.WHERE_AFTER_ALA:
                return False
            if word == _ILA and q > p and w.has_stem(self.text(p), w.ENVOY_STEMS):
                # "المبعوث الأممي إلى سوريا": إلى names the post, not what was said
                return q + 1 >= len(self.toks) or self.index.starting[q + 1] is None
            return True
        if "ب" in verb.preps and word.startswith("ب") and len(word) > 2 and word != "باسم":
            placed = self.index.starting[q]
            return placed is None or placed.after_clitic(self.nt)
        if "ل" in verb.preps and word.startswith("ل") and not word.startswith("لل"):
            # "دعا العراق لاحترام القرار"; "لتلفزيون سوريا" is whom it was told to
            return len(word) > 3 and self.index.covering[q] is None and word not in w.L_NOUNS
        return False

    def circumstantial(self, q: int) -> bool:
        if q >= len(self.toks):
            return False
        word = self.toks[q].norm
        if word.startswith("لل") and w.serves((self.text(q - 1), self.text(q - 2))):
            return False  # "الأمين العام للأمم المتحدة"
        if word.startswith("ل") and w.has_stem(self.text(q - 1), w.DOCUMENT_STEMS):
            return False  # "بيان لمجلس الأمن": whose statement, not to whom
        if word in w.CIRCUMSTANTIAL or word == "ل" or word.startswith("لل"):
            return True
        if word in w.SOURCE_OPENERS:
            return True  # "وقال، وفق ما بثته الوكالة،": the source, after the subject
        if word == _ALA and self.text(q + 1) in w.WHERE_AFTER_ALA:
            return True
        if word.startswith("ل") and word not in w.L_NOUNS:
            placed = self.index.starting[q]
            return placed is None or placed.after_clitic(self.nt)
        return False

    def _skip_circumstance(self, q: int, verb: Verb) -> int:
        """ "أعلن باتيلي الثلاثاء استقالته"، "أكد خلال الاتصال أهمية": step over when it was
        said (a day word, or a circumstantial preposition and its definite noun) before a
        bare object."""
        while self.text(q) in w.TIME_WORDS:
            q += 1  # "وكانت الوزارة قد أعلنت، الخميس، إدراج"
        word = self.text(q)
        own = q < len(self.toks) and self.is_prep(q, q, verb)  # "حذرت من كارثة": the content
        # "قبل أيام"، "في بيان"، "خلال الاتصال"
        if word in w.CIRCUMSTANTIAL and not own and self._noun_at(q + 1):
            q += 2
            indefinite = not w.definite(self.text(q - 1))
            while self._adjective_of(self.text(q), indefinite):
                q += 1
            while self.text(q) in w.TIME_WORDS:
                q += 1  # "في بيان أمس، فوز الحزب": when the statement came
        if self.text(q) in {"،", ","} and q + 1 < len(self.toks):
            # "أكد مجلس الأمن الدولي، التزامه"، "أدان الأعضاء اليوم، الهجوم": a comma the
            # press sets between the subject and the object
            nxt = self.toks[q + 1]
            if nxt.kind is Kind.WORD and nxt.sentence == self.toks[q].sentence:
                q += 1
        return q

    @staticmethod
    def _adjective_of(word: str, indefinite: bool) -> bool:
        """Whether `word` describes the noun of a circumstance before it: "في البيان الرسمي",
        "في وقت لاحق", "في بيان صحفي"."""
        if indefinite:
            return not w.definite(word) and (w.nisba(word) or word in _WHEN_ADJECTIVES)
        return w.definite(word) and w.nisba(word)

    def _noun_at(self, q: int) -> bool:
        if q >= len(self.toks) or self.toks[q].kind is not Kind.WORD:
            return False
        return w.definite(self.toks[q].norm) or self.toks[q].norm not in WORDS

    def _skip_aside(self, q: int) -> int:
        """ "أكدت الخارجية، في بيان نشرته، التزام موسكو": step over the aside between commas."""
        if self.text(q) not in {"،", ","} or not self.circumstantial(q + 1):
            return q
        for k in range(q + 2, min(q + 16, len(self.toks))):
            if self.toks[k].sentence != self.toks[q].sentence:
                break
            if self.toks[k].norm in {"،", ","}:
                return k + 1
        return q

    def _object_at(self, q: int, i: int, vf: VerbForm, *, fronted: bool = False) -> bool:
        """Whether token q begins a bare object: a word that opens no other construction."""
        if q >= len(self.toks) or self.toks[q].sentence != self.toks[i].sentence:
            return False
        tok = self.toks[q]
        if tok.norm in w.OPEN_QUOTES and tok.kind is Kind.PUNCT:
            # "وأعلن الرئيس “حرباً شاملة” على": after its subject, a quotation is the
            # object, however short; right after the verb it may be the subject's name
            return (fronted or q > i + 1) and self._opens(q) and not self._names_an_actor(q)
        if tok.kind is not Kind.WORD or tok.norm in w.COMPLEMENTIZERS or tok.norm in w.SKIP:
            return False
        if tok.norm in w.PREPOSITIONS:
            return False  # an object never opens with a preposition: "إلى اليمن"
        subject_like = (
            w.definite(tok.norm)
            or self.index.covering[q] is not None
            or tok.norm in w.DOCUMENT_SUBJECTS  # "كما أكد قرار مجلس الأمن": its subject
            or w.is_title(tok.norm)  # "وأكد ولي العهد"، "وقال نائب رئيس الوزراء"
            or w.nominative_plural(tok.norm)  # "واعتبر متابعون": who considered, unnamed
            or self._described_person(q)  # "ودعا مقاول البناء محمد علي إلى"
            or tok.norm in self.index.lone_names  # "وأوضح عبدالسلام أن": a name alone
        )
        if not fronted and q == i + 1 and subject_like and vf.form is not Form.PARTICIPLE:
            # "وأكد البحرة ...": an unrecognized subject, not an object; a participle has
            # its subject before it ("، مؤكداً الالتزام بالقرار")
            return False
        if self.is_prep(q, q, vf.verb) or self.circumstantial(q):
            return False
        return tok.norm not in WORDS

    def _described_person(self, q: int) -> bool:
        """Whether the words from q run, with no mark or preposition, into a person's name:
        a description before it ("مقاول البناء والممثل المصري محمد علي") makes its subject."""
        for k in range(q + 1, min(q + _MAX_DESCRIPTION, len(self.toks))):
            tok = self.toks[k]
            if tok.kind is not Kind.WORD or tok.norm in w.PREPOSITIONS or tok.norm in WORDS:
                return False
            placed = self.index.starting[k]
            if placed is not None and not self.is_demonym(placed):  # "والممثل المصري"
                return placed.kind is EntityKind.PERSON and not placed.after_clitic(self.nt)
        return False

    def content_start(self, at: int, kind: Intro) -> int | None:
        tok = self.toks[at]
        if kind is Intro.QUOTE or kind is Intro.OBJECT:
            return tok.nstart
        if kind is Intro.COLON:
            return self.word_start(at + 1, quotes=True)
        if kind is Intro.THAT:
            if tok.norm not in w.BARE_COMPLEMENTIZERS:
                return tok.nstart  # "إنها ستدعم": the pronoun is the content's subject
            return self.word_start(at + 1, quotes=True)
        if tok.norm[:1] in _CLITIC_PREPS and len(tok.norm) > 1:
            return tok.nstart + 1  # "بضرورة"، "دعا لتحرك": the word after its clitic
        if self.text(at + 1) in w.COMPLEMENTIZERS:
            return self.content_start(at + 1, Intro.THAT)  # "إلى أن"
        return self.word_start(at + 1, quotes=True)

    def word_start(self, k: int, *, quotes: bool = False) -> int | None:
        while k < len(self.toks) and self.toks[k].kind is Kind.PUNCT:
            if quotes and self.toks[k].norm in w.OPEN_QUOTES:
                return self.toks[k].nstart
            k += 1
        return self.toks[k].nstart if k < len(self.toks) else None

    def content_end(self, start: int, limit: int | None) -> int:
        text = self.nt.text
        close = w.CLOSE_QUOTE.get(text[start])
        if close is not None:
            end = _closing_mark(text, text[start], close, start + 1)
            if 0 < end - start < _MAX_QUOTE:
                return end + 1
        end = limit if limit is not None else self._sentence_end(start)
        end = next((cut for cut in self.cuts if start < cut < end), end)
        while end > start and text[end - 1] in TRIM:
            end -= 1
        if text[start:end].endswith(" و"):
            end -= 2
        return end

    def _sentence_end(self, start: int) -> int:
        text = self.nt.text
        for s_start, s_end in self.nt.sentences:
            if s_start <= start < s_end:
                # a quotation broken by a full stop inside it runs to its closing quote
                if text.count("«", start, s_end) > text.count("»", start, s_end):
                    return self._closing(start, s_end, "»")
                if text.count('"', start, s_end) % 2:
                    return self._closing(start, s_end, '"')
                return s_end
        return len(text)

    def _closing(self, start: int, end: int, mark: str) -> int:
        close = self.nt.text.find(mark, end)
        return close + 1 if 0 < close - start < _MAX_QUOTE else end


def unquote(text: str) -> str:
    """A content that is one quotation, without its marks."""
    closes = {w.CLOSE_QUOTE.get(text[:1]), "”" if text[:1] == '"' else None}
    if len(text) >= 2 and text[-1] in closes:
        inner = text[1:-1]
        if text[0] not in inner and text[-1] not in inner:
            return inner.strip()
    return text


def quotations(text: str, carried: str = "") -> list[tuple[int, int]]:
    """The spans of the quotations of a text: a verb inside one is quoted, not reported
    ("«تكشف عزوف التونسيين عن مسار يرفضونه»"). `carried`: the mark of a quotation the line
    before opened and left open, which this text closes first."""
    if carried:
        end = _closing_mark(text, carried, w.CLOSE_QUOTE.get(carried, carried), 0)
        after = text[end + 1 : end + 2]
        # a closing mark ends a word ('الماضي"،'); one that opens the next word ('"مغامرات')
        # opens a quotation of its own, and the line before's was never closed
        if end > 0 and text[end - 1].isalnum() and not after.isalnum():
            rest = quotations(text[end + 1 :])
            return [(-1, end), *((a + end + 1, b + end + 1) for a, b in rest)]
    spans: list[tuple[int, int]] = []
    closed: set[int] = set()  # straight quotes that closed a curly one
    for opener, closer in (("«", "»"), ("“", "”"), ('"', '"')):
        at = text.find(opener)
        while at in closed:
            at = text.find(opener, at + 1)
        while at >= 0:
            end = _closing_mark(text, opener, closer, at + 1)
            if end < 0:
                if text[:at].rstrip().endswith(":"):
                    # 'فيقول: "...' never closed (the page cuts it): the rest is the quotation
                    spans.append((at, len(text)))
                break
            spans.append((at, end))
            if text[end] == '"' and opener != '"':
                closed.add(end)
            at = text.find(opener, end + 1)
            while at in closed:
                at = text.find(opener, at + 1)
    return spans


def left_open(text: str) -> str:
    """The mark of a quotation `text` opens and does not close ("" if none)."""
    for opener, closer in (("«", "»"), ("“", "”")):
        if text.count(opener) > text.count(closer):
            return opener
    return '"' if text.count('"') % 2 else ""


def _closing_mark(text: str, opener: str, closer: str, start: int) -> int:
    """Where the quotation opened before `start` closes: the press closes a straight quote
    with a curly one ('"... 2025”.وأضاف') and a curly one with a straight one ('“..."')."""
    end = text.find(closer, start)
    if opener == '"':
        curly = text.find("”", start)
        if curly >= 0 and (end < 0 or curly < end):
            return curly
    if opener == "“":
        # only when its own closer does not come before the next opening one: a straight
        # quotation inside a curly one ('“قال "نعم" للقرار”') leaves it open
        following = text.find("“", start)
        if end < 0 or (0 <= following < end):
            straight = text.find('"', start)
            if straight >= 0 and (following < 0 or straight < following):
                return straight
    return end


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(start < offset < end for start, end in spans)
