"""Context: words near a candidate that support it or mark it as something else.

Words are whole words of letters (any script), lower-cased: "lic" never matches inside
"public", and `aws_secret_access_key` reads as the words aws, secret, access, key. Only a
few words either side are read, so a distant "SSN" in a long text supports nothing.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_]+")
_CLAUSE_END = re.compile(r"[\n,;]|\.\s")
WORDS_BEFORE = 6
WORDS_AFTER = 3
_CHARS_BEFORE = 64
_CHARS_AFTER = 32
# The boost for a supporting word right next to the value; each word further away takes a
# little off, so of two types that both have support, the nearer word decides.
BOOST = 0.35
_DISTANCE_PENALTY = 0.02


@dataclass(frozen=True, slots=True)
class ContextHit:
    word: str
    distance: int  # in words from the value: 1 is adjacent

    @property
    def boost(self) -> float:
        return BOOST - _DISTANCE_PENALTY * (self.distance - 1)


def nearby_words(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Words before the value (nearest first) and after it (nearest first), on its line
    (or the line above, when the value begins its line): a form's label for the next field
    says nothing about this one. Dots are dropped, so "D.O.B." reads as "dob"."""
    window = text[max(0, start - _CHARS_BEFORE) : start]
    line_start = window.rfind("\n") + 1
    if line_start and not window[line_start:].strip():
        # The value begins its line: the line above is its label ("Best regards,\nJane Doe").
        line_start = window.rfind("\n", 0, line_start - 1) + 1
    before = _WORD.findall(window[line_start:].lower().replace(".", ""))
    # After the value, up to the end of its line or clause: in "NHS no. 815 692 4770, tel
    # +61 …" the "tel" labels the next value, not this one.
    after = _WORD.findall(_CLAUSE_END.split(text[end : end + _CHARS_AFTER], 1)[0].lower())
    return before[::-1][:WORDS_BEFORE], after[:WORDS_AFTER]


def nearest(words: frozenset[str], before: list[str], after: list[str]) -> ContextHit | None:
    """The nearest of `words`; a word after the value counts as one step further away than
    the same distance before it (labels come first: "SSN: …", rarer "… (SSN)")."""
    hits = [ContextHit(w, i) for i, w in enumerate(before, start=1) if w in words]
    hits += [ContextHit(w, i + 1) for i, w in enumerate(after, start=1) if w in words]
    return min(hits, key=lambda h: h.distance, default=None)


class NearbyWords:
    """`nearby_words` for one text, remembered per span: the same digit run is a candidate
    of several recognizers (passport, licence, account, compact SSN …)."""

    __slots__ = ("_all", "_headers", "_label", "_lines", "_paragraphs", "_seen", "_text")

    def __init__(self, text: str, label: str = "") -> None:
        self._text = text
        # "dateOfBirth", "date_of_birth", "Date of birth" all read as date, of, birth.
        self._label = _WORD.findall(_CAMEL_HUMP.sub(" ", label).lower().replace(".", ""))
        self._seen: dict[tuple[int, int], tuple[list[str], list[str]]] = {}
        self._lines: dict[int, frozenset[str]] = {}
        self._headers: dict[int, _Header | None] = {}
        self._paragraphs: list[int] | None = None
        self._all: frozenset[str] | None = None

    def anywhere(self, words: frozenset[str]) -> bool:
        """Whether any of `words` occurs in the text at all: where none does, `any_near`
        is false for every match, and a recognizer that needs context need not scan."""
        if self._all is None:
            found = _WORD.findall(self._text.lower().replace(".", ""))
            self._all = frozenset(found + self._label)
        return not words.isdisjoint(self._all)

    def around(self, start: int, end: int) -> tuple[list[str], list[str]]:
        """`nearby_words`, with the label of the value's column first when it stands in a
        table under a header row ("name,dob,ssn"), then the text's own label (a document's
        key): there the header or the key is the label."""
        key = (start, end)
        found = self._seen.get(key)
        if found is None:
            before, after = nearby_words(self._text, start, end)
            found = self._seen[key] = (self.column_label(start) + self._label + before, after)
        return found

    def any_near(self, words: frozenset[str], start: int, end: int) -> bool:
        """Whether any of `words` stands on the match's lines or the line above, or labels
        its column: a quick test, looser than `nearest` (it also sees words inside the
        match, like the "Dear" of "Dear Remigio Cortés"), that rules out candidates before
        their validator runs."""
        return (
            not words.isdisjoint(self._words_of_line(start))
            or not words.isdisjoint(self._words_of_line(end))
            or not words.isdisjoint(self.column_label(start))
            or not words.isdisjoint(self._label)
        )

    def column_label(self, at: int) -> list[str]:
        """The words of the header of the column holding `at`, when its line is a row of a
        table whose header row begins the paragraph, or follows its first line (CSV, TSV,
        `;` or `|` separated)."""
        paragraphs = self._paragraph_starts()
        header = self._header(paragraphs[bisect_right(paragraphs, at) - 1])
        if header is None:
            return []
        text, separator = self._text, header.separator
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        if header.row_closer:  # "(1041, 'Hannah', …)," : the row ends at its bracket
            line_end = text.rfind(header.row_closer, line_start, line_end)
            if line_end < 0:
                return []
        if (
            line_start < header.rows_from
            or text.count(separator, line_start, line_end) != len(header.labels) - 1
        ):
            return []
        return header.labels[text.count(separator, line_start, at)]

    def labels(self, at: int) -> list[str]:
        """Only what structure says of the value at `at`: its column's header, then the
        text's own label (a document's key)."""
        return self.column_label(at) + self._label

    def has_labels(self) -> bool:
        """Whether any value of the text can have `labels`: the text has a label of its
        own or holds a table under a header row."""
        return bool(self._label) or any(
            self._header(p) is not None for p in self._paragraph_starts()
        )

    def _paragraph_starts(self) -> list[int]:
        if self._paragraphs is None:
            self._paragraphs = [0, *(m.end() for m in _PARAGRAPH.finditer(self._text))]
        return self._paragraphs

    def _header(self, paragraph: int) -> "_Header | None":
        if paragraph not in self._headers:
            self._headers[paragraph] = _Header.of(self._text, paragraph)
        return self._headers[paragraph]

    def _words_of_line(self, at: int) -> frozenset[str]:
        """The words of the line holding `at` and of the line above it (dots dropped)."""
        line_start = self._text.rfind("\n", 0, at) + 1
        found = self._lines.get(line_start)
        if found is None:
            above = self._text.rfind("\n", 0, max(0, line_start - 1)) + 1
            line_end = self._text.find("\n", at)
            span = self._text[above : len(self._text) if line_end < 0 else line_end]
            found = self._lines[line_start] = frozenset(
                _WORD.findall(span.lower().replace(".", ""))
            )
        return found


@dataclass(frozen=True, slots=True)
class _Header:
    """A table's header row: its separator, the words of each column's label, and where
    the rows begin."""

    separator: str
    labels: list[list[str]]
    rows_from: int
    row_closer: str = ""  # what ends a row's values before the line ends, if anything

    @staticmethod
    def of(text: str, paragraph: int) -> "_Header | None":
        """The header on the paragraph's first line, or on its second under a line that
        introduces the table ("Export below:"); or the column list of an SQL statement
        whose rows follow (`INSERT INTO t (a, b) VALUES`, pg_dump's `COPY t (a, b) FROM
        stdin;`)."""
        line_start = paragraph
        for _ in range(2):
            line_end = text.find("\n", line_start)
            if line_end < 0:
                return None  # a header needs rows under it
            line = text[line_start:line_end]
            sql = _SQL_COLUMNS.fullmatch(line.strip())
            if sql:
                labels = [_WORD.findall(c.lower()) for c in sql.group("columns").split(",")]
                if sql.group("insert"):
                    return _Header(",", labels, line_end + 1, row_closer=")")
                return _Header("\t", labels, line_end + 1)
            separator = max(_SEPARATORS, key=line.count)
            fields = line.split(separator)
            # Two fields split by one comma is as often a sentence ("Dear Ann, thanks").
            fewest = 3 if separator in ",;" else 2
            if len(fields) >= fewest and is_header_row(fields):
                labels = [_WORD.findall(f.lower()) for f in fields]
                return _Header(separator, labels, line_end + 1)
            line_start = line_end + 1
        return None


def is_header_row(cells: list[str]) -> bool:
    """Whether a table's row reads as column labels rather than values."""
    return all(_LABEL.fullmatch(cell.strip()) for cell in cells)


_SEPARATORS = (",", "\t", ";", "|")
_SQL_COLUMNS = re.compile(
    r"(?i:(?P<insert>insert into)|copy) [\w.\"`]+ ?\((?P<columns>[^()]+)\)"
    r" ?(?i:values ?\(?|from stdin;)",
)
_CAMEL_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")
_PARAGRAPH = re.compile(r"\n\n")
# A column label: up to four words, the first beginning with a letter ("dob", "Date of
# birth", "customer_name", "e-mail", "address_2"); a row of values begins with digits.
_LABEL = re.compile(r"[^\W\d][\w.\-]*(?: [\w.\-]+){0,3}")
