"""Instructions that extraction executes per MB of text, counted by valgrind's callgrind.

    .venv/bin/python bench/bench_instructions.py [--case mix|article|corpus] [--mb 0.1]

CPU time on a shared machine varies by +-25% between runs of the same code; the number of
instructions repeats, which makes it the measure to compare two versions of a speed change
with (run this before and after). It counts the instructions for ``document_rows`` over every
document of the case: one process runs one pass, another three, and the difference over two is
one pass, free of start-up and imports. With the extraction modules compiled, callgrind counts
only inside the compiled ``document_rows`` (``--toggle-collect``): counting the whole process
instead moved the figure by up to 20% between runs of the same code (session 4), while the
count inside the function repeats to 0.1%. Time per instruction
differs between regex, C and Python-level work, so the figure ranks changes; MB/s is still
read from ``bench_extract.py``. Needs ``valgrind`` on the PATH; one case takes ~2 minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_extract import CASES


def _passes(case: str, megabytes: float, passes: int) -> None:
    """The measured program: ``passes`` passes of ``document_rows`` over one case."""
    from gzetl.extraction.assemble import document_rows  # noqa: PLC0415

    docs = CASES[case][2](megabytes)
    for doc in docs[:3]:  # compile the patterns, build the automaton: not part of a pass
        document_rows(*doc)
    for _ in range(passes):
        for doc in docs:
            document_rows(*doc)


COMPILED_ENTRY = "CPyPy_assemble___document_rows"  # mypyc's name for the compiled function


def _toggle() -> list[str]:
    """Count only inside ``document_rows`` when it is compiled (its symbol is then known)."""
    from gzetl.native import is_compiled  # noqa: PLC0415

    if is_compiled("gzetl.extraction.assemble"):
        return [f"--toggle-collect={COMPILED_ENTRY}"]
    return []


def _instructions(case: str, megabytes: float, passes: int) -> int:
    """Instructions of one process running ``passes`` passes (hash seed fixed)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        command = [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}",
            *_toggle(),
            sys.executable,
            __file__,
            "--run",
            case,
            "--mb",
            str(megabytes),
            "--passes",
            str(passes),
        ]
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        subprocess.run(command, check=True, env=env, capture_output=True)
        totals = re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.MULTILINE)
        if totals is None:
            raise SystemExit(f"no instruction total in {out}")
        return int(totals.group(1))


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=list(CASES), default="mix")
    parser.add_argument("--mb", type=float, default=0.1, help="MB of text a pass reads")
    parser.add_argument("--run", help=argparse.SUPPRESS)  # the measured process
    parser.add_argument("--passes", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        _passes(args.run, args.mb, args.passes)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed: apt-get install valgrind")
    one, three = (_instructions(args.case, args.mb, n) for n in (1, 3))
    per_pass = (three - one) / 2
    text = sum(len(d[0].encode("utf-8")) for d in CASES[args.case][2](args.mb)) / 1e6
    counted = "inside document_rows" if _toggle() else "whole process, Python source"
    print(f"[{args.case}] {text:.3f} MB a pass (counted {counted})")
    print(f"  instructions   {per_pass / 1e6:,.1f} M a pass, {per_pass / text / 1e6:,.0f} M per MB")


if __name__ == "__main__":
    main(sys.argv[1:])
