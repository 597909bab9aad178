"""The whole pipeline with raw articles and the warehouse in S3 (a local moto server)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import boto3
import polars as pl
import pytest

if TYPE_CHECKING:
    from conftest import S3Server

REPO = Path(__file__).resolve().parents[2]
GZETL = Path(sys.executable).parent / "gzetl"
REAL_ARTICLE = REPO / "raw" / "2026-01-guangzhou-customs-14th-five-year-plan.txt"

NANSHA_TEXT = """Nansha Port container throughput sets a new record

Nansha, January 15 -- In 2025, Nansha Port completed a container throughput of 20.1 million \
TEUs, up 4.3% year-on-year, according to Guangzhou Customs. Foreign trade containers \
accounted for over 60% of the total.

The total import and export value of Nansha District reached 318.6 billion yuan in 2025, \
an increase of 6.1% over the previous year. Exports were 201.4 billion yuan.
"""

AIRPORT_TEXT = """Busy year at Baiyun Airport port

In the first half of 2025, customs supervised about 9.8 million inbound and outbound \
persons through the Guangzhou Baiyun Airport port, up 21.5% year-on-year. There were 61000 \
inbound and outbound flights, a year-on-year increase of about 14%.
"""

ARTICLES = {
    REAL_ARTICLE.name: REAL_ARTICLE.read_text(encoding="utf-8"),
    "2025-nansha-port.txt": NANSHA_TEXT,
    "2025-h1-baiyun-airport.txt": AIRPORT_TEXT,
}
META = {"2025-nansha-port.meta.json": {"title": "Nansha Port", "published": "2026-01-15"}}


def _upload(bucket: str, prefix: str) -> None:
    client = boto3.client("s3")
    client.create_bucket(Bucket=bucket)
    for name, text in ARTICLES.items():
        client.put_object(Bucket=bucket, Key=f"{prefix}/{name}", Body=text.encode("utf-8"))
    for name, meta in META.items():
        client.put_object(Bucket=bucket, Key=f"{prefix}/{name}", Body=json.dumps(meta).encode())


def _run_pipeline(raw: str, warehouse: str, dagster_home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DAGSTER_HOME": str(dagster_home)}
    command = [str(GZETL), "run", "--raw", raw, "--warehouse", warehouse]
    return subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False
    )


@pytest.mark.slow
def test_pipeline_reads_and_writes_s3(s3_server: S3Server, tmp_path: Path) -> None:
    _upload("gzetl-raw", "articles")
    boto3.client("s3").create_bucket(Bucket="gzetl-warehouse")
    (tmp_path / "dagster_home").mkdir()

    result = _run_pipeline(
        "s3://gzetl-raw/articles", "s3://gzetl-warehouse/prod", tmp_path / "dagster_home"
    )

    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    facts = pl.read_parquet(
        "s3://gzetl-warehouse/prod/facts.parquet", storage_options=s3_server.storage_options
    )
    by_source = {Path(source).name for source in facts["source"].unique().to_list()}
    assert by_source == set(ARTICLES)
    for row in facts.select("source", "span_start", "span_end", "text").iter_rows(named=True):
        document = ARTICLES[Path(row["source"]).name]
        assert document[row["span_start"] : row["span_end"]] == row["text"]
    nansha = facts.filter(pl.col("text") == "20.1 million TEUs")
    assert nansha.select("subject", "metric", "value", "change_pct").rows() == [
        ("Nansha Port", "container_throughput", 20_100_000.0, 4.3)
    ]


def test_s3_server_is_separate_from_aws(s3_server: S3Server) -> None:
    """The fixture's endpoint is the only one the clients see: a listing shows our buckets."""
    client = boto3.client("s3")
    client.create_bucket(Bucket="gzetl-probe")
    names = {bucket["Name"] for bucket in client.list_buckets()["Buckets"]}
    assert "gzetl-probe" in names
    assert client.meta.endpoint_url == s3_server.endpoint_url
