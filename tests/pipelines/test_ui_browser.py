"""The Dagster UI in a real browser: every asset, every check, the last run a success.

Materialises ``gzetl_job`` into a temporary warehouse with a temporary DAGSTER_HOME, serves the
same instance with ``dagster-webserver`` and drives Chromium (the Debian package, not a
Playwright download) through the asset catalogue, each asset's checks tab and the lineage
graph. Screenshots go to the test's tmp folder and are copied to ``tests/_output/``.
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
from pipelines.processes import free_port, stop_process_group
from playwright.sync_api import Page, expect, sync_playwright

REPO = Path(__file__).resolve().parents[2]
OUTPUT = REPO / "tests" / "_output"
BIN = Path(sys.executable).parent
MODULE = "pipelines.definitions"
JOB = "gzetl_job"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The assets the issue asks for; the definitions may hold more, never fewer.
EXPECTED_ASSETS = {
    "documents",
    "candidate_facts",
    "facts",
    "quarantine",
    "derived",
    "series",
    "check_results",
}
UI_TIMEOUT_MS = 60_000
UI_STATUSES = {"Succeeded", "Failed", "Warning", "Execution failed", "Skipped", "Not evaluated"}

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("dagster")]


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"dagster-webserver exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(1)
    pytest.fail(f"dagster-webserver did not answer {url} within {timeout} s:\n{log.read_text()}")


def _definitions_keys() -> tuple[list[str], dict[str, list[str]]]:
    """Asset keys and, per asset, its check names, read from the definitions themselves."""
    defs = importlib.import_module(MODULE).defs
    graph = defs.resolve_asset_graph()
    assets = sorted(key.to_user_string() for key in graph.get_all_asset_keys())
    checks: dict[str, list[str]] = {}
    for check_key in graph.asset_check_keys:
        checks.setdefault(check_key.asset_key.to_user_string(), []).append(check_key.name)
    return assets, {asset: sorted(names) for asset, names in checks.items()}


@pytest.fixture
def chromium() -> str:
    """The system Chromium; the test is skipped (with the install command) without it."""
    if CHROMIUM is None:
        pytest.skip("Chromium not found: install it with `apt-get install -y chromium`")
    return CHROMIUM


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Environment of the job and the webserver: one DAGSTER_HOME, one raw folder, one warehouse."""
    home, raw, warehouse = tmp_path / "dagster_home", tmp_path / "raw", tmp_path / "warehouse"
    for folder in (home, raw, warehouse):
        folder.mkdir()
    for article in (REPO / "raw").glob("*.txt"):
        shutil.copy(article, raw / article.name)
    return {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "GZETL_RAW_DIR": str(raw),
        "GZETL_WAREHOUSE_DIR": str(warehouse),
    }


@pytest.fixture
def webserver(chromium: str, env: dict[str, str], tmp_path: Path) -> Iterator[str]:
    """Materialise the job into the tmp instance, then serve it; yields the base URL."""
    run = subprocess.run(
        [str(BIN / "dagster"), "job", "execute", "-m", MODULE, "-j", JOB],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    port = free_port()
    log = tmp_path / "webserver.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [str(BIN / "dagster-webserver"), "-h", "127.0.0.1", "-p", str(port), "-m", MODULE],
            cwd=REPO,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(f"{base}/server_info", process, log, timeout=180)
        yield base
    finally:
        stop_process_group(process)


def _dismiss_popups(page: Page) -> None:
    """Close the community sign-up dialog that a fresh instance shows over the screen."""
    skip = page.get_by_text("Skip", exact=True)
    if skip.count() and skip.first.is_visible():
        skip.first.click()


def _screenshot(page: Page, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    page.screenshot(path=str(path), full_page=True)
    OUTPUT.mkdir(exist_ok=True)
    shutil.copy(path, OUTPUT / name)


def _check_statuses(body: str, names: list[str]) -> dict[str, str]:
    """Each check's status in the checks list: the first status word after its name."""
    shown: dict[str, str] = {}
    current = None
    for line in map(str.strip, body.splitlines()):
        if line in names and line not in shown:
            current = line
        elif line in UI_STATUSES and current is not None:
            shown[current] = line
            current = None
    return shown


def _wait_for_statuses(page: Page, names: list[str]) -> dict[str, str]:
    """The statuses shown once every check has one (the list renders names first), or what
    is shown when the UI timeout runs out."""
    deadline = time.monotonic() + UI_TIMEOUT_MS / 1000
    while True:
        shown = _check_statuses(page.locator("body").inner_text(), names)
        if len(shown) == len(names) or time.monotonic() > deadline:
            return shown
        page.wait_for_timeout(250)


def _expected_statuses(env: dict[str, str], asset: str, names: list[str]) -> dict[str, str]:
    """What the UI must show: facts checks from the warehouse's check_results, others passed."""
    outcome = dict.fromkeys(names, True)
    if asset == "facts":
        results = pl.read_parquet(Path(env["GZETL_WAREHOUSE_DIR"]) / "check_results.parquet")
        outcome.update(dict(results.select("check", "passed").iter_rows()))
    return {name: "Succeeded" if passed else "Failed" for name, passed in outcome.items()}


def test_ui_shows_every_asset_and_check_after_a_successful_run(
    chromium: str, env: dict[str, str], webserver: str, tmp_path: Path
) -> None:
    assets, checks = _definitions_keys()
    assert set(assets) >= EXPECTED_ASSETS
    assert set(checks) >= {"facts", "documents"}

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.set_default_timeout(UI_TIMEOUT_MS)

        # The catalogue: one row per asset, each last materialised without failure.
        page.goto(f"{webserver}/assets")
        for key in assets:
            link = page.locator(f'a[href="/assets/{key}"]').first
            link.wait_for()
            # The row: the outermost ancestor that holds this one asset link and no other.
            row = link.locator(
                "xpath=ancestor::div[count(.//a[starts-with(@href, '/assets/')]) = 1][last()]"
            )
            expect(row).to_contain_text("Materialized", timeout=UI_TIMEOUT_MS)
            assert "Failed" not in row.inner_text(), f"{key}: {row.inner_text()!r}"
        _dismiss_popups(page)
        _screenshot(page, tmp_path, "ui-assets.png")

        # Each checked asset: every check listed with the outcome the warehouse recorded.
        for asset, names in sorted(checks.items()):
            page.goto(f"{webserver}/assets/{asset}?view=checks")
            page.get_by_text(f"Checks ({len(names)})", exact=True).wait_for()
            for name in names:
                page.get_by_text(name, exact=True).first.wait_for()
            expect(page.locator("body")).not_to_contain_text("Not evaluated")
            shown = _wait_for_statuses(page, names)
            assert shown == _expected_statuses(env, asset, names)
            _dismiss_popups(page)
            _screenshot(page, tmp_path, f"ui-checks-{asset}.png")

        # The lineage graph: every asset is a node.
        page.goto(f"{webserver}/asset-groups")
        for key in assets:
            page.get_by_text(key, exact=True).first.wait_for()
        _dismiss_popups(page)
        _screenshot(page, tmp_path, "ui-lineage.png")
        browser.close()
