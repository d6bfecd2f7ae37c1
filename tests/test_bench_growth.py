"""``make bench ARGS=--customers 1000000`` (issue #26) prints each figure at 100,000 and at
the larger scale, and how many times it grew. The figures themselves are measured, never
asserted (these machines are shared and noisy): this checks only how they are put side
by side."""

from __future__ import annotations

from billie_desktop.bench import BASE, first_number, print_growth


def test_the_leading_figure_of_each_value_is_read_with_its_thousands() -> None:
    assert first_number("   3.18 s  (goal <= 10 s; 100,000 rows)") == 3.18
    assert first_number("  1,234 customers/s") == 1234.0
    assert first_number("median    42.0 ms   p95    57.1 ms") == 42.0
    assert first_number("FAILED: no figures") is None
    assert first_number("0 ms:     86 ms   100 ms:    389 ms   (goal…)") == 86.0


def test_each_figure_is_printed_at_both_scales_with_its_growth(capsys) -> None:
    base = [("export", "   3.30 s  (goal <= 10 s)"), ("search", "  42.0 ms"),
            ("failed here", "FAILED: timeout")]
    scaled = [("export", "  42.60 s  (goal <= 10 s)"), ("search", "  95.0 ms"),
              ("failed here", "  12.0 ms"), ("new at scale", "  7.0 s")]
    print_growth(base, scaled, 10 * BASE)
    out = capsys.readouterr().out
    assert "at 100,000 and at 1,000,000 customers" in out and "(x10 the customers)" in out
    export = out.split("  export\n")[1].split("\n  search")[0]
    assert "100,000: 3.30 s" in export and "1,000,000: 42.60 s" in export
    assert "growth: x12.9" in export
    assert "growth: x2.3" in out  # the search
    assert out.split("  failed here\n")[1].splitlines()[2].strip() == "growth: -"
    assert "100,000: (not measured)" in out.split("  new at scale\n")[1]
