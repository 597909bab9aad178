"""``gzetl run`` (the Dagster job, in-process) and ``gzetl eval`` (the accuracy harness)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

GZETL_ERRORS = ("GzetlError", "SourceError", "KnowledgeError", "PublishError")
RUN_HELP = "read raw articles, extract, validate and publish the tables (the gzetl_job)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gzetl", description="customs releases -> facts")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help=RUN_HELP, description=RUN_HELP)
    run.add_argument("--raw", help="raw location: a folder or s3://bucket/prefix")
    run.add_argument("--warehouse", help="warehouse location: a folder or s3://bucket/prefix")
    run.add_argument("--force", action="store_true", help="re-extract every document")
    run.add_argument(
        "--source", action="append", default=[], help="re-extract this source (repeatable)"
    )
    evaluate = commands.add_parser("eval", help="score the extractor against a gold corpus")
    evaluate.add_argument("args", nargs=argparse.REMAINDER, help="CORPUS_DIR [--targets] ...")
    return parser


def run(raw: str | None, warehouse: str | None, *, force: bool, sources: list[str]) -> int:
    """Execute gzetl_job in this process and print the summary; 0 when it succeeded."""
    import dagster as dg  # noqa: PLC0415 (keeps `gzetl eval` and --help fast)

    from gzetl.summary import format_summary, summarise  # noqa: PLC0415
    from gzetl.warehouse import Warehouse  # noqa: PLC0415
    from pipelines.definitions import defs  # noqa: PLC0415
    from pipelines.resources import GzetlSettings, settings_from_env  # noqa: PLC0415

    base = settings_from_env()
    settings = GzetlSettings(
        raw_url=raw or base.raw_url, warehouse_url=warehouse or base.warehouse_url
    )
    instance = (
        dg.DagsterInstance.get()
        if os.environ.get("DAGSTER_HOME")
        else dg.DagsterInstance.ephemeral()
    )
    run_config = {
        "ops": {"candidate_facts": {"config": {"force": force, "sources": sources}}},
        "loggers": {"console": {"config": {"log_level": "CRITICAL"}}},
    }
    result = defs.resolve_job_def("gzetl_job").execute_in_process(
        run_config=run_config,
        instance=instance,
        resources={"settings": settings},
        raise_on_error=False,
    )
    if not result.success:
        for event in result.all_events:
            if event.is_step_failure and event.step_failure_data.error is not None:
                chain = [event.step_failure_data.error]
                while chain[-1].cause is not None:
                    chain.append(chain[-1].cause)
                ours = [e for e in chain if e.cls_name in GZETL_ERRORS] or chain[-1:]
                print(f"step {event.step_key} failed: {ours[0].message.strip()}", file=sys.stderr)
        print(
            f"gzetl run: run {result.run_id} failed; a table this run did not write keeps its "
            "last good version",
            file=sys.stderr,
        )
        return 1
    print(f"run {result.run_id} succeeded")
    print(format_summary(summarise(Warehouse(settings.warehouse_url)), settings.warehouse_url))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """The ``gzetl`` command."""
    args = _parser().parse_args(argv)
    if args.command == "eval":
        from gzetl.evaluation import main as evaluate  # noqa: PLC0415

        return evaluate(args.args)
    return run(args.raw, args.warehouse, force=args.force, sources=args.source)


if __name__ == "__main__":
    sys.exit(main())
