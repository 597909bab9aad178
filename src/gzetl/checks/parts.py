"""Parts against wholes: exports + imports = total, share x whole = part, part <= whole.

A whole is a catalogue metric with ``parts`` (import_export_value = export_value +
import_value), or any figure without a partner or product, of which a partner or product
slice of the same subject, period and unit is a part.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from gzetl.catalogue import metrics
from gzetl.checks.base import (
    ID_LIST_CAP,
    by_statement,
    cell,
    distinct,
    fact_ids,
    failing,
    group_contradictions,
    interval,
    number,
    period,
)
from gzetl.checks.frames import PERIOD, comparable, is_each_year, memo

_PLACE = ("subject", "unit", *PERIOD)
_DIMS = ("metric", "partner", "product")
_STATED = ("value", "lo", "hi")


def _levels(facts: pl.DataFrame) -> pl.DataFrame:
    """Distinct stated levels (not shares, not "each year" figures) of each cell, with ``ids``.

    Restatements of one value in one cell collapse to one row, so the pair logic below runs
    on distinct values, not on every pair of restatements. Computed once per frame.
    """
    return memo("part_levels", facts, _distinct_levels)


def _distinct_levels(facts: pl.DataFrame) -> pl.DataFrame:
    levels = comparable(facts).filter(pl.col("share_of").is_null(), ~is_each_year())
    return distinct(levels, [*_PLACE, *_DIMS, *_STATED]).with_row_index("g")


def _sums(levels: pl.DataFrame) -> pl.DataFrame:
    """For every whole with catalogue parts all reported: the summed parts next to it.

    One row per combination of distinct statements of the whole and its parts: their
    statements ``gs``, the first fact ids ``ids`` (enough for a message) and ``n_ids``.
    """
    found = []
    keys = ["subject", "partner", "product", "unit", *PERIOD]
    for whole in (m for m in metrics().values() if m.parts):
        frame = levels.filter(pl.col("metric") == whole.key).select(
            *keys, "metric", w="value", w_lo="lo", w_hi="hi", gs=pl.concat_list("g"),
            ids=pl.col("ids").list.head(ID_LIST_CAP), n_ids=pl.col("ids").list.len(),
            sum=pl.lit(0.0), sum_lo=pl.lit(0.0),
            sum_hi=pl.lit(0.0), terms=pl.lit(""),
        )  # fmt: skip
        for part in whole.parts:
            rows = levels.filter(pl.col("metric") == part).select(
                *keys, p_g="g", p_ids="ids", p="value", p_lo="lo", p_hi="hi"
            )
            frame = frame.join(rows, on=keys, nulls_equal=True).select(
                *keys, "metric", "w", "w_lo", "w_hi",
                gs=pl.concat_list("gs", "p_g"),
                ids=pl.concat_list("ids", pl.col("p_ids").list.head(ID_LIST_CAP)),
                n_ids=pl.col("n_ids") + pl.col("p_ids").list.len(),
                sum=pl.col("sum") + pl.col("p"),
                sum_lo=pl.col("sum_lo") + pl.col("p_lo"),
                sum_hi=pl.col("sum_hi") + pl.col("p_hi"),
                terms=pl.concat_str(
                    "terms", pl.lit(f"{part} "), number(pl.col("p")), pl.lit(" + ")
                ),
            )  # fmt: skip
        found.append(frame)
    return pl.concat(found) if found else pl.DataFrame()


def parts_whole(
    facts: pl.DataFrame, documents: pl.DataFrame, texts: Mapping[str, str]
) -> pl.DataFrame:
    """The catalogue parts of a whole add up to it within their precision (warning on all)."""
    sums = _sums(_levels(facts))
    if sums.is_empty():
        return failing(pl.DataFrame(schema={"fact_id": pl.String, "message": pl.String}))
    bad = sums.filter((pl.col("sum_lo") > pl.col("w_hi")) | (pl.col("sum_hi") < pl.col("w_lo")))
    bad = bad.with_columns(
        message=pl.concat_str(
            pl.lit("parts do not add up: "),
            cell(),
            pl.lit(" "),
            period(),
            pl.lit(": "),
            pl.col("terms").str.strip_suffix(" + "),
            pl.lit(" = "),
            interval("sum", "sum_lo", "sum_hi"),
            pl.lit(" but the whole is "),
            interval("w", "w_lo", "w_hi"),
            pl.lit(" (facts "),
            fact_ids(pl.col("ids"), word=False, n=pl.col("n_ids")),
            pl.lit(")"),
        ),
    )
    findings = bad.select("gs", "message").explode("gs").rename({"gs": "g"})
    return by_statement(findings, _levels(facts))


def _part_whole_pairs(levels: pl.DataFrame) -> pl.DataFrame:
    parts_of = pl.DataFrame(
        {
            "w_metric": [m.key for m in metrics().values() for _ in (m.key, *m.parts)],
            "metric": [p for m in metrics().values() for p in (m.key, *m.parts)],
        }
    )
    # statements by index (g, w_g): their fact ids are attached to the failing pairs only
    levels = levels.drop("ids")
    wholes = levels.select(
        *_PLACE, w_g="g", w_metric="metric", w_partner="partner", w_product="product",
        w="value", w_lo="lo", w_hi="hi",
    )  # fmt: skip
    joined = levels.join(parts_of, on="metric").join(
        wholes, on=[*_PLACE, "w_metric"], nulls_equal=True
    )
    same_slice = pl.col("partner").eq_missing(pl.col("w_partner")) & pl.col("product").eq_missing(
        pl.col("w_product")
    )
    return joined.filter(
        pl.col("w_partner").is_null() | (pl.col("w_partner") == pl.col("partner")),
        pl.col("w_product").is_null() | (pl.col("w_product") == pl.col("product")),
        ~(same_slice & (pl.col("metric") == pl.col("w_metric"))),
    )


def part_exceeds_whole(
    facts: pl.DataFrame, documents: pl.DataFrame, texts: Mapping[str, str]
) -> pl.DataFrame:
    """A part (exports; trade with one partner; one product) never exceeds its whole.

    Every fact of both statements is reported, naming the other statement's facts in
    ``other_ids``; ``run`` and ``run_all`` blame the likelier one.
    """
    levels = _levels(facts)
    ids = levels.select("g", "ids")
    bad = (
        _part_whole_pairs(levels)
        .filter(pl.col("lo") > pl.col("w_hi"))
        .join(ids, on="g")
        .join(ids.select(w_g="g", w_ids="ids"), on="w_g")
    )
    bad = bad.with_columns(
        message=pl.concat_str(
            pl.lit("part exceeds whole: "),
            cell(),
            pl.lit(" "),
            period(),
            pl.lit(" is "),
            interval("value", "lo", "hi"),
            pl.lit(" ("),
            fact_ids(pl.col("ids")),
            pl.lit(") but the whole "),
            pl.col("w_metric"),
            pl.lit(" is "),
            interval("w", "w_lo", "w_hi"),
            pl.lit(" ("),
            fact_ids(pl.col("w_ids")),
            pl.lit(")"),
        )
    )
    return group_contradictions(bad.select(a_ids="ids", b_ids="w_ids", message="message"))


def share_of_whole(
    facts: pl.DataFrame, documents: pl.DataFrame, texts: Mapping[str, str]
) -> pl.DataFrame:
    """A share times its whole equals the part when all three are stated (warning on all)."""
    found = comparable(facts).filter(
        pl.col("share_of").is_not_null(),
        pl.col("partner").is_not_null()
        | pl.col("product").is_not_null()
        | (pl.col("metric") != pl.col("share_of")),
    )
    shares = distinct(
        found, ["subject", *PERIOD, "metric", "partner", "product", "share_of", *_STATED]
    ).select(
        "subject", *PERIOD, "metric", "partner", "product", "share_of", s_ids="ids",
        s="value", s_lo="lo", s_hi="hi",
    )  # fmt: skip
    levels = _levels(facts)
    wholes = levels.filter(pl.col("partner").is_null(), pl.col("product").is_null()).select(
        "subject", *PERIOD, "unit", share_of="metric", w_ids="ids", w="value", w_lo="lo",
        w_hi="hi",
    )  # fmt: skip
    parts = levels.select(
        "subject", *PERIOD, "unit", "metric", "partner", "product", p_ids="ids", p="value",
        p_lo="lo", p_hi="hi",
    )  # fmt: skip
    joined = shares.join(wholes, on=["subject", *PERIOD, "share_of"]).join(
        parts, on=["subject", *PERIOD, "unit", "metric", "partner", "product"], nulls_equal=True
    )
    bad = joined.with_columns(
        x=pl.col("s") / 100 * pl.col("w"),
        x_lo=pl.col("s_lo") / 100 * pl.col("w_lo"),
        x_hi=pl.col("s_hi") / 100 * pl.col("w_hi"),
    ).filter((pl.col("x_lo") > pl.col("p_hi")) | (pl.col("x_hi") < pl.col("p_lo")))
    bad = bad.with_columns(
        message=pl.concat_str(
            pl.lit("share does not match: "),
            cell(),
            pl.lit(" "),
            period(),
            pl.lit(": "),
            number(pl.col("s")),
            pl.lit("% of "),
            pl.col("share_of"),
            pl.lit(" "),
            number(pl.col("w")),
            pl.lit(" is "),
            interval("x", "x_lo", "x_hi"),
            pl.lit(" but the part is "),
            interval("p", "p_lo", "p_hi"),
            pl.lit(" (facts "),
            fact_ids(pl.concat_list("s_ids", "w_ids", "p_ids"), word=False),
            pl.lit(")"),
        )
    )
    every = bad.select(ids=pl.concat_list("s_ids", "w_ids", "p_ids"), message="message")
    return failing(every.explode("ids").select(fact_id="ids", message="message"))
