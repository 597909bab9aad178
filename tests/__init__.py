"""Makes tests/ a package so that tests/test_sources.py and tests/checks/test_sources.py
can both be collected (pytest's default import mode keys modules by basename otherwise)."""
