"""The extractor's version: the rules version set by hand, plus a fingerprint of the code and
knowledge that make facts.

Extracted facts are cached per document and extractor version (``incremental``), and fact ids
include the version. A version bumped by hand was forgotten for three sessions of rule changes,
so a warehouse built earlier kept serving facts of older rules; the fingerprint changes with
every edit of the extraction code, the period and unit code or a knowledge file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

RULES = "0.3"  # bump for a change of docs/conventions.md that users should see
_PARTS = ("extraction/**/*.py", "periods.py", "units.py", "catalogue.py", "data/*.toml")


def fingerprint(package: Path) -> str:
    """The first 10 hex digits of a SHA-256 over the path and bytes of every file that makes
    facts, in path order.

    >>> len(fingerprint(Path(__file__).parent))
    10
    """
    digest = hashlib.sha256()
    files = sorted({p for part in _PARTS for p in package.glob(part)})
    for path in files:
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:10]


def extractor_version(package: Path) -> str:
    """``RULES+fingerprint``, e.g. ``0.3+1a2b3c4d5e``."""
    return f"{RULES}+{fingerprint(package)}"
