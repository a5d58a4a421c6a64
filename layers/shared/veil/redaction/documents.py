"""JSON documents: every string, and numbers that are personal data (a card number stored
as a number), visited with its path and replaced in place; keys, structure and key order
kept.

Keys are not scanned: they are the document's schema, chosen by the program that wrote it.
A number whose digits are found to be a value becomes a string (its redacted form).
Paths read `$.user.email`, `$.items[2].note`, `$['odd key']`; field selectors use the same
form with `*` for any key or index (`$.items[*].note`), and select everything below them.
"""

import re
from collections.abc import Callable, Sequence
from typing import Any

# The visitor gets a path, the key the string stands under (a list's items stand under the
# list's key; "" at the top) and the string, and answers with the string to put back.
type Visit = Callable[[str, str, str], str]

# Shorter numbers are amounts, counts and ids; no canonical type is written in fewer digits.
_MIN_PERSONAL_DIGITS = 9
_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def child_path(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    if _PLAIN_KEY.match(key):
        return f"{path}.{key}"
    return f"{path}[{key!r}]"


def walk(
    value: Any, visit: Visit, selected: Callable[[str], bool], path: str = "$", key: str = ""
) -> Any:
    """`value` with each selected string (and long integer) replaced by `visit`'s answer."""
    if isinstance(value, str):
        return visit(path, key, value) if selected(path) else value
    if isinstance(value, dict):
        return {k: walk(v, visit, selected, child_path(path, k), k) for k, v in value.items()}
    if isinstance(value, list):
        return [walk(v, visit, selected, child_path(path, i), key) for i, v in enumerate(value)]
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and abs(value) >= 10 ** (_MIN_PERSONAL_DIGITS - 1)
        and selected(path)
    ):
        text = str(value)
        replaced = visit(path, key, text)
        return value if replaced == text else replaced
    return value


def selector(fields: Sequence[str] | None) -> Callable[[str], bool]:
    """A predicate on paths: everything when `fields` is None, else the paths at or below
    one of the field selectors."""
    if fields is None:
        return lambda _: True
    patterns = [
        re.compile(
            re.escape(f).replace(r"\[\*\]", r"\[\d+\]").replace(r"\.\*", r"\.[^.\[]+")
            + r"(?:$|[.\[])"
        )
        for f in fields
    ]
    return lambda path: any(p.match(path) for p in patterns)


FIELD_SELECTOR = re.compile(r"^\$(?:\.(?:[A-Za-z_][A-Za-z0-9_]*|\*)|\[(?:\d+|\*)\])*$")
