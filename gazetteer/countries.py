"""The rows of the Country table: pycountry's ISO 3166-1 entries, the extractor's demonyms
and capitals, and states ISO has not coded."""

from __future__ import annotations

import pycountry

from gazetteer import geo


def country_rows() -> list[dict]:
    """One row per ISO 3166-1 entry: code, common name, official name, demonyms, capital."""
    rows = []
    for entry in pycountry.countries:
        code = entry.alpha_2
        demonym = geo.demonym_for(code)
        other = {getattr(entry, "common_name", None), entry.name} - {None}
        name = geo.country_name(code) or getattr(entry, "common_name", None) or entry.name
        rows.append(
            {
                "code": code,
                "name": name,
                "official_name": getattr(entry, "official_name", "") or "",
                "other_names": sorted(other - {name}),
                "demonyms": [demonym] if demonym else [],
                "capital": geo.capital_of(code) or "",
            }
        )
    rows.extend(dict(row) for row in EXTRA_STATES)
    return rows


# States the registry covers that ISO 3166-1 has not assigned a code: Kosovo uses the
# user-assigned XK, as the EU and most international bodies do.
EXTRA_STATES = (
    {
        "code": "XK",
        "name": "Kosovo",
        "official_name": "Republic of Kosovo",
        "other_names": [],
        "demonyms": ["Kosovar"],
        "capital": "Pristina",
    },
)


def countries_sync(country_model) -> int:
    """Create or update every country; returns how many rows were written.

    Takes the model class so that a data migration can pass its historical model.
    """
    written = 0
    for row in country_rows():
        code = row.pop("code")
        country_model.objects.update_or_create(code=code, defaults=row)
        written += 1
    return written
