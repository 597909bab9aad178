"""A real local S3-compatible server (moto in server mode) for the object-storage tests.

The session fixture starts one ``ThreadedMotoServer`` on a free port; ``s3_server`` points
every S3 client of one test at it through the environment, which the production code reads:

- ``AWS_ENDPOINT_URL`` is honoured by botocore (boto3), by aiobotocore and so by s3fs /
  universal-pathlib, and by polars' object_store reader;
- the fake credentials and region keep every client away from real AWS.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from moto.server import ThreadedMotoServer
from pipelines.processes import free_port


@dataclass(frozen=True)
class S3Server:
    """Where the local S3 server listens and the options a polars reader needs."""

    endpoint_url: str

    @property
    def env(self) -> dict[str, str]:
        return {
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": self.endpoint_url,
        }

    @property
    def storage_options(self) -> dict[str, str]:
        return {
            "aws_access_key_id": "testing",
            "aws_secret_access_key": "testing",
            "aws_region": "us-east-1",
            "aws_endpoint_url": self.endpoint_url,
            "aws_allow_http": "true",
        }


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """A moto S3 server on a free port for the whole session; yields its endpoint URL."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture
def s3_server(s3_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> S3Server:
    """The session's S3 server, with the environment of this test pointing every client at it."""
    s3 = S3Server(endpoint_url=s3_endpoint)
    for key, value in s3.env.items():
        monkeypatch.setenv(key, value)
    return s3
