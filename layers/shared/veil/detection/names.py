"""People's names: the US Census lists of first names and surnames that ship inside the
`names` package (public-domain data; ~5 k first names, ~89 k surnames), and the first names
and surnames of Faker's 60-odd Latin-script locales (data/, made by `make name-lists`), so
nothing is downloaded at run time. They are read on the first name-like candidate, not at
import.

A candidate is a run of capitalised words; it is a name where a first name is followed by
a surname, possibly after a capitalised word that is not part of it ("Thanks Jordan Lee").
"""

import importlib.resources
import re
import unicodedata
from functools import cache
from pathlib import Path

from veil.detection.validators import Span

# Titles before a name, English and of the languages our users write most after it.
TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"}
    | {"herr", "herrn", "frau", "mme", "mlle", "madame", "monsieur", "sr", "sra", "señor", "señora"}
)
DATA = Path(__file__).with_name("data")
# Lower-case words inside a surname: "Pieter de Vries", "Ludwig van Beethoven", "Leonardo
# da Vinci", "Ursula von der Leyen".
PARTICLES = frozenset(
    {"de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "dos"}
)


def census_list(*files: str) -> set[str]:
    folder = importlib.resources.files("names")
    return {
        line.split(None, 1)[0].lower()
        for name in files
        for line in (folder / name).read_text().splitlines()
        if line.strip()
    }


def _international(file: str) -> set[str]:
    return set((DATA / file).read_text(encoding="utf-8").split())


@cache
def first_names() -> frozenset[str]:
    return frozenset(
        census_list("dist.female.first", "dist.male.first") | _international("first_names.txt")
    )


@cache
def surnames() -> frozenset[str]:
    return frozenset(census_list("dist.all.last") | _international("surnames.txt"))


def key(word: str) -> str:
    """The form names are kept in: "O'Brien" is obrien, "McDonald" mcdonald; a possessive
    drops."""
    return (
        word.removesuffix("'s")
        .removesuffix("\u2019s")
        .replace("'", "")
        .replace("\u2019", "")
        .lower()
    )


def _is_surname(word: str) -> bool:
    return any(key(part) in surnames() for part in word.split("-"))


def _tokens(value: str) -> list[tuple[int, int, str]]:
    found, start = [], 0
    for word in value.split(" "):
        found.append((start, start + len(word), word))
        start += len(word) + 1
    return found


# Words that begin places and organisations far more often than people, though some
# list of first names holds them ("North America", "Santa Clara", "Royal Mail").
_NOT_FIRST = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "new",
        "san",
        "santa",
        "saint",
        "mount",
        "lake",
        "port",
        "fort",
        "grand",
        "great",
        "upper",
        "lower",
        "central",
        "royal",
        "general",
        "united",
        "national",
        "international",
        "rio",  # Rio de Janeiro
    ]
)


# Words that end the names of places and institutions, never a person's ("Victoria
# Station", "Ada Lovelace Building"); surnames such as Hall or Park are not among them.
_PLACE_NOUNS = frozenset(
    {"station", "street", "road", "avenue", "boulevard", "square", "plaza", "airport"}
    | {"falls", "bay", "beach", "island", "islands", "valley", "canyon", "harbour", "harbor"}
    | {"building", "tower", "center", "centre", "mall", "hotel", "stadium", "arena"}
    | {"college", "university", "school", "academy", "institute", "library", "museum"}
    | {"hospital", "clinic", "cathedral", "chapel", "theatre", "theater", "gardens"}
    | {"foundation", "award", "prize", "memorial", "lecture", "fellowship", "scholarship"}
)


def _is_first_name(word: str) -> bool:
    name = key(word)
    return name in first_names() and name not in _NOT_FIRST


def _name_span(value: str, known: int) -> Span | None:
    """The first span of first name (or initial) + … + surname in the candidate, where
    `known` of the two ends (1 or 2) must be on the lists. A name that does not begin the
    run of capitals ends it: one inside a longer run ("New York Stock Exchange") is part
    of another kind of name."""
    tokens = _tokens(value)
    if key(tokens[-1][2]) in _PLACE_NOUNS:
        return None
    for i, (start, _, first) in enumerate(tokens):
        if first.endswith(".") or first in PARTICLES:
            continue  # an initial, a title or a particle cannot start a name here
        for j in range(len(tokens) - 1, i, -1):
            last = tokens[j][2]
            if last.endswith(".") or last in PARTICLES or (i > 0 and j < len(tokens) - 1):
                continue
            hits = _is_first_name(first) + (_is_surname(last) or _after_particle(tokens, j))
            if hits >= known:
                return (start, tokens[j][1])
    return None


# Particles that mark the word after them as a surname; "der", "den", "la" and "le" are
# articles too ("Sie den Betrag"), and mark one only after these ("van der Berg").
_SURNAME_PARTICLES = frozenset({"de", "da", "di", "du", "del", "della", "van", "von", "dos"})


def _after_particle(tokens: list[tuple[int, int, str]], j: int) -> bool:
    """Whether particles that mark a surname stand right before the j-th word."""
    k = j - 1
    while k > 0 and tokens[k][2] in PARTICLES:
        if tokens[k][2] in _SURNAME_PARTICLES:
            return True
        k -= 1
    return False


def full_name(value: str) -> Span | None:
    """A first name from the list followed by a surname from the list."""
    return _name_span(value, known=2)


def partial_name(value: str) -> Span | None:
    """Two or more capitalised words of which the first is a known first name or the last
    a known surname: a name only when the context says so ("Dr.", "patient", "name:")."""
    return _name_span(value, known=1)


# Words that greet or thank the person named next ("Hi Wei", "Thanks Imani", "Hola Camila").
GREETINGS = (
    *("Dear", "Hi", "Hello", "Hey", "Thanks", "Thank you", "Cheers"),
    *("Hola", "Olá", "Bonjour", "Salut", "Hallo", "Ciao", "Hej", "Hei"),
)

# Capitalised words that introduce a name in the same run of capitals ("Dear Remigio
# Cortés"): titles, greetings and closings. Labels such as "Customer" count only with their
# colon, which ends the run; without one, "Customer Success Team" is a phrase, not a label
# and a name.
_LEADERS = (
    TITLES
    | frozenset(g.split()[0].lower() for g in GREETINGS)
    | frozenset({"regards", "sincerely"})
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


def greeted_name(value: str) -> Span | None:
    """The one word after a greeting, when it is a known first name: people greet by first
    name, and surnames hold words like "All" (two-word names are the other recognizers'
    business)."""
    for greeting in GREETINGS:
        if value.startswith(greeting + " "):
            start = len(greeting) + 1
            word = value[start:]
            if key(word) not in TITLES and _is_first_name(word):
                return (start, len(value))
    return None


def related_name(value: str) -> Span | None:
    """The name after a word for someone in a person's life ("my wife Nadia", "her colleague
    Anna Berg"): a known first name, and the capitalised word after it when there is one."""
    start = value.index(" ") + 1
    if _is_first_name(value[start:].split(" ")[0]):
        return (start, len(value))
    return None


_MAILBOX = re.compile(r"[\w.%+\-]+(?=@)")


def _folded(word: str) -> str:
    """Lower-case ASCII letters only: "Thérèse" and "therese" compare equal."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if "a" <= c <= "z")


def mailbox_name(value: str) -> Span | None:
    """The capitalised words before an e-mail address whose mailbox spells them ("Lindiwe
    Dlamini <lindiwe.dlamini@…>", "… at ldlamini@…"): the address names its owner, so
    the words are a name whatever the lists say. Every word must be in the mailbox, or
    its initial with the last word ("ldlamini")."""
    mailbox = _MAILBOX.search(value)
    if mailbox is None:
        return None
    local = _folded(mailbox.group())
    end = len(value[: mailbox.start()].rstrip(" <(").removesuffix(" at").rstrip(","))
    words = [_folded(w) for w in value[:end].split(" ")]
    if len(words) < 2 or any(len(w) < 2 for w in words):
        return None
    spelled = all(w in local for w in words)
    initials = "".join(w[0] for w in words[:-1]) + words[-1] in local
    return (0, end) if spelled or initials else None


# Titles that say a person follows, whatever the name: "Mr Okonjo", "Frau Schäfer". The
# rest of TITLES also begin other things ("Dr" a drive, "Miss" a verb, "Sir" a greeting).
_PERSONAL_TITLES = frozenset(
    {"mr", "mrs", "ms", "mx", "prof", "herr", "herrn", "frau", "mme", "mlle"}
)


def titled_name(value: str) -> Span | None:
    """ "Dr. Okafor", "Mr Okonjo", "Frau Dr. Weber": the name after the titles, when one of
    them is only ever a person's or the name is a known one."""
    words = value.split(" ")
    titles = 0
    while titles < len(words) and words[titles].rstrip(".").lower() in TITLES:
        titles += 1
    name = words[titles:]
    if not titles or not name:
        return None
    known = _is_surname(name[-1]) or _is_first_name(name[0])
    personal = any(w.rstrip(".").lower() in _PERSONAL_TITLES for w in words[:titles])
    return (len(value) - len(" ".join(name)), len(value)) if known or personal else None


# Who speaks in a chat export is a person, unless the line names a role or a program.
_NOT_SPEAKERS = frozenset(
    {"system", "bot", "admin", "support", "server", "moderator", "agent", "customer", "user"}
    | {"note", "error", "warning", "info", "debug", "status", "subject", "action"}
)


def chat_speaker(value: str) -> Span | None:
    """The speaker of a chat line, between its timestamp and the colon ("[09:15] Chidinma
    Eze: …", "27/11/2026, 09:14 - Youssef: …") or in angle brackets as IRC logs write it
    ("[09:14] <Priya Raghunathan> …"): chats name people by whatever they are called, on a
    list or not."""
    end = len(value) - 1  # the colon or the closing bracket
    if "] " in value:
        start = value.rfind("] ", 0, end) + 2 + value.endswith(">")
    else:
        start = value.rfind(" - ", 0, end) + 3
    if value[start:end].lower() in _NOT_SPEAKERS:
        return None
    return (start, end)


# First names and surnames that are also common capitalised words ("Will you …", "May I
# …", "Park Avenue"): a part of a found name is another mention of it only when it is not
# one of them.
_COMMON_WORDS = frozenset(
    {"will", "may", "june", "april", "august", "mark", "bill", "rose", "grace", "hope"}
    | {"faith", "joy", "art", "pat", "sue", "don", "guy", "dawn", "chance", "summer", "winter"}
    | {"sunny", "rich", "young", "king", "long", "white", "black", "brown", "green", "gray"}
    | {"grey", "bell", "hill", "wood", "rice", "price", "cash", "case", "hall", "ford", "lane"}
    | {"park", "street", "church", "north", "south", "east", "west", "major", "page", "rock"}
    | {"stone", "day", "love"}
)


def mentioned_parts(name: str) -> list[str]:
    """The words of a full name that, standing alone elsewhere in the same text, name the
    same person ("Liam Byrne … Liam to send", "Dimitrios Papadopoulos … D. Papadopoulos"):
    not initials, titles, short words or common words."""
    words = name.split()
    if len(words) < 2:
        return []
    return [
        w
        for w in words
        if len(w) >= 3
        and w[0].isupper()  # "van" and "der" are no mention of Ludwig van Beethoven
        and key(w) not in TITLES
        and key(w) not in _COMMON_WORDS
        and "." not in w
    ]
