"""Translation between UTF-8 byte offsets (what the scanner sees), code points and UTF-16 units.

Clients in JavaScript, Java or Go slice strings in UTF-16 units or bytes; a code-point offset
used there cuts in the wrong place and leaves data visible. Every entity therefore reports all
three ranges. ASCII text (the common case) maps one to one and costs nothing; other text costs
in proportion to its non-ASCII characters (an accented name in an English ticket), not to its
length.
"""

import re
from bisect import bisect_left, bisect_right


class OffsetMap:
    __slots__ = ("_astral", "_char_at", "_extra", "_wide_bytes")

    def __init__(self, text: str, encoded: bytes) -> None:
        # For each non-ASCII character, in order: its code-point index, the byte offset at
        # which it starts, and the extra bytes (over one per character) up to its end.
        self._char_at: list[int] = []
        self._wide_bytes: list[int] = []
        self._extra: list[int] = []
        self._astral: list[int] = []
        if len(encoded) == len(text):
            return
        extra = 0
        for found in _NON_ASCII.finditer(text):
            index = found.start()
            code_point = ord(found.group())
            self._char_at.append(index)
            self._wide_bytes.append(index + extra)
            extra += 1 if code_point < 0x800 else 2 if code_point < 0x10000 else 3
            self._extra.append(extra)
            if code_point > 0xFFFF:  # two UTF-16 units
                self._astral.append(index)

    def char_of_byte(self, byte_offset: int) -> int:
        """Code-point index of the character starting at `byte_offset` (a character boundary)."""
        before = bisect_right(self._wide_bytes, byte_offset - 1)
        return byte_offset - (self._extra[before - 1] if before else 0)

    def byte_of_char(self, index: int) -> int:
        before = bisect_left(self._char_at, index)
        return index + (self._extra[before - 1] if before else 0)

    def utf16_of_char(self, index: int) -> int:
        return index + bisect_left(self._astral, index) if self._astral else index


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
