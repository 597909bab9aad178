"""Starting Dagster servers beside a test or a benchmark: a free port, a clean stop.

`dagster dev` and `dagster-webserver` start children (daemon, code server, run workers) and,
started without a terminal, can ignore SIGTERM: start them with ``start_new_session=True`` and
stop the whole process group with :func:`stop_process_group`.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def stop_process_group(process: subprocess.Popen[bytes], grace: float = 10.0) -> None:
    """SIGTERM the process group of ``process``, SIGKILL it if still there after ``grace`` s."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=grace)
