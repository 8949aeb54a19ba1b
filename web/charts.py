"""Charts drawn on the server as SVG: no JavaScript, no library to load, and readable by
assistive technology through a <title>, a <desc> and a <title> per bar. Pages show the
same figures as a table beside each chart (its text alternative).

Two shapes cover what the pages need: vertical bars over a continuous axis (meetings per
year, a leader's activity over time), where empty years are kept as zero bars so a gap
in the record reads as a gap; and horizontal bars for categories (by kind, by country),
each bar optionally a link.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

BAR = "#2171b5"
AXIS = "#5f6b7a"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    href: str = ""


def nice_ceiling(value: int) -> int:
    """The axis' top: the value rounded up to 1, 2 or 5 times a power of ten."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power  # pragma: no cover - the loop always returns


def ticks(top: int, count: int = 4) -> list[int]:
    step = max(1, top // count)
    return list(range(0, top + 1, step))


def filled_years(
    counts: dict[int, int], first: int | None = None, last: int | None = None
) -> list[Bar]:
    """One bar per year from the first to the last, zeros included."""
    if not counts and (first is None or last is None):
        return []
    low = min(counts) if first is None else first
    high = max(counts) if last is None else last
    return [Bar(str(year), counts.get(year, 0)) for year in range(low, high + 1)]


def column_chart(
    bars: Sequence[Bar], *, title: str, unit: str, width: int = 720, height: int = 220
) -> SafeString:
    """Vertical bars over an ordered axis (years). Labels thin out when crowded."""
    if not bars:
        return mark_safe("")
    left, bottom, top_pad = 44, 28, 10
    plot_w, plot_h = width - left - 8, height - bottom - top_pad
    top = nice_ceiling(top_value(bars))
    slot = plot_w / len(bars)
    every = max(1, math.ceil(len(bars) / 12))  # at most ~12 labels
    parts = [_open(width, height, title, f"{len(bars)} bars, the highest {top_value(bars)} {unit}")]
    for tick in ticks(top):
        y = top_pad + plot_h - plot_h * tick / top
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#e3e7ec"/>'
                '<text x="{}" y="{}" text-anchor="end" font-size="11" fill="{}">{}</text>',
                *(left, width - 8, _n(y), _n(y), left - 6, _n(y + 4), AXIS, tick),
            )
        )
    for n, bar in enumerate(bars):
        h = plot_h * bar.value / top
        x = left + n * slot + slot * 0.12
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}">'
                "<title>{}: {} {}</title></rect>",
                *(_n(x), _n(top_pad + plot_h - h), _n(slot * 0.76), _n(h), BAR),
                *(bar.label, bar.value, unit),
            )
        )
        if n % every == 0:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="{}">{}</text>',
                    *(_n(left + (n + 0.5) * slot), height - 10, AXIS, bar.label),
                )
            )
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(parts))


def bar_chart(bars: Sequence[Bar], *, title: str, unit: str, width: int = 720) -> SafeString:
    """Horizontal bars for categories, largest first as given; a bar with ``href`` links."""
    if not bars:
        return mark_safe("")
    row, label_w, pad = 22, 170, 8
    height = row * len(bars) + pad * 2
    top = top_value(bars) or 1
    plot_w = width - label_w - 60
    parts = [_open(width, height, title, f"{len(bars)} bars, the highest {top} {unit}")]
    for n, bar in enumerate(bars):
        y = pad + n * row
        w = plot_w * bar.value / top
        body = format_html(
            '<text x="{}" y="{}" text-anchor="end" font-size="12" fill="#1d2733">{}</text>'
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}">'
            "<title>{}: {} {}</title></rect>"
            '<text x="{}" y="{}" font-size="12" fill="{}">{}</text>',
            *(label_w - 8, y + 15, _short(bar.label)),
            *(label_w, y + 3, _n(w), row - 6, BAR, bar.label, bar.value, unit),
            *(_n(label_w + w + 6), y + 15, AXIS, bar.value),
        )
        parts.append(format_html('<a href="{}">{}</a>', bar.href, body) if bar.href else body)
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(parts))


def _n(number: float) -> str:
    return f"{number:.1f}"


def top_value(bars: Sequence[Bar]) -> int:
    return max((b.value for b in bars), default=0)


def _short(label: str, limit: int = 26) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _open(width: int, height: int, title: str, description: str) -> SafeString:
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" width="100%" role="img" '
        'xmlns="http://www.w3.org/2000/svg"><title>{}</title><desc>{}</desc>',
        width, height, title, description,
    )  # fmt: skip
