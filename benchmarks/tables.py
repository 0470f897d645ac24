"""Markdown tables for the benchmarks' output, ready to paste into the README."""

from __future__ import annotations


def table(header: list[str], rows: list[list], align: str = "") -> str:
    """``align`` has one letter per column: l (default) or r."""
    align = align.ljust(len(header), "l")
    rule = ["---:" if letter == "r" else "---" for letter in align]
    lines = [header, rule, *[[str(cell) for cell in row] for row in rows]]
    return "\n".join("| " + " | ".join(line) + " |" for line in lines)
