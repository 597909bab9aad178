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
from collections.abc import Mapping
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
        return self._put(name, _serialise(name, df))

    def write_tables(self, tables: Mapping[str, pl.DataFrame]) -> dict[str, str]:
        """Replace several tables; all are serialised before the first is written, so a
        table that cannot be serialised leaves every table as it was."""
        encoded = {name: _serialise(name, df) for name, df in tables.items()}
        return {name: self._put(name, data) for name, data in encoded.items()}

    def _put(self, name: str, data: bytes) -> str:
        target = self.path(name)
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

    def appended(self, name: str, df: pl.DataFrame) -> pl.DataFrame:
        """Table ``name`` with ``df``'s rows added (history tables such as check_results)."""
        previous = self.read_table(name)
        return df if previous is None else pl.concat([previous, df], how="diagonal_relaxed")

    def append_table(self, name: str, df: pl.DataFrame) -> str:
        """Add ``df``'s rows to table ``name``."""
        return self.write_table(name, self.appended(name, df))


def _serialise(name: str, df: pl.DataFrame) -> bytes:
    buffer = io.BytesIO()
    try:
        df.write_parquet(buffer, compression="zstd", statistics=True)
    except pl.exceptions.PolarsError as exc:
        raise PublishError(name, f"cannot serialise to Parquet: {exc}") from exc
    return buffer.getvalue()


def write_table(url: str, name: str, df: pl.DataFrame) -> str:
    """``Warehouse(url).write_table(name, df)``."""
    return Warehouse(url).write_table(name, df)


def read_table(url: str, name: str) -> pl.DataFrame | None:
    """``Warehouse(url).read_table(name)``."""
    return Warehouse(url).read_table(name)
