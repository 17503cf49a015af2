"""Who said what: reported speech around a reporting verb (app.extract.verbs).

What counts is set by eval/GUIDELINES.md §4:
- a clause whose verb is one of قال، أكد، شدد، ذكر، أشار، دعا، أعلن، اعتبر، رأى، طالب، حذر،
  أوضح، أضاف, finite (past or present, any person) or the participle that opens a clause of
  its own ("، مؤكداً أن"), with content opened by أن/إن, a colon, a quote, the verb's own
  preposition (أكد على، أشار إلى، طالب بـ) or, for verbs such as أكد and أعلن, a bare object;
- whose speaker is an actor of the article: a person, a body or a place the recognizer found
  (app.extract.speakers, app.extract.subjects), or a short form of one ("وتشير الهيئة",
  "وقال عبد السلام"): anonymous sources ("مصادر"، "خبراء") and documents ("دعا القرار")
  speak for no one, and their statements are left out;
- not negated ("لم يعلن"), not the writer's voice ("يُذكر أن").
Other reporting verbs (رحب، اتهم، كشف، كتب...) are read all the same, so that "وتابع"
or "، مضيفاً" after them know who is speaking, but are not returned.

Speaker: the subject before the verb when a clause opens with it ("البحرة يطالب"، "وكان
البحرة قد قال"، "أما المندوب الروسي فقد اعتبر"), else after it, up to where the circumstances
begin ("في بيان"، "لـتلفزيون سوريا"), else, with no subject, the speaker of an earlier clause
of the same sentence, else the subject of the verb that opens the sentence ("رفض المندوب
القرار، وقال إنه"), else for a past verb ("وأضاف أن") the previous speaker of the same part of
the article. Actors joined by و each get the statement ("أعلنت روسيا وتركيا رفضهما").

verb is the word as written, without its conjunction ("أكدت", "مشدداً"). content runs from
after أن/إن (kept when it carries a pronoun: "إنها ستدعم") to the end of the sentence, the
closing quote of a quotation, or the next و-verb or participle of the sentence; a content that
is one quotation loses its quote marks. span covers the verb to the end of the content.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from app.extract import statement_words as w
from app.extract.clauses import ClauseReader, Intro, unquote
from app.extract.model import EntityKind, Mention, Span, Statement
from app.extract.recognizer import ActorResult
from app.extract.short_forms import ShortForms
from app.extract.speakers import MentionIndex, Speaker
from app.extract.subjects import SubjectReader
from app.extract.verbs import WORDS, Form, VerbForm, lookup
from app.ingest.model import Part, TextBlock
from app.text.normalize import normalize
from app.text.normtext import Kind, NormText, shared

_STRONG = frozenset({Intro.THAT, Intro.COLON, Intro.QUOTE})
_NEGATIONS = frozenset(normalize("لم ولم لن ولن لا ولا ما وما").split())
# The closed list of eval/GUIDELINES.md §4, by lemma.
LISTED = frozenset(
    {
        "قال",
        "أكد",
        "شدد",
        "ذكر",
        "أشار",
        "دعا",
        "أعلن",
        "اعتبر",
        "رأى",
        "طالب",
        "حذر",
        "أوضح",
        "أضاف",
    }
)
_CANDIDATES = WORDS  # every word that may open a statement: one set look-up a token


def find_statements(blocks: Sequence[TextBlock], actors: ActorResult) -> list[Statement]:
    kinds = {e.key: e.kind for e in actors.entities}
    by_block: dict[tuple[Part, int], list[Mention]] = defaultdict(list)
    for mention in actors.mentions:
        by_block[(mention.span.part, mention.span.index)].append(mention)
    short = ShortForms(blocks, by_block, actors.entities)
    cities = frozenset(e.key for e in actors.entities if e.subkind == "city")
    found: list[Statement] = []
    last: Speaker | None = None
    part: Part | None = None
    for block in blocks:
        if block.part != part:
            part, last = block.part, None  # "وأضاف" never reaches back into the summary
        nt = shared(block.text)
        said = [k for k, (a, b) in enumerate(nt.sentences) if _says(nt.text, a, b)]
        if not said:
            continue  # no reporting verb: nothing said here, and the speaker carries over
        if len(said) < len(nt.sentences):
            nt = nt.only(said)  # the other sentences are never tokenized
        index = MentionIndex(nt, by_block[(block.part, block.index)], kinds)
        reader = _Reader(block, nt, index, last, cities)
        for statement, speaker, lemma in reader.read():
            if lemma in LISTED:
                found.extend(_per_speaker(statement, speaker, short))
        last = reader.last
    return found


def _says(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a word that may open a statement."""
    return not _CANDIDATES.isdisjoint(w.WORD_RE.findall(text, start, end))


def _per_speaker(statement: Statement, speaker: Speaker, short: ShortForms) -> list[Statement]:
    """One statement for each actor that speaks; none for an unnamed or anonymous speaker."""
    span = statement.span
    key = speaker.key or short.resolve(speaker.surface, span.part, span.index, span.start)
    keys = [k for k in (key, *speaker.others) if k is not None]
    for k in keys:
        short.spoke(k)
    return [
        statement if k == statement.speaker_key else replace(statement, speaker_key=k)
        for k in dict.fromkeys(keys)
    ]


Said = tuple[Statement, Speaker, str]  # the statement, who said it, the verb's lemma


class _Reader(SubjectReader, ClauseReader):
    """Statements of one block, in reading order."""

    def __init__(
        self,
        block: TextBlock,
        nt: NormText,
        index: MentionIndex,
        last: Speaker | None,
        cities: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(block, nt, index)
        self.last = last
        self.cities = cities  # keys of the cities among the article's places (feminine nouns)
        self.reach = 0  # normalized offset where the last statement of this block ends
        self.in_sentence: dict[int, Speaker] = {}
        self.triggers: list[tuple[int, str, VerbForm]] = []
        quoted = _quotations(nt.text)
        for i, tok in enumerate(self.toks):
            if tok.text in _CANDIDATES and not _inside(quoted, tok.start):
                found = lookup(tok.text)
                if found is not None and self._trigger(i, *found):
                    self.triggers.append((i, *found))
        # "، مؤكداً أن"، "وأضاف": a later statement that ends the one before it
        self.cuts = [
            self.toks[i].start
            for i, conj, vf in self.triggers
            if conj or vf.form is Form.PARTICIPLE
        ]

    def read(self) -> list[Said]:
        found: list[Said] = []
        for i, conj, vf in self.triggers:
            said = self._verb(i, conj, vf)
            if said is not None:
                found.append((*said, vf.verb.lemma))
        return found

    def _trigger(self, i: int, conj: str, vf: VerbForm) -> bool:
        if self.toks[i].kind is not Kind.WORD or self.text(i - 1) in _NEGATIONS:
            return False  # "ولم يعلن الائتلاف موقفه": nothing was said
        placed = self.index.covering[i]
        if placed is not None and not placed.after_clitic(self.nt):
            return False  # a word inside a name
        if vf.verb.lemma == "ذكر" and "\u0651" in self._written(i):
            return False  # "ذكّر": to remind, not to state
        if vf.form is Form.PARTICIPLE:
            return bool(conj) or self.text(i - 1) in {"،", ","}
        if vf.form is Form.PRESENT and not conj:
            return self.text(i - 1) not in w.SUBJUNCTIVE  # "على المجلس أن يطالب"
        return True

    def _verb(self, i: int, conj: str, vf: VerbForm) -> tuple[Statement, Speaker] | None:
        p = i + 1
        while self.text(p) in w.SKIP or (p == i + 1 and self.text(p) in w.SPOKEN_TO):
            p += 1  # "وتابع قائلاً"، "قال لي بيدرسن"
        # "، طالب فيها بإنهاء عمل البعثة": the resumptive pronoun shows a verb, not the noun
        # the bare form could also be, and the subject is the sentence's
        resumed = self.text(i - 1) in {"،", ","} and self.text(p) in w.RESUMPTIVE
        p += resumed
        if vf.form is not Form.PARTICIPLE and conj != "و":
            fronted = self.subject_before(i)
            if fronted is not None:
                return self._fronted(i, conj, p, vf, fronted)
            if not conj and self.text(i - 1) in w.RELATIVES and not vf.suffixed:
                return None  # "القرار الذي طالب الجماعة": a document's, not the object's
            if vf.form is Form.PRESENT and not conj and self._inside_clause(i):
                return None  # "قراراً يطالب إسرائيل": it describes the noun before it
        verb, participle = vf.verb, vf.form is Form.PARTICIPLE
        # "وطالب بغداد بـ": a masculine verb does not take the feminine noun after it as its
        # subject (a city, a body named by وزارة، هيئة...): it is the object
        subjectless = not participle and self._disagrees(p, vf)
        subject_end = p
        if verb.direct and not participle and not subjectless:
            subject_end = self.to_person(p, self.subject(p), len(self.toks))
        kind: Intro | None = None
        content: int | None
        after = subject_end
        if verb.direct and subject_end > p:
            after = self._skip_circumstance(self._skip_aside(subject_end))
        if verb.direct and self._object_at(after, i, vf, fronted=subjectless):
            content = self.toks[after].start
        else:
            intro = self.find_intro(p, verb)
            if intro is None:
                return None if participle else self._quote_before(i, conj, p)
            at, kind, circ = intro
            if not participle and not subjectless:
                subject_end = self.to_person(p, circ if circ is not None else at, at)
            content = self.content_start(at, kind)
        if content is None or self.sentence_of(content) != self.toks[i].sentence:
            return None
        has_subject = any(self.toks[k].kind is Kind.WORD for k in range(p, subject_end))
        named = has_subject and self.names_speaker(p, subject_end)
        if vf.bare and verb.strict and not named and (kind not in _STRONG or verb.named):
            # "طالب جامعي"، "نفي الخبر"، "بين الطرفين": not the verb, unless a resumptive
            # pronoun or a statement it is coordinated with says so ("أكد ...، وطالب")
            coordinated = bool(conj) and self.toks[i].sentence in self.in_sentence
            if not (resumed or coordinated):
                return None
        # "يؤكد أن ...، ويدعو الدول الغربية إلى": a coordinated verb whose words name no
        # speaker has the subject of the clause it is coordinated with
        continued = conj == "و" and not named and self.toks[i].sentence in self.in_sentence
        if has_subject and not continued:
            speaker: Speaker | None = self.choose(p, subject_end)
        else:
            speaker = self._implicit_speaker(i, conj, vf)
        if speaker is None:
            return None
        return self._emit(i, conj, speaker, content, None)

    def _fronted(
        self, i: int, conj: str, p: int, vf: VerbForm, speaker: Speaker
    ) -> tuple[Statement, Speaker] | None:
        """The verb of a clause whose subject came first: what follows is all content."""
        q = self._skip_circumstance(self._skip_aside(p))
        if vf.verb.direct and self._object_at(q, i, vf, fronted=True):
            content: int | None = self.toks[q].start
        else:
            intro = self.find_intro(p, vf.verb)
            if intro is None:
                return None
            content = self.content_start(intro[0], intro[1])
        if content is None or self.sentence_of(content) != self.toks[i].sentence:
            return None
        return self._emit(i, conj, speaker, content, None)

    def _inside_clause(self, i: int) -> bool:
        """Whether the word before token i is one the clause runs on from (not a subject, a
        conjunction or a clause opener): the verb then describes that word."""
        if i == 0 or self.toks[i - 1].sentence != self.toks[i].sentence:
            return False
        prev = self.toks[i - 1]
        if prev.kind is not Kind.WORD or self.index.covering[i - 1] is not None:
            return False
        opens = w.CLAUSE_OPENERS | w.COMPLEMENTIZERS | w.DISCOURSE_OPENERS | w.RELATIVES
        return prev.text not in opens and prev.text not in w.TIME_WORDS

    def _disagrees(self, p: int, vf: VerbForm) -> bool:
        placed = self.index.starting[p] if p < len(self.toks) else None
        if not vf.masculine or placed is None or placed.after_clitic(self.nt):
            return False
        if placed.kind is EntityKind.PLACE:
            return placed.mention.entity_key in self.cities
        head = self.toks[placed.first].text
        return placed.kind is EntityKind.ORGANIZATION and head.endswith("ه") and len(head) > 3

    def _skip_circumstance(self, q: int) -> int:
        """ "أعلن باتيلي الثلاثاء استقالته"، "أكد خلال الاتصال أهمية": step over when it was
        said (a day word, or a circumstantial preposition and its definite noun) before a
        bare object."""
        while self.text(q) in w.TIME_WORDS:
            q += 1  # "وكانت الوزارة قد أعلنت، الخميس، إدراج"
        if self.text(q) in w.CIRCUMSTANTIAL and w.definite(self.text(q + 1)):
            q += 2
            while w.definite(self.text(q)) and w.nisba(self.text(q)):
                q += 1
        return q

    def _skip_aside(self, q: int) -> int:
        """ "أكدت الخارجية، في بيان نشرته، التزام موسكو": step over the aside between commas."""
        if self.text(q) not in {"،", ","} or not self.circumstantial(q + 1):
            return q
        for k in range(q + 2, min(q + 16, len(self.toks))):
            if self.toks[k].sentence != self.toks[q].sentence:
                break
            if self.toks[k].text in {"،", ","}:
                return k + 1
        return q

    def _object_at(self, q: int, i: int, vf: VerbForm, *, fronted: bool = False) -> bool:
        """Whether token q begins a bare object: a word that opens no other construction."""
        if q >= len(self.toks) or self.toks[q].sentence != self.toks[i].sentence:
            return False
        tok = self.toks[q]
        if tok.kind is not Kind.WORD or tok.text in w.COMPLEMENTIZERS or tok.text in w.SKIP:
            return False
        if tok.text in w.PREPOSITIONS:
            return False  # an object never opens with a preposition: "إلى اليمن"
        subject_like = w.definite(tok.text) or self.index.covering[q] is not None
        if not fronted and q == i + 1 and subject_like:
            return False  # "وأكد البحرة ...": an unrecognized subject, not an object
        if self.is_prep(q, q, vf.verb) or self.circumstantial(q):
            return False
        return tok.text not in WORDS

    def _quote_before(self, i: int, conj: str, p: int) -> tuple[Statement, Speaker] | None:
        """'"لن نقبل بأي تسوية"، قال البحرة.': the quotation comes first, the subject after."""
        k = i - 1
        while self.text(k) in {"،", ","}:
            k -= 1
        if k < 0 or self.toks[k].text not in w.CLOSE_QUOTE.values():
            return None
        opener = next((o for o, c in w.CLOSE_QUOTE.items() if c == self.toks[k].text), "")
        open_at = self.nt.text.rfind(opener, 0, self.toks[k].start)
        if open_at < 0 or self.toks[k].start - open_at > 1500:
            return None
        end = p
        while end < len(self.toks) and self.toks[end].sentence == self.toks[i].sentence:
            if self.toks[end].kind is Kind.PUNCT or self.circumstantial(end):
                break
            end += 1
        if end == p or not self.names_speaker(p, end):
            return None
        span = (self.toks[i].start + len(conj), self.toks[end - 1].end)
        return self._emit(i, conj, self.choose(p, end), open_at, span)

    def _implicit_speaker(self, i: int, conj: str, vf: VerbForm) -> Speaker | None:
        sentence = self.toks[i].sentence
        if vf.form is Form.PARTICIPLE:
            if sentence not in self.in_sentence and self.reach > self.nt.sentences[sentence][0]:
                return self.last  # the quotation before it held a full stop: one sentence still
            return self.in_sentence.get(sentence) or self.opening_subject(i)
        if vf.form is Form.PRESENT and not conj:
            return None  # "يُذكر أن"، "تعديلاً يطالب بهدنة": the writer's voice, or content
        if sentence in self.in_sentence:
            return self.in_sentence[sentence]  # "قال البحرة إن ...، لكنه شدد على"
        opening = self.opening_subject(i)
        if opening is not None:
            return opening  # "رفض المندوب الإسرائيلي القرار، وقال إنه"
        if vf.form is Form.PRESENT:
            return None  # "ويشار إلى أن": the writer speaks
        return self.last

    def _emit(
        self,
        i: int,
        conj: str,
        speaker: Speaker,
        content_start: int,
        before: tuple[int, int] | None,
    ) -> tuple[Statement, Speaker] | None:
        """The statement of trigger i, from normalized offsets. `before` = (verb start,
        speaker end) when the content precedes the verb ('"...", قال البحرة')."""
        verb = (self.toks[i].start + len(conj), self.toks[i].end)
        if before is not None:
            content_end = self.content_end(content_start, before[0])
            span = (content_start, before[1])
        else:
            content_end = self.content_end(content_start, None)
            span = (verb[0], content_end)
        if content_end - content_start < 2:
            return None
        c_start, c_end = self._display(content_start, content_end)
        content = unquote(self.nt.display[c_start:c_end].strip())
        if not any(ch.isalnum() for ch in content):
            return None
        v_start, v_end = self._display(*verb)
        s_start, s_end = self._display(*span)
        self.last = self.in_sentence[self.toks[i].sentence] = speaker
        self.reach = max(content_end, span[1])
        display = self.nt.display
        statement = Statement(
            speaker.key,
            speaker.surface,
            display[v_start:v_end],
            content,
            Span(self.block.part, self.block.index, s_start, s_end),
        )
        return statement, speaker

    def _written(self, i: int) -> str:
        """Token i as the display text writes it, marks included."""
        start, end = self._display(self.toks[i].start, self.toks[i].end)
        return self.nt.display[start:end]

    def _display(self, start: int, end: int) -> tuple[int, int]:
        """Display offsets of a normalized span, with the marks of its last letter ("مشدداً")."""
        d_start, d_end = self.nt.to_display(start, end)
        display = self.nt.display
        while d_end < len(display) and _mark(display[d_end]):
            d_end += 1
        return d_start, d_end


def _quotations(text: str) -> list[tuple[int, int]]:
    """The spans of the quotations of a text: a verb inside one is quoted, not reported
    ("«تكشف عزوف التونسيين عن مسار يرفضونه»")."""
    spans: list[tuple[int, int]] = []
    for opener, closer in (("«", "»"), ("“", "”"), ('"', '"')):
        at = text.find(opener)
        while at >= 0:
            end = text.find(closer, at + 1)
            if end < 0:
                break
            spans.append((at, end))
            at = text.find(opener, end + 1)
    return spans


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(start < offset < end for start, end in spans)


def _mark(ch: str) -> bool:
    """A vowel mark or tatweel, which stays with the letter before it."""
    return "\u064b" <= ch <= "\u065f" or ch == "\u0670" or ch == "\u0640"
