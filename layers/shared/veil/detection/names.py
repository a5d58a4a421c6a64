"""People's names: the US Census lists of first names and surnames that ship inside the
`names` package (public-domain data; ~5 k first names, ~89 k surnames), so nothing is
downloaded at run time. They are read on the first name-like candidate (~80 ms once per
execution environment), not at import.

A candidate is a run of capitalised words; it is a name where a first name is followed by
a surname, possibly after a capitalised word that is not part of it ("Thanks Jordan Lee").
"""

import importlib.resources
from functools import cache

from veil.detection.validators import Span

TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"})


def _census_list(*files: str) -> frozenset[str]:
    folder = importlib.resources.files("names")
    return frozenset(
        line.split(None, 1)[0].lower()
        for name in files
        for line in (folder / name).read_text().splitlines()
        if line.strip()
    )


@cache
def first_names() -> frozenset[str]:
    return _census_list("dist.female.first", "dist.male.first")


@cache
def surnames() -> frozenset[str]:
    return _census_list("dist.all.last")


def _key(word: str) -> str:
    """The census form: "O'Brien" is OBRIEN, "McDonald" MCDONALD; a possessive drops."""
    return (
        word.removesuffix("'s")
        .removesuffix("\u2019s")
        .replace("'", "")
        .replace("\u2019", "")
        .lower()
    )


def _is_surname(word: str) -> bool:
    return any(_key(part) in surnames() for part in word.split("-"))


def _tokens(value: str) -> list[tuple[int, int, str]]:
    found, start = [], 0
    for word in value.split(" "):
        found.append((start, start + len(word), word))
        start += len(word) + 1
    return found


def _name_span(value: str, known: int) -> Span | None:
    """The first span of first name (or initial) + … + surname in the candidate, where
    `known` of the two ends (1 or 2) must be on the census lists."""
    tokens = _tokens(value)
    for i, (start, _, first) in enumerate(tokens):
        if first.endswith("."):
            continue  # an initial or a title cannot start a name here
        for j in range(len(tokens) - 1, i, -1):
            last = tokens[j][2]
            if last.endswith("."):
                continue
            hits = (_key(first) in first_names()) + _is_surname(last)
            if hits >= known:
                return (start, tokens[j][1])
    return None


def full_name(value: str) -> Span | None:
    """A first name from the list followed by a surname from the list."""
    return _name_span(value, known=2)


def partial_name(value: str) -> Span | None:
    """Two or more capitalised words of which the first is a known first name or the last
    a known surname: a name only when the context says so ("Dr.", "patient", "name:")."""
    return _name_span(value, known=1)


# Capitalised words that introduce a name in the same run of capitals ("Dear Remigio
# Cortés"). Labels such as "Customer" count only with their colon, which ends the run;
# without one, "Customer Success Team" is a phrase, not a label and a name.
_LEADERS = TITLES | frozenset(
    {"dear", "hi", "hello", "hey", "thanks", "thank", "regards", "cheers", "sincerely"}
)


def labeled_name(value: str) -> Span | None:
    """Two or three capitalised words right after a label ("Patient name:", "Dear",
    "Account holder:"), whatever the lists say: names from everywhere, once a form or a
    greeting says a name comes."""
    tokens = [t for t in _tokens(value) if not t[2].endswith(".")]
    while tokens and tokens[0][2].lower().rstrip(",:") in _LEADERS:
        tokens = tokens[1:]
    if len(tokens) < 2:
        return None
    return (tokens[0][0], tokens[min(len(tokens), 3) - 1][1])


def titled_name(value: str) -> Span | None:
    """ "Dr. Okafor", "Mrs Tanaka": the name after the title, when it is a known name."""
    title, _, rest = value.partition(" ")
    if title.rstrip(".").lower() not in TITLES or not rest:
        return None
    start = len(title) + 1
    last = rest.split(" ")[-1]
    if _is_surname(last) or _key(rest.split(" ")[0]) in first_names():
        return (start, len(value))
    return None
