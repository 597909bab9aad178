"""``gzetl run`` as a user runs it: a subprocess into a temporary warehouse."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from gzetl.checks import CHECKS

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("dagster")]

REPO = Path(__file__).resolve().parents[2]
GZETL = Path(sys.executable).parent / "gzetl"
REAL = REPO / "raw" / "2026-01-guangzhou-customs-14th-five-year-plan.txt"


def gzetl(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    return subprocess.run(
        [str(GZETL), *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
        check=False,
    )  # fmt: skip


def test_gzetl_run_prints_summary_and_writes_parquet(tmp_path: Path) -> None:
    raw, wh, home = tmp_path / "raw", tmp_path / "wh", tmp_path / "home"
    raw.mkdir()
    home.mkdir()
    shutil.copy(REAL, raw / REAL.name)
    (raw / "broken.txt").write_bytes(b"\x93Quoted\x94 exports")
    done = gzetl("run", "--raw", str(raw), "--warehouse", str(wh), home=home)
    assert done.returncode == 0, done.stderr[-3000:]
    facts = pl.read_parquet(wh / "facts.parquet")
    quarantine = pl.read_parquet(wh / "quarantine.parquet")
    results = pl.read_parquet(wh / "check_results.parquet")
    failed = results.filter(~pl.col("passed")).height
    lines = done.stdout.splitlines()
    assert lines[0].startswith("run ") and lines[0].endswith(" succeeded")
    assert lines[1:] == [
        f"warehouse: {wh}",
        "documents read: 2 (1 rejected, 0 deleted)",
        "  rejected broken.txt: not UTF-8: byte 0x93 at offset 0 cannot be decoded "
        "(save the file as UTF-8)",
        f"facts published: {facts.height}",
        f"rows quarantined: {quarantine.height}",
        f"checks: {len(CHECKS) - failed} passed, {failed} failed",
        *[
            f"  failed {c} ({s})"
            for c, s in results.filter(~pl.col("passed")).select("check", "severity").rows()
        ],
    ]
    assert facts.height > 10
    assert set(facts["source"]) == {REAL.name}
    # the run is recorded in DAGSTER_HOME, so the UI shows it
    assert any((home / "history").rglob("*.db"))


def test_gzetl_eval_returns_the_harness_exit_code(tmp_path: Path) -> None:
    done = gzetl("eval", str(tmp_path / "no-corpus"), home=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("gzetl eval: ")


def test_gzetl_run_that_cannot_publish_exits_1_naming_the_table(tmp_path: Path) -> None:
    raw, wh = tmp_path / "raw", tmp_path / "wh"
    raw.mkdir()
    shutil.copy(REAL, raw / REAL.name)
    (wh / "quarantine.parquet").mkdir(parents=True)  # something in the way of the table
    done = gzetl("run", "--raw", str(raw), "--warehouse", str(wh), home=tmp_path)
    assert done.returncode == 1
    first, last = done.stderr.strip().splitlines()[-2:]
    assert first.startswith(
        "step validated_tables failed: gzetl.errors.PublishError: table 'quarantine' not "
        f"published: cannot write {wh / 'quarantine.parquet'}: "
    )
    assert last.endswith("failed; a table this run did not write keeps its last good version")
    assert done.stdout == ""
