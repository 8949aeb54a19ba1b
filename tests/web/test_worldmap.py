"""The server-drawn world map: countries from the installed atlas, shaded by their
figure, each a link with its name and figure, and a clear error without the atlas."""

import re

import pytest

from web import worldmap


def test_every_atlas_country_is_a_known_code_with_a_path():
    shapes = worldmap.shapes()
    codes = {s.code for s in shapes}
    assert len(shapes) > 150
    assert {"US", "CN", "RU", "FR", "BR", "ZA", "AU", "XK"} <= codes  # Kosovo by name
    assert "AQ" not in codes  # Antarctica is left out
    for shape in shapes:
        assert re.fullmatch(r"[A-Z]{2}", shape.code)
        assert shape.path.startswith("M") and shape.path.endswith("Z")


def test_points_stay_inside_the_picture_except_rings_moved_over_the_antimeridian():
    numbers = re.compile(r"[ML](-?[\d.]+),(-?[\d.]+)")
    for shape in worldmap.shapes():
        ys = [float(y) for _, y in numbers.findall(shape.path)]
        xs = [float(x) for x, _ in numbers.findall(shape.path)]
        assert 0 <= min(ys) and max(ys) <= worldmap.HEIGHT, shape.name
        # No band across the world: a ring spans less than half the picture's width,
        # except Russia, which does span that much.
        if shape.code not in {"RU", "CA", "US", "AQ"}:
            assert max(xs) - min(xs) < worldmap.WIDTH / 2, shape.name


def test_countries_are_shaded_by_their_figure_and_linked():
    values = {"US": 100, "FR": 10, "BR": 1}
    svg = str(
        worldmap.world_svg(values, link=lambda c: f"/countries/{c}/", label="meetings hosted")
    )

    def fill(code):
        match = re.search(rf'data-code="{code}"[^>]*><path d="[^"]+" fill="(#[0-9a-f]+)"', svg)
        return match.group(1)

    assert fill("US") == worldmap.PALETTE[4]
    assert fill("DE") == worldmap.PALETTE[0]
    assert worldmap.PALETTE.index(fill("BR")) < worldmap.PALETTE.index(fill("FR")) < 4
    assert '<a href="/countries/FR/" class="country has-value" data-code="FR">' in svg
    # Only countries with a figure take the keyboard's focus; the others answer a click.
    assert '<a href="/countries/DE/" class="country" data-code="DE" tabindex="-1">' in svg
    assert "<title>France: 10 meetings hosted</title>" in svg
    assert 'role="group"' in svg


def test_names_and_links_are_escaped():
    svg = str(worldmap.world_svg({}, link=lambda c: f'/x/?c={c}&"q"', label="<b>", title="A & B"))
    assert "&lt;b&gt;" in svg and "<b>" not in svg
    assert "&amp;&quot;q&quot;" in svg
    assert "A &amp; B" in svg


@pytest.mark.parametrize(
    "values, expected",
    [
        ({}, []),
        ({"FR": 0}, []),
        ({"FR": 1}, [1]),
        ({"US": 2}, [1, 2]),
        ({"US": 10000}, [10, 100, 1000, 10000]),
    ],
)
def test_classes_grow_on_a_log_scale(values, expected):
    assert worldmap.classes(values) == expected


def test_legend_says_what_each_shade_means():
    rows = worldmap.legend({"US": 100, "FR": 10}, unit="meetings")
    assert rows[0] == (worldmap.PALETTE[0], "no meetings")
    assert rows[1][1] == "1–3" and rows[-1] == (worldmap.PALETTE[4], "33–100")


def test_without_the_atlas_the_error_says_how_to_install_it(settings, tmp_path):
    settings.WORLD_ATLAS_PATH = tmp_path / "missing.json"
    with pytest.raises(worldmap.MapDataMissing, match="make install"):
        worldmap.shapes()
