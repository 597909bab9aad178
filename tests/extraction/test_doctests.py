"""The examples in the docstrings of the extraction modules are tests too.

They are run on each module's Python source: a module compiled with mypyc (``make native``)
keeps no docstrings that ``doctest`` can find, and its source is what a reader sees.
"""

from __future__ import annotations

import doctest
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from gzetl.native import source_of

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


def source_module(name: str) -> ModuleType:
    """The module ``name`` loaded from its ``.py`` file, under its own name plus ``_source``."""
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.origin is not None
    path = source_of(Path(spec.origin))  # quantities.py, or __init__.py of a package
    source_spec = importlib.util.spec_from_file_location(f"{name}_source", path)
    assert source_spec is not None and source_spec.loader is not None
    module = importlib.util.module_from_spec(source_spec)
    sys.modules[source_spec.name] = module  # dataclasses look their module up there
    source_spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    result = doctest.testmod(source_module(name))
    assert (result.failed, result.attempted > 0) == (0, True)
