"""Errors raised by gzetl. Every message names the file (or table) and what was wrong."""

from __future__ import annotations


class GzetlError(Exception):
    """Base class for all gzetl errors."""


class SourceError(GzetlError):
    """A raw file cannot be read as a document (empty, binary, undecodable, bad sidecar)."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class KnowledgeError(GzetlError):
    """A data file under ``gzetl/data`` is malformed."""

    def __init__(self, data_file: str, problem: str) -> None:
        self.data_file = data_file
        self.problem = problem
        super().__init__(f"{data_file}: {problem}")


class PublishError(GzetlError):
    """A table could not be published to the warehouse; the previous version is kept."""

    def __init__(self, table: str, problem: str) -> None:
        self.table = table
        self.problem = problem
        super().__init__(f"table {table!r} not published: {problem}")
