"""Snapshot of the Dagster code location: a wiring change shows in review.

Regenerate after an intended change: ``.venv/bin/python tests/pipelines/test_definitions.py``.
"""

import json
from pathlib import Path
from typing import Any

import dagster as dg
from pipelines.definitions import defs

import gzetl
from gzetl.checks import CHECKS

SNAPSHOT = Path(__file__).with_name("definitions_snapshot.json")


def snapshot() -> dict[str, Any]:
    graph = defs.resolve_asset_graph()
    assets = {}
    for key in sorted(graph.get_all_asset_keys(), key=lambda k: k.to_user_string()):
        node = graph.get(key)
        assets[key.to_user_string()] = {
            "group": node.group_name,
            # the extractor version changes with every rule edit: checked on its own below
            "code_version": (
                "gzetl.EXTRACTOR_VERSION"
                if node.code_version == gzetl.EXTRACTOR_VERSION
                else node.code_version
            ),
            "deps": sorted(d.to_user_string() for d in node.parent_keys),
            "partitioned": node.partitions_def is not None,
        }
    checks = sorted(f"{k.asset_key.to_user_string()}:{k.name}" for k in graph.asset_check_keys)
    sensors = {
        s.name: {"job": s.job_name, "interval": s.minimum_interval_seconds,
                 "default_status": s.default_status.value}
        for s in defs.sensors or []
    }  # fmt: skip
    schedules = {
        s.name: {
            "job": s.job_name,
            "cron": s.cron_schedule,
            "default_status": s.default_status.value,
        }
        for s in defs.schedules or []
    }
    job = defs.resolve_job_def("gzetl_job")
    return {
        "assets": assets,
        "checks": checks,
        "jobs": sorted(j.name for j in defs.resolve_all_job_defs() if not j.name.startswith("__")),
        "job_executor": job.executor_def.name,
        "sensors": sensors,
        "schedules": schedules,
        "resources": sorted(defs.resources or {}),
    }


def test_definitions_match_snapshot() -> None:
    assert snapshot() == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_one_check_per_registered_check_plus_documents() -> None:
    checks = snapshot()["checks"]
    assert checks == sorted(
        [f"facts:{c.name}" for c in CHECKS] + ["documents:all_sources_readable"]
    )


def test_extraction_code_version_is_the_extractor_version() -> None:
    node = defs.resolve_asset_graph().get(dg.AssetKey("candidate_facts"))
    assert node.code_version == gzetl.EXTRACTOR_VERSION


if __name__ == "__main__":
    SNAPSHOT.write_text(json.dumps(snapshot(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT}")
