"""Where the raw articles and the warehouse live: the one place that reads the environment."""

from __future__ import annotations

import os

import dagster as dg

RAW_ENV = "GZETL_RAW_DIR"
WAREHOUSE_ENV = "GZETL_WAREHOUSE_DIR"


class GzetlSettings(dg.ConfigurableResource):  # type: ignore[type-arg]
    """Locations as URLs: a local path or ``s3://bucket/prefix``."""

    raw_url: str = "raw"
    warehouse_url: str = "warehouse"


def settings_from_env() -> GzetlSettings:
    """Settings from GZETL_RAW_DIR and GZETL_WAREHOUSE_DIR (defaults raw, warehouse)."""
    return GzetlSettings(
        raw_url=os.environ.get(RAW_ENV, "raw"),
        warehouse_url=os.environ.get(WAREHOUSE_ENV, "warehouse"),
    )
