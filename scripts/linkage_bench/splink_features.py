"""What a competent Splink user derives from a company CSV before linking it.

Splink reads the same files pc-onboard reads. The feature engineering is the ordinary kind
for company data: case and accents folded, the legal form and joining words dropped from the
name (so `Ltd`/`Limited` and `GmbH`/`G.m.b.H.` stop mattering), the name's words sorted (for
swapped words), street types abbreviated one way, phone reduced to its last nine digits, the
e-mail reduced to its domain, the country to its ISO code, a registration ID to its letters and
digits, a domain to its `.onmicrosoft.com` prefix.

`features` takes the legal-form words to drop (default: those of the linkage benchmark's sets)
and whether to transliterate other scripts to Latin letters (`unidecode`, for data with
Cyrillic, Chinese or Japanese names, as pc-onboard's own generator writes).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pandas as pd

# Column names (folded) -> canonical field. Covers the list, the richer export and the UI export.
ALIASES = {
    "companyname": "name", "addressline1": "addr1", "addressline2": "addr2", "city": "city",
    "state": "state", "postalcode": "postcode", "country": "country", "countryregion": "country",
    "phone": "phone", "contactemail": "email", "customerid": "id", "microsoftid": "id",
    "accountid": "id", "primarydomainname": "domain",
    # Salesforce-style list headers (pc-onboard's generated lists) and identifiers.
    "accountname": "name", "billingstreet": "addr1", "billingstreet2": "addr2", "billingcity": "city",
    "billingstateprovince": "state", "billingzippostalcode": "postcode", "billingcountry": "country",
    "taxid": "reg", "registrationid": "reg", "onmicrosoftdomain": "domain",
}
LEGAL_WORDS = {
    "ltd", "limited", "pty", "proprietary", "plc", "inc", "incorporated", "llc", "corp", "corporation",
    "co", "gmbh", "ag", "kg", "sas", "sarl", "sa", "bv", "nv", "srl", "spa", "sl", "sp", "z", "oo", "o",
}
JOINING_WORDS = {"and", "und", "et", "y", "e", "en", "i", "the"}
STREET_TYPES = {
    "street": "st", "road": "rd", "avenue": "ave", "av": "ave", "lane": "ln", "drive": "dr", "place": "pl",
    "parade": "pde", "crescent": "cres", "boulevard": "blvd", "bd": "blvd", "court": "ct",
    "viale": "vle", "piazza": "pza", "calle": "c", "avenida": "avda", "plaza": "pza", "ulica": "ul", "aleja": "al",
}


def fold(s: str, translit: bool = False) -> str:
    if translit:
        from unidecode import unidecode  # pip install unidecode

        return unidecode(s).lower()
    s = s.replace("ß", "ss").replace("ł", "l").replace("Ł", "L")
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


def name_words(name: str, legal: frozenset[str] | set[str] = LEGAL_WORDS, translit: bool = False) -> list[str]:
    s = fold(name, translit).replace("&", " and ")
    s = re.sub(r"(?<=\w)\.(?=\w)", "", s)  # g.m.b.h. -> gmbh.
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return [w for w in s.split() if w not in legal and w not in JOINING_WORDS]


def street(addr: str, translit: bool = False) -> str:
    s = fold(addr, translit).replace("strasse", "str").replace("straat", "str")
    words = [STREET_TYPES.get(w, w) for w in re.sub(r"[^a-z0-9]+", " ", s).split()]
    return " ".join(words)


def _none(v: str | None) -> str | None:
    return v if v else None


@lru_cache(maxsize=None)
def country_code(v: str) -> str:
    """ISO alpha-2 for a country written as a code, alpha-3 or English name (`U.S.A.` too)."""
    import pycountry

    for cand in (v, v.replace(".", "")):
        try:
            return pycountry.countries.lookup(cand).alpha_2
        except LookupError:
            continue
    return v.upper()


def features(
    path: Path, uid_prefix: str, legal: frozenset[str] | set[str] = LEGAL_WORDS, translit: bool = False
) -> pd.DataFrame:
    """One row per CSV row (uid = prefix + spreadsheet row number), canonical features, None for blank."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    cols = {c: ALIASES.get(re.sub(r"[^a-z0-9]", "", c.lower())) for c in raw.columns}
    get = {field: raw[c] for c, field in cols.items() if field}
    out = pd.DataFrame({"uid": [f"{uid_prefix}{i + 2}" for i in range(len(raw))]})

    def col(field: str, fn) -> list:
        if field not in get:
            return [None] * len(raw)
        return [fn(v.strip()) if v.strip() else None for v in get[field]]

    words = col("name", lambda v: name_words(v, legal, translit))
    out["name_core"] = [_none(" ".join(w)) if w else None for w in words]
    out["name_sorted"] = [_none(" ".join(sorted(w))) if w else None for w in words]
    out["name_tokens"] = [w if w else None for w in words]
    out["name_first"] = [w[0] if w else None for w in words]
    out["name_last"] = [w[-1] if w else None for w in words]
    out["addr1"] = col("addr1", lambda v: _none(street(v, translit)))
    out["addr_num"] = col("addr1", lambda v: (re.findall(r"\d+", v) or [None])[0])
    out["addr2"] = col("addr2", lambda v: _none(street(v, translit)))
    out["city"] = col("city", lambda v: _none(re.sub(r"\s+", " ", fold(v, translit)).strip()))
    out["state"] = col("state", lambda v: v.upper())
    out["postcode"] = col("postcode", lambda v: _none(re.sub(r"\s+", "", v.upper())))
    out["country"] = col("country", country_code)
    out["phone"] = col("phone", lambda v: _none(re.sub(r"\D", "", v)[-9:]))
    out["email_domain"] = col("email", lambda v: v.split("@")[-1].lower() if "@" in v else None)
    out["reg"] = col("reg", lambda v: _none(re.sub(r"[^0-9A-Z]", "", fold(v).upper())))
    out["domain"] = col("domain", lambda v: _none(re.sub(r"\.onmicrosoft\.com$", "", v.lower())))
    out["source_id"] = col("id", lambda v: v)
    return out


def present(dfs: list[pd.DataFrame], field: str, min_share: float = 0.01) -> bool:
    """A feature is used only when every input carries it (a column one side lacks is no evidence)."""
    return all(df[field].notna().mean() >= min_share for df in dfs)
