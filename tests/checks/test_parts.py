from __future__ import annotations

from fact_rows import DOCUMENTS, build, ids
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gzetl import checks
from gzetl.checks.parts import part_exceeds_whole, parts_whole, share_of_whole

TOTAL = {"value": 1.2e12, "raw_value": "1.2"}
EXPORTS = {"metric": "export_value", "value": 720.52e9, "raw_value": "720.52"}
IMPORTS = {"metric": "import_value", "value": 479.48e9, "raw_value": "479.48"}
ASEAN = {"partner": "ASEAN", "value": 198.6e9, "raw_value": "198.6"}
SHARE = {"partner": "ASEAN", "share_of": "import_export_value", "unit": "percent",
         "value": 16.5, "raw_value": "16.5"}  # fmt: skip


def test_parts_that_add_up_pass() -> None:
    frame = build(TOTAL, EXPORTS, IMPORTS)
    assert parts_whole(frame, DOCUMENTS, {}).height == 0


def test_parts_that_do_not_add_up_flag_all_three() -> None:
    frame = build(TOTAL, EXPORTS, {**IMPORTS, "value": 579.48e9, "raw_value": "579.48"})
    found = parts_whole(frame, DOCUMENTS, {})
    assert ids(found) == ["f1", "f2", "f3"]
    assert found.get_column("message")[0] == (
        "parts do not add up: Guangzhou City import_export_value (CNY) 2025-01-01..2025-12-31: "
        "export_value 7.205e11 + import_value 5.795e11 = 1.3e12 (1.3e12..1.3e12) but the whole "
        "is 1.2e12 (1.15e12..1.25e12) (facts f1, f2, f3)"
    )


def test_parts_need_every_part() -> None:
    frame = build(TOTAL, {**EXPORTS, "value": 2e12})
    assert parts_whole(frame, DOCUMENTS, {}).height == 0


def test_part_exceeds_whole_blames_the_part() -> None:
    frame = build(TOTAL, {**ASEAN, "value": 1.986e12}, {**TOTAL, "doc_id": "d2"})
    found = part_exceeds_whole(frame, DOCUMENTS, {})
    # f1 and f3 state one value of the whole: one statement, named together
    assert found.select("fact_id", "other_ids").rows() == [
        ("f1", ["f2"]), ("f2", ["f1", "f3"]), ("f3", ["f2"]),
    ]  # fmt: skip
    blamed = checks.run(checks.by_name("part_exceeds_whole"), frame, DOCUMENTS, {})
    assert ids(blamed) == ["f2"]  # it exceeds both wholes: blamed alone
    assert (
        blamed.get_column("message")
        .item()
        .endswith("but the whole import_export_value is 1.2e12 (1.15e12..1.25e12) (facts f1, f3)")
    )


def test_part_within_whole_passes() -> None:
    frame = build(TOTAL, ASEAN, EXPORTS, {**EXPORTS, "partner": "ASEAN", "value": 100e9})
    assert part_exceeds_whole(frame, DOCUMENTS, {}).height == 0


def test_share_times_whole_equals_part() -> None:
    assert share_of_whole(build(SHARE, TOTAL, ASEAN), DOCUMENTS, {}).height == 0


def test_share_mismatch_flags_share_whole_and_part() -> None:
    found = share_of_whole(
        build({**SHARE, "value": 26.5, "raw_value": "26.5"}, TOTAL, ASEAN), DOCUMENTS, {}
    )
    assert ids(found) == ["f1", "f2", "f3"]
    assert found.get_column("message")[0] == (
        "share does not match: Guangzhou City import_export_value partner=ASEAN (CNY) "
        "2025-01-01..2025-12-31: 26.5% of import_export_value 1.2e12 is 3.18e11 "
        "(3.042e11..3.319e11) but the part is 1.986e11 (1.986e11..1.986e11) (facts f1, f2, f3)"
    )


def written(true: float, scale: float, decimals: int) -> dict[str, object]:
    raw = f"{true / scale:.{decimals}f}"
    return {"value": float(raw) * scale, "raw_value": raw}


@settings(max_examples=40, deadline=None)
@given(
    exports=st.floats(1e6, 1e13),
    imports=st.floats(1e6, 1e13),
    scale=st.sampled_from([1e4, 1e8, 1e9, 1e12]),
    decimals=st.lists(st.integers(0, 3), min_size=3, max_size=3),
)
def test_rounded_parts_of_a_true_whole_never_raise_an_alarm(
    *, exports: float, imports: float, scale: float, decimals: list[int]
) -> None:
    total = written(exports + imports, scale, decimals[0])
    rows = [
        {**written(exports, scale, decimals[1]), "metric": "export_value"},
        {**written(imports, scale, decimals[2]), "metric": "import_value"},
    ]
    assume(all(r["value"] > 0 for r in [total, *rows]))  # type: ignore[operator]
    frame = build(total, *rows)
    assert parts_whole(frame, DOCUMENTS, {}).height == 0
    assert part_exceeds_whole(frame, DOCUMENTS, {}).height == 0
