"""The warehouse: a location (local path or ``s3://``) holding one Parquet file per table.

Writes are atomic: locally the table is written to a temporary file beside the target and
renamed over it; on S3 one PUT replaces the object. A crash never leaves a half-written
table, and a caller that fails before ``write_table`` keeps the last good version.

>>> import tempfile
>>> wh = Warehouse(tempfile.mkdtemp())
>>> wh.write_table("facts", pl.DataFrame({"a": [1]})).endswith("facts.parquet")
True
>>> wh.read_table("facts").to_dicts()
[{'a': 1}]
"""

from __future__ import annotations

import io
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import polars as pl
from upath import UPath

from gzetl.errors import PublishError
from gzetl.sources import root

TABLES = ("documents", "facts", "quarantine", "derived", "series", "check_results")
STATE_DIR = "_state"


@dataclass(frozen=True)
class Warehouse:
    """The published tables under ``url``."""

    url: str

    @property
    def root(self) -> UPath:
        return root(self.url)

    def path(self, name: str) -> UPath:
        """Where table ``name`` lives (``_state/extractions`` for internal state)."""
        return self.root / f"{name}.parquet"

    def is_local(self) -> bool:
        return self.root.protocol in ("", "file", "local")

    def write_table(self, name: str, df: pl.DataFrame) -> str:
        """Replace table ``name`` with ``df`` atomically; returns its path as a string."""
        target = self.path(name)
        buffer = io.BytesIO()
        try:
            df.write_parquet(buffer, compression="zstd", statistics=True)
        except pl.exceptions.PolarsError as exc:
            raise PublishError(name, f"cannot serialise to Parquet: {exc}") from exc
        data = buffer.getvalue()
        try:
            if self.is_local():
                target.parent.mkdir(parents=True, exist_ok=True)
                temp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
                try:
                    with temp.open("wb") as out:
                        out.write(data)
                        out.flush()
                        os.fsync(out.fileno())
                    Path(temp.path).replace(target.path)
                finally:
                    if temp.exists():
                        temp.unlink()
            else:
                target.write_bytes(data)
        except OSError as exc:
            raise PublishError(name, f"cannot write {target}: {exc}") from exc
        return str(target)

    def read_table(self, name: str) -> pl.DataFrame | None:
        """Table ``name``, or None when it was never written."""
        target = self.path(name)
        if not target.exists():
            return None
        return pl.read_parquet(io.BytesIO(target.read_bytes()))

    def append_table(self, name: str, df: pl.DataFrame) -> str:
        """Add ``df``'s rows to table ``name`` (history tables such as check_results)."""
        previous = self.read_table(name)
        combined = df if previous is None else pl.concat([previous, df], how="diagonal_relaxed")
        return self.write_table(name, combined)


def write_table(url: str, name: str, df: pl.DataFrame) -> str:
    """``Warehouse(url).write_table(name, df)``."""
    return Warehouse(url).write_table(name, df)


def read_table(url: str, name: str) -> pl.DataFrame | None:
    """``Warehouse(url).read_table(name)``."""
    return Warehouse(url).read_table(name)
