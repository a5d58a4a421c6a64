"""Precision, recall, F1 and F2 per entity type, exact and overlap matching, and the rate at
which hard negatives are flagged.

Exact: a prediction counts when its type, start and end equal a labeled value's. Overlap:
when its type equals and the spans share a character. A prediction of the wrong type counts
against both types. A prediction that touches a hard negative (and no labeled value) makes
that negative a false positive.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bench.corpus import DECOY, Span


@dataclass(frozen=True)
class Counts:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def f(self, beta: float) -> float:
        p, r = self.precision, self.recall
        return (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0


@dataclass(frozen=True)
class Report:
    exact: dict[str, Counts]
    overlap: dict[str, Counts]
    decoys: int
    decoys_flagged: int
    support: Counter[str]

    @property
    def false_positive_rate(self) -> float:
        return self.decoys_flagged / self.decoys if self.decoys else 0.0


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def score(gold: Iterable[Sequence[Span]], predicted: Iterable[Sequence[Span]]) -> Report:
    tallies: dict[str, Counter[str]] = {"exact": Counter(), "overlap": Counter()}
    support: Counter[str] = Counter()
    decoys = flagged = 0
    for truth, found in zip(gold, predicted, strict=True):
        labeled = [s for s in truth if s.type != DECOY]
        negatives = [s for s in truth if s.type == DECOY]
        support.update(s.type for s in labeled)
        decoys += len(negatives)
        flagged += sum(
            1
            for n in negatives
            if any(_overlaps(n, p) and not any(_overlaps(p, g) for g in labeled) for p in found)
        )
        for mode, same in (
            ("exact", lambda a, b: (a.start, a.end) == (b.start, b.end)),
            ("overlap", _overlaps),
        ):
            counts = tallies[mode]
            for g in labeled:
                hit = any(p.type == g.type and same(p, g) for p in found)
                counts[f"{g.type}:tp" if hit else f"{g.type}:fn"] += 1
            for p in found:
                if not any(p.type == g.type and same(p, g) for g in labeled):
                    counts[f"{p.type}:fp"] += 1
    types = sorted({k.split(":")[0] for c in tallies.values() for k in c} | set(support))
    by_mode = {
        mode: {t: Counts(c[f"{t}:tp"], c[f"{t}:fp"], c[f"{t}:fn"]) for t in types}
        for mode, c in tallies.items()
    }
    return Report(by_mode["exact"], by_mode["overlap"], decoys, flagged, support)


def micro(counts: Iterable[Counts]) -> Counts:
    items = list(counts)
    return Counts(sum(c.tp for c in items), sum(c.fp for c in items), sum(c.fn for c in items))


UNSTRUCTURED = frozenset({"PERSON", "ADDRESS"})


def table(report: Report) -> str:
    lines = [
        "| type | support | P (overlap) | R (overlap) | F1 (overlap) | F2 (overlap) "
        "| P (exact) | R (exact) | F1 (exact) | F2 (exact) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for t in sorted(report.overlap):
        o, e = report.overlap[t], report.exact[t]
        lines.append(
            f"| {t} | {report.support[t]} | {o.precision:.3f} | {o.recall:.3f} | {o.f(1):.3f} "
            f"| {o.f(2):.3f} | {e.precision:.3f} | {e.recall:.3f} | {e.f(1):.3f} | {e.f(2):.3f} |"
        )
    structured_o = micro(c for t, c in report.overlap.items() if t not in UNSTRUCTURED)
    structured_e = micro(c for t, c in report.exact.items() if t not in UNSTRUCTURED)
    support = sum(n for t, n in report.support.items() if t not in UNSTRUCTURED)
    lines.append(
        f"| **structured, micro** | {support} "
        f"| {structured_o.precision:.3f} | {structured_o.recall:.3f} | {structured_o.f(1):.3f} "
        f"| {structured_o.f(2):.3f} | {structured_e.precision:.3f} | {structured_e.recall:.3f} "
        f"| {structured_e.f(1):.3f} | {structured_e.f(2):.3f} |"
    )
    lines.append("")
    lines.append(
        f"Hard negatives flagged: {report.decoys_flagged} of {report.decoys} "
        f"({report.false_positive_rate:.2%})."
    )
    return "\n".join(lines)
