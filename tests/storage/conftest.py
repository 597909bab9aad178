"""A real local S3-compatible server (moto in server mode) for the object-storage tests.

The session fixture starts one ``ThreadedMotoServer`` on a free port and points every S3
client at it through the environment, which is what the production code reads too:

- ``AWS_ENDPOINT_URL`` is honoured by botocore (boto3), by aiobotocore and so by s3fs /
  universal-pathlib, and by polars' object_store reader;
- the fake credentials and region keep every client away from real AWS.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from moto.server import ThreadedMotoServer

S3_ENV_KEYS = (
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_DEFAULT_REGION",
    "AWS_ENDPOINT_URL",
)


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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    """A moto S3 server for the whole session, with the environment pointing at it."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    s3 = S3Server(endpoint_url=f"http://127.0.0.1:{port}")
    saved = {key: os.environ.get(key) for key in S3_ENV_KEYS}
    os.environ.update(s3.env)
    try:
        yield s3
    finally:
        server.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
