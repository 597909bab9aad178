"""Watch the raw location: a new, changed or deleted file starts gzetl_job once it is settled."""

import hashlib
import json
import time

import dagster as dg

from gzetl import incremental
from gzetl.sources import list_files
from pipelines.resources import GzetlSettings

# Runs of gzetl_job that have not finished: two runs must not publish the warehouse at once.
IN_FLIGHT = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
]


def _load(cursor: str | None) -> tuple[incremental.Listing, incremental.Listing]:
    state = json.loads(cursor) if cursor else {}
    tick = {path: (int(s), float(m)) for path, (s, m) in state.get("tick", {}).items()}
    run = {path: (int(s), float(m)) for path, (s, m) in state.get("run", {}).items()}
    return tick, run


def _dump(tick: incremental.Listing, run: incremental.Listing) -> str:
    return json.dumps({"tick": tick, "run": run}, sort_keys=True)


@dg.sensor(
    job_name="gzetl_job",
    minimum_interval_seconds=5,
    default_status=dg.DefaultSensorStatus.RUNNING,
)
def raw_folder_sensor(
    context: dg.SensorEvaluationContext, settings: GzetlSettings
) -> dg.SensorResult:
    """Request a run when files under the raw location appear, change or vanish."""
    current = incremental.listing_of(list_files(settings.raw_url))
    last_tick, last_run = _load(context.cursor)
    seen = incremental.watch(current, last_tick, last_run, now=time.time())
    if seen.busy:
        return dg.SensorResult(
            skip_reason=f"waiting for {len(seen.busy)} file(s) still being written: "
            + ", ".join(seen.busy[:5]),
            cursor=_dump(current, last_run),
        )
    if not seen.has_changes:
        return dg.SensorResult(skip_reason="no change", cursor=_dump(current, last_run))
    running = context.instance.get_runs(
        filters=dg.RunsFilter(job_name="gzetl_job", statuses=IN_FLIGHT), limit=1
    )
    if running:
        return dg.SensorResult(
            skip_reason=f"gzetl_job run {running[0].run_id} in progress: the changes wait for it",
            cursor=_dump(current, last_run),
        )
    key = hashlib.sha256(json.dumps(current, sort_keys=True).encode()).hexdigest()[:16]
    request = dg.RunRequest(
        run_key=key,
        tags={
            "gzetl/new": str(len(seen.new)),
            "gzetl/changed": str(len(seen.changed)),
            "gzetl/deleted": str(len(seen.deleted)),
        },
    )
    return dg.SensorResult(run_requests=[request], cursor=_dump(current, current))
