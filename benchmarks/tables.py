"""Markdown tables for the benchmarks' output, and benchmarks/RESULTS.md, where each benchmark keeps its latest run."""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path


def table(header: list[str], rows: list[list], align: str = "") -> str:
    """``align`` has one letter per column: l (default) or r."""
    align = align.ljust(len(header), "l")
    rule = ["---:" if letter == "r" else "---" for letter in align]
    lines = [header, rule, *[[str(cell) for cell in row] for row in rows]]
    return "\n".join("| " + " | ".join(line) + " |" for line in lines)


RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def publish(name: str, main: Callable[[], int]) -> int:
    """Run a benchmark's ``main``, print its output, and keep that output as the section ``name`` of
    benchmarks/RESULTS.md (between its markers), so the file always holds the latest measurement."""

    class Tee(io.StringIO):
        def write(self, text: str) -> int:
            sys.__stdout__.write(text)
            return super().write(text)

    captured = Tee()
    with contextlib.redirect_stdout(captured):
        status = main()
    if status == 0:
        write_section(
            name,
            f"_Measured {date.today().isoformat()} with `python -m benchmarks.{name}`._\n\n"
            + captured.getvalue().strip(),
        )
    return status


def write_section(name: str, body: str, results: Path = RESULTS) -> None:
    start, end = f"<!-- {name}: start -->", f"<!-- {name}: end -->"
    text = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    section = f"{start}\n{body}\n{end}"
    if start in text and end in text:
        text = text[: text.index(start)] + section + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip("\n") + f"\n\n## {name}\n\n{section}\n"
    results.write_text(text, encoding="utf-8")
