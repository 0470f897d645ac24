"""Each benchmark keeps its latest tables in its own section of benchmarks/RESULTS.md."""

from __future__ import annotations

from benchmarks.tables import write_section


def test_a_new_run_replaces_only_its_own_section(tmp_path):
    results = tmp_path / "RESULTS.md"
    write_section("team", "| old |", results)
    write_section("site", "| site |", results)
    write_section("team", "| new |", results)
    text = results.read_text(encoding="utf-8")
    assert "| new |" in text and "| old |" not in text
    assert "| site |" in text
    assert text.count("<!-- team: start -->") == 1 and text.index("## team") < text.index("## site")
