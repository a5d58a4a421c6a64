"""Translation between UTF-8 byte offsets (what the scanner sees), code points and UTF-16 units.

Clients in JavaScript, Java or Go slice strings in UTF-16 units or bytes; a code-point offset
used there cuts in the wrong place and leaves data visible. Every entity therefore reports all
three ranges. ASCII text (the common case) maps one to one and costs nothing.
"""

from bisect import bisect_left, bisect_right
from itertools import accumulate


class OffsetMap:
    __slots__ = ("_astral", "_byte_starts", "_text")

    def __init__(self, text: str, encoded: bytes) -> None:
        self._text = text
        if len(encoded) == len(text):
            self._byte_starts: list[int] | None = None
            self._astral: list[int] | None = None
            return
        # Byte offset at which each code point starts, and the code-point indices of
        # characters outside the BMP (each takes two UTF-16 units).
        widths = [_utf8_width(ord(c)) for c in text]
        self._byte_starts = [0, *accumulate(widths)]
        self._astral = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]

    def char_of_byte(self, byte_offset: int) -> int:
        """Code-point index of the character starting at `byte_offset` (a character boundary)."""
        if self._byte_starts is None:
            return byte_offset
        return bisect_right(self._byte_starts, byte_offset) - 1

    def byte_of_char(self, index: int) -> int:
        if self._byte_starts is None:
            return index
        return self._byte_starts[index]

    def utf16_of_char(self, index: int) -> int:
        if not self._astral:
            return index
        return index + bisect_left(self._astral, index)


def _utf8_width(code_point: int) -> int:
    if code_point < 0x80:
        return 1
    if code_point < 0x800:
        return 2
    if code_point < 0x10000:
        return 3
    return 4
