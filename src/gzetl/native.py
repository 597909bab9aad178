"""Which modules run compiled, and the guard against running an outdated compiled module.

``make native`` compiles the extraction modules with mypyc into C extensions beside their
sources (``quantities.cpython-311-x86_64-linux-gnu.so`` next to ``quantities.py``); Python
then imports the extension, not the source. An extension older than its source would run
old code without a word, so importing gzetl refuses to (``check_fresh``).
"""

from __future__ import annotations

import importlib
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

REBUILD_HINT = "run `make native` to rebuild it, or `make pure` to run the Python source"


def source_of(extension: Path) -> Path:
    """The ``.py`` source an extension module was compiled from (it may not exist)."""
    return extension.with_name(extension.name.split(".", 1)[0] + ".py")


def _is_stale(extension: Path) -> bool:
    source = source_of(extension)
    return not source.exists() or source.stat().st_mtime > extension.stat().st_mtime


def stale_extensions(package_dir: Path) -> list[Path]:
    """The extension modules under ``package_dir`` whose source changed after they were built,
    or is gone (mypyc's shared library of the build lies outside the package: ``src/``)."""
    return sorted(extension for extension in package_dir.rglob("*.so") if _is_stale(extension))


def check_fresh(package_dir: Path) -> None:
    """Raise ImportError naming the first outdated extension module, if there is one."""
    stale = stale_extensions(package_dir)
    if stale:
        source = source_of(stale[0])
        what = "changed after it was compiled" if source.exists() else "is gone"
        raise ImportError(f"{source} {what}: {REBUILD_HINT}")


def is_compiled(module_name: str) -> bool:
    """Whether ``module_name`` is imported from a compiled extension."""
    origin = getattr(importlib.import_module(module_name), "__file__", None) or ""
    return origin.endswith(tuple(EXTENSION_SUFFIXES))
