"""The check registry: every check on the facts, named once, used by ``validate`` and Dagster.

A check is a function ``(facts, documents, texts) -> failing rows (fact_id, message)``.
Severity decides what a failure does: ``error`` moves the fact to quarantine, ``warning``
publishes it with the check name in its ``flags``. Either way the check is listed in
``check_results``. See docs/validation.md for the tolerances and the measured rates.

>>> [c.name for c in CHECKS if c.severity == "error"][:3]
['required_fields', 'fact_id_unique', 'bound_valid']
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import polars as pl

from gzetl.checks import conversion, growth, parts, rows, sources, totals
from gzetl.checks.base import Finder, blame, failing

SEVERITIES = ("error", "warning")
SAMPLE_SIZE = 5


@dataclass(frozen=True)
class Check:
    """One named check of a table; ``find`` returns its failing rows (fact_id, message)."""

    name: str
    table: str
    severity: str
    description: str
    find: Finder

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"check {self.name}: severity {self.severity!r} not in {SEVERITIES}")


def _check(name: str, severity: str, find: Finder) -> Check:
    description = (find.__doc__ or "").strip().splitlines()[0]
    return Check(name=name, table="facts", severity=severity, description=description, find=find)


CHECKS: tuple[Check, ...] = (
    # rows: impossible or untraceable values (error)
    _check("required_fields", "error", rows.rule_finder("required_fields")),
    _check("fact_id_unique", "error", rows.fact_id_unique),
    _check("bound_valid", "error", rows.rule_finder("bound_valid")),
    _check("value_positive", "error", rows.rule_finder("value_positive")),
    _check("percent_range", "error", rows.rule_finder("percent_range")),
    _check("change_above_minus_100", "error", rows.rule_finder("change_above_minus_100")),
    _check("period_order", "error", rows.rule_finder("period_order")),
    _check("unit_in_catalogue", "error", rows.unit_in_catalogue),
    _check("span_matches_text", "error", rows.span_matches_text),
    _check("document_known", "error", rows.document_known),
    # across facts: a contradiction by a scale factor or an impossible part (error)
    _check("growth_scale", "error", growth.growth_scale),
    _check("part_exceeds_whole", "error", parts.part_exceeds_whole),
    _check("currency_conversion", "error", conversion.currency_conversion),
    # across facts: disagreement within plausible revision (warning)
    _check("growth_consistency", "warning", growth.growth_consistency),
    _check("derived_vs_reported", "warning", growth.derived_vs_reported),
    _check("parts_whole", "warning", parts.parts_whole),
    _check("share_of_whole", "warning", parts.share_of_whole),
    _check("cross_source_agreement", "warning", sources.cross_source_agreement),
    _check("cell_ambiguous", "warning", sources.cell_ambiguous),
    _check("multi_year_totals", "warning", totals.multi_year_totals),
)


def by_name(name: str) -> Check:
    """The registered check called ``name``."""
    for check in CHECKS:
        if check.name == name:
            return check
    raise KeyError(f"no check named {name!r}; registered: {[c.name for c in CHECKS]}")


def _labelled(check: Check, found: pl.DataFrame) -> pl.DataFrame:
    """One row per failing fact (findings joined, see base.failing) with check and severity."""
    return failing(found.select("fact_id", "message")).with_columns(
        check=pl.lit(check.name), severity=pl.lit(check.severity)
    )


def _paired(found: pl.DataFrame) -> bool:
    return "other_id" in found.columns or "other_ids" in found.columns


def _with_other_ids(found: pl.DataFrame) -> pl.DataFrame:
    """Rows naming their partner as a list ``other_ids`` (a single ``other_id`` becomes one)."""
    if "other_ids" in found.columns:
        return found.select("fact_id", "message", "other_ids")
    others = pl.when(pl.col("other_id").is_null()).then(None).otherwise(pl.concat_list("other_id"))
    return found.select("fact_id", "message", other_ids=others)


def run(
    check: Check, facts: pl.DataFrame, documents: pl.DataFrame, texts: Mapping[str, str]
) -> pl.DataFrame:
    """Failing rows of one check alone: ``fact_id, message, check, severity``.

    Of a contradicting pair the likelier culprit is kept (base.blame) within this check.
    """
    found = check.find(facts, documents, texts)
    if _paired(found):
        found = blame(found, sources.corroboration(facts))
    return _labelled(check, found)


def run_all(
    facts: pl.DataFrame, documents: pl.DataFrame, texts: Mapping[str, str]
) -> dict[str, pl.DataFrame]:
    """Failing rows of every registered check, as ``validate`` uses them: check name -> rows.

    The culprit of a contradiction is chosen across all error checks together, so a fact
    that contradicts its parts and its growth is blamed, not the facts it contradicts.
    Warning checks report every fact involved.
    """
    found = {check.name: check.find(facts, documents, texts) for check in CHECKS}
    paired = [c.name for c in CHECKS if c.severity == "error" and _paired(found[c.name])]
    if paired:
        rows_of = [
            _with_other_ids(found[name]).with_columns(_check=pl.lit(name)) for name in paired
        ]
        blamed = blame(pl.concat(rows_of), sources.corroboration(facts))
        for name in paired:
            found[name] = blamed.filter(pl.col("_check") == name).drop("_check")
    return {check.name: _labelled(check, found[check.name]) for check in CHECKS}


def summarise(check: Check, failures: pl.DataFrame) -> dict[str, Any]:
    """The check_results fields of one check (without run_id, checked_at)."""
    count = failures.get_column("fact_id").n_unique()
    if count == 0:
        message = f"{check.name}: passed"
    else:
        message = (
            f"{check.name} ({check.severity}): {count} fact(s) failed; "
            f"first: {failures.get_column('message')[0]}"
        )
    sample = failures.select("fact_id", "message").head(SAMPLE_SIZE).to_dicts()
    return {
        "check": check.name,
        "table": check.table,
        "severity": check.severity,
        "passed": count == 0,
        "failing_count": count,
        "message": message,
        "sample": json.dumps(sample, ensure_ascii=False),
    }


def results(
    failures: Mapping[str, pl.DataFrame], *, run_id: str, checked_at: datetime
) -> pl.DataFrame:
    """The check_results rows: one per registered check, in registry order."""
    table = [
        {"run_id": run_id, "checked_at": checked_at, **summarise(check, failures[check.name])}
        for check in CHECKS
    ]
    return pl.DataFrame(table)
