"""gzetl.sources: listing, decoding, sidecars, publication dates, bad input."""

import codecs
import json
from datetime import date
from pathlib import Path

import pytest

from gzetl import sources
from gzetl.errors import SourceError

ARTICLE = (
    "Guangzhou foreign trade grows steadily\n\n"
    "In the first 11 months of 2025, the total import and export value of Guangzhou City "
    "reached 1.2 trillion yuan, up 5.2% year-on-year.\n"
)


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_doc_id_is_a_content_hash() -> None:
    assert sources.doc_id(b"abc") == "ba7816bf8f01cfea"
    assert len(sources.doc_id(ARTICLE.encode())) == 16


def test_list_files_keeps_documents_and_sidecars_recursively(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "a.meta.json", "{}")
    write(tmp_path, "sub/b.md", ARTICLE)
    write(tmp_path, "notes.csv", "x")
    write(tmp_path, ".hidden.txt", ARTICLE)
    listed = sources.list_files(str(tmp_path))
    assert [f.path for f in listed] == ["a.meta.json", "a.txt", "sub/b.md"]
    assert listed[1].size == len(ARTICLE.encode())


def test_list_files_of_a_missing_folder_is_empty(tmp_path: Path) -> None:
    assert sources.list_files(str(tmp_path / "absent")) == []


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + b"Trade 5%", "Trade 5%"),
        ("Trade 5%".encode("utf-16"), "Trade 5%"),
        ("Trade 5%".encode("utf-32"), "Trade 5%"),
        (b"Trade 5%", "Trade 5%"),
    ],
    ids=["utf8-bom", "utf16-bom", "utf32-bom", "utf8"],
)
def test_decode(data: bytes, expected: str) -> None:
    assert sources.decode("x.txt", data) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "x.txt: empty file: expected the text of a press release"),
        (b"  \n\t", "x.txt: empty file: expected the text of a press release"),
        (b"PK\x03\x04\x00\x01", "x.txt: binary file (NUL byte at offset 4): expected UTF-8 text"),
        (
            "Exports of 5 million yuan".encode("cp1252") + b"\xe9t\xe9",
            "x.txt: not UTF-8: byte 0xe9 at offset 25 cannot be decoded (save the file as UTF-8)",
        ),
    ],
    ids=["empty", "blank", "binary", "latin1"],
)
def test_decode_rejects_non_text(data: bytes, message: str) -> None:
    with pytest.raises(SourceError) as caught:
        sources.decode("x.txt", data)
    assert str(caught.value) == message
    assert caught.value.source == "x.txt"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026", (date(2026, 1, 1), "year")),
        ("2026-03", (date(2026, 3, 1), "month")),
        ("2026-03-19", (date(2026, 3, 19), "day")),
    ],
)
def test_published_from_sidecar(value: str, expected: tuple[date, str]) -> None:
    assert sources.published_from_sidecar(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "19 March 2026",
            "bad 'published' date '19 March 2026': expected YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        ("2026-13", "bad 'published' date '2026-13': month must be in 1..12"),
    ],
)
def test_published_from_sidecar_rejects(value: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        sources.published_from_sidecar(value)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At the beginning of 2026, the wave of reform is surging.", date(2026, 1, 1)),
        ("In the first 11 months of 2025, exports rose 3%.", date(2025, 12, 1)),
        ("In the first eleven months of 2025, exports rose 3%.", date(2025, 12, 1)),
        ("In the first three quarters of 2024, imports fell.", date(2024, 10, 1)),
        ("In the first half of 2025, flights rose 14%.", date(2025, 7, 1)),
        ("Trade grew.\nIn 2025, Nansha Port handled 20.1 million TEUs.", date(2026, 1, 1)),
        (
            "In the first quarter of 2025 trade rose. In the first half of 2025 it rose again.",
            date(2025, 7, 1),
        ),
        ("Trade grew strongly during the plan period.", None),
    ],
    ids=[
        "beginning",
        "months-digits",
        "months-word",
        "quarters",
        "half",
        "full-year",
        "latest",
        "none",
    ],
)
def test_infer_published(text: str, expected: date | None) -> None:
    assert sources.infer_published(text) == expected


def test_real_article_is_dated_from_its_text() -> None:
    raw = Path(__file__).resolve().parents[1] / "raw"
    (doc,) = sources.load_documents(str(raw))
    assert (doc.status, doc.published, doc.published_inferred) == ("ok", date(2026, 1, 1), True)
    assert doc.title is not None
    assert doc.title.startswith("Bay Area Tides at the Gateway")


def test_sidecar_fields_and_unknown_keys(tmp_path: Path) -> None:
    write(tmp_path, "gz.txt", ARTICLE)
    meta = {"title": "GZ trade", "published": "2025-12-20", "url": "https://x", "desk": "trade"}
    write(tmp_path, "gz.meta.json", json.dumps(meta))
    (doc,) = sources.load_documents(str(tmp_path))
    assert (doc.status, doc.title, doc.published, doc.published_precision) == (
        "ok", "GZ trade", date(2025, 12, 20), "day",
    )  # fmt: skip
    assert (doc.published_inferred, doc.url, doc.extra) == (False, "https://x", {"desk": "trade"})


def test_title_is_first_line_without_sidecar(tmp_path: Path) -> None:
    write(tmp_path, "gz.txt", "\n  " + ARTICLE)
    (doc,) = sources.load_documents(str(tmp_path))
    assert doc.title == "Guangzhou foreign trade grows steadily"
    assert doc.published == date(2025, 12, 1)


def test_null_sidecar_date_is_inferred(tmp_path: Path) -> None:
    write(tmp_path, "gz.txt", ARTICLE)
    write(tmp_path, "gz.meta.json", '{"published": null, "publisher": "Guangzhou Customs"}')
    (doc,) = sources.load_documents(str(tmp_path))
    assert (doc.status, doc.published, doc.published_inferred, doc.publisher) == (
        "ok", date(2025, 12, 1), True, "Guangzhou Customs",
    )  # fmt: skip


def test_bad_input_is_rejected_and_named_others_go_through(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path, "latin1.md", "Caf\xe9 exports".encode("latin-1"))
    write(tmp_path, "badjson.txt", ARTICLE.replace("1.2", "1.3"))
    write(tmp_path, "badjson.meta.json", '{"title": "x",')
    write(tmp_path, "baddate.txt", ARTICLE.replace("1.2", "1.4"))
    write(tmp_path, "baddate.meta.json", '{"published": "2025-02-30"}')
    write(tmp_path, "list.txt", ARTICLE.replace("1.2", "1.5"))
    write(tmp_path, "list.meta.json", "[1, 2]")
    docs = {d.source: (d.status, d.problem) for d in sources.load_documents(str(tmp_path))}
    assert docs == {
        "good.txt": ("ok", None),
        "empty.txt": ("rejected", "empty.txt: empty file: expected the text of a press release"),
        "binary.txt": (
            "rejected",
            "binary.txt: binary file (NUL byte at offset 8): expected UTF-8 text",
        ),
        "latin1.md": (
            "rejected",
            "latin1.md: not UTF-8: byte 0xe9 at offset 3 cannot be decoded "
            "(save the file as UTF-8)",
        ),
        "badjson.txt": (
            "warning",
            "badjson.meta.json: malformed sidecar, not JSON: "
            "Expecting property name enclosed in double quotes: line 1 column 15 (char 14)",
        ),
        "baddate.txt": (
            "warning",
            "baddate.meta.json: bad 'published' date '2025-02-30': day is out of range for month",
        ),
        "list.txt": (
            "warning",
            "list.meta.json: malformed sidecar: expected a JSON object, found [1, 2]",
        ),
    }


def test_bad_sidecar_keeps_text_and_infers_date(tmp_path: Path) -> None:
    write(tmp_path, "gz.txt", ARTICLE)
    write(tmp_path, "gz.meta.json", "not json")
    (doc,) = sources.load_documents(str(tmp_path))
    assert (doc.status, doc.text, doc.published) == ("warning", ARTICLE, date(2025, 12, 1))


def test_renamed_file_same_id_edited_file_new_id(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", ARTICLE)
    write(tmp_path, "c.txt", ARTICLE + "Exports rose 4%.\n")
    docs = sources.load_documents(str(tmp_path))
    assert docs[0].doc_id == docs[1].doc_id != docs[2].doc_id
    assert [(d.source, d.status) for d in docs] == [
        ("a.txt", "ok"), ("b.txt", "duplicate"), ("c.txt", "ok"),
    ]  # fmt: skip
    assert docs[1].problem == "b.txt: same content as a.txt; facts come from that"


def test_documents_frame(tmp_path: Path) -> None:
    write(tmp_path, "gz.txt", ARTICLE)
    write(tmp_path, "empty.txt", b"")
    frame = sources.documents_frame(sources.load_documents(str(tmp_path)))
    assert frame.schema == sources.DOCUMENTS_SCHEMA
    assert frame.select("source", "status", "n_chars", "extra").rows() == [
        ("empty.txt", "rejected", None, "{}"),
        ("gz.txt", "ok", len(ARTICLE), "{}"),
    ]
