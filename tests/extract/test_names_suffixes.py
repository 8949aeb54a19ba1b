"""Names ending in a generational suffix ('Jr.', 'Sr.', 'II', 'III') come out whole, and the
suffix's dot ends no sentence while the clause goes on.

Every sentence here is invented. Each case has a twin: a suffix at a real sentence end
still ends the sentence, and the next sentence's words join no name.
"""

from __future__ import annotations

import pytest


def _names(result):
    return [leader.name for leader in result.leaders]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "President Marko Belic Sr. met Prime Minister Lena Vasko in Riga on Monday.",
            "Marko Belic Sr.",
        ),
        (
            "President Marko Belic Jr. met Prime Minister Lena Vasko in Riga on Monday.",
            "Marko Belic Jr.",
        ),
        (
            "Prime Minister Lena Vasko met President Marko Belic Sr. in Riga on Monday.",
            "Marko Belic Sr.",
        ),
        (
            "Prime Minister Lena Vasko met President Marko Belic Jr. in Riga on Monday.",
            "Marko Belic Jr.",
        ),
        ("Prime Minister Lena Vasko met President Anan Obi II in Riga on Monday.", "Anan Obi II"),
    ],
)
def test_a_suffixed_name_comes_out_whole_and_meets(run, text, name):
    result = run(text)
    assert name in _names(result)
    assert [sorted(m.participants) for m in result.meetings] == [sorted(["Lena Vasko", name])]


@pytest.mark.parametrize("suffix", ["Sr.", "Jr."])
def test_the_suffix_dot_ends_no_clause_that_goes_on(nlp, suffix):
    doc = nlp(f"President Marko Belic {suffix} handed Prime Minister Lena Vasko a medal.")
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize("suffix", ["Sr.", "Jr."])
def test_twin_a_suffix_at_a_sentence_end_still_ends_it(nlp, run, suffix):
    text = f"Prime Minister Lena Vasko met President Marko Belic {suffix} He then left Riga."
    assert [s.text for s in nlp(text).sents][-1] == "He then left Riga."
    names = _names(run(text))
    assert f"Marko Belic {suffix}" in names
    assert not any("He" in name.split() for name in names)
