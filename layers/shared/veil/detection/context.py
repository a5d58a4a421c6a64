"""Context: words near a candidate that support it or mark it as something else.

Words are whole words of letters (any script), lower-cased: "lic" never matches inside
"public", and `aws_secret_access_key` reads as the words aws, secret, access, key. Only a
few words either side are read, so a distant "SSN" in a long text supports nothing.
"""

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_]+")
_CLAUSE_END = re.compile(r"[\n,;]")
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

    __slots__ = ("_all", "_lines", "_seen", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._seen: dict[tuple[int, int], tuple[list[str], list[str]]] = {}
        self._lines: dict[int, frozenset[str]] = {}
        self._all: frozenset[str] | None = None

    def anywhere(self, words: frozenset[str]) -> bool:
        """Whether any of `words` occurs in the text at all: where none does, `any_near`
        is false for every match, and a recognizer that needs context need not scan."""
        if self._all is None:
            self._all = frozenset(_WORD.findall(self._text.lower().replace(".", "")))
        return not words.isdisjoint(self._all)

    def around(self, start: int, end: int) -> tuple[list[str], list[str]]:
        key = (start, end)
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = nearby_words(self._text, start, end)
        return found

    def any_near(self, words: frozenset[str], start: int, end: int) -> bool:
        """Whether any of `words` stands on the match's lines or the line above: a quick
        test, looser than `nearest` (it also sees words inside the match, like the "Dear"
        of "Dear Remigio Cortés"), that rules out candidates before their validator runs."""
        return not words.isdisjoint(self._words_of_line(start)) or not words.isdisjoint(
            self._words_of_line(end)
        )

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
