"""The CSV formula guard (``kb.csvsafe``)."""

import pytest

from kb.csvsafe import csv_safe


@pytest.mark.parametrize("text", ["=1+1", "+cmd", "-3", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_that_would_start_a_formula_is_written_as_text(text):
    assert csv_safe(text) == "'" + text


@pytest.mark.parametrize("text", ["Oslo", "", "1-2", "a=b"])
def test_other_cells_are_unchanged(text):
    assert csv_safe(text) == text
