"""World regions by ISO 3166-1 alpha-2 code: the region and sub-region of the United
Nations' M49 standard.

Source: United Nations Statistics Division, "Standard country or area codes for
statistical use (M49)", https://unstats.un.org/unsd/methodology/m49/ (the overview
table's "Region Name", "Sub-region Name" and "Intermediate Region Name" columns). The
table below is ours, written from that classification and kept in its order.

Two codes M49 does not list are placed as most international bodies place them: Taiwan
(TW) in Eastern Asia and Kosovo (XK) in Southern Europe. Antarctica (AQ) belongs to no
region. For Sub-Saharan Africa and Latin America and the Caribbean the sub-region shown is
M49's intermediate region (Western Africa, South America...), which says more.
"""

from __future__ import annotations

#: Region -> sub-region -> ISO 3166-1 alpha-2 codes.
M49: dict[str, dict[str, tuple[str, ...]]] = {
    "Africa": {
        "Northern Africa": ("DZ", "EG", "LY", "MA", "SD", "TN", "EH"),
        "Eastern Africa": (
            "IO", "BI", "KM", "DJ", "ER", "ET", "TF", "KE", "MG", "MW", "MU", "YT", "MZ",
            "RE", "RW", "SC", "SO", "SS", "UG", "TZ", "ZM", "ZW",
        ),
        "Middle Africa": ("AO", "CM", "CF", "TD", "CG", "CD", "GQ", "GA", "ST"),
        "Southern Africa": ("BW", "SZ", "LS", "NA", "ZA"),
        "Western Africa": (
            "BJ", "BF", "CV", "CI", "GM", "GH", "GN", "GW", "LR", "ML", "MR", "NE", "NG",
            "SH", "SN", "SL", "TG",
        ),
    },
    "Americas": {
        "Caribbean": (
            "AI", "AG", "AW", "BS", "BB", "BQ", "VG", "KY", "CU", "CW", "DM", "DO", "GD",
            "GP", "HT", "JM", "MQ", "MS", "PR", "BL", "KN", "LC", "MF", "VC", "SX", "TT",
            "TC", "VI",
        ),
        "Central America": ("BZ", "CR", "SV", "GT", "HN", "MX", "NI", "PA"),
        "South America": (
            "AR", "BO", "BV", "BR", "CL", "CO", "EC", "FK", "GF", "GY", "PY", "PE", "GS",
            "SR", "UY", "VE",
        ),
        "Northern America": ("BM", "CA", "GL", "PM", "US"),
    },
    "Asia": {
        "Central Asia": ("KZ", "KG", "TJ", "TM", "UZ"),
        "Eastern Asia": ("CN", "HK", "MO", "KP", "JP", "MN", "KR", "TW"),
        "South-eastern Asia": (
            "BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN",
        ),
        "Southern Asia": ("AF", "BD", "BT", "IN", "IR", "MV", "NP", "PK", "LK"),
        "Western Asia": (
            "AM", "AZ", "BH", "CY", "GE", "IQ", "IL", "JO", "KW", "LB", "OM", "QA", "SA",
            "PS", "SY", "TR", "AE", "YE",
        ),
    },
    "Europe": {
        "Eastern Europe": ("BY", "BG", "CZ", "HU", "PL", "MD", "RO", "RU", "SK", "UA"),
        "Northern Europe": (
            "AX", "DK", "EE", "FO", "FI", "GG", "IS", "IE", "IM", "JE", "LV", "LT", "NO",
            "SJ", "SE", "GB",
        ),
        "Southern Europe": (
            "AL", "AD", "BA", "HR", "GI", "GR", "VA", "IT", "MT", "ME", "MK", "PT", "SM",
            "RS", "SI", "ES", "XK",
        ),
        "Western Europe": ("AT", "BE", "FR", "DE", "LI", "LU", "MC", "NL", "CH"),
    },
    "Oceania": {
        "Australia and New Zealand": ("AU", "CX", "CC", "HM", "NZ", "NF"),
        "Melanesia": ("FJ", "NC", "PG", "SB", "VU"),
        "Micronesia": ("GU", "KI", "MH", "FM", "NR", "MP", "PW", "UM"),
        "Polynesia": ("AS", "CK", "PF", "NU", "PN", "WS", "TK", "TO", "TV", "WF"),
    },
}  # fmt: skip

#: The regions, in M49's order.
REGION_NAMES: tuple[str, ...] = tuple(M49)

_BY_CODE: dict[str, tuple[str, str]] = {
    code: (region, sub_region)
    for region, sub_regions in M49.items()
    for sub_region, codes in sub_regions.items()
    for code in codes
}


def region_of(code: str | None) -> str | None:
    """The M49 region of a country code ("FR" -> "Europe"), or None."""
    found = _BY_CODE.get((code or "").upper())
    return found[0] if found else None


def sub_region_of(code: str | None) -> str | None:
    """The M49 sub-region of a country code ("FR" -> "Western Europe"), or None."""
    found = _BY_CODE.get((code or "").upper())
    return found[1] if found else None


def codes_in_region(region: str) -> tuple[str, ...]:
    """The country codes of an M49 region ("Oceania"), or none for an unknown one."""
    return tuple(code for sub in M49.get(region, {}).values() for code in sub)
