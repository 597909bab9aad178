"""raw_folder_sensor on a real folder: new, changed, deleted, and files still being written."""

import os
import time
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.storage.dagster_run import DagsterRun
from pipelines.resources import GzetlSettings
from pipelines.sensors import raw_folder_sensor

pytestmark = pytest.mark.xdist_group("dagster")

TEXT = "In 2025, Zhuhai City exports reached 300 billion yuan, up 2.1% year-on-year.\n"


class Ticker:
    """Evaluates the sensor tick after tick, carrying the cursor like the daemon does."""

    def __init__(self, raw: Path) -> None:
        self.settings = GzetlSettings(raw_url=str(raw), warehouse_url=str(raw.parent / "wh"))
        self.cursor: str | None = None
        self.instance = dg.DagsterInstance.ephemeral()

    def tick(self) -> dg.SensorResult:
        context = dg.build_sensor_context(
            cursor=self.cursor, resources={"settings": self.settings}, instance=self.instance
        )
        result = raw_folder_sensor(context)
        assert isinstance(result, dg.SensorResult)
        self.cursor = result.cursor
        return result


def settled(path: Path, text: str, age: float = 60.0) -> None:
    """Write ``text`` and date the file ``age`` seconds back: a finished upload."""
    path.write_text(text, encoding="utf-8")
    stamp = time.time() - age
    os.utime(path, (stamp, stamp))


def requests(result: dg.SensorResult) -> list[dict[str, str]]:
    return [dict(r.tags) for r in result.run_requests or []]


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    return folder


def test_new_file_requests_one_run_then_nothing(raw: Path) -> None:
    settled(raw / "zhuhai.txt", TEXT)
    (raw / "notes.csv").write_text("ignored", encoding="utf-8")
    ticker = Ticker(raw)
    first = ticker.tick()
    assert requests(first) == [{"gzetl/new": "1", "gzetl/changed": "0", "gzetl/deleted": "0"}]
    second = ticker.tick()
    assert (requests(second), second.skip_reason) == ([], dg.SkipReason("no change"))


def test_file_still_being_written_waits_for_the_next_tick(raw: Path) -> None:
    (raw / "zhuhai.txt").write_text(TEXT, encoding="utf-8")  # mtime: now
    ticker = Ticker(raw)
    waiting = ticker.tick()
    assert requests(waiting) == []
    assert waiting.skip_reason == dg.SkipReason(
        "waiting for 1 file(s) still being written: zhuhai.txt"
    )
    time.sleep(2.2)  # the writer has finished: same size and mtime, now 2 s old
    assert requests(ticker.tick()) == [
        {"gzetl/new": "1", "gzetl/changed": "0", "gzetl/deleted": "0"}
    ]


def test_file_growing_between_ticks_waits(raw: Path) -> None:
    settled(raw / "zhuhai.txt", TEXT)
    ticker = Ticker(raw)
    ticker.tick()
    settled(raw / "zhuhai.txt", TEXT + "Imports rose", age=30.0)  # the upload goes on
    growing = ticker.tick()
    assert requests(growing) == []
    assert growing.skip_reason == dg.SkipReason(
        "waiting for 1 file(s) still being written: zhuhai.txt"
    )
    changed = ticker.tick()  # same size and mtime as the tick before: finished
    assert requests(changed) == [{"gzetl/new": "0", "gzetl/changed": "1", "gzetl/deleted": "0"}]


def test_deleted_file_and_sidecar_change_request_runs(raw: Path) -> None:
    settled(raw / "zhuhai.txt", TEXT)
    settled(raw / "macau.txt", TEXT.replace("Zhuhai", "Jiangmen"))
    ticker = Ticker(raw)
    first = ticker.tick()
    (raw / "macau.txt").unlink()
    settled(raw / "zhuhai.meta.json", '{"published": "2026-01"}')
    second = ticker.tick()
    assert requests(second) == [{"gzetl/new": "1", "gzetl/changed": "0", "gzetl/deleted": "1"}]
    keys = [r.run_key for r in (first.run_requests or []) + (second.run_requests or [])]
    assert len(set(keys)) == 2


def test_missing_raw_folder_skips(tmp_path: Path) -> None:
    result = Ticker(tmp_path / "absent").tick()
    assert (requests(result), result.skip_reason) == ([], dg.SkipReason("no change"))


def test_changes_wait_while_a_run_is_in_progress(raw: Path) -> None:
    settled(raw / "zhuhai.txt", TEXT)
    ticker = Ticker(raw)
    run = DagsterRun(job_name="gzetl_job", run_id="r-busy", status=dg.DagsterRunStatus.STARTED)
    ticker.instance.add_run(run)
    waiting = ticker.tick()
    assert (requests(waiting), waiting.skip_reason) == (
        [],
        dg.SkipReason("gzetl_job run r-busy in progress: the changes wait for it"),
    )
    ticker.instance.report_run_failed(run)  # the run ends
    assert requests(ticker.tick()) == [
        {"gzetl/new": "1", "gzetl/changed": "0", "gzetl/deleted": "0"}
    ]
