"""The accuracy harness: run the extractor over a gold corpus and score it.

A corpus is a folder of documents (``<name>.txt`` or ``<name>.md``, first line the title), each
with ``<name>.gold.csv`` beside it and optionally ``<name>.meta.json`` (its ``published`` date
resolves relative periods). Gold columns: ``id,value,unit,bound,period,subject,metric,
change_pct,change_basis,anchor`` and optionally ``value_high``; see ``docs/conventions.md``.

A gold fact matches an extracted fact when the units are equal, the values are equal within a
relative 1e-6 (``value_high`` too when the gold gives one; a change-only fact, value empty, is
compared on ``change_pct``) and the extracted span overlaps the anchor. Matching is one-to-one,
greedy by overlap. Precision, recall and F1 count these matches; bound, period, change, subject
and metric are then scored as the share of matched facts that get them right.

>>> period_bounds("2025-Q2")
(datetime.date(2025, 4, 1), datetime.date(2025, 6, 30))
>>> period_bounds("2021..2025")
(datetime.date(2021, 1, 1), datetime.date(2025, 12, 31))
"""

from __future__ import annotations

import argparse
import calendar
import csv
import hashlib
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polars as pl

from gzetl.catalogue import metrics, subjects
from gzetl.errors import SourceError
from gzetl.extraction.zh import is_chinese
from gzetl.schemas.facts import BOUNDS, CHANGE_BASIS_PATTERN

GOLD_COLUMNS = (
    "id",
    "value",
    "unit",
    "bound",
    "period",
    "subject",
    "metric",
    "change_pct",
    "change_basis",
    "anchor",
)
OPTIONAL_GOLD_COLUMNS = ("value_high",)
DOCUMENT_SUFFIXES = (".txt", ".md")
VALUE_RTOL = 1e-6
CHANGE_ATOL = 1e-6
ATTRIBUTES = ("bound", "period", "change", "subject", "metric")

_PERIOD = re.compile(
    r"""^(?:
        (?P<year>\d{4})                                   # 2025
      | (?P<qyear>\d{4})-Q(?P<quarter>[1-4])              # 2025-Q1
      | (?P<hyear>\d{4})-H(?P<half>[12])                  # 2025-H1
      | (?P<myear>\d{4})-(?P<month>0[1-9]|1[0-2])         # 2025-03
      | (?P<m1year>\d{4})-(?P<m1>0[1-9]|1[0-2])           # 2025-01..2025-11 (months)
        \.\.(?P<m2year>\d{4})-(?P<m2>0[1-9]|1[0-2])
      | (?P<y1>\d{4})\.\.(?P<y2>\d{4})                    # 2021..2025 (years)
      | (?P<d1>\d{4}-\d{2}-\d{2})\.\.(?P<d2>\d{4}-\d{2}-\d{2})  # 2025-01-01..2025-01-14 (days)
    )$""",
    re.VERBOSE,
)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def period_bounds(label: str) -> tuple[date | None, date | None]:
    """First and last day of a gold-format period; ``("", )`` -> ``(None, None)``.

    >>> period_bounds("2025-01..2025-11")
    (datetime.date(2025, 1, 1), datetime.date(2025, 11, 30))
    >>> period_bounds("")
    (None, None)
    """
    if not label:
        return None, None
    m = _PERIOD.match(label)
    if m is None:
        raise ValueError(
            f"period {label!r} is not in the gold format "
            "(2025, 2025-Q1, 2025-H1, 2025-03, 2025-01..2025-11, 2021..2025, "
            "2025-01-01..2025-01-14)"
        )
    if m["d1"]:
        return date.fromisoformat(m["d1"]), date.fromisoformat(m["d2"])
    g = {k: int(v) for k, v in m.groupdict().items() if v is not None}
    if "year" in g:
        first, last = (g["year"], 1), (g["year"], 12)
    elif "qyear" in g:
        first, last = (g["qyear"], 3 * g["quarter"] - 2), (g["qyear"], 3 * g["quarter"])
    elif "hyear" in g:
        first, last = (g["hyear"], 6 * g["half"] - 5), (g["hyear"], 6 * g["half"])
    elif "myear" in g:
        first = last = (g["myear"], g["month"])
    elif "m1year" in g:
        first, last = (g["m1year"], g["m1"]), (g["m2year"], g["m2"])
    else:
        first, last = (g["y1"], 1), (g["y2"], 12)
    return date(*first, 1), _month_end(*last)


@dataclass(frozen=True, slots=True)
class GoldFact:
    """One row of a gold file, with the anchor located in the document text."""

    id: str
    value: float | None
    value_high: float | None
    unit: str | None
    bound: str
    period: str
    period_start: date | None
    period_end: date | None
    subject: str | None
    metric: str | None
    change_pct: float | None
    change_basis: str | None
    anchor: str
    anchor_start: int  # -1 when the anchor is not in the text
    line: int  # line of the gold file, for messages


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """A corpus document, its metadata and its gold facts."""

    name: str
    path: Path
    text: str
    published: date | None
    gold: tuple[GoldFact, ...]
    language: str = "en"  # "language" of the .meta.json ("zh" for Chinese releases)

    @property
    def doc_id(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]


def _float(raw: str, where: str) -> float | None:
    if raw.strip() == "":
        return None
    try:
        return float(raw)
    except ValueError as exc:
        raise SourceError(where, f"expected a number, found {raw!r}") from exc


def _gold_fact(row: dict[str, str], text: str, where: str, line: int) -> GoldFact:
    try:
        start, end = period_bounds(row["period"].strip())
    except ValueError as exc:
        raise SourceError(where, str(exc)) from exc
    anchor = row["anchor"]
    return GoldFact(
        id=row["id"],
        value=_float(row["value"], where),
        value_high=_float(row.get("value_high") or "", where),
        unit=row["unit"].strip() or None,
        bound=row["bound"].strip() or "eq",
        period=row["period"].strip(),
        period_start=start,
        period_end=end,
        subject=row["subject"].strip() or None,
        metric=row["metric"].strip() or None,
        change_pct=_float(row["change_pct"], where),
        change_basis=row["change_basis"].strip() or None,
        anchor=anchor,
        anchor_start=text.find(anchor) if anchor else -1,
        line=line,
    )


def load_gold(path: Path, text: str) -> tuple[GoldFact, ...]:
    """Read one gold file; a missing column or a malformed cell names the file and line."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in GOLD_COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise SourceError(
                str(path), f"gold file lacks columns {missing}; expected {list(GOLD_COLUMNS)}"
            )
        return tuple(
            _gold_fact(row, text, f"{path}:{line}", line)
            for line, row in enumerate(reader, start=2)
        )


def _language(text: str) -> str:
    """The language extraction reads ``text`` in: "zh" or "en"."""
    return "zh" if is_chinese(text) else "en"


def _meta(meta_path: Path, text: str) -> tuple[date | None, str]:
    """(published date, language) of a .meta.json; the language of the text where it says none."""
    if not meta_path.exists():
        return None, _language(text)
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        raw = meta.get("published")
        language = str(meta.get("language") or _language(text))
        return (date.fromisoformat(raw) if raw else None), language
    except (json.JSONDecodeError, ValueError) as exc:
        problem = f"expected JSON with an ISO 'published' date: {exc}"
        raise SourceError(str(meta_path), problem) from exc


def load_corpus(corpus_dir: Path | str) -> list[GoldDocument]:
    """Every document of the folder that has a gold file beside it, sorted by name."""
    folder = Path(corpus_dir)
    if not folder.is_dir():
        raise SourceError(str(folder), "expected a corpus folder")
    docs = []
    for path in sorted(folder.iterdir()):
        if path.suffix not in DOCUMENT_SUFFIXES:
            continue
        gold_path = path.with_name(f"{path.stem}.gold.csv")
        if not gold_path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        published, language = _meta(path.with_name(f"{path.stem}.meta.json"), text)
        docs.append(
            GoldDocument(
                name=path.name,
                path=path,
                text=text,
                published=published,
                gold=load_gold(gold_path, text),
                language=language,
            )
        )
    return docs


def canonical_units() -> frozenset[str]:
    """Units a fact may carry: those of the metric catalogue, plus percent for shares."""
    return frozenset({u for m in metrics().values() for u in m.units} | {"percent"})


def validate_gold(doc: GoldDocument) -> list[str]:
    """Problems of a gold file against its text, the catalogue and the conventions; [] if none."""
    units, known_metrics, known_subjects = canonical_units(), metrics(), subjects()
    basis = re.compile(CHANGE_BASIS_PATTERN)
    problems = []
    for g in doc.gold:
        at = f"{doc.name} gold line {g.line} (id {g.id})"
        count = doc.text.count(g.anchor) if g.anchor else 0
        if count != 1:
            problems.append(f"{at}: anchor {g.anchor!r} occurs {count} times, expected once")
        if g.unit is not None and g.unit not in units:
            problems.append(f"{at}: unit {g.unit!r} is not canonical ({sorted(units)})")
        if (g.value is None) != (g.unit is None):
            problems.append(f"{at}: value and unit must be both given or both empty")
        if g.value is None and g.change_pct is None:
            problems.append(f"{at}: a fact with no value must carry change_pct")
        if g.metric is not None and g.metric not in known_metrics:
            problems.append(f"{at}: metric {g.metric!r} is not in metrics.toml")
        if g.subject is not None and g.subject not in known_subjects:
            problems.append(f"{at}: subject {g.subject!r} is not in subjects.toml")
        if g.bound not in BOUNDS:
            problems.append(f"{at}: bound {g.bound!r} is not one of {BOUNDS}")
        if (g.bound == "range") != (g.value_high is not None):
            problems.append(f"{at}: value_high is required with bound 'range' and only then")
        if g.change_basis is not None and not basis.match(g.change_basis):
            problems.append(f"{at}: change_basis {g.change_basis!r} is not {CHANGE_BASIS_PATTERN}")
        if g.change_basis is not None and g.change_pct is None:
            problems.append(f"{at}: change_basis given without change_pct")
    return problems


# -- matching -------------------------------------------------------------------------------

GOLD_SCHEMA = pl.Schema(
    {
        "doc": pl.String,
        "gold_id": pl.String,
        "anchor": pl.String,
        "anchor_start": pl.Int64,
        "anchor_end": pl.Int64,
        "g_value": pl.Float64,
        "g_value_high": pl.Float64,
        "g_unit": pl.String,
        "g_bound": pl.String,
        "g_period_start": pl.Date,
        "g_period_end": pl.Date,
        "g_subject": pl.String,
        "g_metric": pl.String,
        "g_change_pct": pl.Float64,
        "g_change_basis": pl.String,
    }
)


def gold_frame(docs: Sequence[GoldDocument]) -> pl.DataFrame:
    """The gold facts of documents as one frame (columns of GOLD_SCHEMA)."""
    rows = [
        {
            "doc": d.name,
            "gold_id": g.id,
            "anchor": g.anchor,
            "anchor_start": g.anchor_start,
            "anchor_end": g.anchor_start + len(g.anchor),
            "g_value": g.value,
            "g_value_high": g.value_high,
            "g_unit": g.unit,
            "g_bound": g.bound,
            "g_period_start": g.period_start,
            "g_period_end": g.period_end,
            "g_subject": g.subject,
            "g_metric": g.metric,
            "g_change_pct": g.change_pct,
            "g_change_basis": g.change_basis,
        }
        for d in docs
        for g in d.gold
    ]
    return pl.DataFrame(rows, schema=GOLD_SCHEMA)


def _change_close() -> pl.Expr:
    """Change rates within CHANGE_ATOL percent; false when either is null."""
    diff = (pl.col("g_change_pct") - pl.col("change_pct")).abs()
    return (diff <= CHANGE_ATOL).fill_null(value=False)


def _close(a: pl.Expr, b: pl.Expr) -> pl.Expr:
    """Relative closeness of two float columns; false when either is null."""
    scale = pl.max_horizontal(a.abs(), b.abs())
    return ((a - b).abs() <= scale * VALUE_RTOL).fill_null(value=False)


def candidate_pairs(gold: pl.DataFrame, extracted: pl.DataFrame) -> pl.DataFrame:
    """Every (gold, extracted) pair of one document that could match, with its overlap.

    ``extracted`` needs ``doc``, ``row`` (a unique row number) and the facts columns
    ``span_start, span_end, value, value_high, unit, change_pct``.
    """
    change_close = _change_close()
    value_ok = (
        pl.when(pl.col("g_value").is_null())
        .then(pl.col("value").is_null() & change_close)
        .otherwise(_close(pl.col("g_value"), pl.col("value")))
    )
    high_ok = pl.col("g_value_high").is_null() | _close(
        pl.col("g_value_high"), pl.col("value_high")
    )
    overlap = pl.min_horizontal("anchor_end", "span_end") - pl.max_horizontal(
        "anchor_start", "span_start"
    )
    return (
        gold.join(extracted, on="doc", how="inner")
        .with_columns(overlap=overlap)
        .filter(
            pl.col("g_unit").eq_missing(pl.col("unit")),
            value_ok,
            high_ok,
            pl.col("overlap") > 0,
        )
        .sort(["overlap", "doc", "gold_id", "row"], descending=[True, False, False, False])
    )


def greedy_match(candidates: pl.DataFrame) -> pl.DataFrame:
    """Pick pairs one-to-one in the candidates' order (largest overlap first)."""
    used_gold: set[tuple[str, str]] = set()
    used_rows: set[int] = set()
    keep = []
    for i, (doc, gold_id, row) in enumerate(candidates.select("doc", "gold_id", "row").iter_rows()):
        if (doc, gold_id) in used_gold or row in used_rows:
            continue
        used_gold.add((doc, gold_id))
        used_rows.add(row)
        keep.append(i)
    return candidates[keep]


def attribute_checks(matched: pl.DataFrame) -> pl.DataFrame:
    """One boolean column per attribute: is it right on this matched pair?"""
    return matched.with_columns(
        bound_ok=pl.col("g_bound").eq_missing(pl.col("bound")),
        period_ok=pl.col("g_period_start").eq_missing(pl.col("period_start"))
        & pl.col("g_period_end").eq_missing(pl.col("period_end")),
        change_ok=(
            (pl.col("g_change_pct").is_null() & pl.col("change_pct").is_null()) | _change_close()
        )
        & pl.col("g_change_basis").eq_missing(pl.col("change_basis")),
        subject_ok=pl.col("g_subject").eq_missing(pl.col("subject")),
        metric_ok=pl.col("g_metric").eq_missing(pl.col("metric")),
    )


# -- report ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Targets:
    """Accuracy targets of the development corpus (issue 3)."""

    f1: float = 0.97
    bound: float = 0.95
    period: float = 0.95
    change: float = 0.95
    subject: float = 0.90


@dataclass(frozen=True)
class Report:
    """Scores of one run: counts, attribute accuracy among matches, and the misses and extras."""

    documents: int
    gold: int
    extracted: int
    matched: int
    attribute_correct: dict[str, int]
    misses: pl.DataFrame  # gold facts with no match
    extras: pl.DataFrame  # extracted facts with no match
    # matched pairs with at least one wrong attribute
    wrong: pl.DataFrame = field(default_factory=pl.DataFrame)
    # every matched pair with its attribute checks (``<attribute>_ok`` columns)
    pairs: pl.DataFrame = field(default_factory=pl.DataFrame)

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, attribute: str) -> float:
        """Share of matched facts with the attribute right (0.0 when nothing matched)."""
        return self.attribute_correct[attribute] / self.matched if self.matched else 0.0

    def missed_targets(self, targets: Targets = Targets()) -> list[str]:
        """One line per target not met; [] when all are met."""
        missed = []
        if self.f1 < targets.f1:
            missed.append(f"value+unit F1 {self.f1:.3f} < {targets.f1:.3f}")
        for attribute in ("bound", "period", "change", "subject"):
            got, want = self.accuracy(attribute), getattr(targets, attribute)
            if got < want:
                missed.append(f"{attribute} {got:.3f} of matched < {want:.3f}")
        return missed


Extractor = Callable[..., pl.DataFrame]


def _default_extractor() -> Extractor:
    from gzetl.extraction import extract_document  # noqa: PLC0415 - the extractor is optional here

    return extract_document


def score(docs: Sequence[GoldDocument], extracted: pl.DataFrame) -> Report:
    """Score extracted facts (facts columns plus ``doc``) against the gold of ``docs``."""
    gold = gold_frame(docs)
    extracted = extracted.with_row_index("row").with_columns(pl.col("row").cast(pl.Int64))
    matched = greedy_match(candidate_pairs(gold, extracted))
    checked = attribute_checks(matched)
    correct = {a: int(checked[f"{a}_ok"].sum()) for a in ATTRIBUTES}
    misses = gold.join(matched.select("doc", "gold_id"), on=["doc", "gold_id"], how="anti")
    extras = extracted.join(matched.select("row"), on="row", how="anti")
    wrong = checked.filter(~pl.all_horizontal(*(pl.col(f"{a}_ok") for a in ATTRIBUTES)))
    misses, wrong = misses.sort("doc", "anchor_start"), wrong.sort("doc", "anchor_start")
    extras = extras.sort("doc", "span_start")
    return Report(
        documents=len(docs),
        gold=gold.height,
        extracted=extracted.height,
        matched=matched.height,
        attribute_correct=correct,
        misses=misses,
        extras=extras,
        wrong=wrong,
        pairs=checked.sort("doc", "anchor_start"),
    )


def extract_corpus(
    docs: Sequence[GoldDocument], extractor: Extractor | None = None
) -> pl.DataFrame:
    """The facts the extractor finds in ``docs``, with a ``doc`` column (the document name)."""
    extract = extractor or _default_extractor()
    frames = [
        extract(d.text, doc_id=d.doc_id, source=d.name, published=d.published).with_columns(
            doc=pl.lit(d.name)
        )
        for d in docs
    ]
    return pl.concat(frames, how="vertical_relaxed")


def evaluate(corpus_dir: Path | str, extractor: Extractor | None = None) -> Report:
    """Run the extractor over every gold document of ``corpus_dir`` and score it."""
    docs = load_corpus(corpus_dir)
    if not docs:
        raise SourceError(str(corpus_dir), "no document with a .gold.csv beside it")
    return score(docs, extract_corpus(docs, extractor))


def score_by_language(docs: Sequence[GoldDocument], extracted: pl.DataFrame) -> dict[str, Report]:
    """One report per language of ``docs`` (their .meta.json "language"), sorted by language."""
    reports = {}
    for language in sorted({d.language for d in docs}):
        part = [d for d in docs if d.language == language]
        names = [d.name for d in part]
        reports[language] = score(part, extracted.filter(pl.col("doc").is_in(names)))
    return reports


def format_languages(reports: dict[str, Report]) -> str:
    """One line of scores per language."""
    return "\n".join(
        f"language {language}: documents {r.documents}  gold {r.gold}  matched {r.matched}  "
        f"precision {r.precision:.3f}  recall {r.recall:.3f}  F1 {r.f1:.3f}  "
        + "  ".join(f"{a} {r.accuracy(a):.3f}" for a in ATTRIBUTES)
        for language, r in reports.items()
    )


def _fmt_value(value: float | None, unit: str | None) -> str:
    return "-" if value is None else f"{value:g} {unit or ''}".rstrip()


def by_document(report: Report) -> pl.DataFrame:
    """Gold, extracted and matched counts per document, worst F1 first."""
    counts = [
        frame.group_by("doc").agg(pl.len().alias(name))
        for frame, name in (
            (report.pairs, "matched"),
            (report.misses, "missed"),
            (report.extras, "extra"),
        )
        if "doc" in frame.columns
    ]
    if not counts:
        return pl.DataFrame(schema={"doc": pl.String, "f1": pl.Float64})
    table = counts[0]
    for other in counts[1:]:
        table = table.join(other, on="doc", how="full", coalesce=True)
    table = table.with_columns(pl.exclude("doc").fill_null(0).cast(pl.Int64))
    for name in ("matched", "missed", "extra"):
        if name not in table.columns:
            table = table.with_columns(pl.lit(0, dtype=pl.Int64).alias(name))
    f1 = 2 * pl.col("matched") / (2 * pl.col("matched") + pl.col("missed") + pl.col("extra"))
    return table.with_columns(f1=f1).sort(["f1", "doc"])


def format_report(report: Report, *, limit: int = 200) -> str:
    """The report as text: scores first, then misses, extras and wrong attributes."""
    lines = [
        f"documents {report.documents}  gold {report.gold}  "
        f"extracted {report.extracted}  matched {report.matched}",
        f"value+unit  precision {report.precision:.3f}  "
        f"recall {report.recall:.3f}  F1 {report.f1:.3f}",
        "among matched: " + "  ".join(f"{a} {report.accuracy(a):.3f}" for a in ATTRIBUTES),
        f"misses ({report.misses.height}):",
    ]
    for r in report.misses.head(limit).iter_rows(named=True):
        change = f" change {r['g_change_pct']:g}" if r["g_change_pct"] is not None else ""
        value = _fmt_value(r["g_value"], r["g_unit"])
        lines.append(f"  {r['doc']} #{r['gold_id']} {r['anchor']!r} {value}{change}")
    lines.append(f"extras ({report.extras.height}):")
    for r in report.extras.head(limit).iter_rows(named=True):
        change = f" change {r['change_pct']:g}" if r["change_pct"] is not None else ""
        lines.append(f"  {r['doc']} {r['text']!r} {_fmt_value(r['value'], r['unit'])}{change}")
    lines.append(f"matched with a wrong attribute ({report.wrong.height}):")
    for r in report.wrong.head(limit).iter_rows(named=True):
        wrong = [a for a in ATTRIBUTES if not r[f"{a}_ok"]]
        detail = "; ".join(_attribute_detail(r, a) for a in wrong)
        lines.append(f"  {r['doc']} #{r['gold_id']} {r['anchor']!r}: {detail}")
    worst = by_document(report).filter(pl.col("f1") < 1.0)
    lines.append(f"documents below F1 1.0 ({worst.height}):")
    for r in worst.head(limit).iter_rows(named=True):
        lines.append(
            f"  {r['doc']}: F1 {r['f1']:.3f} (matched {r['matched']}, "
            f"missed {r['missed']}, extra {r['extra']})"
        )
    return "\n".join(lines)


def _attribute_detail(r: dict[str, object], attribute: str) -> str:
    if attribute == "period":
        gold = f"{r['g_period_start']}..{r['g_period_end']}"
        got = f"{r['period_start']}..{r['period_end']}"
    elif attribute == "change":
        gold = f"{r['g_change_pct']} {r['g_change_basis']}"
        got = f"{r['change_pct']} {r['change_basis']}"
    else:
        gold, got = str(r[f"g_{attribute}"]), str(r[attribute])
    return f"{attribute} gold {gold} got {got}"


def main(argv: Sequence[str] | None = None) -> int:
    """``gzetl eval CORPUS_DIR [--targets]``: print the report; 1 if --targets and one is missed."""
    parser = argparse.ArgumentParser(
        prog="gzetl eval", description="Score the extractor against a gold corpus."
    )
    parser.add_argument("corpus_dir", type=Path)
    parser.add_argument("--targets", action="store_true", help="exit 1 when a target is missed")
    defaults = Targets()
    parser.add_argument("--min-f1", type=float, default=defaults.f1)
    parser.add_argument("--min-bound", type=float, default=defaults.bound)
    parser.add_argument("--min-period", type=float, default=defaults.period)
    parser.add_argument("--min-change", type=float, default=defaults.change)
    parser.add_argument("--min-subject", type=float, default=defaults.subject)
    parser.add_argument("--limit", type=int, default=200, help="list at most this many of each")
    args = parser.parse_args(argv)
    try:
        docs = load_corpus(args.corpus_dir)
        if not docs:
            raise SourceError(str(args.corpus_dir), "no document with a .gold.csv beside it")
    except SourceError as exc:
        print(f"gzetl eval: {exc}", file=sys.stderr)
        return 2
    extracted = extract_corpus(docs)
    report = score(docs, extracted)
    print(format_report(report, limit=args.limit))
    targets = Targets(
        args.min_f1, args.min_bound, args.min_period, args.min_change, args.min_subject
    )
    missed = report.missed_targets(targets)
    languages = score_by_language(docs, extracted)
    if len(languages) > 1:  # the targets hold for each language on its own too
        print(format_languages(languages))
        missed += [
            f"({language}) {line}"
            for language, r in languages.items()
            for line in r.missed_targets(targets)
        ]
    for line in missed:
        print(f"TARGET MISSED: {line}")
    if not missed:
        print("all targets met")
    return 1 if args.targets and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
