"""Where a value may begin and end: as a whole token, never inside a longer one."""


def is_bounded(text: str, start: int, end: int) -> bool:
    """No letter or digit (any script) touches the span, nor a dot or hyphen that joins it
    to one: "1.2.3.4" inside the version "1.2.3.4.5" is no IP address, and "978-88-8085"
    inside the ISBN "978-88-8085-466-1" no taxpayer number."""
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    return not (
        (before[-1:].isalnum() or (before[-1:] in _JOINERS and before[:1].isalnum()))
        or (after[:1].isalnum() or (after[:1] in _JOINERS and after[1:].isalnum()))
    )


_JOINERS = frozenset(".-")


def continues_digit_groups(text: str, start: int, end: int) -> bool:
    """A grouped number that is one part of a longer grouped number: "5861 2978 4326" in
    the order number "5861 2978 4326 2506" is no card, nor "2039 7354" a phone number."""
    value = text[start:end]
    if any(c.isalpha() for c in value):
        return False
    for sep in " -":
        if sep not in value:
            continue
        after, before = text[end : end + 2], text[max(0, start - 2) : start]
        if (after[:1] == sep and after[1:].isdigit()) or (
            before[1:] == sep and before[:1].isdigit()
        ):
            return True
    return False
