"""The detection engine: scan once with every recognizer, validate, resolve overlaps.

The text is encoded to UTF-8 once; RE2 scans bytes (several times faster than RE2 on `str`,
which re-encodes on each call), and byte offsets are mapped back once per match. An RE2 Set
first tells which patterns match at all, so most recognizers never run on most texts.
Everything is compiled once per process (`default_engine()`), never per call.
"""

from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence
from functools import cache

import re2

from veil.detection.entities import Entity, EntityType
from veil.detection.offsets import OffsetMap
from veil.detection.recognizers import RECOGNIZERS, Recognizer


def _options() -> re2.Options:
    options = re2.Options()
    options.max_mem = 64 << 20
    options.log_errors = False  # invalid ad-hoc patterns are reported to the caller, not stderr
    return options


class Engine:
    def __init__(self, recognizers: Sequence[Recognizer] = RECOGNIZERS) -> None:
        self._recognizers = tuple(recognizers)
        options = _options()
        self._compiled = [re2.compile(r.pattern.encode(), options) for r in self._recognizers]
        self._set = re2.Set.SearchSet(options)
        for recognizer in self._recognizers:
            self._set.Add(recognizer.pattern.encode())
        self._set.Compile()
        self.supported_types = frozenset(r.entity_type for r in self._recognizers)

    def analyze(
        self,
        text: str,
        entities: Collection[EntityType] | None = None,
        score_threshold: float = 0.0,
    ) -> list[Entity]:
        """Entities found in `text`, sorted by start, without overlaps.

        `text` must encode to UTF-8 (no lone surrogates); request validation ensures it.
        """
        encoded = text.encode("utf-8")
        matched = self._set.Match(encoded)
        if not matched:
            return []
        offsets = OffsetMap(text, encoded)
        found: list[Entity] = []
        for index in sorted(matched):
            recognizer = self._recognizers[index]
            if entities is not None and recognizer.entity_type not in entities:
                continue
            if recognizer.score < score_threshold:
                continue
            found.extend(self._scan(recognizer, self._compiled[index], text, encoded, offsets))
        return resolve_overlaps(found)

    def _scan(
        self,
        recognizer: Recognizer,
        compiled: re2._Regexp,
        text: str,
        encoded: bytes,
        offsets: OffsetMap,
    ) -> Iterable[Entity]:
        position = 0
        while position < len(encoded):
            match = compiled.search(encoded, position)
            if match is None:
                return
            byte_start, byte_end = match.span()
            position = byte_end if byte_end > byte_start else byte_start + 1
            start, end = offsets.char_of_byte(byte_start), offsets.char_of_byte(byte_end)
            if recognizer.validate is not None:
                span = recognizer.validate(text[start:end])
                if span is None:
                    continue
                start, end = start + span[0], start + span[1]
                # A greedy match may take the start of the next value ("4111 1111 1111
                # 1111 4111 …"): when the validator trimmed, scan on from the trimmed end.
                position = min(position, offsets.byte_of_char(end))
            # On the validated span: the match may end inside a longer digit run that the
            # validator trimmed back to the value ("4111 1111 1111 1111 0000").
            if recognizer.bounded and not _is_bounded(text, start, end):
                continue
            yield Entity(recognizer.entity_type, start, end, recognizer.score, recognizer.name)


def _is_bounded(text: str, start: int, end: int) -> bool:
    """The match is a whole token: no letter or digit touches it, nor a dot that joins it to
    one ("1.2.3.4" inside the version "1.2.3.4.5" is no IP address)."""
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    return not (
        (before[-1:].isalnum() or (before[-1:] == "." and before[:1].isalnum()))
        or (after[:1].isalnum() or (after[:1] == "." and after[1:].isalnum()))
    )


def resolve_overlaps(candidates: Iterable[Entity]) -> list[Entity]:
    """Keep a set of non-overlapping entities, deterministically.

    Higher score wins; on a tie the longer span, then the earlier start, then the type name.
    The same text always gives the same answer, whatever order recognizers ran in.
    """
    ranked = sorted(
        set(candidates), key=lambda e: (-e.score, -(e.end - e.start), e.start, e.type, e.recognizer)
    )
    # Kept spans never overlap, so in start order they are in end order too: a candidate
    # need only be checked against its two neighbours (n log n, not n^2, on dense texts).
    kept: list[Entity] = []
    starts: list[int] = []
    for entity in ranked:
        at = bisect_left(starts, entity.start)
        if at > 0 and kept[at - 1].end > entity.start:
            continue
        if at < len(kept) and entity.end > kept[at].start:
            continue
        kept.insert(at, entity)
        starts.insert(at, entity.start)
    return kept


@cache
def default_engine() -> Engine:
    return Engine()
