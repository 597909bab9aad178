"""A daily run: republishes the tables and appends a check_results entry even on quiet days."""

from __future__ import annotations

import dagster as dg

daily_reprocess = dg.ScheduleDefinition(
    name="daily_reprocess",
    job_name="gzetl_job",
    cron_schedule="0 3 * * *",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="03:00 UTC every day: the whole job (incremental, cached extractions reused).",
)
