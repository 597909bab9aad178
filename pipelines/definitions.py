"""The gzetl code location: assets, checks, job, sensor, schedule and resources in one place.

Global policy is applied here once: the in-process executor (the graph is a chain of three
steps; a process per step would add seconds of start-up on two cores and save nothing) and
the settings resource read from the environment.
"""

from __future__ import annotations

import dagster as dg

from pipelines.assets import candidate_facts, documents, validated_tables
from pipelines.resources import settings_from_env
from pipelines.schedules import daily_reprocess
from pipelines.sensors import raw_folder_sensor

ASSETS = [documents, candidate_facts, validated_tables]

gzetl_job = dg.define_asset_job(
    "gzetl_job",
    selection=dg.AssetSelection.assets(*ASSETS),
    description="Read raw articles, extract facts (incrementally), validate and publish.",
)

defs = dg.Definitions(
    assets=ASSETS,
    jobs=[gzetl_job],
    sensors=[raw_folder_sensor],
    schedules=[daily_reprocess],
    resources={"settings": settings_from_env()},
    executor=dg.in_process_executor,
)
