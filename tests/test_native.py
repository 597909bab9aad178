"""The extraction modules compiled by ``make native`` (mypyc) extract exactly what their
Python source extracts, and an outdated compiled module is refused."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from gzetl.evaluation import load_corpus
from gzetl.extraction import extract_documents
from gzetl.native import check_fresh, is_compiled, stale_extensions

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "gzetl"
STAMP = ROOT / "src" / "build" / "native.stamp"  # written by `make native`
NATIVE_MODULES = sorted(  # what `make native` compiles: the extraction package and periods
    [
        ".".join(("gzetl", *p.relative_to(PACKAGE).with_suffix("").parts))
        for p in (PACKAGE / "extraction").rglob("*.py")
    ]
    + ["gzetl.periods"]
)
needs_native = pytest.mark.skipif(
    not (STAMP.exists() and STAMP.read_text().strip() == "native"),
    reason="`make native` compiled nothing here (GZETL_NATIVE=0, or no C compiler)",
)

# Extract the dev corpus and the raw/ article with the modules found on PYTHONPATH.
EXTRACT = """
import sys
from pathlib import Path
from gzetl.evaluation import load_corpus
from gzetl.extraction import extract_documents
from gzetl.native import is_compiled
root = Path(sys.argv[1])
docs = [(d.text, d.doc_id, d.name, d.published) for d in load_corpus(root / "tests/corpus")]
for path in sorted((root / "raw").glob("*.txt")):
    docs.append((path.read_text(encoding="utf-8"), path.stem, path.name, None))
extract_documents(docs).write_parquet(sys.argv[2])
print("compiled" if is_compiled("gzetl.extraction.quantities") else "source")
"""


def _documents() -> list[tuple[str, str, str, date | None]]:
    docs: list[tuple[str, str, str, date | None]] = [
        (d.text, d.doc_id, d.name, d.published) for d in load_corpus(ROOT / "tests/corpus")
    ]
    for path in sorted((ROOT / "raw").glob("*.txt")):
        docs.append((path.read_text(encoding="utf-8"), path.stem, path.name, None))
    return docs


def test_the_native_build_did_not_fail() -> None:
    """`make native` falls back to the Python source when mypyc fails: that must not pass
    unnoticed (no stamp at all: GZETL_NATIVE=0 or `make pure` asked for the source)."""
    if not STAMP.exists():
        pytest.skip("no native build was asked for (GZETL_NATIVE=0 or make pure)")
    log = STAMP.with_name("native.log")
    tail = log.read_text()[-2000:] if log.exists() else ""
    assert STAMP.read_text().strip() == "native", tail


@needs_native
@pytest.mark.parametrize("name", NATIVE_MODULES)
def test_extraction_module_is_compiled(name: str) -> None:
    assert is_compiled(name)


@needs_native
def test_compiled_and_source_extract_the_same_rows(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(PACKAGE, source / "gzetl", ignore=shutil.ignore_patterns("*.so"))
    out = tmp_path / "facts.parquet"
    env = {**os.environ, "PYTHONPATH": str(source)}  # before the editable install's src/
    run = subprocess.run(
        [sys.executable, "-c", EXTRACT, str(ROOT), str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.strip() == "source"
    from_source = pl.read_parquet(out)
    compiled = extract_documents(_documents())
    assert compiled.height > 600
    assert_frame_equal(compiled, from_source)


def _touch(path: Path, mtime: float) -> None:
    path.write_text("")
    os.utime(path, (mtime, mtime))


def test_an_extension_older_than_its_source_is_refused(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    _touch(package / "quantities.py", 2_000)
    _touch(package / "quantities.cpython-311-x86_64-linux-gnu.so", 1_000)
    _touch(package / "gate.py", 1_000)
    _touch(package / "gate.cpython-311-x86_64-linux-gnu.so", 2_000)
    assert stale_extensions(package) == [package / "quantities.cpython-311-x86_64-linux-gnu.so"]
    with pytest.raises(ImportError, match=r"quantities\.py changed after it was compiled"):
        check_fresh(package)
    os.utime(package / "quantities.cpython-311-x86_64-linux-gnu.so", (3_000, 3_000))
    assert stale_extensions(package) == []
    check_fresh(package)


def test_an_extension_whose_source_is_gone_is_refused(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    _touch(package / "names.cpython-311-x86_64-linux-gnu.so", 2_000)  # names.py was renamed
    with pytest.raises(ImportError, match=r"names\.py is gone"):
        check_fresh(package)
