"""The detection engine: scan once with every recognizer, validate, weigh context, resolve
overlaps.

The text is encoded to UTF-8 once; RE2 scans bytes (several times faster than RE2 on `str`,
which re-encodes on each call), and byte offsets are mapped back once per match. RE2 Sets
first tell which patterns match at all, so most recognizers never run on most texts.
Everything is compiled once per process (`default_engine()`), never per call.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from itertools import accumulate, islice

import re2

from veil.detection import names
from veil.detection.boundaries import continues_digit_groups, is_bounded
from veil.detection.context import NearbyWords, nearest
from veil.detection.entities import Entity, EntityType, Explanation
from veil.detection.offsets import OffsetMap
from veil.detection.options import DEFAULT_OPTIONS, Options, deny_list_matches, drop_allowed
from veil.detection.recognizers import RECOGNIZERS, Recognizer


def _options() -> re2.Options:
    options = re2.Options()
    options.max_mem = 64 << 20
    options.log_errors = False
    return options


class Engine:
    def __init__(self, recognizers: Sequence[Recognizer] = RECOGNIZERS) -> None:
        self._recognizers = tuple(recognizers)
        options = _options()
        self._compiled = [re2.compile(r.pattern.encode(), options) for r in self._recognizers]
        groups, self._unfiltered = _groups([c.programsize for c in self._compiled])
        self._prefilters = [
            (_search_set(self._recognizers[i].pattern for i in group), group) for group in groups
        ]
        self.supported_types = frozenset(r.entity_type for r in self._recognizers)

    def _matching(self, encoded: bytes) -> list[int]:
        """Indices of the recognizers whose pattern occurs in the text, in order."""
        found = list(self._unfiltered)
        for prefilter, group in self._prefilters:
            found.extend(group[i] for i in prefilter.Match(encoded) or ())
        return sorted(found)

    def analyze(
        self, text: str, options: Options = DEFAULT_OPTIONS, label: str = ""
    ) -> list[Entity]:
        """Entities found in `text`, sorted by start, without overlaps.

        `label` names what the whole text is the value of (a JSON key such as "dob" or
        "phoneNumber"); its words count as context before every value. `text` must encode
        to UTF-8 (no lone surrogates); request validation ensures it.
        """
        encoded = text.encode("utf-8")
        matched = self._matching(encoded)
        if not (matched or options.patterns or options.deny_list):
            return []
        offsets = OffsetMap(text, encoded)
        scans = [(self._recognizers[i], self._compiled[i]) for i in matched]
        scans += [(p.recognizer, p.compiled) for p in options.patterns]
        words = NearbyWords(text, label)
        found: list[Entity] = []
        for recognizer, compiled in scans:
            if options.wants(recognizer.entity_type) and _may_find(recognizer, words):
                found.extend(
                    self._scan(recognizer, compiled, text, encoded, offsets, words, options)
                )
        found.extend(
            e
            for e in deny_list_matches(text, options.deny_list, options.explain)
            if options.wants(e.type)
        )
        kept = resolve_overlaps(e for e in found if e.score >= options.score_threshold)
        recurring = repeats(text, kept)
        if recurring:  # most texts have none: no second sort
            kept = resolve_overlaps(kept + recurring)
        return drop_allowed(text, kept, options.allow_list)

    def _scan(
        self,
        recognizer: Recognizer,
        compiled: re2._Regexp,
        text: str,
        encoded: bytes,
        offsets: OffsetMap,
        words: NearbyWords,
        options: Options,
    ) -> Iterable[Entity]:
        position = 0
        size = len(encoded)
        search = _searcher(compiled)
        while position < size:
            byte_start, byte_end = search(encoded, position, size)
            if byte_start < 0:
                return
            position = byte_end if byte_end > byte_start else byte_start + 1
            start, end = offsets.char_of_byte(byte_start), offsets.char_of_byte(byte_end)
            if recognizer.label_only:
                if recognizer.context.isdisjoint(words.labels(start)) or not _whole_field(
                    text, start, end
                ):
                    continue
            elif recognizer.needs_context and not words.any_near(recognizer.context, start, end):
                # Cheaper than the validator, and no later match on this line can have a
                # supporting word either (these patterns never span lines): skip the line,
                # unless it is a table's row, whose every column has a label of its own.
                if not words.column_label(start):
                    line_end = text.find("\n", end)
                    line_end = len(text) if line_end < 0 else line_end
                    position = max(position, offsets.byte_of_char(line_end))
                continue
            if recognizer.validate is not None:
                span = recognizer.validate(text[start:end])
                if span is None:
                    position = _past_token(recognizer, text, end, position, offsets)
                    continue
                start, end = start + span[0], start + span[1]
                # A greedy match may take the start of the next value ("4111 1111 1111
                # 1111 4111 …"): when the validator trimmed, scan on from the trimmed end.
                position = min(position, offsets.byte_of_char(end))
            # On the validated span: the match may end inside a longer digit run that the
            # validator trimmed back to the value ("4111 1111 1111 1111 0000").
            if recognizer.bounded and (
                not is_bounded(text, start, end) or continues_digit_groups(text, start, end)
            ):
                position = _past_token(recognizer, text, end, position, offsets)
                continue
            entity = _weighed(recognizer, words, start, end, options.explain)
            if entity is not None:
                yield entity


def _may_find(recognizer: Recognizer, words: NearbyWords) -> bool:
    """Whether the text can hold a finding of the recognizer at all: a recognizer that
    needs a context word finds nothing in a text without one, nor a recognizer that reads
    only labels in a text without any."""
    if recognizer.label_only and not words.has_labels():
        return False
    return not recognizer.needs_context or words.anywhere(recognizer.context)


_FIELD_EDGES = frozenset(",;\t|\n")
_PADDING = 16


def _whole_field(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a whole field: a table's cell, a quoted SQL value or the
    whole text, quotes and spaces around it allowed."""
    # A field's padding is short; a window keeps the cost independent of the text's length.
    before = text[max(0, start - _PADDING) : start].rstrip(" \"'")
    after = text[end : end + _PADDING].lstrip(" \"'")
    if (start > _PADDING and not before) or (end + _PADDING < len(text) and not after):
        return False
    return (not before or before[-1] in _FIELD_EDGES or before[-1] == "(") and (
        not after or after[0] in _FIELD_EDGES or after[0] == ")"
    )


def _searcher(compiled: re2._Regexp) -> Callable[[bytes, int, int], tuple[int, int]]:
    """The span of the leftmost match in encoded[pos:endpos], or (-1, -1).

    RE2's own call, beneath the wrapper: `_Regexp.search` builds a match object through a
    generator on every call, where the engine, making tens of calls per recognizer, needs
    only the span. (google-re2 is pinned; tests/unit/test_engine.py checks the spans
    against `search`.)"""
    match = compiled._regexp.Match
    anchor = re2._Anchor.UNANCHORED
    return lambda encoded, pos, endpos: match(anchor, encoded, pos, endpos)[0]


# RE2 answers "which of these patterns occur" in one pass per Set, but the automaton of a
# Set is the product of its patterns': one Set of all of them is many times slower than
# the engine's Sets (`make bench` prints both), because digit patterns (cards, SSNs,
# phones, national ids) are active together on every number and the automaton thrashes
# its cache; larger budgets than this one were slower on the whole corpus too. Patterns
# with Unicode letter classes (names, addresses: programs of thousands of instructions)
# are scanned without a Set: most of them match in most texts, where a Set of their own
# would only add a pass.
_PREFILTER_PROGRAM_BUDGET = 100
_NO_PREFILTER_ABOVE = 5000


def _groups(program_sizes: Sequence[int]) -> tuple[list[list[int]], list[int]]:
    """Recognizer indices packed into groups, smallest programs first, deterministically;
    and the indices of the programs scanned without a prefilter."""
    groups: list[list[int]] = []
    unfiltered = [i for i, size in enumerate(program_sizes) if size > _NO_PREFILTER_ABOVE]
    packed = [i for i, size in enumerate(program_sizes) if size <= _NO_PREFILTER_ABOVE]
    size = _PREFILTER_PROGRAM_BUDGET
    for index in sorted(packed, key=lambda i: (program_sizes[i], i)):
        if size + program_sizes[index] > _PREFILTER_PROGRAM_BUDGET:
            groups.append([])
            size = 0
        groups[-1].append(index)
        size += program_sizes[index]
    return groups, unfiltered


def _search_set(patterns: Iterable[str]) -> re2.Set:
    prefilter = re2.Set.SearchSet(_options())
    for pattern in patterns:
        prefilter.Add(pattern.encode())
    prefilter.Compile()
    return prefilter


_WORD = re.compile(r"[^\W_]+")  # a run of letters and digits, any script
_NOT_WORD = re.compile(r"([\W_]+)")  # captured: split keeps what separates words


def _past_token(
    recognizer: Recognizer, text: str, end: int, position: int, offsets: OffsetMap
) -> int:
    """Where to search next after a rejected match. A bounded recognizer's later matches
    that start inside the same run of letters and digits all fail their boundary check:
    skip the run ("1" * 100_000 would otherwise be thousands of matches per pattern)."""
    if not recognizer.bounded:
        return position
    run = _WORD.match(text, end)
    return max(position, offsets.byte_of_char(run.end() if run else end))


def _weighed(
    recognizer: Recognizer, words: NearbyWords, start: int, end: int, explain: bool
) -> Entity | None:
    """The entity with its score after context, or None when context rules it out."""
    hit = None
    if recognizer.context or recognizer.against:
        before, after = (
            (words.labels(start), []) if recognizer.label_only else words.around(start, end)
        )
        hit = nearest(recognizer.context, before, after)
        if hit is not None and hit.distance > recognizer.context_reach:
            hit = None
        if hit is None and recognizer.needs_context:
            return None
        marked = nearest(recognizer.against, before, after)
        if (
            marked is not None
            and marked.distance <= recognizer.against_reach
            and (hit is None or marked.distance < hit.distance)
        ):
            return None
    score = recognizer.score if hit is None else min(1.0, recognizer.score + hit.boost)
    explanation = None
    if explain:
        validator = recognizer.validate
        explanation = Explanation(
            recognizer=recognizer.name,
            pattern=recognizer.pattern,
            validator=getattr(validator, "__name__", None) if validator else None,
            base_score=recognizer.score,
            context_word=hit.word if hit else None,
            score=round(score, 4),
        )
    return Entity(recognizer.entity_type, start, end, round(score, 4), recognizer.name, explanation)


def repeats(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """Other whole-token occurrences of values already found. Context may decide a value
    once ("Card: 4111…") and not where it appears again ("… same as 4111…"); once known to
    be personal, it is redacted everywhere in the text. A person is named again by a part
    of their name ("Liam Byrne … Liam will send"). No occurrence cuts into a longer finding:
    "Anna", found in a name column, is not the "Anna" of "Anna Berg"."""
    wanted: list[tuple[str, Entity]] = []
    for value, entity in {text[e.start : e.end]: e for e in entities}.items():
        if len(value) >= _MIN_REPEAT_LENGTH:
            wanted.append((value, entity))
        if entity.type is EntityType.PERSON:
            wanted.extend((part, entity) for part in names.mentioned_parts(value))
    if not wanted:
        return []
    occurrences = _Occurrences(text, [value for value, _ in wanted])
    starts, ends = [e.start for e in entities], [e.end for e in entities]
    # An occurrence already found as this type, at least as surely, is no news: a text
    # that repeats one name thousands of times would otherwise double its entities.
    known = {(e.start, e.end, e.type): e.score for e in entities}
    found: list[Entity] = []
    for value, entity in wanted:
        size, skip_to = len(value), -1
        for start in occurrences.starts(value):
            # No occurrence is part of a longer finding ("Anna" of "Anna Berg"), though it
            # may cover findings. The cheap tests first: in a text that is one name after
            # another, most occurrences of a name's parts lie inside names already found,
            # and once a candidate begins inside a finding, so do the rest inside it.
            if start < skip_to:
                continue
            first = bisect_right(ends, start)  # the first finding ending past `start`
            if first < len(ends) and starts[first] < start:
                skip_to = ends[first]
                continue
            end = start + size
            last = bisect_left(starts, end) - 1  # the last finding beginning before `end`
            if (
                (last >= first and ends[last] > end)
                or not text.startswith(value, start)
                or known.get((start, end, entity.type), -1.0) >= entity.score
                or not is_bounded(text, start, end)
            ):
                continue
            skip_to = end
            found.append(
                Entity(entity.type, start, end, entity.score, "repeat", entity.explanation)
            )
    return found


class _Occurrences:
    """Where values stand in a text as whole tokens.

    A value that begins with a letter or digit stands as a whole token only where a word
    (a run of letters and digits) of the text equals its first word. With many values (a
    100 KB text holds hundreds), the words they begin with are indexed in one pass over the
    text, instead of one search of the whole text per value; with few, searching is cheaper
    than the pass."""

    def __init__(self, text: str, values: Iterable[str]) -> None:
        self._text = text
        self._starts: dict[str, list[int]] | None = None
        firsts = {match.group() for match in map(_WORD.match, values) if match}
        if len(firsts) > _INDEX_ABOVE:
            self._starts = {}
            parts = _NOT_WORD.split(text)  # words at even indices, what separates them at odd
            offsets = islice(accumulate(map(len, parts), initial=0), 0, None, 2)
            for word, start in zip(parts[::2], offsets, strict=True):
                if word in firsts:
                    self._starts.setdefault(word, []).append(start)

    def starts(self, value: str) -> Iterable[int]:
        """Positions in ascending order, among them every start of a whole-token
        occurrence of `value`; the caller tests each (`str.startswith`, `is_bounded`)."""
        first = _WORD.match(value)
        if self._starts is not None and first:
            return self._starts.get(first.group(), ())
        return self._found(value)

    def _found(self, value: str) -> Iterator[int]:
        start = self._text.find(value)
        while start != -1:
            yield start
            start = self._text.find(value, start + 1)


# Above this many distinct first words, indexing a text's words costs less than searching
# the text once per value: chosen by timing `repeats` alone on the 1 KB, 10 KB and 100 KB
# documents of `python -m bench.engine` with 20, 40 and 80 (a timing no command repeats).
_INDEX_ABOVE = 40


_MIN_REPEAT_LENGTH = 4  # "Dr. Li" says nothing about every "Li" in the text


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
