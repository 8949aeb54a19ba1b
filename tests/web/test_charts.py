"""Server-drawn charts: empty years kept, bars proportional, labels escaped, links kept."""

import re

import pytest

from web.charts import Bar, bar_chart, column_chart, filled_years, nice_ceiling


def test_empty_years_are_kept_as_zero_bars():
    bars = filled_years({2019: 4, 2022: 1})
    assert [(b.label, b.value) for b in bars] == [
        ("2019", 4), ("2020", 0), ("2021", 0), ("2022", 1)
    ]  # fmt: skip
    assert [b.label for b in filled_years({2021: 2}, first=2019, last=2023)] == [
        "2019", "2020", "2021", "2022", "2023"
    ]  # fmt: skip
    assert filled_years({}) == []


@pytest.mark.parametrize(
    "value, top", [(0, 1), (1, 1), (3, 5), (7, 10), (11, 20), (180, 200), (501, 1000)]
)
def test_axis_tops_are_round(value, top):
    assert nice_ceiling(value) == top


def heights(svg: str) -> list[float]:
    return [
        float(h)
        for h in re.findall(r'<rect x="[^"]+" y="[^"]+" width="[^"]+" height="([^"]+)"', svg)
    ]


def test_columns_are_proportional_and_titled():
    svg = str(
        column_chart(filled_years({2020: 10, 2022: 5}), title="Meetings per year", unit="meetings")
    )
    h2020, h2021, h2022 = heights(svg)
    assert h2021 == 0 and h2020 == pytest.approx(2 * h2022)
    assert "<title>2021: 0 meetings</title>" in svg
    assert "<title>Meetings per year</title>" in svg and 'role="img"' in svg


def test_crowded_axes_thin_their_labels():
    svg = str(column_chart(filled_years({1950: 1, 2025: 1}), title="t", unit="u"))
    labels = re.findall(r'text-anchor="middle"[^>]*>(\d{4})</text>', svg)
    assert 6 <= len(labels) <= 13 and labels[0] == "1950"


def test_bars_link_and_escape():
    svg = str(
        bar_chart(
            [Bar("<France>", 8, "/countries/FR/"), Bar("Talks & visits", 2)],
            title="By country",
            unit="meetings",
        )
    )
    assert '<a href="/countries/FR/">' in svg
    assert "&lt;France&gt;" in svg and "<France>" not in svg
    assert "Talks &amp; visits" in svg
    wide, narrow = [float(w) for w in re.findall(r'<rect x="\d+" y="\d+" width="([\d.]+)"', svg)]
    assert wide == pytest.approx(4 * narrow)


def test_no_data_draws_nothing():
    assert column_chart([], title="t", unit="u") == ""
    assert bar_chart([], title="t", unit="u") == ""
