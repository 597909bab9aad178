"""Building blocks of every check: the check function type, failing rows, message fragments."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import polars as pl

Finder = Callable[[pl.DataFrame, pl.DataFrame, Mapping[str, str]], pl.DataFrame]
"""A check function: (facts, documents, texts) -> failing rows ``fact_id, message``."""


MESSAGES_PER_FACT = 3
"""At most this many findings of one check are written out per fact; the rest are counted."""


def failing(frame: pl.DataFrame) -> pl.DataFrame:
    """The ``fact_id, message`` frame a check returns: one row per failing fact, sorted.

    Several findings for one fact (a total off several distinct readings of its parts) are
    joined with "; ", the first MESSAGES_PER_FACT of them in message order, so a check never
    returns more rows than there are facts. A check of contradicting pairs adds
    ``other_id``, the other fact of the pair, and keeps one row per fact and finding, since
    ``blame`` decides each pair on its own.
    """
    columns = [pl.col("fact_id").cast(pl.String), pl.col("message").cast(pl.String)]
    if "other_id" in frame.columns:
        columns.append(pl.col("other_id").cast(pl.String))
        return frame.select(columns).unique().sort("fact_id", "message", nulls_last=True)
    found = frame.select(columns).unique().sort("fact_id", "message", nulls_last=True)
    return found.group_by("fact_id", maintain_order=True).agg(message=_joined_findings(pl.len()))


def number(expr: pl.Expr) -> pl.Expr:
    """A value for a message: ``1.936e11`` from a million up, else about four digits."""
    magnitude = (expr.abs().log10() + 1e-9).floor()
    mantissa = (expr / pl.lit(10.0).pow(magnitude)).round(3).cast(pl.String)
    exponent = magnitude.cast(pl.Int64, strict=False).cast(pl.String)
    scientific = pl.concat_str(mantissa, pl.lit("e"), exponent)
    return (
        pl.when(~expr.is_finite())
        .then(expr.cast(pl.String))
        .when(expr.abs() >= 1e6)
        .then(scientific)
        .when(expr.abs() >= 100)
        .then(expr.round(1).cast(pl.String))
        .otherwise(expr.round(4).cast(pl.String))
        .fill_null("?")
    )


def interval(value: str, lo: str, hi: str) -> pl.Expr:
    """A value with its tolerance interval for a message: ``1.2e12 (1.15e12..1.25e12)``."""
    return pl.concat_str(
        number(pl.col(value)), pl.lit(" ("), number(pl.col(lo)), pl.lit(".."),
        number(pl.col(hi)), pl.lit(")"),
    )  # fmt: skip


def percent(expr: pl.Expr) -> pl.Expr:
    """A change for a message: signed, one decimal ("+5.2%")."""
    text = expr.round(1).cast(pl.String)
    return pl.when(expr >= 0).then(pl.concat_str(pl.lit("+"), text)).otherwise(text) + "%"


def period(start: str = "period_start", end: str = "period_end") -> pl.Expr:
    """A period for a message: ``2025-01-01..2025-12-31``."""
    return pl.concat_str(
        pl.col(start).cast(pl.String), pl.lit(".."), pl.col(end).cast(pl.String)
    ).fill_null("?")


def cell(suffix: str = "") -> pl.Expr:
    """The cell of a fact for a message: ``Guangzhou City import_export_value (CNY)``."""
    parts = [
        pl.col(f"subject{suffix}").fill_null("?"),
        pl.lit(" "),
        pl.col(f"metric{suffix}").fill_null("?"),
    ]
    for dim in ("partner", "product"):
        parts += [
            pl.when(pl.col(f"{dim}{suffix}").is_not_null())
            .then(pl.concat_str(pl.lit(f" {dim}="), pl.col(f"{dim}{suffix}")))
            .otherwise(pl.lit(""))
        ]
    parts += [pl.lit(" ("), pl.col(f"unit{suffix}").fill_null("?"), pl.lit(")")]
    return pl.concat_str(parts)


def contradictions(pairs: pl.DataFrame) -> pl.DataFrame:
    """Failing rows for contradicting pairs ``a, b, message``: both members, each naming the
    other in ``other_id``, so that ``blame`` can pick the likelier culprit."""
    return failing(
        pl.concat(
            [
                pairs.select(fact_id="a", message="message", other_id="b"),
                pairs.select(fact_id="b", message="message", other_id="a"),
            ]
        )
    )


ID_LIST_CAP = 10
"""At most this many fact ids are written into one message; the rest are counted."""


def fact_ids(ids: pl.Expr, word: bool = True, n: pl.Expr | None = None) -> pl.Expr:
    """Fact ids for a message: ``fact f1`` or ``facts f1, f2`` (``word=False``: no prefix).

    A group longer than ID_LIST_CAP lists its first ids and counts the rest, so a message
    stays short however often a cell is restated. ``n``: the number of ids when ``ids`` holds
    only the first ones.
    """
    if n is None:
        n = ids.list.len()
    head = ids.list.head(ID_LIST_CAP).list.join(", ")
    rest = pl.concat_str(pl.lit(" and "), (n - ID_LIST_CAP).cast(pl.String), pl.lit(" more"))
    listed = pl.when(n > ID_LIST_CAP).then(pl.concat_str(head, rest)).otherwise(head)
    if not word:
        return listed
    return pl.concat_str(pl.when(n == 1).then(pl.lit("fact ")).otherwise(pl.lit("facts ")), listed)


def _joined_findings(n: pl.Expr) -> pl.Expr:
    head = pl.col("message").head(MESSAGES_PER_FACT).str.join("; ")
    more = pl.concat_str(
        head, pl.lit("; and "), (n - MESSAGES_PER_FACT).cast(pl.String), pl.lit(" more")
    )
    return pl.when(n > MESSAGES_PER_FACT).then(more).otherwise(head)


def by_statement(findings: pl.DataFrame, statements: pl.DataFrame) -> pl.DataFrame:
    """Failing rows of every fact of the statements named in ``findings`` (``g, message``).

    ``statements`` maps a statement ``g`` to its fact ids ``ids``. The findings are reduced
    per statement first (as ``failing`` would per fact: the facts of one statement share
    them), so the expansion to facts is one row per fact, never one per finding and fact.
    """
    reduced = (
        findings.select("g", pl.col("message").cast(pl.String))
        .unique()
        .sort("g", "message")
        .group_by("g", maintain_order=True)
        .agg(message=_joined_findings(pl.len()))
    )
    rows = reduced.join(statements.select("g", "ids"), on="g").explode("ids")
    return failing(rows.select(fact_id="ids", message="message"))


def distinct(frame: pl.DataFrame, keys: list[str], ids: str = "ids") -> pl.DataFrame:
    """One row per distinct ``keys`` (a cell and a stated value), its fact ids sorted in ``ids``.

    The cross-fact checks compare these distinct statements, not every pair of restatements,
    and name the facts behind a failing comparison from ``ids``.
    """
    return frame.group_by(keys).agg(pl.col("fact_id").sort().alias(ids))


def group_contradictions(pairs: pl.DataFrame) -> pl.DataFrame:
    """Failing rows for contradicting groups ``a_ids, b_ids, message``: every member of each
    group, naming the other group in ``other_ids``, so that ``blame`` can pick the culprit.

    One row per fact and contradicting group, not per pair of facts.
    """
    rows = pl.concat(
        [
            pairs.select(fact_id="a_ids", message="message", other_ids="b_ids"),
            pairs.select(fact_id="b_ids", message="message", other_ids="a_ids"),
        ]
    ).explode("fact_id")
    return (
        rows.select(
            pl.col("fact_id").cast(pl.String),
            pl.col("message").cast(pl.String),
            pl.col("other_ids").cast(pl.List(pl.String)),
        )
        .unique(["fact_id", "message"], keep="first")
        .sort("fact_id", "message")
    )


def blame(found: pl.DataFrame, support: pl.DataFrame | None = None) -> pl.DataFrame:
    """Of each contradicting pair (rows with ``other_id`` or ``other_ids``), keep the likelier
    culprit.

    A fact that contradicts more facts than its partner does is blamed alone (a total read
    1000x too small is exceeded by every part; a growth that contradicts two prior values).
    On a tie, the fact with less support from other documents is blamed (``support``:
    fact_id, support = confirming minus contradicting documents); when that ties too, both
    are kept, since nothing tells which one is wrong.
    A row with ``other_ids`` (a group of facts stating one value) contradicts each of them:
    it is kept when it would be kept against at least one member of the group. Facts
    contradicted are counted once per row and group, so the cost is linear in the rows and
    the distinct groups, never in the pairs of facts. Rows without a partner are kept.
    """
    if "other_id" in found.columns:
        others = (
            pl.when(pl.col("other_id").is_null())
            .then(None)
            .otherwise(pl.concat_list(pl.col("other_id")))
        )
    elif "other_ids" in found.columns:
        others = pl.col("other_ids")
    else:
        return found
    columns = found.columns
    found = found.with_columns(_others=others).with_columns(
        _key=pl.col("_others").list.join("\x1f")
    )
    pairs = found.filter(pl.col("_key").is_not_null()).unique(["fact_id", "_key"])
    counts = pairs.group_by("fact_id").agg(_n=pl.col("_others").list.len().sum())
    if support is None:
        support = pl.DataFrame(schema={"fact_id": pl.String, "support": pl.Int64})
    scores = counts.join(support.select("fact_id", _s="support"), on="fact_id", how="left")
    scores = scores.with_columns(pl.col("_s").fill_null(0).cast(pl.Int64))
    groups = (
        pairs.select("_key", "_others")
        .unique("_key")
        .explode("_others")
        .join(scores.select(_others="fact_id", _n_other="_n", _s_other="_s"), on="_others")
    )
    weakest = groups.group_by("_key").agg(
        _n_other=pl.min("_n_other"),
        _s_other=pl.col("_s_other").filter(pl.col("_n_other") == pl.col("_n_other").min()).max(),
    )
    scored = found.join(scores, on="fact_id", how="left").join(weakest, on="_key", how="left")
    more = pl.col("_n") > pl.col("_n_other")
    tie_less_supported = (pl.col("_n") == pl.col("_n_other")) & (pl.col("_s") <= pl.col("_s_other"))
    keep = pl.col("_key").is_null() | more | tie_less_supported
    return scored.filter(keep).select(columns)
