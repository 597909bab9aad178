"""The examples in the docstrings of the extraction modules are tests too."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "gzetl.extraction.gate",
    "gzetl.extraction.numbers",
    "gzetl.extraction.quantities",
    "gzetl.extraction.growth",
    "gzetl.extraction.sentences",
    "gzetl.extraction.links",
    "gzetl.extraction.context",
    "gzetl.extraction.subjects",
    "gzetl.extraction.metrics",
    "gzetl.extraction.names",
    "gzetl.extraction.lexicon",
    "gzetl.extraction.zh",
    "gzetl.extraction.zh.lexicon",
    "gzetl.extraction.zh.quantities",
    "gzetl.extraction.zh.sentences",
    "gzetl.extraction.zh.names",
    "gzetl.extraction.zh.periods",
    "gzetl.units",
    "gzetl.periods",
]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert (result.failed, result.attempted > 0) == (0, True)
