#!/usr/bin/env python3
"""Regenerates data/countries/countries.json: ISO 3166-1 countries with their codes, English
names and names in other languages, plus their official languages (for default cultures).

Sources (both maintained registries, installed with pip):
  - pycountry: the Debian iso-codes database (ISO 3166-1 alpha-2, alpha-3, names).
  - Babel: the Unicode CLDR (country names per language, official languages per country).

Usage:  pip install pycountry babel && python3 scripts/gen_country_data.py
The output is deterministic for given package versions (set SOURCE_DATE_EPOCH to pin the date).
"""
import datetime
import json
import os
import pathlib

import babel
import pycountry
from babel import Locale
from babel.languages import get_official_languages

# Languages whose names for foreign countries commonly appear in partner lists, in addition to
# each country's own official languages (which give the local name: Deutschland, España, Россия).
MAJOR = [
    "en", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "pl", "cs", "sk", "hu", "ro", "bg",
    "el", "tr", "sv", "da", "nb", "fi", "et", "lv", "lt", "hr", "sr", "sl", "zh", "ja", "ko",
    "ar", "he", "fa", "hi", "th", "vi", "id", "ms", "kk", "uz", "az", "hy", "ka", "be",
]


def locale(code):
    try:
        return Locale.parse(code)
    except Exception:
        return None


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    out = root / "data" / "countries" / "countries.json"
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or None
    date = (datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc) if epoch else datetime.datetime.now(datetime.timezone.utc)).date().isoformat()
    locales = {}
    countries = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        a2 = c.alpha_2
        official = list(get_official_languages(a2, de_facto=True))
        langs = []
        for l in official + MAJOR:
            base = l.split("_")[0]
            if base not in langs:
                langs.append(base)
        names = set()
        for l in langs:
            if l not in locales:
                locales[l] = locale(l)
            loc = locales[l]
            if loc is None:
                continue
            n = loc.territories.get(a2)
            if n:
                names.add(n)
        english = {c.name, getattr(c, "official_name", c.name), getattr(c, "common_name", c.name)}
        names -= english
        countries.append({
            "alpha2": a2,
            "alpha3": c.alpha_3,
            "name": c.name,
            "other_english": sorted(english - {c.name}),
            "languages": [l.split("_")[0] for l in official],
            "names": sorted(names),
        })
    doc = {
        "source": f"pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else '?'} (iso-codes), Babel {babel.__version__} (Unicode CLDR)",
        "generated": date,
        "generator": "scripts/gen_country_data.py",
        "countries": countries,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write("{\n")
        for k in ("source", "generated", "generator"):
            f.write(f"  {json.dumps(k)}: {json.dumps(doc[k], ensure_ascii=False)},\n")
        f.write('  "countries": [\n')
        f.write(",\n".join("    " + json.dumps(c, ensure_ascii=False, sort_keys=True) for c in countries))
        f.write("\n  ]\n}\n")
    print(f"wrote {out} ({out.stat().st_size} bytes, {len(countries)} countries)")


if __name__ == "__main__":
    main()
