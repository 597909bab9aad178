"""Tests of gzetl.extraction.lexicon and of the self-validation of the data tables."""

from __future__ import annotations

import pytest

from gzetl.errors import KnowledgeError
from gzetl.extraction import lexicon, metrics, numbers


def test_tables_load() -> None:
    assert lexicon.qualifiers()["within"] == "le"
    assert lexicon.growth_words().direction["down"] == -1
    assert lexicon.growth_words().multiple["doubled"] == 100
    assert "one port pass" in lexicon.negatives()
    assert "of which" in lexicon.implied_unit().after


def test_a_bad_bound_names_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon, "load_data", lambda name: {"bound": {"over": "more"}})
    lexicon.qualifiers.cache_clear()
    try:
        with pytest.raises(
            KnowledgeError,
            match=r"^qualifiers\.toml: \[bound\] \{'over': 'more'\}: bound must be one of",
        ):
            lexicon.qualifiers()
    finally:
        lexicon.qualifiers.cache_clear()


def test_a_bad_scale_names_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(numbers, "load_data", lambda name: {"scale": {"million": "lots"}})
    numbers.scales.cache_clear()
    try:
        with pytest.raises(
            KnowledgeError, match=r"^scales\.toml: 'million': 'lots' is not a decimal number$"
        ):
            numbers.scales()
    finally:
        numbers.scales.cache_clear()


def test_a_hint_naming_an_unknown_metric_names_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(metrics, "load_data", lambda name: {"aliases": {"boats": "boat_count"}})
    metrics.hints.cache_clear()
    try:
        with pytest.raises(
            KnowledgeError,
            match=r"^metric_hints\.toml: \[aliases\] 'boats': 'boat_count' is not a key",
        ):
            metrics.hints()
    finally:
        metrics.hints.cache_clear()
