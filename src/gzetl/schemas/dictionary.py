"""Render the data dictionary (docs/data-dictionary.md) from the pandera models.

The models' docstrings and field descriptions are the documentation; this module only lays
them out. Regenerate with ``python -m gzetl.schemas.dictionary > docs/data-dictionary.md``.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any

import pandera.polars as pa

HEADER = (
    "# Data dictionary\n\n"
    "Generated from the pandera models in `src/gzetl/schemas/` by\n"
    "`python -m gzetl.schemas.dictionary > docs/data-dictionary.md`; do not edit by hand.\n"
    "A test fails when this file is stale. Cross-fact checks are described in\n"
    "[validation.md](validation.md).\n"
)
# table name -> "module:Model", in the order the pipeline produces them
TABLES = {
    "documents": "gzetl.schemas.documents:Documents",
    "facts": "gzetl.schemas.facts:PublishedFacts",
    "quarantine": "gzetl.schemas.quarantine:Quarantine",
    "derived": "gzetl.schemas.derived:Derived",
    "series": "gzetl.schemas.series:Series",
    "check_results": "gzetl.schemas.check_results:CheckResults",
}


def models() -> dict[str, type[pa.DataFrameModel]]:
    """The published tables' models; a table whose module does not exist yet is skipped."""
    found = {}
    for table, target in TABLES.items():
        module_name, _, model = target.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        found[table] = getattr(module, model)
    return found


def _check_text(check: Any) -> str:
    """``ge 0``, ``in [eq, gt]``, ``matches ^...$`` from a pandera check."""
    stats = check.statistics or {}
    names = {
        "greater_than_or_equal_to": "≥",
        "greater_than": ">",
        "less_than_or_equal_to": "≤",
        "less_than": "<",
    }
    if check.name in names:
        return f"{names[check.name]} {next(iter(stats.values()))}"
    if check.name == "isin":
        return "one of " + ", ".join(f"`{v}`" for v in stats.get("allowed_values", ()))
    if check.name == "str_matches":
        return f"matches `{stats.get('pattern')}`"
    return str(check.name)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_table(table: str, model: type[pa.DataFrameModel]) -> str:
    """One table: its docstring, its columns, and its table-level checks."""
    schema = model.to_schema()
    lines = [f"## {table}", "", inspect.cleandoc(model.__doc__ or ""), ""]
    lines += [
        f"Model: `{model.__module__}.{model.__name__}`.",
        "",
        "| column | type | nullable | checks | description |",
        "|---|---|---|---|---|",
    ]
    for name, column in schema.columns.items():
        checks = [_check_text(c) for c in column.checks]
        if column.unique:
            checks.insert(0, "unique")
        lines.append(
            f"| `{name}` | {column.dtype} | {'yes' if column.nullable else 'no'} | "
            f"{_cell('; '.join(checks))} | {_cell(column.description or '')} |"
        )
    extra = []
    if schema.unique:
        extra.append(f"- unique together: {', '.join(f'`{c}`' for c in schema.unique)}")
    extra += [
        f"- `{check.name}`: {check.description or ''}".rstrip(": ") for check in schema.checks
    ]
    if extra:
        lines += ["", "Table checks:", "", *extra]
    return "\n".join(lines) + "\n"


def render() -> str:
    """The whole data dictionary as markdown."""
    parts = [HEADER] + [render_table(table, model) for table, model in models().items()]
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(), end="")
