"""Row checks: what one fact must satisfy on its own (error severity: impossible values).

Each rule is a boolean polars expression (``ok``) and a templated message, so the same rule
serves the pandera model of the published table and the check registry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl

from gzetl.catalogue import metrics
from gzetl.checks.base import Finder, failing, number, percent
from gzetl.schemas.facts import BOUNDS, CHANGE_BASIS_PATTERN

REQUIRED = (
    "fact_id", "doc_id", "source", "span_start", "span_end", "text", "sentence",
    "statement_id", "bound", "extractor_version",
)  # fmt: skip
SHARE_UNIT = "percent"
# Document statuses whose facts may be published (documents: ok, warning, rejected,
# duplicate, deleted). A duplicate shares its doc_id with the ok copy.
ACTIVE_STATUSES = ("ok", "warning")


@dataclass(frozen=True)
class RowRule:
    """A rule one row must satisfy: ``ok`` is true (or null: not applicable) for a good row."""

    ok: pl.Expr
    message: pl.Expr


def _fid() -> pl.Expr:
    return pl.concat_str(pl.lit("fact "), pl.col("fact_id").fill_null("?"), pl.lit(": "))


def _catalogue_units() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "metric": list(metrics()),
            "_units": [list(metric.units) for metric in metrics().values()],
        },
        schema={"metric": pl.String, "_units": pl.List(pl.String)},
    )


def required_fields() -> RowRule:
    """Every identifying and tracing column is filled (fact_id, doc_id, span, text, ...)."""
    null = [pl.when(pl.col(c).is_null()).then(pl.lit(c)) for c in REQUIRED]
    return RowRule(
        ok=pl.all_horizontal(*(pl.col(c).is_not_null() for c in REQUIRED)),
        message=pl.concat_str(
            _fid(),
            pl.concat_str(null, separator=", ", ignore_nulls=True),
            pl.lit(" must not be null"),
        ),
    )


def bound_valid() -> RowRule:
    """bound is one of the known bounds and change_basis matches yoy|qoq|mom|pp|vs_YYYY."""
    basis_ok = pl.col("change_basis").is_null() | pl.col("change_basis").str.contains(
        CHANGE_BASIS_PATTERN
    )
    return RowRule(
        ok=pl.col("bound").is_in(BOUNDS) & basis_ok,
        message=pl.concat_str(
            _fid(), pl.lit("bound "), pl.col("bound").fill_null("null"),
            pl.lit(f" must be one of {', '.join(BOUNDS)}; change_basis "),
            pl.col("change_basis").fill_null("null"), pl.lit(" must match yoy|qoq|mom|pp|vs_YYYY"),
        ),
    )  # fmt: skip


def value_positive() -> RowRule:
    """value > 0 where present, and value_high is not below value."""
    value, high = pl.col("value"), pl.col("value_high")
    return RowRule(
        ok=(value.is_null() | (value > 0)) & (high.is_null() | (high >= value)),
        message=pl.concat_str(
            _fid(), pl.lit("value "), number(value), pl.lit(" must be > 0 and value_high "),
            number(high), pl.lit(" must not be below it"),
        ),
    )  # fmt: skip


def percent_range() -> RowRule:
    """A value in percent (a share or a rate) lies within [0, 100]."""
    value, high = pl.col("value"), pl.col("value_high")
    in_range = value.is_between(0, 100) & (high.is_null() | high.is_between(0, 100))
    return RowRule(
        ok=(pl.col("unit") != SHARE_UNIT) | value.is_null() | in_range,
        message=pl.concat_str(
            _fid(), pl.lit("a percentage must lie in [0, 100], found "), number(value),
            pl.lit(" in '"), pl.col("text"), pl.lit("'"),
        ),
    )  # fmt: skip


def change_above_minus_100() -> RowRule:
    """change_pct > -100: nothing falls by more than all of it (points excepted)."""
    change = pl.col("change_pct")
    return RowRule(
        ok=change.is_null() | (pl.col("change_basis") == "pp") | (change > -100),
        message=pl.concat_str(
            _fid(), pl.lit("a fall of "), percent(change),
            pl.lit(" is impossible (a change must be > -100%) in '"), pl.col("text"), pl.lit("'"),
        ),
    )  # fmt: skip


def period_order() -> RowRule:
    """period_start <= period_end."""
    return RowRule(
        ok=pl.col("period_start") <= pl.col("period_end"),
        message=pl.concat_str(
            _fid(), pl.lit("period ends "), pl.col("period_end").cast(pl.String),
            pl.lit(" before it starts "), pl.col("period_start").cast(pl.String),
            pl.lit(" ('"), pl.col("period_label").fill_null(""), pl.lit("')"),
        ),
    )  # fmt: skip


ROW_RULES = {
    "required_fields": required_fields,
    "bound_valid": bound_valid,
    "value_positive": value_positive,
    "percent_range": percent_range,
    "change_above_minus_100": change_above_minus_100,
    "period_order": period_order,
}


def rule_finder(name: str) -> Finder:
    """A check function for the row rule ``name``."""
    rule = ROW_RULES[name]

    def find(
        facts: pl.DataFrame, documents: pl.DataFrame, texts: Mapping[str, str]
    ) -> pl.DataFrame:
        built = rule()
        return failing(facts.filter(~built.ok.fill_null(True)).with_columns(message=built.message))

    find.__name__ = name
    find.__doc__ = rule.__doc__
    return find


def fact_id_unique(
    facts: pl.DataFrame, documents: pl.DataFrame, texts: Mapping[str, str]
) -> pl.DataFrame:
    """fact_id identifies one row: every repeat after the first is reported."""
    repeated = facts.filter(pl.col("fact_id").is_duplicated())
    return failing(
        repeated.group_by("fact_id", maintain_order=True)
        .len()
        .with_columns(
            message=pl.concat_str(
                _fid(), pl.lit("appears "), pl.col("len").cast(pl.String), pl.lit(" times")
            )
        )
    )


def unit_in_catalogue(
    facts: pl.DataFrame, documents: pl.DataFrame, texts: Mapping[str, str]
) -> pl.DataFrame:
    """The metric (and share_of) is in the catalogue and the unit is one of its units.

    A change-only fact (value null) may have no unit; if it has one, it is checked.
    """
    known = set(metrics())
    joined = facts.filter(pl.col("metric").is_not_null()).join(
        _catalogue_units(), on="metric", how="left"
    )
    allowed = (
        pl.when(pl.col("share_of").is_not_null())
        .then(pl.lit([SHARE_UNIT], dtype=pl.List(pl.String)))
        .otherwise(pl.col("_units"))
    )
    # a change-only fact (no value) may carry no unit
    unit_needed = pl.col("unit").is_not_null() | pl.col("value").is_not_null()
    bad = joined.filter(
        pl.col("_units").is_null()
        | (pl.col("share_of").is_not_null() & ~pl.col("share_of").is_in(known))
        | (unit_needed & ~allowed.list.contains(pl.col("unit")).fill_null(False))
    )
    return failing(
        bad.with_columns(
            message=pl.concat_str(
                _fid(),
                pl.lit("unit "),
                pl.col("unit").fill_null("null"),
                pl.lit(" is not a unit of metric "),
                pl.col("metric"),
                pl.when(pl.col("share_of").is_not_null())
                .then(pl.concat_str(pl.lit(" as a share of "), pl.col("share_of")))
                .otherwise(pl.lit("")),
                pl.lit(" (allowed: "),
                allowed.list.join(", ").fill_null("metric or share_of not in metrics.toml"),
                pl.lit(")"),
            )
        )
    )


def span_matches_text(
    facts: pl.DataFrame, documents: pl.DataFrame, texts: Mapping[str, str]
) -> pl.DataFrame:
    """``text`` is exactly the document text at ``span_start:span_end``."""
    corpus = pl.DataFrame(
        {"doc_id": list(texts), "_doc_text": list(texts.values())},
        schema={"doc_id": pl.String, "_doc_text": pl.String},
    )
    joined = facts.join(corpus, on="doc_id", how="left").with_columns(
        _at_span=pl.col("_doc_text").str.slice(
            pl.col("span_start"), pl.col("span_end") - pl.col("span_start")
        )
    )
    bad = joined.filter(
        pl.col("_doc_text").is_null()
        | (pl.col("span_end") > pl.col("_doc_text").str.len_chars())
        | (pl.col("_at_span") != pl.col("text")).fill_null(True)
    )
    where = pl.concat_str(
        pl.col("source").fill_null("?"), pl.lit("["), pl.col("span_start").cast(pl.String),
        pl.lit(":"), pl.col("span_end").cast(pl.String), pl.lit("]"),
    )  # fmt: skip
    return failing(
        bad.with_columns(
            message=pl.when(pl.col("_doc_text").is_null())
            .then(pl.concat_str(_fid(), pl.lit("no text for document "), pl.col("doc_id")))
            .otherwise(
                pl.concat_str(
                    _fid(),
                    where,
                    pl.lit(" holds '"),
                    pl.col("_at_span").fill_null(""),
                    pl.lit("', expected '"),
                    pl.col("text").fill_null(""),
                    pl.lit("'"),
                )
            )
        )
    )


def document_known(
    facts: pl.DataFrame, documents: pl.DataFrame, texts: Mapping[str, str]
) -> pl.DataFrame:
    """The fact's document is in ``documents`` with status ok or warning (in some row)."""
    docs = documents.group_by("doc_id").agg(
        _active=pl.col("status").cast(pl.String).is_in(ACTIVE_STATUSES).any(),
        _statuses=pl.col("status").cast(pl.String).unique().sort().str.join(", "),
    )
    joined = facts.join(docs, on="doc_id", how="left")
    bad = joined.filter(~pl.col("_active").fill_null(False))
    return failing(
        bad.with_columns(
            message=pl.concat_str(
                _fid(),
                pl.lit("document "),
                pl.col("doc_id").fill_null("null"),
                pl.when(pl.col("_statuses").is_null())
                .then(pl.lit(" is not in documents"))
                .otherwise(pl.concat_str(pl.lit(" has status "), pl.col("_statuses"))),
            )
        )
    )
