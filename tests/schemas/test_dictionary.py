from __future__ import annotations

from pathlib import Path

from gzetl.schemas.dictionary import models, render

DICTIONARY = Path(__file__).parents[2] / "docs" / "data-dictionary.md"


def test_data_dictionary_is_up_to_date() -> None:
    assert DICTIONARY.read_text(encoding="utf-8") == render(), (
        "docs/data-dictionary.md is stale: "
        ".venv/bin/python -m gzetl.schemas.dictionary > docs/data-dictionary.md"
    )


def test_every_published_table_is_documented() -> None:
    tables = set(models())
    assert {"facts", "quarantine", "derived", "series", "check_results"} <= tables
    text = render()
    for table in tables:
        assert f"\n## {table}\n" in text


def test_every_column_has_a_description() -> None:
    for table, model in models().items():
        missing = [n for n, c in model.to_schema().columns.items() if not c.description]
        assert missing == [], f"{table}: {missing}"


def test_a_column_line_shows_type_nullability_checks_and_description() -> None:
    assert (
        "| `bound` | String | no | one of `eq`, `gt`, `ge`, `lt`, `le`, `approx`, `range` | "
        "eq, gt (over), ge (at least), lt, le (within), approx (nearly, about), range. |"
    ) in render()
