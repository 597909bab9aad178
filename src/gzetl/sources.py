"""Raw sources: every ``.txt`` / ``.md`` file under the raw location is one document.

The raw location is a URL: a local path or ``s3://bucket/prefix`` (read with fsspec through
``universal_pathlib``). An optional sidecar ``<name>.meta.json`` beside ``<name>.txt`` gives
``title``, ``publisher``, ``published`` (YYYY, YYYY-MM or YYYY-MM-DD), ``url`` and
``language``; other keys are kept in ``extra`` (JSON). ``doc_id`` is a hash of the bytes: a
renamed file is the same document, an edited file a new one.

A file that cannot be read is a ``rejected`` document whose ``problem`` names the file and
what was wrong (the message of a ``SourceError``); a bad sidecar makes a ``warning``. Loading
never raises for one bad file: the other documents go through.

>>> published_from_sidecar("2026-01")
(datetime.date(2026, 1, 1), 'month')
>>> infer_published("At the beginning of 2026, trade grew.")
datetime.date(2026, 1, 1)
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

import polars as pl
from upath import UPath

from gzetl.catalogue import load_data
from gzetl.errors import KnowledgeError, SourceError

DOCUMENT_SUFFIXES = (".txt", ".md")
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_KEYS = ("title", "publisher", "published", "url", "language")
DOC_ID_LENGTH = 16
TITLE_MAX = 200
STATUSES = ("ok", "warning", "rejected", "duplicate", "deleted")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DATE = re.compile(
    r"""^(?P<year>\d{4})           # YYYY
        (?:-(?P<month>\d{2})       # -MM
           (?:-(?P<day>\d{2}))?    # -DD
        )?$""",
    re.VERBOSE,
)


# --- listing -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RawFile:
    """One file of the raw location: path relative to it, size in bytes, mtime (epoch s)."""

    path: str
    size: int
    mtime: float


def root(url: str) -> UPath:
    """The raw (or warehouse) location as a path object; local paths are made absolute."""
    path = UPath(url)
    return path if path.protocol not in ("", "file", "local") else UPath(path.absolute())


def is_document(path: str) -> bool:
    """A document file: ``.txt`` or ``.md``, not hidden, not a sidecar."""
    name = path.rsplit("/", 1)[-1]
    return not name.startswith(".") and name.lower().endswith(DOCUMENT_SUFFIXES)


def is_tracked(path: str) -> bool:
    """A file whose change matters to the pipeline: a document or a sidecar."""
    name = path.rsplit("/", 1)[-1]
    return is_document(path) or (not name.startswith(".") and name.endswith(SIDECAR_SUFFIX))


def _mtime(info: Mapping[str, Any]) -> float:
    stamp = info.get("mtime", info.get("LastModified", info.get("last_modified", 0.0)))
    if isinstance(stamp, datetime):
        return stamp.timestamp()
    return float(stamp or 0.0)


def list_files(url: str) -> list[RawFile]:
    """Documents and sidecars under ``url`` (recursively), sorted by path; [] if it is absent."""
    base = root(url)
    if not base.exists():
        return []
    prefix = base.path.rstrip("/") + "/"
    found = base.fs.find(base.path, detail=True)
    files = [
        RawFile(path=name[len(prefix) :], size=int(info.get("size") or 0), mtime=_mtime(info))
        for name, info in found.items()
        if name.startswith(prefix) and info.get("type", "file") == "file"
    ]
    return sorted((f for f in files if is_tracked(f.path)), key=lambda f: f.path)


# --- one document --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Document:
    """One raw file read as a document (or the reason it could not be)."""

    source: str
    doc_id: str
    status: str
    problem: str | None
    text: str | None
    size: int
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    published_precision: str | None = None
    published_inferred: bool = False
    url: str | None = None
    language: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def doc_id(data: bytes) -> str:
    """The content hash of a document: the first 16 hex digits of its sha256."""
    return hashlib.sha256(data).hexdigest()[:DOC_ID_LENGTH]


def decode(source: str, data: bytes) -> str:
    """The text of a raw file; raises SourceError naming ``source`` when it is not text.

    A byte-order mark (UTF-8, UTF-16, UTF-32) decides the encoding; otherwise it must be UTF-8.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise SourceError(
                    source, f"undecodable {encoding} after its byte-order mark: {exc.reason}"
                ) from exc
            return _nonempty(source, text)
    if not data.strip():
        raise SourceError(source, "empty file: expected the text of a press release")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise SourceError(source, f"binary file (NUL byte at offset {nul}): expected UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            source,
            f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} cannot be decoded "
            "(save the file as UTF-8)",
        ) from exc
    return _nonempty(source, text)


def _nonempty(source: str, text: str) -> str:
    if not text.strip():
        raise SourceError(source, "empty file: expected the text of a press release")
    return text


def published_from_sidecar(value: str) -> tuple[date, str]:
    """A sidecar date and its precision (year, month, day); ValueError when malformed."""
    found = _DATE.match(value.strip())
    if found is None:
        raise ValueError(f"bad 'published' date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = found.group("year", "month", "day")
    precision = "day" if day else "month" if month else "year"
    try:
        return date(int(year), int(month or 1), int(day or 1)), precision
    except ValueError as exc:
        raise ValueError(f"bad 'published' date {value!r}: {exc}") from exc


@dataclass(frozen=True, slots=True)
class DateRule:
    """One phrase of publication.toml that dates the document it appears in."""

    pattern: re.Pattern[str]
    month: int | str
    year_offset: int


@dataclass(frozen=True, slots=True)
class DateRules:
    rules: tuple[DateRule, ...]
    numbers: Mapping[str, int]


@cache
def date_rules() -> DateRules:
    """The publication-date rules of ``gzetl/data/publication.toml``, loaded once."""
    data = load_data("publication.toml")
    rules = []
    for entry in data["rule"]:
        month = entry["month"]
        if not (isinstance(month, int) and 1 <= month <= 12) and month not in (
            "after_n_months",
            "after_n_quarters",
        ):
            raise KnowledgeError("publication.toml", f"rule month {month!r} is not 1..12")
        pattern = re.compile(entry["pattern"], re.VERBOSE | re.IGNORECASE)
        if "year" not in pattern.groupindex:
            raise KnowledgeError("publication.toml", f"pattern {entry['pattern']!r} has no year")
        rules.append(DateRule(pattern, month, int(entry.get("year_offset", 0))))
    return DateRules(tuple(rules), dict(data["numbers"]))


def _rule_date(rule: DateRule, found: re.Match[str], numbers: Mapping[str, int]) -> date | None:
    year = int(found.group("year")) + rule.year_offset
    if isinstance(rule.month, int):
        return date(year, rule.month, 1)
    word = found.group("n").lower()
    n = int(word) if word.isdigit() else numbers.get(word)
    if n is None:
        return None
    month = n + 1 if rule.month == "after_n_months" else 3 * n + 1
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def infer_published(text: str) -> date | None:
    """The latest publication month the text implies (publication.toml), else None."""
    rules = date_rules()
    found = [
        _rule_date(rule, match, rules.numbers)
        for rule in rules.rules
        for match in rule.pattern.finditer(text)
    ]
    dates = [d for d in found if d is not None]
    return max(dates, default=None)


def read_sidecar(source: str, data: bytes) -> dict[str, Any]:
    """The sidecar's JSON object; raises SourceError naming the sidecar when malformed."""
    try:
        meta = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(source, f"malformed sidecar, not JSON: {exc}") from exc
    if not isinstance(meta, dict):
        raise SourceError(source, f"malformed sidecar: expected a JSON object, found {meta!r}")
    return meta


def title_of(text: str) -> str | None:
    """The first non-empty line of the text, shortened to 200 characters."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:TITLE_MAX]
    return None


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def build_document(source: str, data: bytes, sidecar: tuple[str, bytes] | None) -> Document:
    """A document from the bytes of a file and of its sidecar (path, bytes) if any. Pure."""
    ident = doc_id(data)
    try:
        text = decode(source, data)
    except SourceError as exc:
        return Document(source, ident, "rejected", str(exc), None, len(data))
    problems: list[str] = []
    meta: dict[str, Any] = {}
    if sidecar is not None:
        try:
            meta = read_sidecar(*sidecar)
        except SourceError as exc:
            problems.append(str(exc))
    published, precision = None, None
    if meta.get("published") is not None:
        try:
            published, precision = published_from_sidecar(str(meta["published"]))
        except ValueError as exc:
            assert sidecar is not None
            problems.append(str(SourceError(sidecar[0], str(exc))))
    inferred = published is None
    if inferred:
        published = infer_published(text)
        precision = "month" if published else None
    return Document(
        source=source,
        doc_id=ident,
        status="warning" if problems else "ok",
        problem="; ".join(problems) or None,
        text=text,
        size=len(data),
        title=_str(meta.get("title")) or title_of(text),
        publisher=_str(meta.get("publisher")),
        published=published,
        published_precision=precision,
        published_inferred=inferred and published is not None,
        url=_str(meta.get("url")),
        language=_str(meta.get("language")),
        extra={k: v for k, v in meta.items() if k not in SIDECAR_KEYS},
    )


def sidecar_path(source: str) -> str:
    """``dir/foo.meta.json`` for ``dir/foo.txt``."""
    stem = source.rsplit(".", 1)[0]
    return stem + SIDECAR_SUFFIX


def _read(base: UPath, path: str) -> bytes | SourceError:
    try:
        data: bytes = (base / path).read_bytes()
    except OSError as exc:
        return SourceError(path, f"cannot be read: {exc}")
    return data


def load_document(url: str, source: str, sidecars: Iterable[str] = ()) -> Document:
    """Read the document ``source`` (relative to ``url``) and its sidecar if listed."""
    base = root(url)
    data = _read(base, source)
    if isinstance(data, SourceError):
        return Document(source, doc_id(b""), "rejected", str(data), None, 0)
    meta_path = sidecar_path(source)
    sidecar = None
    if meta_path in set(sidecars):
        meta = _read(base, meta_path)
        sidecar = (meta_path, meta if isinstance(meta, bytes) else b"")
    return build_document(source, data, sidecar)


def mark_duplicates(documents: list[Document]) -> list[Document]:
    """Later copies (by path) of one content become ``duplicate`` naming the first copy."""
    first: dict[str, str] = {}
    out = []
    for doc in sorted(documents, key=lambda d: d.source):
        if doc.status in ("ok", "warning") and doc.doc_id in first:
            problem = f"{doc.source}: same content as {first[doc.doc_id]}; facts come from that"
            out.append(Document(doc.source, doc.doc_id, "duplicate", problem, doc.text, doc.size))
            continue
        if doc.status in ("ok", "warning"):
            first[doc.doc_id] = doc.source
        out.append(doc)
    return out


def load_documents(url: str, files: list[RawFile] | None = None) -> list[Document]:
    """Every document under ``url`` (the listing ``files`` if given), sorted by source."""
    listing = list_files(url) if files is None else files
    paths = [f.path for f in listing]
    sidecars = {p for p in paths if p.endswith(SIDECAR_SUFFIX)}
    return mark_duplicates([load_document(url, p, sidecars) for p in paths if is_document(p)])


# --- the documents frame -------------------------------------------------------------------

DOCUMENTS_SCHEMA = pl.Schema(
    {
        "source": pl.String(),
        "doc_id": pl.String(),
        "status": pl.String(),
        "problem": pl.String(),
        "change": pl.String(),
        "title": pl.String(),
        "publisher": pl.String(),
        "published": pl.Date(),
        "published_precision": pl.String(),
        "published_inferred": pl.Boolean(),
        "url": pl.String(),
        "language": pl.String(),
        "extra": pl.String(),
        "size": pl.Int64(),
        "n_chars": pl.Int64(),
        "seen_at": pl.Datetime("us", "UTC"),
    }
)


def documents_frame(
    documents: Iterable[Document], *, seen_at: datetime | None = None
) -> pl.DataFrame:
    """The ``documents`` rows of loaded documents (``change`` is filled by gzetl.incremental)."""
    stamp = seen_at or datetime.now(UTC)
    rows = [
        {
            "source": d.source,
            "doc_id": d.doc_id,
            "status": d.status,
            "problem": d.problem,
            "change": None,
            "title": d.title,
            "publisher": d.publisher,
            "published": d.published,
            "published_precision": d.published_precision,
            "published_inferred": d.published_inferred,
            "url": d.url,
            "language": d.language,
            "extra": json.dumps(d.extra, ensure_ascii=False, sort_keys=True, default=str),
            "size": d.size,
            "n_chars": None if d.text is None else len(d.text),
            "seen_at": stamp,
        }
        for d in documents
    ]
    return pl.DataFrame(rows, schema=DOCUMENTS_SCHEMA)
