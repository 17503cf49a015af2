"""Where the subject of a reporting verb lies, after the verb or before it.

After the verb (VSO, the news default): a recognized actor or a speaking noun, with what
belongs to it — adjectives, the body a title serves ("الأمين العام للأمم المتحدة"), a post
("المبعوث الأممي إلى اليمن"), the body a spokesperson speaks for ("المتحدث باسم مجلس
النواب"), titles chained before a name ("رئيس التيار الوطني الحر النائب جبران باسيل"),
a name between commas, actors joined by و.

Before the verb, when a clause opens with its subject: headlines and summaries ("البحرة
يطالب بيدرسن بكسر الجمود"), a relative ("الجامعة العربية، التي قالت"), the pluperfect
("وكان البحرة قد قال"), the topic of أما ("أما المندوب الروسي فقد اعتبر"), a subject with
an aside ("وإن هيئة التفاوض، إذ تستذكر هذه المناسبة، تؤكد").
"""

from __future__ import annotations

from app.extract.model import EntityKind
from app.extract.statements import words as w
from app.extract.statements.speakers import Speaker, SpeakerChooser
from app.extract.statements.verbs import WORDS, lookup
from app.extract.tokens import Kind
from app.ingest.model import Part
from app.text.normalize import normalize


def _words(text: str) -> frozenset[str]:
    return frozenset(normalize(text).split())


_COMMAS = frozenset({"،", ","})
_ALLADHI, _ALLATI = normalize("الذي"), normalize("التي")
_ALREADY = frozenset(_words("قد لقد فقد"))
_WAS = frozenset(_words("كان وكان كانت وكانت كانوا وكانوا"))
_AMMA = frozenset(_words("أما وأما"))
_ASIDE = frozenset(_words("إذ وهو وهي وهم الذي التي في خلال"))
_MAX_FRAME = 30  # tokens from كان or أما to the verb
_MAX_TITLE = 7  # words of a title before the name it goes with
_MAX_REPORTED = 10  # tokens from أن to the verb of the speaker it reports
_MAX_TITLED_REPORTED = 20  # the same, for a title with its name set off by commas
_MAX_CLAUSE = 20  # tokens from أن to the coordinated verb that goes on from its clause


_STYLED = w.HONORIFIC_PARTS | w.HONORIFICS  # heads a court style goes on from
_PLURAL_NISBA = ("يون", "يين", "يان", "يتان", "يتين", "يات")
_PLURAL_NOUN = ("ون", "ين", "ان", "تان", "تين", "ات")


def _agrees(noun: str, adjective: str) -> bool:
    """A plural or dual nisba describes a plural or dual noun: "المسؤولان الفرنسيان", not
    "الهيئة السوريين" (the Syrians are its object) nor "جاموس خلفيات" (a noun in يات)."""
    return not adjective.endswith(_PLURAL_NISBA) or noun.endswith(_PLURAL_NOUN)


class SubjectReader(SpeakerChooser):
    _head = 0  # first token of the subject being read
    reported = -1  # the last verb whose speaker another speaker reports: he keeps the floor

    def subject(self, p: int, *, clitic: bool = False) -> int:
        """End of the subject of a verb whose content is a bare object: "أكد المسؤولان الفرنسيان
        دعم بلادهما". Needs a recognized actor or a speaking noun at its head; else p.
        `clitic`: the subject carries a preposition ("وفقاً للمرصد")."""
        toks = self.toks
        if p >= len(toks) or toks[p].kind is not Kind.WORD:
            return p
        listed = self._listed(p)
        if listed is not None:
            return listed
        head, word = self.index.starting[p], toks[p].norm
        if clitic and word.startswith("ل"):
            word = "ال" + word[2:] if word.startswith("لل") else word[1:]
        if head is not None and (clitic or not head.after_clitic(self.nt)):
            q = head.last + 1
        elif word in w.LATTER and not clitic:
            self._head = p
            return p + 1  # "وأكد الأخير": points back at one person (statements.back)
        elif word in w.HONORIFICS or word in w.HONORIFIC_PARTS or w.is_title(word):
            q = p + 1  # "معالي الشيخ محمد"، "صاحب السمو الأمير"، "ولي العهد"
        elif w.has_stem(word, w.SPEAKER_STEMS):
            q = p + 1  # "المتحدث"، "مصادر"
        elif w.has_stem(word, w.BODY_HEADS) and self._body_at(p + 1):
            q = p + 1  # "قوات بعثة الاتحاد الأفريقي": the body's forces speak for it
        else:
            return p
        self._head = p
        while q < len(toks) and toks[q].sentence == toks[p].sentence and q - p < 14:
            step = self._subject_step(q)
            if not step:
                break
            q += step
        return q

    def _body_at(self, k: int) -> bool:
        placed = self.index.starting[k] if k < len(self.toks) else None
        return (
            placed is not None
            and placed.kind is EntityKind.ORGANIZATION
            and not placed.after_clitic(self.nt)
        )

    def _listed(self, p: int) -> int | None:
        """ "أربع عشرة دولة، هي بلجيكا وكندا ...": a count of states set off by a list of
        them; the end of the list, or None."""
        k = p
        while k < p + 3 and (self.text(k) in w.NUMBER_WORDS or self.text(k).isdigit()):
            k += 1
        if not w.has_stem(self.text(k), w.GROUP_NOUNS) or self.text(k + 1) not in _COMMAS:
            return None
        if self.text(k + 2) not in w.THEY_ARE:
            return None
        first = self.index.starting[k + 3] if k + 3 < len(self.toks) else None
        if first is None or first.kind is EntityKind.PERSON:
            return None
        last = first
        while (
            nxt := self.index.starting[last.last + 1] if last.last + 1 < len(self.toks) else None
        ) and (nxt.kind is first.kind and self._joined_actor(nxt.first)):
            last = nxt
        self._head = p
        return last.last + 1

    def _subject_step(self, q: int) -> int:
        word, prev = self.toks[q].norm, self.toks[q - 1].norm
        if self.toks[q].kind is not Kind.WORD:
            return self._apposition(q)
        if word in w.RELATIVES:
            return 0  # "العريضي الذي": a clause describing the subject, no nisba of it
        after_name = self.index.covering[q - 1] is not None
        placed = self.index.starting[q]
        if prev == "باسم":
            return placed.last + 1 - q if placed is not None else 1  # "باسم مجلس النواب"
        if word in w.ON_BEHALF and self.person_at(q + 1):
            return 1  # "الناطق باسمها نبيل أبو ردينة"
        if word in w.POST_PREPOSITIONS and self._titled():
            post = self.index.starting[q + 1] if q + 1 < len(self.toks) else None
            return post.last + 1 - q if post is not None else 0  # "المبعوث الأممي إلى اليمن"
        if (w.has_stem(word, w.TITLE_STEMS) or word in w.HONORIFICS) and self.person_at(q + 1):
            return 1  # "رئيس التيار الوطني الحر النائب جبران باسيل"
        if word in w.RANK_PARTS and (prev in w.HONORIFICS or prev in w.RANK_PARTS):
            return 1  # "الفريق أول الركن البرهان"
        if word in w.HONORIFIC_PARTS and self.text(self._head) in _STYLED:
            return 1  # "حضرة صاحب الجلالة الملك حمد"
        if placed is not None and after_name and self._joined_actor(q):
            return placed.last + 1 - q  # "أعلنت روسيا وتركيا"
        if word in w.COUNTERPARTS and after_name:
            return self._counterpart(q)  # "ماكرون ونظيره المصري عبد الفتاح السيسي"
        if placed is not None and self.part_of_body(self._head, placed):
            return placed.last + 1 - q  # "الدائرة الإعلامية لمجلس النواب"
        if word.startswith("ل") and w.serves((prev, self.text(q - 2))):
            if placed is not None:
                return placed.last + 1 - q  # "الأمين العام لجامعة الدول العربية"
            if word.startswith("لل"):
                return 1  # "العام للأمم المتحدة"
        if placed is not None:
            genitive = self.toks[q - 1].kind is Kind.WORD and not (after_name or w.definite(prev))
            if (
                placed.kind is EntityKind.PERSON
                or (self.is_adjective(placed) and _agrees(prev, word))
                or genitive  # "رئيس هيئة التفاوض"
            ):
                return placed.last + 1 - q
            return 0
        if word == "باسم" or (not after_name and not w.definite(prev) and w.definite(word)):
            return 1
        if self._portfolio(word, prev) and not after_name:
            return 1  # "وزيرة الاستثمار والتعاون الدولي"، "وزير الخارجية والمغتربين"
        if w.nisba(word) and w.definite(word) == w.definite(prev) and _agrees(prev, word):
            return 1
        if w.definite(word) and word in w.ADJECTIVES:
            return 1
        if not after_name and not w.definite(prev) and w.has_stem(prev, w.TITLE_STEMS):
            return 1  # "رئيس هيئة التفاوض"
        return 0

    def _portfolio(self, word: str, prev: str) -> bool:
        """Whether `word` joins a second portfolio to a title's first ("الخارجية
        والمغتربين"): "وال" after a definite word, in a subject a title heads, and no title or
        speaking noun of its own ("والرئيس"، "والمتحدث": a second subject)."""
        return (
            word.startswith("وال")
            and w.definite(prev)
            and self._titled()
            and not w.has_stem(word, w.TITLE_STEMS)
            and not w.has_stem(word, w.SPEAKER_STEMS)
        )

    def _counterpart(self, q: int) -> int:
        """Tokens from "ونظيره" at q through the counterpart's name, or 0 if none follows."""
        k = q + 1
        adjective = self.index.starting[k] if k < len(self.toks) else None
        if adjective is not None and self.is_demonym(adjective):
            k = adjective.last + 1
        person = self.person_at(k)
        return 0 if person is None else person.last + 1 - q

    def _titled(self) -> bool:
        """Whether the subject read so far is headed by a title: the post after it is its own."""
        return w.has_stem(self.text(self._head), w.TITLE_STEMS)

    def _joined_actor(self, q: int) -> bool:
        placed, before = self.index.starting[q], self.index.covering[q - 1]
        return (
            placed is not None
            and before is not None
            and self.toks[q].norm.startswith("و")
            and placed.after_clitic(self.nt)
            and placed.kind is before.kind
            and placed.kind is not EntityKind.PERSON
        )

    def _apposition(self, q: int) -> int:
        """ "رئيس الائتلاف، هادي البحرة، أكد ...": a name between commas joins the subject."""
        if self.text(q) not in _COMMAS:
            return 0
        k = q + 1
        while self.text(k) in w.HONORIFICS:
            k += 1
        quoted = self.text(k) in w.CLOSE_QUOTE  # "وزيرة الاستثمار، «سحر نصر»، توقيع"
        placed = self.person_at(k + quoted)
        if placed is None:
            return 0
        end = placed.last + 1
        if quoted and self.text(end) == w.CLOSE_QUOTE[self.text(k)]:
            end += 1
        return end + 1 - q if self.text(end) in _COMMAS else 0

    # -- the subject before the verb ------------------------------------------------------

    def subject_before(self, i: int) -> Speaker | None:
        """ "هيئة التفاوض تؤكد"، "الائتلاف الذي قال إن"، "وكان البحرة قد قال": the actor
        whose clause the verb at i continues, when it stands before the verb."""
        framed = self._framed(i)
        if framed is True:
            return None
        if isinstance(framed, Speaker):
            return framed
        k = i - 1
        while k >= 0 and self.toks[k].norm in w.CLOSE_QUOTE.values():
            k -= 1
        if self.text(k) in _ALREADY:
            k -= 1
        relative, rel_at = k >= 0 and self.toks[k].norm in w.RELATIVES, k
        if relative:
            if self._object_relative(self.toks[k].norm, i):
                return None  # "مشاعر القلق التي أعرب عنها": what he voiced, not who spoke
            k -= 1 + (self.text(k - 1) in _COMMAS)
            held = self.index.covering[k] if k >= 0 else None
            if held is not None and self.text(held.first - 1) in w.PREPOSITIONS:
                return None  # "الدول الأعضاء في المجلس التي أكدت": the states, not the body
        elif self.text(k) in _COMMAS:
            k = self._before_aside(k)
            topic = self._relative_topic(i) if k < 0 else None
            if topic is not None:
                return topic
        placed = self.index.covering[k] if k >= 0 else None
        if placed is None or placed.last != k:
            return self._reported_subject(i) or self._title_subject(k, i)
        if self._cited_as_source(placed.first - 1):
            return None  # "وبحسب وكالة الأنباء، فقد أكد الوزير": the source, not the subject
        first = self._title_before(placed.first)
        if relative and first > 0 and self._describes_document(first - 1, rel_at):
            return None  # "بيان الجيش الذي زعم": what the statement claims; no one speaks
        conjoined = placed.after_clitic(self.nt) and self.toks[placed.first].norm[0] in "وف"
        if not (relative or conjoined or first == 0 or self._opens_clause(first - 1, i)):
            if self.text(first - 1) in w.NOT_APPOSITION:
                return self._reported_subject(i)  # "أن رئيسي خلال لقائه الوزير شدد"
            return None  # "التقى بفرنسا تؤكد": no subject
        if first > 0 and self.toks[first - 1].norm in w.COMPLEMENTIZERS:
            self.reported = i  # "قال الوزير إن التحالف الدولي أكد": a speaker quoted
        return self.choose(first, placed.last + 1)

    def _describes_document(self, noun: int, relative: int) -> bool:
        """Whether the relative at `relative` agrees with the document at `noun` before the
        actor it follows ("بيان الجيش الذي"، "رسالة الحكومة التي")."""
        word = self.text(noun)
        if not w.has_stem(word, w.DOCUMENT_STEMS):
            return False
        return (self.text(relative) == _ALLATI) == word.endswith("ه")

    def _object_relative(self, relative: str, i: int) -> bool:
        """Whether the verb at i disagrees in gender with the relative before it, so that the
        antecedent is its object: "التي أعرب عنها" (feminine, then a masculine verb)."""
        found = lookup(self.toks[i].norm)
        if found is None or found[0]:
            return False
        form = found[1]
        return (relative == _ALLATI and form.masculine) or (relative == _ALLADHI and form.feminine)

    def _relative_topic(self, i: int) -> Speaker | None:
        """ "العريضي الذي شغل موقع العميد في جامعة دمشق، يعتبر أن": the actor the sentence
        opens with, described by a relative clause that a comma closes before the verb at i."""
        sentence = self.toks[i].sentence
        first = self.nt.token_at(self.nt.sentences[sentence][0]) if self.nt.sentences else None
        if first is None:
            return None
        first = self._after_opener(first, i)
        placed = self.index.starting[first] if first < i else None
        if placed is not None and placed.after_clitic(self.nt):
            return None
        if placed is None and not w.is_title(self.text(first)):
            return None
        end = self.subject(first)
        if end >= i or self.text(end) not in w.RELATIVES or not self.names_speaker(first, end):
            return None
        if any(self.toks[m].norm in WORDS for m in range(end, i)):
            return None  # another verb of speech in between has its own subject
        return self.choose(first, end)

    def _reported_subject(self, i: int) -> Speaker | None:
        """ "قال الوزير إن التحالف الدولي لتنفيذ حل الدولتين أكد": a speaker quoted by
        another, an actor opening the reported clause and its words up to the verb."""
        sentence = self.toks[i].sentence
        punctuated = False
        for c in range(i - 1, max(i - _MAX_TITLED_REPORTED, -1), -1):
            tok = self.toks[c]
            if tok.sentence != sentence or tok.norm in WORDS or tok.norm in w.RELATIVES:
                return None  # "أن قطر متفائلة بالخطة التي أعلن عنها": a relative's verb
            if tok.kind is not Kind.WORD:
                if tok.norm not in _COMMAS:
                    return None
                punctuated = True
            elif tok.norm in w.COMPLEMENTIZERS:
                head = self.index.starting[c + 1]
                if head is None and c + 2 == i and self.text(c + 1) in self.index.lone_names:
                    self.reported = i  # "إن تيتيه أعربت": a person by his last name alone
                    return self.choose(c + 1, i)
                if head is None or head.after_clitic(self.nt):
                    return self._reported_title(c + 1, i)
                if head.last >= i - 1 or i - c >= _MAX_TITLED_REPORTED:
                    return None
                end = i
                if punctuated:
                    # "وأضافت أن إيران، إلى جانب روسيا والصين، ترى أنه": an aside between
                    # the actor and its verb
                    aside = self.text(head.last + 1) in _COMMAS and self.text(i - 1) in _COMMAS
                    if not aside:
                        return None
                    end = head.last + 1
                elif i - c >= _MAX_REPORTED:
                    # "أن الرئيس رئيسي خلال لقائه وزير الخارجية شدد": the subject, then when it
                    # spoke, and whom it met is no subject
                    end = self.subject(c + 1)
                    if end >= i or self.text(end) not in w.NOT_APPOSITION:
                        return None
                self.reported = i
                return self.choose(c + 1, end)
        return None

    def _reported_title(self, first: int, i: int) -> Speaker | None:
        """ "أفادت الوزارة بأن المندوب الدائم لتونس، طارق الأدب، أكد": a title opening the
        reported clause, with the name set off after it, is the speaker it quotes."""
        if not w.has_stem(self.text(first), w.TITLE_STEMS):
            return None
        end = self.to_person(first, self.subject(first), i)
        met = end < i and self.text(end) in w.NOT_APPOSITION  # "خلال لقائه الوزير"
        end += self.text(end) in _COMMAS
        if met and self.index.covering[end - 1] is not None:
            self.reported = i  # "أن الرئيس X خلال لقائه وزير الخارجية شدد": not whom he met
            return self.choose(first, end)
        if end != i or self.index.covering[end - 1 - (self.text(end - 1) in _COMMAS)] is None:
            return None
        self.reported = i
        return self.choose(first, end)

    def clause_subject(self, i: int) -> Speaker | None:
        """ "اقتحم الحوثيون صنعاء، إلا أن الرئيس هادي تمكن من الفرار، ودعا": the actor that
        opens the clause (after أن) the coordinated verb at i goes on from."""
        sentence = self.toks[i].sentence
        for c in range(i - 2, max(i - _MAX_CLAUSE, -1), -1):
            tok = self.toks[c]
            if tok.sentence != sentence or tok.norm in WORDS or tok.norm in w.RELATIVES:
                return None
            if tok.norm in w.BARE_COMPLEMENTIZERS:
                end = self.to_person(c + 1, self.subject(c + 1), i)
                if end == c + 1 or self.index.covering[end - 1] is None:
                    return None  # no actor opens that clause
                return self.choose(c + 1, end)
        return None

    def _cited_as_source(self, k: int) -> bool:
        """Whether token k is "بحسب"، "وفقاً لـ"...: what follows is cited, not a subject."""
        word = self.text(k)
        return word in w.SOURCE_OPENERS or (word[:1] == "و" and word[1:] in w.SOURCE_OPENERS)

    def _title_subject(self, k: int, i: int) -> Speaker | None:
        """ "أن وزير الخارجية أشار إلى": a title with no name, opening a clause before its
        verb; its holder is found by statements.short_forms, if the article introduced him."""
        if k < 0 or k != i - 1 or self.toks[k].kind is not Kind.WORD:
            return None
        first = self._title_before(k + 1)
        if first > k or (first > 0 and not self._opens_clause(first - 1, i)):
            return None
        if any(self.toks[m].kind is not Kind.WORD for m in range(first, i)):
            return None
        return self.choose(first, i)

    def _title_before(self, first: int) -> int:
        """Where the title before a name begins: "رئيس الهيئة يشدد"، "رئيس الوزراء الإسرائيلي
        بنيامين نتنياهو قال": back over a title word and the words of its phrase."""
        start, k = first, first - 1
        sentence = self.toks[first].sentence
        while k >= 0 and first - k <= _MAX_TITLE and self.toks[k].sentence == sentence:
            tok = self.toks[k]
            if tok.kind is not Kind.WORD or tok.norm in w.WORDS_THAT_END_A_TITLE:
                break
            if tok.norm in w.NOT_APPOSITION:
                break  # "رئيسي خلال لقائه وزير الخارجية": whom he met, not one title
            if w.has_stem(tok.norm, w.TITLE_STEMS) or tok.norm in w.HONORIFICS:
                start = k
            k -= 1
        return start

    def _framed(self, i: int) -> Speaker | bool:
        """ "وكان X قد قال"، "أما X فقد اعتبر"، "أما X فاعتبر": the subject between the frame
        word and the verb; True when the frame is there but the verb has a subject of its own
        ("أما الجزائر فقد اعتبر مندوبها"), False when there is no frame."""
        prev = self.text(i - 1)
        if prev in _ALREADY:
            frames, end = _WAS | _AMMA, i - 1
        elif self.toks[i].norm.startswith("ف"):
            frames, end = _AMMA, i
        else:
            return self._was_before(i)
        sentence = self.toks[i].sentence
        for k in range(end - 1, max(end - _MAX_FRAME, -1), -1):
            if self.toks[k].sentence != sentence:
                return False
            if self.toks[k].norm in frames:
                if not any(self.toks[m].kind is Kind.WORD for m in range(k + 1, end)):
                    return False
                if self.toks[k].norm in _AMMA and self.subject(i + 1) > i + 1:
                    return True  # the topic of أما is not the verb's subject
                # the subject stands here, recognized or not ("وكان هوكستين قد أعلن"): it is
                # never the previous speaker; whom it met is not ("وكان الملك لدى لقائه
                # الرئيس X قد أكد")
                return self.choose(k + 1, self._before_meeting(k + 1, end))
        return False

    def _before_meeting(self, first: int, end: int) -> int:
        """Where "خلال لقائه"، "لدى لقائه" begins between `first` and `end`, else `end`."""
        for m in range(first + 1, end):
            if self.toks[m].norm in w.NOT_APPOSITION:
                return m - (m - 1 > first and self.text(m - 1) in w.PREPOSITIONS)
        return end

    def _was_before(self, i: int) -> Speaker | bool:
        """ "وكان رئيس المجلس، الفريق البرهان، طالب": the pluperfect without قد, كان then
        the whole subject up to the verb at i (a comma allowed); False when it is not that."""
        sentence = self.toks[i].sentence
        for k in range(i - 2, max(i - _MAX_FRAME, -1), -1):
            tok = self.toks[k]
            if tok.sentence != sentence or tok.norm in WORDS or tok.norm in w.RELATIVES:
                return False
            if tok.norm in _WAS:
                end = self.subject(k + 1)
                if end == k + 1 or end + (self.text(end) in _COMMAS) != i:
                    return False
                return self.choose(k + 1, end) if self.names_speaker(k + 1, end) else False
        return False

    def _before_aside(self, k: int) -> int:
        """ "هيئة التفاوض، إذ تستذكر هذه المناسبة، تؤكد": the token before the aside."""
        sentence = self.toks[k].sentence
        for m in range(k - 1, max(k - 14, -1), -1):
            if self.toks[m].sentence != sentence:
                break
            if self.toks[m].norm in _COMMAS:
                return m - 1 if self.text(m + 1) in _ASIDE else -1
        return -1

    def _opens_clause(self, k: int, i: int) -> bool:
        prev = self.toks[k]
        if prev.sentence != self.toks[i].sentence:
            return True
        return (
            prev.norm in _COMMAS
            or prev.norm in _WAS
            or prev.norm in _AMMA
            or prev.norm == ":"
            or prev.norm in w.OPEN_QUOTES
            or prev.norm in w.COMPLEMENTIZERS
            or prev.norm in w.CLAUSE_OPENERS
        )

    def opening_subject(self, i: int) -> Speaker | None:
        """The subject of the clause that opens the sentence of token i, when it is not i's:
        "التقى رئيس الهيئة بدر جاموس المبعوثَ، مؤكداً"، "ميقاتي يجدد التزامه ... ويدعو",
        "في المقابل، رفض المندوب الإسرائيلي القرار، وقال"."""
        sentence = self.toks[i].sentence
        if not self.nt.sentences:
            return None
        first = self.nt.token_at(self.nt.sentences[sentence][0])
        if first is None:
            return None
        first = self._after_opener(first, i)
        if first >= i - 1 or self.toks[first].kind is not Kind.WORD:
            return None
        fronted = self.fronted_subject(first, i)
        if fronted is not None or self._fronts(first):
            return fronted
        if self.toks[first].norm in w.CIRCUMSTANTIAL or self._cited_as_source(first):
            return None  # "وبحسب وكالة الأنباء، فقد أكد": the source, not the subject
        end = self.subject(first + 1)
        if not first + 1 < end <= i:
            return None
        return self.choose(first + 1, self.to_person(first + 1, end, i))

    def opening_fronted(self, i: int) -> Speaker | None:
        """The subject a sentence opens with, before its first verb ("مجلس التعاون يجدد ...
        ويدعو العراق إلى"), when token i is not that first verb."""
        sentence = self.toks[i].sentence
        first = self.nt.token_at(self.nt.sentences[sentence][0]) if self.nt.sentences else None
        if first is None:
            return None
        first = self._after_opener(first, i)
        if first >= i - 1 or not self._fronts(first):
            return None
        return self.fronted_subject(first, i)

    def _fronts(self, first: int) -> bool:
        tok = self.toks[first]
        speaking = w.has_stem(tok.norm, w.SPEAKER_STEMS)
        return tok.kind is Kind.WORD and (self.index.starting[first] is not None or speaking)

    def fronted_subject(self, first: int, i: int) -> Speaker | None:
        """ "ميقاتي يجدد": the subject that opens the sentence at `first`, before a word."""
        if not self._fronts(first):
            return None
        end = self.subject(first)
        if not first < end < i:
            return None
        # "إيران: لا مجال لاستمرار القرار وتدعو إلى": a headline names who speaks, then a colon
        headline = self.toks[end].norm == ":" and self.block.part is Part.TITLE
        if self.toks[end].kind is Kind.WORD or headline:
            return self.choose(first, self.to_person(first, end, i))
        return None

    def _after_opener(self, first: int, i: int) -> int:
        """Skip "في المقابل،"، "من جهته،"، "وفي السياق،" at the head of a sentence, the
        particles before its verb ("كما جدد المجلس") and the writer's voice before a clause
        ("يذكر أن مجلس الأمن اعتمد")."""
        if self.toks[first].norm in w.DISCOURSE_OPENERS:
            for k in range(first + 1, min(first + 5, i)):
                if self.toks[k].norm in _COMMAS:
                    return k + 1
            return first
        while first < i - 1 and self.toks[first].norm in w.LEADING_PARTICLES:
            first += 1
        if self.toks[first].norm in w.WRITER_OPENERS:
            # "يذكر أن"، "ويشار إلى أن"، "وجاء في القرار أن"
            for k in range(first + 1, min(first + 5, i - 1)):
                if self.text(k) in w.BARE_COMPLEMENTIZERS:
                    return k + 1
        return first
