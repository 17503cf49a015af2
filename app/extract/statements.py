"""Who said what: reported speech around a reporting verb (app.extract.verbs).

Rules:
- A statement needs a reporting verb (قال، أكد، شدد... past, present or participle, with و/ف)
  or an attribution (بحسب X، وفقاً لـX، نقلاً عن X), and content opened by أن/إن, a colon, a
  quote, the verb's own preposition (أكد على، أشار إلى، طالب بـ) or, for verbs such as أكد
  and أعلن, a direct object after a recognized subject. No verb, no statement.
- Speaker: the subject after the verb, up to where the circumstances begin ("في بيان"،
  "خلال لقاء"، "لـتلفزيون سوريا"), chosen among the recognizer's mentions by
  app.extract.speakers; else the subject just before the verb ("هيئة التفاوض تؤكد"، "وكان
  البحرة قد قال"، "الجامعة، التي قالت"); else, for a past verb with no subject ("وأضاف أن"),
  the previous speaker of the same part of the article. A participle ("، مؤكداً أن")
  continues the last statement of its sentence, else takes the subject of the verb that
  opens the sentence ("التقى جاموس المبعوث، مؤكداً"). Present verbs with no subject ("يُذكر
  أن"، "يشار إلى أن") are the writer's voice, negated verbs ("لم يعلن") said nothing: skipped.
- A quotation may come first: '"لن نقبل بذلك"، قال البحرة'.
- verb is the word as written, without its conjunction ("أكدت", "مشدداً", "بحسب").
- content runs from after أن/إن (kept when it carries a pronoun: "إنها ستدعم") to the end of
  the sentence, the closing quote of a quotation, or the next و-verb or participle of the
  sentence; a content that is one quotation loses its quote marks. span covers the verb to
  the end of the content (for "..., بحسب X": the content to the end of X).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from app.extract import statement_words as w
from app.extract.clauses import TRIM, ClauseReader, Intro, unquote
from app.extract.model import Mention, Span, Statement
from app.extract.recognizer import ActorResult
from app.extract.speakers import MentionIndex, Speaker, SubjectReader
from app.extract.verbs import FORMS, Form, VerbForm, lookup
from app.ingest.model import Part, TextBlock
from app.text.normalize import normalize
from app.text.normtext import Kind, NormText, shared

_ATTRIBUTIONS = {normalize(word): needs for word, needs in {"بحسب": "", "حسب": "",
                 "وفقاً": "ل", "طبقاً": "ل", "نقلاً": "عن"}.items()}  # fmt: skip
_THEN = frozenset(normalize("فإن فإنه فقد").split())  # "وبحسب المرصد، فإن ..."
_STRONG = frozenset({Intro.THAT, Intro.COLON, Intro.QUOTE})
_NEGATIONS = frozenset(normalize("لم ولم لن ولن لا ولا ما وما").split())
# Every word that may open a statement, so that a block is scanned with one set look-up a token.
_CANDIDATES = frozenset(
    [*FORMS, *_ATTRIBUTIONS]
    + [c + word for c in "وف" for word in [*FORMS, *_ATTRIBUTIONS] if len(word) > 2]
)


def find_statements(blocks: Sequence[TextBlock], actors: ActorResult) -> list[Statement]:
    kinds = {e.key: e.kind for e in actors.entities}
    by_block: dict[tuple[Part, int], list[Mention]] = defaultdict(list)
    for mention in actors.mentions:
        by_block[(mention.span.part, mention.span.index)].append(mention)
    found: list[Statement] = []
    last: Speaker | None = None
    part: Part | None = None
    for block in blocks:
        if block.part != part:
            part, last = block.part, None  # "وأضاف" never reaches back into the summary
        nt = shared(block.text)
        index = MentionIndex(nt, by_block[(block.part, block.index)], kinds)
        reader = _Reader(block, nt, index, last)
        found.extend(reader.read())
        last = reader.last
    return found


class _Reader(SubjectReader, ClauseReader):
    """Statements of one block, in reading order."""

    def __init__(
        self, block: TextBlock, nt: NormText, index: MentionIndex, last: Speaker | None
    ) -> None:
        super().__init__(block, nt, index)
        self.last = last
        self.reach = 0  # normalized offset where the last statement of this block ends
        self.in_sentence: dict[int, Speaker] = {}
        self.triggers = [
            i for i, tok in enumerate(self.toks) if tok.text in _CANDIDATES and self._trigger(i)
        ]
        self.cuts = [self.toks[i].start for i in self.triggers if self._continues(i)]

    def read(self) -> list[Statement]:
        found: list[Statement] = []
        for i in self.triggers:
            word = self.toks[i].text
            needs, verb = _attribution(word), lookup(word)
            statement: Statement | None = None
            if needs is not None:
                statement = self._attribution(i, needs)
            elif verb is not None:
                statement = self._verb(i, *verb)
            if statement is not None:
                found.append(statement)
        return found

    def _trigger(self, i: int) -> bool:
        tok = self.toks[i]
        if tok.kind is not Kind.WORD or self.text(i - 1) in _NEGATIONS:
            return False  # "ولم يعلن الائتلاف موقفه": nothing was said
        placed = self.index.covering[i]
        if placed is not None and not placed.after_clitic(self.nt):
            return False  # a word inside a name
        if _attribution(tok.text) is not None:
            return True
        found = lookup(tok.text)
        if found is None:
            return False
        if found[1].form is Form.PARTICIPLE:
            return bool(found[0]) or self.text(i - 1) in {"،", ","}
        return True

    def _continues(self, i: int) -> bool:
        """ "، مؤكداً أن"، "وأضاف": a later statement that ends the one before it."""
        found = lookup(self.toks[i].text)
        return found is not None and (bool(found[0]) or found[1].form is Form.PARTICIPLE)

    def _verb(self, i: int, conj: str, vf: VerbForm) -> Statement | None:
        p = i + 1
        while self.text(p) in w.SKIP:
            p += 1
        verb, participle = vf.verb, vf.form is Form.PARTICIPLE
        subject_end = self.subject(p) if verb.direct and not participle else p
        kind: Intro | None = None
        content: int | None
        after = self._skip_aside(subject_end) if verb.direct and subject_end > p else subject_end
        if verb.direct and self._object_at(after, i, vf):
            content = self.toks[after].start
        else:
            intro = self.find_intro(p, verb)
            if intro is None:
                return None if participle else self._quote_before(i, conj, p)
            at, kind, circ = intro
            subject_end = p if participle else (circ if circ is not None else at)
            content = self.content_start(at, kind)
        if content is None or self.sentence_of(content) != self.toks[i].sentence:
            return None
        has_subject = any(self.toks[k].kind is Kind.WORD for k in range(p, subject_end))
        named = has_subject and self.names_speaker(p, subject_end)
        if vf.bare and verb.strict and not named and (kind not in _STRONG or verb.named):
            return None  # "طالب جامعي"، "نفي الخبر"، "بين الطرفين": not the verb
        if has_subject:
            speaker: Speaker | None = self.choose(p, subject_end)
        else:
            speaker = self._implicit_speaker(i, conj, vf)
        if speaker is None:
            return None
        verb_start = self.toks[i].start + len(conj)
        return self._emit(i, speaker, (verb_start, self.toks[i].end), content, None)

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

    def _object_at(self, q: int, i: int, vf: VerbForm) -> bool:
        """Whether token q begins a bare object: a word that opens no other construction."""
        if q >= len(self.toks) or self.toks[q].sentence != self.toks[i].sentence:
            return False
        tok = self.toks[q]
        if tok.kind is not Kind.WORD or tok.text in w.COMPLEMENTIZERS or tok.text in w.SKIP:
            return False
        if q == i + 1 and (w.definite(tok.text) or self.index.covering[q] is not None):
            return False  # "وأكد البحرة ...": an unrecognized subject, not an object
        if self.is_prep(q, q, vf.verb) or self.circumstantial(q):
            return False
        return lookup(tok.text) is None

    def _quote_before(self, i: int, conj: str, p: int) -> Statement | None:
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
        verb = (self.toks[i].start + len(conj), self.toks[i].end)
        return self._emit(i, self.choose(p, end), verb, open_at, (verb[0], self.toks[end - 1].end))

    def _opening_subject(self, i: int) -> Speaker | None:
        """ "التقى رئيس الهيئة بدر جاموس المبعوثَ الأممي، مؤكداً ...": the participle's subject
        is the sentence's own, after its opening verb."""
        sentence = self.toks[i].sentence
        first = self.nt.token_at(self.nt.sentences[sentence][0]) if self.nt.sentences else None
        if first is None or first >= i - 1 or self.toks[first].kind is not Kind.WORD:
            return None
        opener = self.toks[first].text
        if self.index.covering[first] is not None or opener in w.CIRCUMSTANTIAL:
            return None
        end = self.subject(first + 1)
        return self.choose(first + 1, end) if first + 1 < end <= i else None

    def _implicit_speaker(self, i: int, conj: str, vf: VerbForm) -> Speaker | None:
        if vf.form is Form.PARTICIPLE:
            sentence = self.toks[i].sentence
            if sentence not in self.in_sentence and self.reach > self.nt.sentences[sentence][0]:
                return self.last  # the quotation before it held a full stop: one sentence still
            return self.in_sentence.get(sentence) or self._opening_subject(i)
        if not conj:
            before = self.subject_before(i)
            if before is not None:
                return before
        if vf.form is Form.PRESENT:
            return None  # "يُذكر أن"، "يشار إلى أن": the writer speaks
        return self.last

    def _attribution(self, i: int, needs: str) -> Statement | None:
        """ "بحسب المرصد"، "وفقاً لـوكالة سانا"، "نقلاً عن مصادر": content before or after."""
        toks, nt = self.toks, self.nt
        j, clitic = i + 1, False
        if needs == "ل" and self.text(j) != "ل":
            clitic = self.text(j).startswith("ل")
            if not clitic:
                return None
        elif needs:
            if self.text(j) != needs:
                return None
            j += 1
        if j >= len(toks) or self.text(j) == "ما":
            return None  # "بحسب ما قال": the verb speaks for itself
        end = self.subject(j, clitic=clitic)
        if end == j:
            return None  # "بحسب القرار"، "وفقاً للدستور": no speaker
        placed = self.index.starting[j]
        begin = placed.nstart if placed is not None else None
        if begin is None and clitic:
            begin = toks[j].start + (2 if self.text(j).startswith("لل") else 1)
        speaker = self.choose(j, end, begin)
        conj = 1 if toks[i].text[0] in "وف" and toks[i].text[1:] in _ATTRIBUTIONS else 0
        verb = (toks[i].start + conj, toks[i].end)
        sentence_start = nt.sentences[toks[i].sentence][0] if nt.sentences else 0
        if nt.text[sentence_start : verb[0]].strip(TRIM + "و"):
            # "قتل خمسة مدنيين، بحسب المرصد": the content comes first
            start = sentence_start
            while nt.text[start] in TRIM:
                start += 1
            return self._emit(i, speaker, verb, start, (verb[0], toks[end - 1].end))
        while self.text(end) in {"،", ","} or self.text(end) in _THEN:
            end += 1
        content = self.word_start(end, quotes=True)
        if content is None or self.sentence_of(content) != toks[i].sentence:
            return None
        return self._emit(i, speaker, verb, content, None)

    def _emit(
        self,
        i: int,
        speaker: Speaker,
        verb: tuple[int, int],
        content_start: int,
        before: tuple[int, int] | None,
    ) -> Statement | None:
        """The statement of trigger i, from normalized offsets. `before` = (verb start,
        speaker end) when the content precedes the verb ("..., بحسب المرصد")."""
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
        return Statement(
            speaker.key,
            speaker.surface,
            display[v_start:v_end],
            content,
            Span(self.block.part, self.block.index, s_start, s_end),
        )

    def _display(self, start: int, end: int) -> tuple[int, int]:
        """Display offsets of a normalized span, with the marks of its last letter ("مشدداً")."""
        d_start, d_end = self.nt.to_display(start, end)
        display = self.nt.display
        while d_end < len(display) and normalize(display[d_end]) == "":
            d_end += 1
        return d_start, d_end


def _attribution(word: str) -> str | None:
    """What must follow an attribution word ("ل" after وفقاً), or None for another word."""
    if word in _ATTRIBUTIONS:
        return _ATTRIBUTIONS[word]
    if len(word) > 3 and word[0] in "وف" and word[1:] in _ATTRIBUTIONS:
        return _ATTRIBUTIONS[word[1:]]
    return None
