"""gzetl: customs and foreign-trade releases in, a validated statistical dataset out.

The library reads raw text (``sources``), finds quantity mentions and turns them into
facts (``extraction``), normalises units and periods (``units``, ``periods``), validates
the rows (``schemas``, ``checks``) and publishes Parquet tables (``warehouse``). It knows
nothing of Dagster; the code location in ``pipelines/`` orchestrates it.
"""

from pathlib import Path

from gzetl.native import check_fresh
from gzetl.version import extractor_version

__version__ = "0.1.0"

# Changes with every edit of the code or knowledge that makes facts (gzetl.version): the
# pipeline then treats every cached extraction as stale and Dagster shows the affected assets
# as changed code.
EXTRACTOR_VERSION = extractor_version(Path(__file__).parent)

check_fresh(Path(__file__).parent)  # a compiled module older than its source: refuse
