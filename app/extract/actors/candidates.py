"""What the block-level detectors hand to the article-level resolver."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.extract.model import EntityKind, MentionForm, Span
from app.extract.tokens import Block, clean_display

# NAME: a full name (gazetteer spelling, detected name, org with its chain); DEMONYM:
# السوري، الفرنسيان, pointing at the country; SHORT_FORM: الهيئة، البحرة، الائتلاف الوطني,
# needing an antecedent in the article; TITLE: رئيس الهيئة, a person named by the role
# they hold in the article. The candidate's form is the stored mention's form.
Form = MentionForm


@dataclass(eq=False, slots=True)
class Cand:
    """One candidate mention in one block: tokens [first, last), proclitic `prefix` dropped.

    `key` is set for gazetteer matches up front and for everything else by the resolver;
    a candidate the resolver leaves without a key is not a mention.
    """

    block: Block
    kind: EntityKind
    first: int
    last: int
    prefix: str = ""
    form: Form = Form.NAME
    key: str | None = None
    subkind: str | None = None
    weak: bool = False  # generic on its own ("وزارة الخارجية"): kept only if it merges
    head: str | None = None  # org head noun, bare and normalized ("هيئه")
    canonical: str | None = None  # display name when it differs from the surface
    tokens: tuple[str, ...] = ()  # normalized name tokens, proclitic and all dropped
    alternatives: tuple[str, ...] = ()  # other gazetteer ids with the same spelling
    same_as: Cand | None = None  # an acronym in brackets names what stands before it
    quoted: bool = False  # a name in quotes after its head noun: صحيفة «الخليج»

    @property
    def start(self) -> int:
        return self.block.display_start(self.first, self.prefix)

    @property
    def end(self) -> int:
        return self.block.toks[self.last - 1].end

    @property
    def surface(self) -> str:
        return self.block.source.text[self.start : self.end]

    @property
    def display_name(self) -> str:
        """The name as a reader writes it: "لل" gives its article back (للهيئة -> الهيئة)."""
        return self.name_from(self.surface)

    def name_from(self, surface: str) -> str:
        """`display_name`, given the surface already cut from the text."""
        if self.canonical:
            return self.canonical
        text = clean_display(surface)
        return "ال" + text if self.prefix.endswith("لل") else text

    @property
    def norm(self) -> str:
        return " ".join(self.tokens)

    def span(self) -> Span:
        source = self.block.source
        return Span(source.part, source.index, self.start, self.end)

    def overlaps(self, other: Cand) -> bool:
        return self.block is other.block and self.first < other.last and other.first < self.last

    @property
    def size(self) -> int:
        return self.last - self.first


@dataclass(eq=False, slots=True)
class Title:
    """A role phrase: "رئيس هيئة التفاوض السورية", "مبعوثة فرنسا إلى سوريا"."""

    block: Block
    first: int
    last: int
    prefix: str
    head: str  # lemma of the role noun: رئيس، مبعوث، قنصل (feminine folded)
    parts: list[Cand] = field(default_factory=list)  # orgs and places inside the phrase
    owners: list[tuple[int, Cand]] = field(default_factory=list)  # (rank, part): lowest wins
    owner_key: str | None = None  # from an adjective: المبعوث الأممي -> the United Nations
    honorific: bool = False  # السفيرة، الدكتور: says nothing about an organization

    @property
    def text(self) -> str:
        start = self.block.display_start(self.first, self.prefix)
        return clean_display(self.block.source.text[start : self.block.toks[self.last - 1].end])


@dataclass(eq=False, slots=True)
class PersonFind:
    """A person candidate with the titles that introduced it, if any."""

    person: Cand
    titles: list[Title] = field(default_factory=list)


@dataclass(slots=True)
class BlockResult:
    block: Block
    cands: list[Cand] = field(default_factory=list)
    finds: list[PersonFind] = field(default_factory=list)
    roles: list[Title] = field(default_factory=list)
