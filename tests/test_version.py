"""Tests of gzetl.version: the extractor version follows the code and knowledge of the rules."""

from __future__ import annotations

import shutil
from pathlib import Path

import gzetl
from gzetl.version import RULES, extractor_version, fingerprint

PACKAGE = Path(gzetl.__file__).parent


def _copy(tmp_path: Path) -> Path:
    copy = tmp_path / "gzetl"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("*.so", "__pycache__"))
    return copy


def test_the_extractor_version_is_the_rules_and_the_fingerprint_of_this_package() -> None:
    assert f"{RULES}+{fingerprint(PACKAGE)}" == gzetl.EXTRACTOR_VERSION
    assert extractor_version(PACKAGE) == gzetl.EXTRACTOR_VERSION


def test_an_edit_of_a_rule_or_of_knowledge_changes_it(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    before = fingerprint(copy)
    knowledge = copy / "data" / "growth.toml"
    knowledge.write_text(knowledge.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_data = fingerprint(copy)
    rule = copy / "extraction" / "zh" / "quantities.py"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert len({before, after_data, fingerprint(copy)}) == 3


def test_files_that_make_no_facts_leave_it_alone(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    before = fingerprint(copy)
    warehouse = copy / "warehouse.py"
    warehouse.write_text(warehouse.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    (copy / "extraction" / "notes.txt").write_text("scratch", encoding="utf-8")
    assert fingerprint(copy) == before
