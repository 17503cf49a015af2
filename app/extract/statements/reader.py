"""Reading the statements of one block: each reporting verb, its subject and its content.

The rules are those of app.extract.statements; this module walks one block's tokens.
"""

from __future__ import annotations

from dataclasses import replace

from app.extract.model import EntityKind, Span, Statement
from app.extract.statements import words as w
from app.extract.statements.back import points_at_two
from app.extract.statements.clauses import (
    TRIM,
    ClauseReader,
    Found,
    Intro,
    inside,
    quotations,
    unquote,
)
from app.extract.statements.frames import CLAUSE_OPENERS
from app.extract.statements.speakers import MentionIndex, Speaker
from app.extract.statements.subjects import SubjectReader
from app.extract.statements.verbs import TRIGGERS, WEAK, WORDS, Form, Verb, VerbForm, lookup
from app.extract.tokens import Kind, NormText
from app.ingest.model import TextBlock
from app.text.normalize import normalize

_STRONG = frozenset({Intro.THAT, Intro.COLON, Intro.QUOTE})
_MIN = normalize("من")
_DHAKARA = "ذكر"
_FI = normalize("في")
_NEGATIONS = frozenset(normalize("لم ولم لن ولن لا ولا ما وما").split())
_CLAUSE_MARKS = frozenset("،,؛;-.)")
_TAG_MARKS = frozenset("-–:")
_FINAL = '.!?؟…»"”'  # a block that ends with these is finished
_BAYYANA = "بيّن"
_TABI3 = "تابع"
# Verbs that go on with the speaker's own words: after a speaker he quotes, still his.
_GOES_ON = frozenset(str.split("أضاف تابع أردف ختم اختتم"))
# Verbs whose active present opens with a fatha (يَقول، يَعتبر، يَرى): a damma on the prefix
# writes the passive (يُقال، يُعتبر، يُرى). Forms II-IV (يُؤكد، يُشير) take the damma active.
_OPEN_PREFIX = frozenset(
    str.split(
        "قال ذكر دعا اعتبر رأى نفى كشف لفت حث زعم كتب ختم اختتم انتقد اتهم استنكر تساءل تحدث "
        "تطرق رفض"
    )
)
_DAMMA = "\u064f"
_ABBAR = normalize("عبر")
_MAYBE_VERBS = TRIGGERS | {_ABBAR}  # عبر: "via", unless the block writes it عبّر
_SAID_WHAT = frozenset({"قال", "أكد", "أعلن", "أوضح", "ذكر", "كشف"})  # "ما قاله"، "ما أكده"
_OBLIQUE_PLURAL = normalize("يين")  # a plural nisba as object: "الحوثيين"، "الإسرائيليين"
_WHERE_IN_IT = frozenset(normalize("حيث إذ").split())  # "كلمة الوزير، حيث أوضح"
_ISSUED_BY = frozenset(normalize("صادر الصادر صادرة الصادرة عن مكتب").split())
# What an issuer's لـ follows ("بيان لوزارة الخارجية"، "كلمة للرئيس"); after رسالة، تصريح or
# حديث, لـ names whom it was sent or given to.
_BY_LAM = tuple(normalize("بيان بلاغ كلمة").split())
_MAX_SPEECH = 30  # tokens from a speech noun to the verb that reports it
_MAX_PAIR = 20  # tokens from a clause's opening to the dual verb after its two subjects
_MAX_GIVER = 7  # tokens from a name back to the speech noun it gave ("... وزير الخارجية اتصالاً")


Said = tuple[Statement, Speaker, str]  # the statement, who said it, the verb's lemma


class Reader(SubjectReader, ClauseReader):
    """Statements of one block, in reading order."""

    def __init__(
        self,
        block: TextBlock,
        nt: NormText,
        index: MentionIndex,
        last: Speaker | None,
        cities: frozenset[str] = frozenset(),
        frame: Speaker | None = None,
        *,
        broken: bool = False,
        carried: str = "",
    ) -> None:
        super().__init__(block, nt, index)
        self.broken = broken  # the block goes on with a sentence the block before broke off
        self.last = last
        self.frame = frame  # the body whose resolution text this block is (statements.frames)
        self.cities = cities  # keys of the cities among the article's places (feminine nouns)
        self.reach = 0  # normalized offset where the last statement of this block ends
        # the block stops mid-sentence: an excerpt cut short, a line broken before the content
        self.open_end = unfinished(nt.text)
        self.in_sentence: dict[int, Speaker] = {}
        # per sentence, the speaker quoted by another, when the last statement read is his
        self.quoted: dict[int, Speaker] = {}
        # per sentence, the last verb of a clause that describes a noun, and the last verb read
        self.described: dict[int, int] = {}
        self.said_at: dict[int, int] = {}
        self.triggers: list[tuple[int, str, VerbForm]] = []
        quoted = quotations(nt.text, carried)  # a quotation the line before left open
        # the few tokens that may be a verb, picked in one pass before any is looked at
        maybe = [k for k, tok in enumerate(self.toks) if tok.norm in _MAYBE_VERBS]
        for i in maybe:
            tok = self.toks[i]
            trigger = tok.norm in TRIGGERS or self._abbara(i)
            if trigger and not inside(quoted, tok.nstart):
                found = lookup(tok.norm)
                if found is not None and self._trigger(i, *found):
                    self.triggers.append((i, *found))
        # "، مؤكداً أن"، "وأضاف": a later statement that ends the one before it
        self.cuts = [
            self.toks[i].nstart
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
        if self.toks[i].kind is not Kind.WORD:
            return False
        what = vf.suffixed and self.text(i - 1) in w.WHAT  # "ما أكده": what he confirmed
        if self.text(i - 1) in _NEGATIONS and not self._sourced(i) and not what:
            return False  # "ولم يعلن الائتلاف موقفه": nothing was said
        placed = self.index.covering[i]
        if placed is not None and not placed.after_clitic(self.nt):
            return False  # a word inside a name
        if vf.verb.lemma == "ذكر" and "\u0651" in self._written(i):
            return False  # "ذكّر": to remind, not to state
        if vf.form is Form.PRESENT and vf.verb.lemma in _OPEN_PREFIX and self._passive(i, conj):
            return False  # "الذي يُعتبر ثاني حزب": is considered, no one speaks
        if vf.verb.lemma == _TABI3 and vf.bare and not conj and self.text(i + 1)[:1] == "ل":
            return False  # "مقر تابع لـ"، "لواء تابع للجيش": affiliated to, not "went on"
        if vf.suffixed and vf.verb.lemma in _SAID_WHAT and not self._what_before(i):
            # "أكده" reports only as "ما أكده" or "المبادرة التي أعلنها الملك": "وأكده الوزير"
            # confirms a fact
            return False
        if vf.verb.lemma == _BAYYANA and vf.bare and "\u0651" not in self._written(i):
            return False  # "بين العراق والأمم المتحدة": "between", unless written بيّن
        if vf.bare and not conj and self.text(i - 1) in w.PREPOSITIONS:
            return False  # "حرصها على حث الأمم المتحدة": the verbal noun
        if (
            vf.verb.lemma in WEAK
            and not conj
            and not self._opens_sentence(i)
            and not self._abbara(i)
        ):
            return False  # "أكد رفض بلاده": a noun
        if vf.form is Form.PARTICIPLE:
            if conj or self.text(i - 1) in {"،", ","}:
                return True
            # "ومضى بان قائلاً إن"، "وأضاف المدير موضحاً:"، "وأضاف قائلاً «...»": the content
            # follows at once (after a reporting verb too: "وأضاف قائلاً" reports it twice, as
            # eval/real's annotators read it); so does its own preposition where the press
            # leaves the comma out ("قدم شرحاً مشيراً إلى")
            after = self.text(i + 1)
            opens = after == ":" or after in w.COMPLEMENTIZERS or after in w.OPEN_QUOTES
            return opens or (i + 1 < len(self.toks) and self.is_prep(i + 1, i, vf.verb))
        if vf.form is Form.PRESENT and not conj:
            return self.text(i - 1) not in w.SUBJUNCTIVE  # "على المجلس أن يطالب"
        return True

    def _what_before(self, i: int) -> bool:
        """ "ما أكده"، "المبادرة التي أعلنها": what was said stands before the verb."""
        before = self.text(i - 1)
        return before in w.WHAT or (before in w.RELATIVES and i > 1 and self._noun(i - 2))

    def _noun(self, k: int) -> bool:
        return self.toks[k].kind is Kind.WORD and self.index.covering[k] is None

    def _announced(self, i: int, conj: str) -> tuple[Statement, Speaker] | None:
        """ "المبادرة التي أعلنها الملك حمد": the antecedent is what its subject, after the
        verb, said."""
        p = i + 1
        end = self.to_person(p, self.subject(p), len(self.toks))
        if end == p or not self.names_speaker(p, end):
            return None
        span = (self.toks[i - 1].nstart, self.toks[end - 1].nend)
        return self._emit(i, conj, self.choose(p, end), self.toks[i - 2].nstart, span)

    def _pair_before(self, i: int) -> Speaker | None:
        """ "أن سمو الأمير، والرئيس إيمانويل ماكرون، أكدا": the two joined subjects a dual
        verb follows, from the clause's opening (its "أن" or the sentence's head)."""
        sentence, k = self.toks[i].sentence, i - 1
        while k >= 0 and self.toks[k].sentence == sentence and i - k <= _MAX_PAIR:
            if self.toks[k].norm in w.BARE_COMPLEMENTIZERS:
                break
            if self.toks[k].norm in WORDS:
                return None  # another verb's clause
            k -= 1
        else:
            if k >= 0 and self.toks[k].sentence == sentence:
                return None  # too far
        joints = [
            m
            for m in range(k + 2, i)
            if self.toks[m].norm.startswith("و") and self.text(m - 1) in {"،", ","}
        ]
        if len(joints) != 1:
            return None
        sides = [self._side(k + 1, joints[0]), self._side(joints[0], i)]
        if any(side is None for side in sides):
            return None
        first, second = (side for side in sides if side is not None)
        if first.key is None and second.key is not None:
            first, second = second, first
        if second.key is not None:
            return replace(first, others=(second.key,))
        return replace(first, also=(second.surface,))

    def _side(self, first: int, end: int) -> Speaker | None:
        """One of two joined subjects, without its و, its commas and its honorifics."""
        while end > first and self.toks[end - 1].kind is Kind.PUNCT:
            end -= 1
        start: int | None = None
        if self.toks[first].norm.startswith("و") and self.index.starting[first] is None:
            start = self.toks[first].nstart + 1  # "والرئيس"
        while (
            first < end
            and not w.is_title(self.text(first))
            and (self.text(first) in w.HONORIFICS or self.text(first) in w.HONORIFIC_PARTS)
        ):
            first, start = first + 1, None
        if first >= end or not self.names_speaker(first, end):
            return None
        return self.choose(first, end, start)

    def _sourced(self, i: int) -> bool:
        """ "وفق ما أعلن الأمين العام"، "حسبما قالت الوزارة": the verb names the source of what
        the sentence said before it."""
        if conj_free(self.text(i - 1)) in w.SOURCE_OPENERS:
            return True
        return self.text(i - 1) in w.WHAT and conj_free(self.text(i - 2)) in w.SOURCE_OPENERS

    def _source(self, i: int, conj: str) -> tuple[Statement, Speaker] | None:
        """The statement of a source clause: its subject after the verb, its content the
        sentence before the clause."""
        p = i + 1 + (self.text(i + 1) in w.ABOUT)  # "وفق ما أفادت به الوكالة"
        p += self.text(p) in w.ALSO  # "وهو ما أكده أيضاً الوزير"
        end = self.subject(p)
        if end == p:
            end = self._phrase_end(p, self.toks[i].sentence)
        end = self.to_person(p, end, len(self.toks))
        if end == p or not self.names_speaker(p, end):
            return None
        sourced = self.text(i - 1) in w.WHAT and conj_free(self.text(i - 2)) in w.SOURCE_OPENERS
        opener = i - 2 if sourced else i - 1
        sentence = self.toks[i].sentence
        first = self.nt.token_at(self.nt.sentences[sentence][0]) or 0
        while first < opener and self.text(first) in w.DEMONSTRATIVES:
            first += 1  # "وهو ما أكده الوزير": what "هو" points at is said before
        start = self.word_start(first)
        if start is None or start >= self.toks[opener].nstart:
            if not self._what_said(i):
                return None
            # "هذا ما قاله الرئيس" in a headline: what he said is the story below
            after = self.toks[end].nstart if end < len(self.toks) else len(self.nt.text)
            return self._emit(i, conj, self.choose(p, end), after, None, cut=True)
        span = (self.toks[opener].nstart, self.toks[end - 1].nend)
        return self._emit(i, conj, self.choose(p, end), start, span)

    def _what_said(self, i: int) -> bool:
        """ "وهو ما أكده الوزير"، "هذا ما قاله الرئيس": a verb carrying its object as a
        pronoun after ما, whose subject follows it."""
        found = lookup(self.toks[i].norm)
        return found is not None and found[1].suffixed and self.text(i - 1) in w.WHAT

    def _phrase_end(self, p: int, sentence: int) -> int:
        end = p
        while end < len(self.toks) and self.toks[end].sentence == sentence:
            if self.toks[end].kind is Kind.PUNCT or self.circumstantial(end):
                break
            end += 1
        return end

    def _verb(self, i: int, conj: str, vf: VerbForm) -> tuple[Statement, Speaker] | None:
        if not conj and (self._sourced(i) or self._what_said(i)):
            return self._source(i, conj)
        if vf.suffixed and vf.verb.lemma in _SAID_WHAT and self.text(i - 1) in w.RELATIVES:
            return self._announced(i, conj)
        pair = self._pair_before(i) if vf.dual and not conj else None
        if pair is not None:
            return self._fronted(i, conj, i + 1, vf, pair)  # "أن الأمير، والرئيس ماكرون، أكدا"
        p = i + 1
        if self.frame is not None and vf.form is Form.PRESENT and self._opens_clause_of(i):
            return self._fronted(i, conj, p, vf, self.frame)  # "وإذ يعرب عن قلقه"
        while self.text(p) in w.SKIP or (p == i + 1 and self.text(p) in w.BEFORE_SUBJECT):
            p += 1  # "وتابع قائلاً"، "قال لي بيدرسن"، "وأكد أيضاً الوزير"
        if self.text(p) in w.COURTESY_PRONOUNS:
            p += 1  # "أوضح معاليه أن": he who spoke before
        if self.text(p) in w.EACH and self.text(p + 1) == _MIN:
            p += 2  # "وأكدت كل من السعودية والإمارات": each of them
        # "، طالب فيها بإنهاء عمل البعثة": the resumptive pronoun shows a verb, not the noun
        # the bare form could also be, and the subject is the sentence's
        # "بياناً يدين فيه"، "قراراً أكد فيه": the document's issuer speaks through it
        resumed = self.text(p) in w.RESUMPTIVE
        p += resumed
        addressed = self.text(p) in w.ADDRESSING  # "وقال مخاطباً أعضاء المجلس:"
        if conj == "و" and vf.verb.direct and vf.form is not Form.PARTICIPLE:
            # "مجلس التعاون يجدد ... ويدعو العراق إلى": a sentence that opened with its
            # subject keeps it; the noun after the coordinated verb is its object
            opening = self.opening_fronted(i)
            if opening is not None:
                return self._fronted(i, conj, p, vf, opening)
        # "قضية فلسطين التي اعتبرها القرار مشكلة": the antecedent is the suffixed verb's
        # object, its subject comes after it
        antecedent = vf.suffixed and self.text(i - 1) in w.RELATIVES
        if vf.form is not Form.PARTICIPLE and conj != "و" and not antecedent:
            fronted = self.subject_before(i)
            if fronted is not None:
                return self._fronted(i, conj, p, vf, fronted)
            before = self.text(i - 1)
            before = before[1:] if before[:1] == "و" and before[1:] in w.RELATIVES else before
            relative = not conj and before in w.RELATIVES and not vf.suffixed
            about = self.text(p) in w.ABOUT_IT or self.text(p) in w.BARE_THAT
            if relative and (resumed or not about):
                # "التصريحات التي أدلى بها السفير، والتي قال فيها": said by whoever made them
                owner = self._speech_owner(i) if resumed else None
                if owner is not None:
                    return self._fronted(i, conj, p, vf, owner)
                self.described[self.toks[i].sentence] = i
                # "القرار الذي طالب الجماعة": a document's, not the object's; "التصريحات التي
                # قال فيها" with no one named: not the sentence's subject's
                return None
            if vf.form is Form.PRESENT and not conj and not resumed and self._inside_clause(i):
                self.described[self.toks[i].sentence] = i
                return None  # "قراراً يطالب إسرائيل": it describes the noun before it
        sentence = self.toks[i].sentence
        # "والذي يدين الهجمات، ويطالب إيران": the same clause goes on, unless the verb names
        # a subject of its own ("القرار الذي يطالب ...، وأعرب المجلس")
        goes_on = self.described.get(sentence, -1) > self.said_at.get(sentence, -1)
        if conj == "و" and goes_on and not self._own_subject(p):
            return None
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
            after = self._skip_circumstance(self._skip_aside(subject_end), verb)
        if verb.direct and self._object_at(after, i, vf, fronted=subjectless):
            content = self.toks[after].nstart
        else:
            intro = self.find_intro(p, verb)
            if intro is None and self._cut_off(i):
                return self._cut(i, conj, p, vf)
            if intro is None:
                return None if participle else self._quote_before(i, conj, p)
            at, kind, circ = intro
            if kind is Intro.PREP and not participle:
                intro = self._past_post(p, at, verb) or intro
                at, kind, circ = intro
            if verb.lemma == _DHAKARA and self.text(at).startswith("ب"):
                return None  # "ذكّروا بأن": to remind of, not to state
            if not participle and not subjectless:
                # "مندوب اليمن الدائم لدى الأمم المتحدة السفير خالد اليماني": a post's
                # preposition belongs to the subject, not to the circumstances
                stop = circ if circ is not None else at
                read = self.subject(p)
                stop = read if stop < read <= at else stop
                subject_end = self._members_in(p, self.to_person(p, stop, at))
            content = self.content_start(at, kind)
            if content is None and self._cut_off(i):
                return self._cut(i, conj, p, vf)  # "قائلاً:" and the block ends
        if content is None or self.sentence_of(content) != self.toks[i].sentence:
            return None
        if addressed:
            subject_end = p
        has_subject = any(self.toks[k].kind is Kind.WORD for k in range(p, subject_end))
        named = has_subject and self.names_speaker(p, subject_end)
        particle = self.text(i - 1) in w.LEADING_PARTICLES  # "كما حث"، "ثم طالب"
        if vf.bare and verb.strict and not named and (kind not in _STRONG or verb.named):
            # "طالب جامعي"، "نفي الخبر"، "بين الطرفين": not the verb, unless a resumptive
            # pronoun or a statement it is coordinated with says so ("أكد ...، وطالب"), or
            # it opens a sentence with its conjunction ("وطالب المجتمع الدولي بـ"), or a
            # particle only a verb follows stands before it ("كما حث الأطراف على")
            sentence = self.toks[i].sentence
            opens = i == 0 or self.toks[i - 1].sentence != sentence
            coordinated = bool(conj) and (sentence in self.in_sentence or opens)
            if not (resumed or coordinated or particle):
                return None
        # "يؤكد أن ...، ويدعو الدول الغربية إلى": a coordinated verb whose words name no
        # speaker has the subject of the clause it is coordinated with
        continued = conj == "و" and not named and self.toks[i].sentence in self.in_sentence
        # "وعبر المجلس عن دعمه ...، ودعا مجلس النواب إلى": within one speaker's sentence, the
        # actor after a verb that calls on someone is whom it calls on
        calls_on = conj == "و" and verb.addressee and self.toks[i].sentence in self.in_sentence
        continued = continued or (calls_on and not participle)
        if has_subject and not continued:
            speaker: Speaker | None = self.choose(p, subject_end)
            called = verb.addressee and (conj or particle) and not named
            if called and self.text(p) not in w.DOCUMENT_SUBJECTS:
                # "وطالب المجتمع الدولي بممارسة الضغط": a noun that is no actor of the
                # article, after a verb that takes whom it calls on, may be that object; if
                # so, the one speaking is the speaker before
                implicit = self._implicit_speaker(i, conj, vf)
                speaker = replace(self.choose(p, subject_end), fallback=implicit)
        else:
            speaker = self._implicit_speaker(i, conj, vf)
        if speaker is None and resumed:
            # "أرسل الوزير رسالة، يدعو فيها إلى": the sender speaks through his letter;
            # "في كلمة ألقاها الوزير، أكد فيها": so does who gave the speech
            sentence = self.toks[i].sentence
            speaker = self.in_sentence.get(sentence) or self._speech_owner(i)
            speaker = speaker or self.opening_subject(i)
        elif speaker is None and self.text(i - 1) in _WHERE_IN_IT:
            speaker = self._speech_owner(i)  # "من كلمة الوزير الصفدي، حيث أوضح أن"
        if speaker is None:
            return None
        return self._emit(i, conj, speaker, content, None)

    def _past_post(self, p: int, at: int, verb: Verb) -> Found | None:
        """ "طالب مندوب فلسطين بمجلس الأمن رياض منصور بـ": the preposition found first is the
        post of a title whose holder is named after it; the content opens after the name."""
        read = self.subject(p)
        if not p < read <= at or any(self.toks[k].kind is not Kind.WORD for k in range(read, at)):
            return None
        end = self.to_person(p, read, len(self.toks))
        if end <= at + 1 or self.index.covering[end - 1] is None:
            return None
        found = self.find_intro(end, verb)
        if found is None and verb.direct:
            # "، من الإدارة الأمريكية سرعة التدخل": whom and what it asks, after the name
            q = end + (self.text(end) in {"،", ","})
            if q < len(self.toks) and self.toks[q].kind is Kind.WORD:
                return q, Intro.OBJECT, None
        return found

    def _fronted(
        self, i: int, conj: str, p: int, vf: VerbForm, speaker: Speaker
    ) -> tuple[Statement, Speaker] | None:
        """The verb of a clause whose subject came first: what follows is all content."""
        q = self._skip_circumstance(self._skip_aside(p), vf.verb)
        if vf.verb.direct and self._object_at(q, i, vf, fronted=True):
            content: int | None = self.toks[q].nstart
        else:
            intro = self.find_intro(p, vf.verb)
            if intro is None:
                return None
            content = self.content_start(intro[0], intro[1])
        if content is None or self.sentence_of(content) != self.toks[i].sentence:
            return None
        return self._emit(i, conj, speaker, content, None)

    def _feminine(self, speaker: Speaker | None) -> bool:
        """Whether a feminine verb may have `speaker` as its subject: a place, a body not
        headed by a masculine noun (مجلس، حزب), a person named by a feminine title."""
        if speaker is None or speaker.key is None:
            return False  # no one to agree with
        kind = self.index.kinds.get(speaker.key)
        words = normalize(speaker.surface).split()
        head = w.readings(words[0])[-1] if words else ""
        if kind is EntityKind.PERSON:
            return head.endswith("ه")
        if kind is EntityKind.ORGANIZATION:
            return not any(form in w.MASCULINE_HEADS for form in w.readings(words[0]))
        return True

    def _feminine_before(self, i: int) -> Speaker | None:
        """The nearest place or body before token i in its sentence that a feminine verb
        agrees with, not one governed by a preposition ("في سوريا") nor an adjective."""
        sentence, k = self.toks[i].sentence, i - 1
        while k >= 0 and self.toks[k].sentence == sentence:
            placed = self.index.covering[k]
            if placed is None or placed.last != k:
                k -= 1
                continue
            governed = placed.after_clitic(self.nt) or self.text(placed.first - 1) in w.PREPOSITIONS
            if (
                placed.kind is not EntityKind.PERSON
                and not governed
                and not self.is_demonym(placed)
            ):
                speaker = self.choose(placed.first, placed.last + 1)
                if self._feminine(speaker):
                    return speaker
            k = placed.first - 1
        return None

    def _speech_owner(self, i: int) -> Speaker | None:
        """The actor whose speech, statement or letter the sentence names before the verb at i
        ("كلمة وزير الخارجية أيمن الصفدي"، "كلمة ألقاها الوزير", "بيان أصدرته الوزارة"), the
        nearest one; None if it names none."""
        sentence = self.toks[i].sentence
        for k in range(i - 2, max(i - _MAX_SPEECH, -1), -1):
            if self.toks[k].sentence != sentence:
                return None
            if not w.has_stem(self.toks[k].norm, w.SPEECH_STEMS):
                continue
            for q in range(k + 1, min(k + 6, i)):  # over the verb that gave it: "التي أدلى بها"
                end = self.subject(q)
                if end > q and self.names_speaker(q, end):
                    return self.choose(q, self.to_person(q, end, i))
                word = self.toks[q].norm
                if word in _ISSUED_BY:
                    continue  # "بيان صادر عن مكتب الوزير": who issued it
                if q == k + 1 and word[:1] == "ل" and w.has_stem(self.toks[k].norm, _BY_LAM):
                    issuer = self._issuer(q, i)  # "في بيان لوزارة الخارجية ذكرت فيه"
                    if issuer is not None:
                        return issuer
                if self.toks[q].kind is not Kind.WORD or word in w.PREPOSITIONS or word[0] == "ل":
                    break  # "رسالة إلى مجلس الأمن": whom it was sent to
            giver = self._giver(k)
            if giver is not None:
                return giver
        return None

    def _issuer(self, q: int, i: int) -> Speaker | None:
        """The actor written on its لـ at token q, before the verb at i, with its title."""
        end = self.subject(q, clitic=True)
        if end <= q or end > i or not self.names_speaker(q, end):
            return None
        return self.choose(q, self.to_person(q, end, i), self.toks[q].nstart + 1)

    def _giver(self, k: int) -> Speaker | None:
        """ "أجرى الوزير بدر البوسعيدي اتصالاً مع نظيره، أعرب فيه": the actor just before the
        speech noun at k (a title after his name allowed) is the subject that gave it."""
        for m in range(k - 1, max(k - _MAX_GIVER, -1), -1):
            if self.toks[m].kind is not Kind.WORD:
                return None
            placed = self.index.covering[m]
            if placed is None or placed.kind is EntityKind.PLACE:
                continue
            before = self.text(placed.first - 1)
            if placed.after_clitic(self.nt) or before in w.PREPOSITIONS or before in WORDS:
                return None  # "مع الوزير"، "قال الوزير": not the one who gave it
            return self.choose(placed.first, placed.last + 1)
        return None

    def _opens_sentence(self, i: int) -> bool:
        """Whether token i opens its sentence, or follows an outlet's tag ("إيران تلكس - رفض")."""
        prev = self.toks[i - 1] if i > 0 else None
        return prev is None or prev.sentence != self.toks[i].sentence or prev.norm in _TAG_MARKS

    def _opens_clause_of(self, i: int) -> bool:
        """Whether the verb at i opens a clause of a resolution's text: after إذ, at the head
        of a line or a sentence, after its number or a comma."""
        prev = self.toks[i - 1] if i > 0 else None
        if prev is None or prev.sentence != self.toks[i].sentence:
            return True
        return prev.norm in CLAUSE_OPENERS or prev.norm in _CLAUSE_MARKS or prev.norm.isdigit()

    def _own_subject(self, p: int) -> bool:
        """Whether token p opens a subject of the verb before it: a person, a body or a
        speaking noun; a state after "ويطالب" is as often whom it calls on."""
        placed = self.index.starting[p] if p < len(self.toks) else None
        if placed is not None:
            return placed.kind is not EntityKind.PLACE and not placed.after_clitic(self.nt)
        word = self.text(p)
        return w.has_stem(word, w.SPEAKER_STEMS) and word not in w.DOCUMENT_SUBJECTS

    def _cut_off(self, i: int) -> bool:
        """Whether the block ends, unfinished, in the clause of the verb at i, with no other
        verb after it."""
        if not self.open_end or self.toks[i].sentence != len(self.nt.sentences) - 1:
            return False
        return all(tok.norm not in WORDS for tok in self.toks[i + 1 :])

    def _cut(self, i: int, conj: str, p: int, vf: VerbForm) -> tuple[Statement, Speaker] | None:
        """A statement whose content the block cuts off ("وأكدت نائبة المندوب الروسي لدى الأ"):
        the verb and a speaker it names, or the one it continues, are enough."""
        if vf.form is Form.PARTICIPLE:
            speaker = self._implicit_speaker(i, conj, vf)
            end = p
        else:
            end = self.to_person(p, self.subject(p), len(self.toks))
            if end == p or not self.names_speaker(p, end):
                return None
            speaker = self.choose(p, end)
        if speaker is None:
            return None
        start = self.toks[end].nstart if end < len(self.toks) else len(self.nt.text)
        return self._emit(i, conj, speaker, start, None, cut=True)

    def _members_in(self, p: int, end: int) -> int:
        """ "الدول الأعضاء في مجلس الأمن": the states of a body take the body in."""
        if self.text(p) not in w.GROUP_WORDS | w.MEMBERS or self.text(end) != _FI:
            return end
        body = self.index.starting[end + 1] if end + 1 < len(self.toks) else None
        return body.last + 1 if body is not None and body.kind is EntityKind.ORGANIZATION else end

    def _inside_clause(self, i: int) -> bool:
        """Whether the word before token i is one the clause runs on from (not a subject, a
        conjunction or a clause opener): the verb then describes that word."""
        if i == 0 or self.toks[i - 1].sentence != self.toks[i].sentence:
            return False
        prev = self.toks[i - 1]
        if prev.kind is not Kind.WORD or self.index.covering[i - 1] is not None:
            return False
        opens = w.CLAUSE_OPENERS | w.COMPLEMENTIZERS | w.DISCOURSE_OPENERS | w.RELATIVES
        return prev.norm not in opens and prev.norm not in w.TIME_WORDS

    def _disagrees(self, p: int, vf: VerbForm) -> bool:
        placed = self.index.starting[p] if p < len(self.toks) else None
        if placed is None or placed.after_clitic(self.nt):
            return False
        head = self.toks[placed.first].norm
        if placed.first == placed.last and w.definite(head) and head.endswith(_OBLIQUE_PLURAL):
            return True  # "طالب الحوثيين بوقف القتال": the subject would be "الحوثيون"
        if vf.feminine:
            head = self.toks[placed.first].norm
            return placed.kind is EntityKind.ORGANIZATION and head in w.MASCULINE_HEADS
        if not vf.masculine:
            return False
        if placed.kind is EntityKind.PLACE:
            return placed.mention.entity_key in self.cities
        head = self.toks[placed.first].norm
        return placed.kind is EntityKind.ORGANIZATION and head.endswith("ه") and len(head) > 3

    def _document_opens(self, sentence: int, i: int) -> bool:
        """Whether the sentence opens with a document as its subject, before its verb
        ("القرار 1701، الذي ...، دعا") or after it ("كما أكد قرار مجلس الأمن ...، أكد أن")."""
        first = self.nt.token_at(self.nt.sentences[sentence][0])
        if first is None:
            return False
        first = self._after_opener(first, i)
        if self.text(first) in WORDS:
            first += 1
        return self.text(first) in w.DOCUMENT_SUBJECTS

    def _quote_before(self, i: int, conj: str, p: int) -> tuple[Statement, Speaker] | None:
        """'"لن نقبل بأي تسوية"، قال البحرة.': the quotation comes first, the subject after."""
        k = i - 1
        while self.text(k) in {"،", ","}:
            k -= 1
        if k < 0 or self.toks[k].norm not in w.CLOSE_QUOTE.values():
            return None
        opener = next((o for o, c in w.CLOSE_QUOTE.items() if c == self.toks[k].norm), "")
        open_at = self.nt.text.rfind(opener, 0, self.toks[k].nstart)
        if open_at < 0 or self.toks[k].nstart - open_at > 1500:
            return None
        end = self._phrase_end(p, self.toks[i].sentence)
        if end == p or not self.names_speaker(p, end):
            return None
        span = (self.toks[i].nstart + len(conj), self.toks[end - 1].nend)
        return self._emit(i, conj, self.choose(p, end), open_at, span)

    def _implicit_speaker(self, i: int, conj: str, vf: VerbForm) -> Speaker | None:
        sentence = self.toks[i].sentence
        if sentence not in self.in_sentence and self._document_opens(sentence, i):
            # "القرار 1701، الذي اعتمده المجلس ...، دعا إلى": the document, which also has
            # the floor for a "وشدد" that follows
            self.last = None
            return None
        # "مؤكدين": the participle of two (or more) speakers
        paired = vf.dual or (vf.form is Form.PARTICIPLE and self.toks[i].norm.endswith("ين"))
        if paired and sentence not in self.in_sentence:
            two = self._two_before(i)
            if two is not None:
                return two  # "ناقش الجانبان العلاقات، كما أكدا": the two sides go on
        if vf.form is Form.PARTICIPLE:
            if sentence in self.described and sentence not in self.said_at:
                return None  # "قراراً يطالب بوقف القتال، داعياً إلى": the document goes on
            if sentence not in self.in_sentence and self.reach > self.nt.sentences[sentence][0]:
                return self.last  # the quotation before it held a full stop: one sentence still
            found = self.in_sentence.get(sentence) or self.opening_subject(i)
            if found is None and self.broken and sentence == 0:
                return self.last  # 'منذ 22 فيفري\nالماضي"، مضيفاً أن': the line before's
            if found is None and self._after_stop(i):
                # "يبدي الدكتور العريضي اقتناعاً بأن .... معتبراً أن": the page put a full stop
                # before the participle; its subject is the sentence before's
                before = self.toks[i - 1].sentence
                found = self.in_sentence.get(before) or self.opening_subject(i - 1)
            known = found is not None and found.key is not None
            if known and self.toks[i].norm.endswith("ه") and not self._feminine(found):
                # "صوت مجلس الأمن ...، بمعارضة من الحكومة الصومالية، قائلة إن": a feminine
                # participle goes with the feminine actor before it
                return self._feminine_before(i) or found
            return found
        if vf.form is Form.PRESENT and not conj:
            return None  # "يُذكر أن"، "تعديلاً يطالب بهدنة": the writer's voice, or content
        joint = self._after_joint(i) if conj == "و" else None
        if joint is not None:
            return joint  # "الشيباني يكشف عن رسائل.. ويدعو المجتمع الدولي"
        if conj == "و" and sentence in self.quoted and vf.verb.lemma not in _GOES_ON:
            # "أوضح الوزير أن مجلس الوزراء أكد ...، وأعرب عن": the council goes on
            return self.quoted[sentence]
        if sentence in self.in_sentence:
            return self.in_sentence[sentence]  # "قال البحرة إن ...، لكنه شدد على"
        opening = self.clause_subject(i) if conj == "و" else None
        opening = opening or self.opening_subject(i)
        if opening is not None:
            return opening  # "رفض المندوب الإسرائيلي القرار، وقال إنه"
        if vf.form is Form.PRESENT:
            return None  # "ويشار إلى أن": the writer speaks
        said, now = (self.last.said_as if self.last else ""), _gender(vf)
        if said and now and said != now:
            return None  # "وأعلن بيدرسن ... احتجاجات، دعت إلى": a verb of another subject
        return self.last

    def _two_before(self, i: int) -> Speaker | None:
        """The dual subject ("الجانبان"، "الوزيران") of an earlier clause of i's sentence."""
        sentence = self.toks[i].sentence
        for k in range(i - 1, max(i - _MAX_PAIR, -1), -1):
            if self.toks[k].sentence != sentence:
                break
            if points_at_two(self.toks[k].norm):
                return Speaker(None, self._surface(k, k + 1, None))
        return None

    def _after_stop(self, i: int) -> bool:
        """Whether token i opens its sentence right after the full stop of the one before (no
        sentence left out of this view between them)."""
        prev = self.toks[i - 1] if i > 0 else None
        if prev is None or prev.norm != "." or prev.sentence == self.toks[i].sentence:
            return False
        return not self.nt.text[prev.nend : self.toks[i].nstart].strip()

    def _after_joint(self, i: int) -> Speaker | None:
        """ "الشيباني يكشف عن رسائل.. ويدعو": two dots join a headline's clauses, and the verb
        opening the second goes on with the subject of the first."""
        if i < 2 or not self._after_stop(i) or self.toks[i - 2].norm != ".":
            return None
        return self.in_sentence.get(self.toks[i - 1].sentence) or self.opening_fronted(i - 1)

    def _emit(
        self,
        i: int,
        conj: str,
        speaker: Speaker,
        content_start: int,
        before: tuple[int, int] | None,
        *,
        cut: bool = False,
    ) -> tuple[Statement, Speaker] | None:
        """The statement of trigger i, from normalized offsets. `before` = (verb start,
        speaker end) when the content precedes the verb ('"...", قال البحرة')."""
        verb = (self.toks[i].nstart + len(conj), self.toks[i].nend)
        if cut:  # what is left of the block, maybe nothing
            content_end = max(len(self.nt.text.rstrip(TRIM)), content_start)
            span = (verb[0], max(content_end, verb[1]))
        elif before is not None:
            content_end = self.content_end(content_start, before[0])
            span = (content_start, before[1])
        else:
            content_end = self.content_end(content_start, None)
            span = (verb[0], content_end)
        if content_end - content_start < 2 and not cut:
            return None
        content = ""
        if content_end > content_start:
            c_start, c_end = self._display(content_start, content_end)
            content = unquote(self.nt.display[c_start:c_end].strip())
        # (map: no generator frame per character)
        if not any(map(str.isalnum, content)) and not cut:
            return None
        v_start, v_end = self._display(*verb)
        s_start, s_end = self._display(*span)
        found = lookup(self.toks[i].norm)
        self.last = replace(speaker, said_as=_gender(found[1]) if found else "")
        if self.reported != i:  # a quoted speaker leaves the sentence to the one quoting him
            self.in_sentence[self.toks[i].sentence] = speaker
            self.said_at[self.toks[i].sentence] = i
            self.quoted.pop(self.toks[i].sentence, None)
        else:
            self.quoted[self.toks[i].sentence] = speaker
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

    def _passive(self, i: int, conj: str) -> bool:
        """Whether the present verb at i is written with a damma on its prefix: "يُعتبر"."""
        written = self._written(i)[len(conj) :].lstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0652")
        return len(written) > 1 and written[0] in "يت" and written[1] == _DAMMA

    def _abbara(self, i: int) -> bool:
        """ "خلال اللقاء، عبّر الوزير عن": عبر written with its shadda is the verb, not "via"."""
        return self.toks[i].norm == _ABBAR and "\u0651" in self._written(i)

    def _written(self, i: int) -> str:
        """Token i as the display text writes it, marks included."""
        tok = self.toks[i]
        return self.nt.display[tok.start : tok.end]

    def _display(self, start: int, end: int) -> tuple[int, int]:
        """Display offsets of a normalized span, with the marks of its last letter ("مشدداً")."""
        d_start, d_end = self.nt.to_display(start, end)
        display = self.nt.display
        while d_end < len(display) and _mark(display[d_end]):
            d_end += 1
        return d_start, d_end


def _gender(vf: VerbForm) -> str:
    """ "m" or "f" for a finite singular verb, else ""."""
    return "f" if vf.feminine else "m" if vf.masculine else ""


def unfinished(text: str) -> bool:
    """Whether a block stops mid-sentence (no full stop, closing quote... at its end)."""
    ending = text.rstrip()
    return bool(ending) and ending[-1] not in _FINAL


def conj_free(word: str) -> str:
    """The word without a leading و: "وفق" stays, "وبحسب" -> "بحسب"."""
    return word[1:] if word.startswith("و") and word[1:] in w.SOURCE_OPENERS else word


def _mark(ch: str) -> bool:
    """A vowel mark or tatweel, which stays with the letter before it."""
    return "\u064b" <= ch <= "\u065f" or ch == "\u0670" or ch == "\u0640"
