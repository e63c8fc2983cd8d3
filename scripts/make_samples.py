#!/usr/bin/env python3
"""Write the bundled sample data of pc-onboard into samples/.

    pip install openpyxl python-stdnum phonenumbers
    python3 scripts/make_samples.py

Deterministic: a fixed seed, no timestamps (the xlsx zip entries and document properties are pinned
to 2024-01-01). Same library versions give byte-identical files; the versions used are recorded in
samples/README.md.

Files written (all under samples/):
  legacy_crm_export.csv      Salesforce account export as Excel on Windows saves it (cp1252, CRLF)
  legacy_customers.xlsx      two sheets: "EMEA" (Dynamics 365 headers, header on row 3) and
                             "APAC & Americas" (HubSpot headers)
  partner_center_export.csv  the Partner Center customers, UI export joined with billing profiles (UTF-8)
  partner_center_ui_export.csv  the same customers as Partner Center's UI exports them (Customers ->
                             Export customers: UTF-8 with BOM, five columns), for --existing
  expected.csv               one line per input data row: intended outcome, rule codes, a note
  README.md                  what the files are, and the deliberate faults by rule family

How the expectations are made: every row is built from a clean template, then deliberately broken.
A small Python oracle (derive_rules below) re-derives the findings of every row from its values
with the SPEC section 6 rules as this script reads them, and the script fails if the derived codes
differ from the codes the row was built to trigger. So expected.csv is checked twice: once against
the intent, once against the values actually written.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re
import sys
import unicodedata
import uuid
import zipfile
from collections import Counter, OrderedDict, defaultdict
from pathlib import Path

try:
    import openpyxl
    import phonenumbers
    from stdnum import luhn
    from stdnum.az import voen
    from stdnum.br import cnpj, cpf
    from stdnum.by import unp
    from stdnum.hu import anum
    from stdnum.in_ import gstin, pan
    from stdnum.md import idno
    from stdnum.pl import nip, pesel
    from stdnum.ru import inn
    from stdnum.th import moa, pin as thpin
    from stdnum.tr import tckimlik, vkn
    from stdnum.ua import edrpou, rntrc
    from stdnum.ve import rif
    from stdnum.vn import mst
    from stdnum.za import idnr as zaidnr, tin as zatin
except ImportError as e:  # pragma: no cover
    sys.exit(f"{e}\nrun: pip install openpyxl python-stdnum phonenumbers")

SEED = 20240615
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples"
TODAY = dt.date(2025, 6, 1)  # only used to check that "past" dates really are in the past
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)

CSV_FILE = "legacy/legacy_crm_export.csv"
XLSX_FILE = "legacy/legacy_customers.xlsx"
PC_FILE = "partner_center_export.csv"
PC_UI_FILE = "partner_center_ui_export.csv"
SHEET_EMEA = "EMEA"
SHEET_APAC = "APAC & Americas"
# files are read in the order of their names, sheets in workbook order
ORDER = {"csv": 0, "emea": 1, "apac": 2}

PARTNER_DOMAINS = {"contoso-partner.com", "cpartner.onmicrosoft.com"}
FREE_PROVIDERS = {
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com",
    "yahoo.co.uk", "yahoo.fr", "aol.com", "icloud.com", "gmx.de", "gmx.net", "web.de", "mail.ru",
    "yandex.ru", "qq.com", "163.com", "126.com", "proton.me", "protonmail.com", "zoho.com",
}
REG24 = set("AM AZ BY BR HU IN IQ KZ KG MD MM PL RU SA ZA SS TJ TH TR UA AE UZ VE VN".split())
# countries where this script assumes Partner Center requires a state; rows of IT, ES, AE, AR and VE
# carry a valid state anyway, so either reading of those countries gives no finding
STATE_REQUIRED = set("US CA AU MX BR IN CN JP".split())
# where Partner Center itself checks the state against a list (validate-an-address.md); elsewhere
# a state that is not in the profile's state_required is just text
STATE_LISTS = set("US CA CN MX".split())
# Partner Center's published US ZIP pattern (get-market-specific-validation-data.md), stricter
# than Google's, which also takes "80202 1234"
PC_US_ZIP = r"\d{5}(-\d{4})?"
# Google's postprefix letters of the sample countries that have one (data/address): a code
# written with it ("MD-2001", "AZ 1000") is read without it (address.postal_code.normalised)
POSTAL_PREFIX = {"AZ": "AZ", "CH": "CH", "FI": "FI", "MD": "MD", "SE": "SE"}

CSV_HEADER = [
    "Account ID", "Account Name", "Website", "Billing Street", "Billing Street 2", "Billing City",
    "Billing State/Province", "Billing Zip/Postal Code", "Billing Country", "Phone",
    "Contact First Name", "Contact Last Name", "Contact Email", "Tax ID", "Onmicrosoft Domain",
    "Segment", "MCA Accepted", "MCA Accepted Date", "MCA Signatory First Name",
    "MCA Signatory Last Name", "MCA Signatory Email", "Account Owner", "Notes",
]
CSV_FIELDS = [
    "id", "company", "website", "line1", "line2", "city", "state", "postal", "country", "phone",
    "first", "last", "email", "regid", "domain", "segment", "mca", "mca_date", "sig_first",
    "sig_last", "sig_email", "owner", "notes",
]
EMEA_HEADER = [
    "Account Number", "Account Name", "Address 1: Street 1", "Address 1: Street 2", "Address 1: City",
    "Address 1: State/Province", "Address 1: ZIP/Postal Code", "Address 1: Country/Region",
    "Main Phone", "Primary Contact First Name", "Primary Contact Last Name", "Email", "VAT Number",
    "Domain Prefix", "Industry Segment", "Customer Agreement Accepted", "Agreement Date",
    "Signatory First Name", "Signatory Last Name", "Signatory Email",
]
EMEA_FIELDS = [
    "id", "company", "line1", "line2", "city", "state", "postal", "country", "phone", "first",
    "last", "email", "regid", "domain", "segment", "mca", "mca_date", "sig_first", "sig_last",
    "sig_email",
]
APAC_HEADER = [
    "Record ID", "Company name", "Street Address", "Street Address 2", "City", "State/Region",
    "Postal Code", "Country/Region", "Phone Number", "First Name", "Last Name", "Email",
    "Registration Number", "Tenant Domain", "Segment", "MCA Accepted", "MCA Date", "Lifecycle Stage",
]
APAC_FIELDS = [
    "id", "company", "line1", "line2", "city", "state", "postal", "country", "phone", "first",
    "last", "email", "regid", "domain", "segment", "mca", "mca_date", "lifecycle",
]
# Partner Center's Customers -> Export customers writes exactly these columns.
PC_UI_HEADER = ["Microsoft ID", "Company name", "Primary domain name", "Relationship", "Tags"]
PC_HEADER = [
    "Customer ID", "Company Name", "Primary Domain Name", "Country/Region", "Address Line 1", "City",
    "State", "Postal Code", "Registration ID", "Contact Email",
]
# canonical fields counted for "most complete" (survivor choice)
COMPLETENESS_FIELDS = [
    "company", "domain", "regid", "line1", "line2", "city", "state", "postal", "country", "phone",
    "first", "last", "email", "segment", "mca", "mca_date", "sig_first", "sig_last", "sig_email",
]

# Every rule code of SPEC section 6 as this script spells them. Wildcards of the spec are expanded:
# contact.* per first/last name, agreement.signatory.* per first name/last name/e-mail, and the
# "line 2 <= 200" clause of address.line1.too_long as its own code address.line2.too_long.
ALL_CODES = [
    "row.malformed",
    "company.missing", "company.too_short", "company.too_long", "company.special_only",
    "company.spaced_single_chars", "company.abbreviation_only", "company.repeated_char",
    "company.invalid_char", "company.test_name", "company.acronym", "company.domain_extension",
    *[f"contact.{f}.{k}" for f in ("first_name", "last_name")
      for k in ("missing", "one_char", "too_long", "placeholder", "no_letters")],
    "email.missing", "email.syntax", "email.microsoft_domain", "email.partner_domain",
    "email.free_provider",
    "address.line1.missing", "address.line1.too_long", "address.line2.too_long",
    "address.city.missing", "address.state.missing", "address.state.unknown",
    "address.postal_code.missing", "address.postal_code.format", "address.country.missing",
    "address.country.unknown", "address.country.normalised",
    "phone.missing", "phone.invalid",
    "registration_id.missing", "registration_id.format", "registration_id.checksum",
    "registration_id.personal", "registration_id.not_accepted",
    "domain.syntax", "domain.too_long", "domain.duplicate", "domain.taken", "domain.suggested",
    "agreement.missing", "agreement.date_future", "agreement.date_invalid",
    "agreement.signatory.first_name.missing", "agreement.signatory.last_name.missing",
    "agreement.signatory.email.missing", "agreement.signatory.email.syntax",
]
WARNINGS = {
    "company.acronym", "company.domain_extension", "address.country.normalised",
    "registration_id.not_accepted", "domain.suggested", "agreement.missing",
    "address.postal_code.normalised", "culture.unsupported", "language.unsupported",
    "reseller.missing", "reseller.not_allowed",
}  # plus email.free_provider (error for education) and phone.invalid (error in the 24 countries)

rng = random.Random(SEED)


# ----------------------------------------------------------------------------------------------
# small helpers
# ----------------------------------------------------------------------------------------------
_TRANSLIT = str.maketrans({
    "ł": "l", "Ł": "L", "ı": "i", "İ": "I", "ə": "a", "Ə": "A", "đ": "d", "Đ": "D", "ø": "o",
    "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d",
})


def ascii_fold(s: str) -> str:
    s = s.translate(_TRANSLIT)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def cp1252_safe(s: str) -> str:
    """What a cp1252 CRM would have kept of a name: encodable characters stay, others lose accents."""
    out = []
    for ch in s:
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            out.append(ascii_fold(ch))
    return "".join(out)


def slug(s: str, n: int = 20) -> str:
    return re.sub(r"[^a-z0-9]", "", ascii_fold(s).lower())[:n]


def digits(n: int, first: str = "0123456789") -> str:
    return rng.choice(first) + "".join(rng.choice("0123456789") for _ in range(n - 1))


def fill(template: str) -> str:
    out = []
    for ch in template:
        if ch == "X":
            out.append(rng.choice("0123456789"))
        elif ch == "N":
            out.append(rng.choice("23456789"))
        else:
            out.append(ch)
    return "".join(out)


def past_date() -> dt.date:
    return dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(0, 1000))


# ----------------------------------------------------------------------------------------------
# registration IDs: generators (python-stdnum where it covers the country) and the oracle's checks
# ----------------------------------------------------------------------------------------------
def _until(fn, ok):
    for _ in range(10000):
        v = fn()
        if ok(v):
            return v
    raise RuntimeError("generator did not converge")


def kz_check(d11: str):
    r = sum(int(d) * w for d, w in zip(d11, range(1, 12))) % 11
    if r == 10:
        r = sum(int(d) * w for d, w in zip(d11, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2])) % 11
        if r == 10:
            return None
    return r


def kz_valid(s: str) -> bool:
    return bool(re.fullmatch(r"\d{12}", s)) and kz_check(s[:11]) == int(s[11])


def gen_business_id(cc: str) -> str:
    """A valid business registration ID, written the way a user would (separators allowed)."""
    if cc == "BR":
        root = digits(8, "123456789") + "0001"
        v = root + cnpj.calc_check_digits(root)
        return cnpj.format(v)
    if cc == "PL":
        v = _until(lambda: digits(3, "123456789") + digits(7), nip.is_valid)
        return f"{v[:3]}-{v[3:6]}-{v[6:8]}-{v[8:]}"
    if cc == "RU":
        b = rng.choice(["77", "78", "54", "16", "66", "50"]) + digits(7)
        return b + inn.calc_company_check_digit(b)
    if cc == "UA":
        b = rng.choice("34") + digits(6)
        return b + edrpou.calc_check_digit(b)
    if cc == "TR":
        b = digits(9, "123456789")
        return b + vkn.calc_check_digit(b)
    if cc == "HU":
        core = _until(lambda: rng.choice("12") + digits(7), anum.is_valid)
        return f"{core}-2-{rng.choice(['41', '42', '43', '44', '13', '02'])}"
    if cc == "AZ":
        return _until(lambda: digits(9, "123456789") + "1", voen.is_valid)
    if cc == "BY":
        return _until(lambda: digits(9, "1234567"), unp.is_valid)
    if cc == "MD":
        b = "100" + digits(9)
        return b + idno.calc_check_digit(b)
    if cc == "TH":
        b = "01055" + digits(7)
        return b + moa.calc_check_digit(b)
    if cc == "VN":
        return _until(lambda: rng.choice(["01", "03", "02"]) + digits(8), mst.is_valid)
    if cc == "VE":
        b = "J" + digits(8, "123")
        return f"J-{b[1:]}-{rif.calc_check_digit(b)}"
    if cc == "ZA":
        b = "9" + digits(8)
        return b + luhn.calc_check_digit(b)
    if cc == "IN":  # GSTIN; the embedded PAN is a company (4th letter C)
        p = "AA" + rng.choice("ABCDEFGH") + "C" + rng.choice("ABCDEFGHKLMNPRSTV") + digits(4, "123456789") + rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")
        b = rng.choice(["27", "29", "07", "33", "36"]) + p + "1Z"
        return b + luhn.calc_check_digit(b, alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if cc == "KZ":
        def g():
            b = rng.choice(["11", "14", "17", "19", "21"]) + rng.choice(["01", "04", "07", "10"]) + "40" + digits(5)
            c = kz_check(b)
            return None if c is None else b + str(c)
        return _until(g, lambda v: v is not None)
    if cc == "AM":
        return "0" + digits(7, "12345")
    if cc == "IQ":
        return digits(9, "123456789")
    if cc == "KG":
        d = dt.date(1995, 1, 1) + dt.timedelta(days=rng.randrange(0, 9000))
        return "0" + d.strftime("%d%m%Y") + digits(5)
    if cc == "MM":
        return digits(9, "1")
    if cc == "SA":
        return "3" + digits(9) + "00003"
    if cc == "SS":
        return digits(9, "1")
    if cc == "TJ":
        return digits(9, "05")
    if cc == "AE":
        def g():
            b = "100" + digits(6)
            return b + luhn.calc_check_digit(b) + "00003"
        return g()
    if cc == "UZ":
        return "3" + digits(8)
    raise KeyError(cc)


def gen_personal_id(kind: str) -> str:
    """Valid personal IDs (they pass their own checks): the fault is that they are personal."""
    if kind == "BR_CPF":
        return cpf.format(_until(lambda: digits(11, "123456789"), lambda v: cpf.is_valid(v) and len(set(v)) > 1))
    if kind == "RU_INN12":
        b = "77" + digits(8)
        return b + inn.calc_personal_check_digits(b)
    if kind == "PL_PESEL":
        born = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(0, 12000))
        b = born.strftime("%y%m%d") + digits(4)
        return b + pesel.calc_check_digit(b)
    if kind == "TR_TCKN":
        b = digits(9, "123456789")
        return b + tckimlik.calc_check_digits(b)
    if kind == "VE_V":
        b = "V" + digits(8, "12")
        return f"V-{b[1:]}-{rif.calc_check_digit(b)}"
    if kind == "IN_PAN_P":
        return "A" + rng.choice("BCDEFG") + rng.choice("HJKLM") + "P" + rng.choice("ABCDEFGHKLMNPRS") + digits(4, "123456789") + rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")
    if kind == "UA_RNOKPP":
        b = digits(9, "23")
        return b + rntrc.calc_check_digit(b)
    if kind == "TH_PIN":
        b = "1" + digits(11)
        return b + thpin.calc_check_digit(b)
    raise KeyError(kind)


def compact_id(v) -> str:
    s = str(v).strip().upper()
    return re.sub(r"[\s.\-/]", "", s)


def check_regid(cc: str, raw) -> str:
    """The oracle: 'ok', 'format', 'checksum' or 'personal' for a country of the 24."""
    v = compact_id(raw)
    d = v.isdigit()
    if cc == "BR":
        if d and len(v) == 14:
            return "ok" if cnpj.is_valid(v) else "checksum"
        if d and len(v) == 11:
            return "personal" if cpf.is_valid(v) else "format"
        return "format"
    if cc == "PL":
        if d and len(v) == 10:
            return "ok" if nip.is_valid(v) else "checksum"
        if d and len(v) == 11:
            return "personal" if pesel.is_valid(v) else "format"
        return "format"
    if cc == "RU":
        if d and len(v) == 10:
            return "ok" if inn.is_valid(v) else "checksum"
        if d and len(v) == 12:
            return "personal" if inn.is_valid(v) else "checksum"
        return "format"
    if cc == "UA":
        if d and len(v) == 8:
            return "ok" if edrpou.is_valid(v) else "checksum"
        if d and len(v) == 10:
            return "personal" if rntrc.is_valid(v) else "format"
        return "format"
    if cc == "TR":
        if d and len(v) == 10:
            return "ok" if vkn.is_valid(v) else "checksum"
        if d and len(v) == 11:
            return "personal" if tckimlik.is_valid(v) else "format"
        return "format"
    if cc == "HU":
        if d and len(v) in (8, 11):
            return "ok" if anum.is_valid(v[:8]) else "checksum"
        return "format"
    if cc == "AZ":
        if d and len(v) == 10:
            if not voen.is_valid(v):
                return "checksum"
            return "personal" if v[9] == "2" else "ok"
        return "format"
    if cc == "BY":
        if len(v) == 9 and re.fullmatch(r"[1-7]\d{8}", v):
            return "ok" if unp.is_valid(v) else "checksum"
        if re.fullmatch(r"[A-Z]{2}\d{7}", v):
            return "personal"
        return "format"
    if cc == "MD":
        if d and len(v) == 13:
            if not idno.is_valid(v):
                return "checksum"
            return "ok" if v[0] == "1" else "personal"
        return "format"
    if cc == "TH":
        if d and len(v) == 13:
            if v[0] == "0":
                return "ok" if moa.is_valid(v) else "checksum"
            return "personal" if thpin.is_valid(v) else "checksum"
        return "format"
    if cc == "VN":
        if d and len(v) in (10, 13):
            return "ok" if mst.is_valid(v) else "checksum"
        if d and len(v) == 12:
            return "personal"
        return "format"
    if cc == "VE":
        if re.fullmatch(r"[VEJPGC]\d{9}", v):
            if v[0] == "C":
                return "ok"
            if not rif.is_valid(v):
                return "checksum"
            return "personal" if v[0] in "VEP" else "ok"
        return "format"
    if cc == "ZA":
        if re.fullmatch(r"(18|19|20)\d{2}\d{6}\d{2}", v):
            return "ok"
        if d and len(v) == 10:
            return "ok" if zatin.is_valid(v) else "checksum"
        if d and len(v) == 13:
            return "personal" if zaidnr.is_valid(v) else "format"
        return "format"
    if cc == "IN":
        if len(v) == 15:
            if not gstin.is_valid(v):
                return "checksum" if re.fullmatch(r"\d{2}[A-Z]{5}\d{4}[A-Z][0-9A-Z]Z[0-9A-Z]", v) else "format"
            return "personal" if v[5] == "P" else "ok"
        if len(v) == 10:
            if not pan.is_valid(v):
                return "format"
            return "personal" if v[3] == "P" else "ok"
        return "format"
    if cc == "KZ":
        if d and len(v) == 12:
            if not kz_valid(v):
                return "checksum"
            return "ok" if v[4] in "456" else "personal"
        return "format"
    simple = {"AM": r"\d{8}", "KG": r"0\d{13}", "SS": r"\d{9}", "TJ": r"\d{9}", "UZ": r"[23]\d{8}",
              "IQ": r"[0-9A-Z]{5,20}", "MM": r"\d{5,22}"}
    if cc in simple:
        if cc == "KG" and re.fullmatch(r"[12]\d{13}", v):
            return "personal"
        if cc == "UZ" and re.fullmatch(r"[4-7]\d{8}", v):
            return "personal"
        return "ok" if re.fullmatch(simple[cc], v) else "format"
    if cc == "SA":
        if re.fullmatch(r"3\d{13}3|[37]\d{9}", v):
            return "ok"
        if re.fullmatch(r"[12]\d{9}", v):
            return "personal"
        return "format"
    if cc == "AE":
        if re.fullmatch(r"100\d{12}", v):
            return "ok"
        if re.fullmatch(r"784\d{12}", v):
            return "personal"
        return "format"
    raise KeyError(cc)


# ----------------------------------------------------------------------------------------------
# countries: cities (city, native city, state, native state, postal code, phone NSN template),
# streets, names. Native pools are pairs (native, latin transliteration for e-mail addresses).
# Postal code patterns are those of the keshvar crate (ISO data the Rust side uses), full match.
# ----------------------------------------------------------------------------------------------
POSTAL_RE = {
    "US": r"(\d{5})(?:[ \-](\d{4}))?", "CA": r"[ABCEGHJKLMNPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d",
    "MX": r"\d{5}", "BR": r"\d{5}-?\d{3}", "AR": r"((?:[A-HJ-NP-Z])?\d{4})([A-Z]{3})?", "VE": r"\d{4}",
    "GB": r"(?:[A-Z]{1,2}\d[\dA-Z]? ?\d[ABD-HJLN-UW-Z]{2})", "IE": r"[\dA-Z]{3} ?[\dA-Z]{4}",
    "DE": r"\d{5}", "AT": r"\d{4}", "CH": r"\d{4}", "FR": r"\d{2} ?\d{3}", "BE": r"\d{4}",
    "NL": r"\d{4} ?[A-Z]{2}", "ES": r"\d{5}", "PT": r"\d{4}-\d{3}", "IT": r"\d{5}", "SE": r"\d{3} ?\d{2}",
    "NO": r"\d{4}", "DK": r"\d{4}", "FI": r"\d{5}", "PL": r"\d{2}-\d{3}", "HU": r"\d{4}",
    "CZ": r"\d{3} ?\d{2}", "TR": r"\d{5}", "RU": r"\d{6}", "UA": r"\d{5}", "KZ": r"\d{6}",
    "BY": r"\d{6}", "AM": r"(?:37)?\d{4}", "AZ": r"\d{4}", "MD": r"\d{4}", "KG": r"\d{6}",
    "TJ": r"\d{6}", "UZ": r"\d{6}", "SA": r"\d{5}", "AE": None, "IQ": r"\d{5}", "ZA": r"\d{4}",
    "SS": None, "KE": r"\d{5}", "IN": r"\d{6}", "TH": r"\d{5}", "VN": r"\d{5}\d?", "MM": r"\d{5}",
    "CN": r"\d{6}", "JP": r"\d{3}-?\d{4}", "SG": r"\d{6}", "AU": r"\d{4}", "NZ": r"\d{4}",
}

# how a country may be written -> (ISO code, warns address.country.normalised, unsure)
COUNTRY_WRITTEN = {
    "Germany": ("DE", True), "DEU": ("DE", True), "Deutschland": ("DE", True), "de": ("DE", False),
    " DE ": ("DE", False), "UK": ("GB", True), "United Kingdom": ("GB", True), "GBR": ("GB", True),
    "Great Britain": ("GB", True), "Turkey": ("TR", True), "Türkiye": ("TR", True),
    "USA": ("US", True), "United States": ("US", True), "U.S.A.": ("US", True), "us": ("US", False),
    "España": ("ES", True), "Spain": ("ES", True), "Brasil": ("BR", True), "Brazil": ("BR", True),
    "Россия": ("RU", True), "Russia": ("RU", True), "Russian Federation": ("RU", True),
    "France": ("FR", True), "Österreich": ("AT", True), "Austria": ("AT", True),
    "Schweiz": ("CH", True), "Switzerland": ("CH", True), "Nederland": ("NL", True),
    "Netherlands": ("NL", True), "Italia": ("IT", True), "Italy": ("IT", True), "Polska": ("PL", True),
    "Poland": ("PL", True), "Magyarország": ("HU", True), "Hungary": ("HU", True),
    "Україна": ("UA", True), "Ukraine": ("UA", True), "Казахстан": ("KZ", True),
    "Kazakhstan": ("KZ", True), "Беларусь": ("BY", True), "Saudi Arabia": ("SA", True),
    "United Arab Emirates": ("AE", True), "UAE": ("AE", True), "South Africa": ("ZA", True),
    "India": ("IN", True), "China": ("CN", True), "中国": ("CN", True), "Japan": ("JP", True),
    "日本": ("JP", True), "Thailand": ("TH", True), "ประเทศไทย": ("TH", True), "Viet Nam": ("VN", True),
    "Vietnam": ("VN", True), "Australia": ("AU", True), "New Zealand": ("NZ", True),
    "Canada": ("CA", True), "Mexico": ("MX", True), "México": ("MX", True), "Singapore": ("SG", True),
    "Ireland": ("IE", True), "Sverige": ("SE", True), "Sweden": ("SE", True), "Belgique": ("BE", True),
    "Portugal": ("PT", True), "Argentina": ("AR", True), "Venezuela": ("VE", True),
    "Czech Republic": ("CZ", True), "Iraq": ("IQ", True), "Kenya": ("KE", True),
    "South Sudan": ("SS", True), "Armenia": ("AM", True), "Azerbaijan": ("AZ", True),
    "Moldova": ("MD", True), "Kyrgyzstan": ("KG", True), "Tajikistan": ("TJ", True),
    "Uzbekistan": ("UZ", True), "Myanmar": ("MM", True), "Norway": ("NO", True),
    "Denmark": ("DK", True), "Finland": ("FI", True), "Belgium": ("BE", True),
    "united states": ("US", True), "germany": ("DE", True), " Brasil ": ("BR", True),
    "  United  Kingdom ": ("GB", True),
}

def _iso_standard_form(written):
    """pc-onboard warns address.country.normalised only for a name that is neither the code,
    the alpha-3 code nor an ISO English name (so 'Germany', 'DEU' are silent; 'Deutschland',
    'UK', 'Turkey' warn)."""
    import pycountry
    import unicodedata

    def fold(v):
        v = unicodedata.normalize("NFKD", v)
        v = "".join(ch for ch in v if not unicodedata.combining(ch))
        return " ".join("".join(ch.lower() if ch.isalnum() else " " for ch in v).split())

    f = fold(written)
    for c in pycountry.countries:
        names = {c.name, getattr(c, "official_name", c.name), getattr(c, "common_name", c.name)}
        if f == c.alpha_3.lower() or f in {fold(n) for n in names}:
            return True
    return False


COUNTRY_WRITTEN = {k: (cc, warn and not _iso_standard_form(k)) for k, (cc, warn) in COUNTRY_WRITTEN.items()}
UNSURE_COUNTRY = {"de", "us"}  # lower-case ISO codes: is that "written another way"?
UNKNOWN_COUNTRIES = {"Atlantis", "Westeros", "XZ"}

C: dict[str, dict] = {}


def country(cc, **kw):
    kw.setdefault("legal_pos", "suffix")
    kw.setdefault("street_fmt", "{n} {s}")
    C[cc] = kw


# fmt: off
country("US", tld="com", legal=["Inc.", "LLC", "Corp.", "Co."],
    cities=[("Seattle", None, "WA", None, "98101", "206NXXXXXX"), ("New York", None, "NY", None, "10001", "212NXXXXXX"),
            ("Chicago", None, "IL", None, "60601", "312NXXXXXX"), ("Austin", None, "TX", None, "78701", "512NXXXXXX"),
            ("Boston", None, "MA", None, "02108", "617NXXXXXX"), ("San Francisco", None, "CA", None, "94105", "415NXXXXXX"),
            ("Denver", None, "CO", None, "80202", "303NXXXXXX"), ("Atlanta", None, "GA", None, "30303", "404NXXXXXX"),
            ("Miami", None, "FL", None, "33131", "305NXXXXXX"), ("Portland", None, "OR", None, "97204", "503NXXXXXX")],
    streets=["Pine Street", "Market Street", "Main Street", "Oak Avenue", "Elm Street", "Broadway", "Congress Avenue", "Peachtree Street"],
    line2=["Suite {n}", "Floor {n}", "Unit {n}"],
    first=["James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "David", "Linda", "Daniel", "Emily", "Kevin", "Rachel", "Brian", "Megan"],
    last=["Anderson", "Brooks", "Carter", "Diaz", "Foster", "Griffin", "Hayes", "Jenkins", "Kelly", "Morgan", "Patel", "Reyes", "Sullivan", "Turner", "Walsh"],
    stems=["Cascade", "Lakeshore", "Redwood", "Summit Ridge", "Harborview", "Prairie Wind", "Granite Peak", "Bluewater", "Ironwood", "Silverline",
           "Maplewood", "Keystone", "Riverstone", "Pinecrest", "Sagebrush", "Copperfield", "Highland Park", "Brightpath", "Evergreen Row", "Canyon Creek",
           "Aspen Grove", "Beacon Hill", "Bluebonnet", "Cedar Point", "Clearwater", "Crescent Moon", "Driftwood", "Eagle Rock", "Foxglove", "Hawthorne",
           "Juniper", "Lighthouse", "Meadowlark", "Northstar", "Oakridge", "Quarry Hill", "Rosewood", "Sandstone", "Thunderbird", "Upland",
           "Willow Creek", "Zephyr", "Arrowhead", "Birchwood", "Cobalt", "Dovetail", "Fieldstone", "Glacier Bay", "Hollowbrook", "Kestrel",
           "Larkspur", "Moonstone", "Nettlefield", "Orchard Lane"],
    industries=["Analytics", "Logistics", "Engineering", "Dental Group", "Insurance Agency", "Manufacturing", "Realty", "Design Studio", "Software", "Accounting", "Foods", "Medical Supply",
                "Roofing", "Staffing", "Biotech", "Outdoor Gear", "Pharmacy", "Title Company", "Freight", "Veterinary Clinic", "Plumbing", "Printing"])
country("CA", tld="ca", legal=["Inc.", "Ltd.", "Corp."],
    cities=[("Toronto", None, "ON", None, "M5H 2N2", "416NXXXXXX"), ("Vancouver", None, "BC", None, "V6B 1A1", "604NXXXXXX"),
            ("Montréal", None, "QC", None, "H3B 2Y5", "514NXXXXXX"), ("Ottawa", None, "ON", None, "K1P 5J2", "613NXXXXXX"),
            ("Calgary", None, "AB", None, "T2P 2M5", "403NXXXXXX")],
    streets=["King Street West", "Granville Street", "Rue Sainte-Catherine", "Sparks Street", "Stephen Avenue"],
    line2=["Suite {n}", "Bureau {n}"],
    first=["Liam", "Olivia", "Noah", "Emma", "Ethan", "Chloé", "Jean-François", "Marie-Ève", "Samuel", "Sophie"],
    last=["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "MacDonald", "Campbell", "Wilson", "Leblanc"],
    stems=["Maple Ridge", "Northern Lights", "Laurentian", "Rideau", "Cedar Coast", "Fundy Bay", "Muskoka", "Okanagan", "Chinook", "Georgian Bay", "Prairie Sky", "Tundra", "Yukon Gold"],
    industries=["Technologies", "Logistics", "Engineering", "Consulting", "Outfitters", "Fisheries", "Realty", "Media"])
country("GB", tld="co.uk", legal=["Ltd", "Limited", "PLC", "LLP"],
    cities=[("London", None, "", None, "EC1A 1BB", "207XXXXXXX"), ("Manchester", None, "", None, "M1 1AE", "161NXXXXXX"),
            ("Birmingham", None, "", None, "B1 1BB", "121NXXXXXX"), ("Edinburgh", None, "", None, "EH1 1YZ", "131NXXXXXX"),
            ("Leeds", None, "", None, "LS1 4AP", "113NXXXXXX"), ("Bristol", None, "", None, "BS1 4DJ", "117NXXXXXX")],
    streets=["High Street", "Station Road", "Victoria Street", "King Street", "Church Lane", "Queen's Road"],
    line2=["Unit {n}", "Floor {n}"],
    first=["Oliver", "Amelia", "Harry", "Isla", "George", "Sophie", "Jack", "Charlotte", "Thomas", "Emily", "William", "Grace"],
    last=["Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Roberts", "Walker", "Wright", "Hughes", "Edwards"],
    stems=["Thames Valley", "Pennine", "Cotswold", "Mersey", "Severn", "Kingsbridge", "Ashford", "Wexley", "Hadley", "Bramley",
           "Ashdown", "Blackheath", "Camden Lock", "Dorset", "Exmoor", "Fenland", "Greenwich", "Hampstead", "Islington", "Kew Gardens",
           "Lambeth", "Malvern", "Norfolk Broads", "Peak District", "Richmond", "Solent", "Tamar", "Windermere"],
    industries=["Consulting", "Logistics", "Engineering", "Software", "Property Services", "Analytics", "Recruitment", "Joinery", "Brewing", "Haulage", "Opticians", "Publishing"])
country("IE", tld="ie", legal=["Ltd", "DAC", "Limited"],
    cities=[("Dublin", None, "", None, "D02 X285", "1NXXXXXX"), ("Cork", None, "", None, "T12 R2NC", "21NXXXXXX"),
            ("Galway", None, "", None, "H91 E2K3", "91NXXXXX")],
    streets=["Grafton Street", "Patrick Street", "Shop Street", "Baggot Street Lower"],
    first=["Ciara", "Seán", "Aoife", "Niamh", "Conor", "Eoin"], last=["Byrne", "Murphy", "O'Brien", "Kelly", "Walsh", "Ryan"],
    stems=["Liffey", "Shannon", "Claddagh", "Wicklow"], industries=["Software", "Analytics", "Logistics"])
country("DE", tld="de", legal=["GmbH", "AG", "GmbH & Co. KG", "KG"], street_fmt="{s} {n}",
    cities=[("Berlin", None, "", None, "10115", "30NXXXXXXX"), ("München", None, "", None, "80331", "89NXXXXXXX"),
            ("Hamburg", None, "", None, "20095", "40NXXXXXXX"), ("Dresden", None, "", None, "01067", "351NXXXXXX"),
            ("Frankfurt am Main", None, "", None, "60311", "69NXXXXXXX"), ("Köln", None, "", None, "50667", "221NXXXXXX"),
            ("Stuttgart", None, "", None, "70173", "711NXXXXXX"), ("Leipzig", None, "", None, "04109", "341NXXXXXX")],
    streets=["Friedrichstraße", "Hauptstraße", "Bahnhofstraße", "Leopoldstraße", "Königstraße", "Mönckebergstraße", "Schillerstraße"],
    line2=["Hinterhaus", "{n}. OG", "Gebäude B"],
    first=["Anna", "Lukas", "Julia", "Felix", "Sophie", "Jonas", "Katharina", "Maximilian", "Lena", "Tobias", "Sabine", "Jürgen"],
    last=["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schäfer", "Koch", "Krüger"],
    stems=["Rheinland", "Nordlicht", "Hanseatische", "Elbtal", "Schwarzwald", "Isartal", "Spreewald", "Weserland", "Bodensee", "Harzer", "Taunus", "Altmühltal",
           "Ostsee", "Mosel", "Neckar", "Allgäu", "Eifel", "Rhön", "Erzgebirge", "Havelland", "Sauerland", "Vogtland", "Pfalz", "Chiemsee"],
    industries=["Logistik", "Maschinenbau", "Softwarehaus", "Elektrotechnik", "Bauunternehmung", "Medizintechnik", "Steuerberatung", "Druckerei",
                "Gebäudetechnik", "Werkzeugbau", "Kunststofftechnik", "Feinmechanik", "Verpackungen", "Spedition", "Anlagenbau", "Energietechnik", "Personalberatung", "Immobilien"])
country("AT", tld="at", legal=["GmbH", "AG", "OG"], street_fmt="{s} {n}",
    cities=[("Wien", None, "", None, "1010", "1NXXXXXX"), ("Innsbruck", None, "", None, "6020", "512NXXXXX"),
            ("Graz", None, "", None, "8010", "316NXXXXX"), ("Linz", None, "", None, "4020", "732NXXXXX")],
    streets=["Kärntner Straße", "Mariahilfer Straße", "Landstraße", "Herrengasse"],
    first=["Lukas", "Anna", "Florian", "Katharina", "Stefan", "Elisabeth"], last=["Gruber", "Huber", "Bauer", "Pichler", "Steiner", "Moser"],
    stems=["Donautal", "Tiroler", "Wienerwald", "Alpenblick", "Kärntner"], industries=["Logistik", "Softwarehaus", "Elektrotechnik", "Holzbau"])
country("CH", tld="ch", legal=["AG", "GmbH", "SA", "Sàrl"], street_fmt="{s} {n}",
    cities=[("Zürich", None, "", None, "8001", "44NXXXXXX"), ("Genève", None, "", None, "1201", "22NXXXXXX"),
            ("Bern", None, "", None, "3011", "31NXXXXXX"), ("Basel", None, "", None, "4051", "61NXXXXXX")],
    streets=["Bahnhofstrasse", "Rue du Rhône", "Marktgasse", "Freie Strasse"],
    first=["Luca", "Laura", "Noah", "Mia", "Reto", "Nicole", "Céline"], last=["Meier", "Keller", "Frei", "Brunner", "Favre", "Rochat"],
    stems=["Limmat", "Pilatus", "Léman", "Aaretal", "Säntis"], industries=["Treuhand", "Software", "Präzisionstechnik", "Logistik"])
country("FR", tld="fr", legal=["SAS", "SARL", "SA", "EURL"],
    cities=[("Paris", None, "", None, "75008", "1NXXXXXXX"), ("Lyon", None, "", None, "69002", "4NXXXXXXX"),
            ("Marseille", None, "", None, "13001", "4NXXXXXXX"), ("Nice", None, "", None, "06000", "4NXXXXXXX"),
            ("Toulouse", None, "", None, "31000", "5NXXXXXXX"), ("Bordeaux", None, "", None, "33000", "5NXXXXXXX"),
            ("Lille", None, "", None, "59000", "3NXXXXXXX"), ("Nantes", None, "", None, "44000", "2NXXXXXXX")],
    streets=["rue de Rivoli", "avenue Jean Jaurès", "boulevard Haussmann", "rue de la République", "quai des Chartrons", "rue Sainte-Catherine"],
    line2=["Bâtiment {n}", "{n}e étage"],
    first=["Camille", "Lucas", "Léa", "Hugo", "Chloé", "Louis", "Manon", "Julien", "Élodie", "Thomas"],
    last=["Martin", "Bernard", "Dubois", "Durand", "Lefèvre", "Moreau", "Laurent", "Girard", "Roux", "Fontaine"],
    stems=["Bretagne", "Provence", "Garonne", "Val de Loire", "Vercors", "Côte d'Azur", "Champagne", "Normandie",
           "Alsace", "Auvergne", "Camargue", "Dordogne", "Jura", "Lubéron", "Morvan", "Pyrénées", "Savoie", "Vendée"],
    industries=["Informatique", "Logistique", "Conseil", "Ingénierie", "Distribution", "Transports", "Menuiserie", "Imprimerie", "Pharmacie", "Assurances", "Énergies"])
country("BE", tld="be", legal=["BV", "NV", "SRL", "SA"], street_fmt="{s} {n}",
    cities=[("Bruxelles", None, "", None, "1000", "2NXXXXXX"), ("Antwerpen", None, "", None, "2000", "3NXXXXXX"),
            ("Gent", None, "", None, "9000", "9NXXXXXX"), ("Liège", None, "", None, "4000", "4NXXXXXX")],
    streets=["Rue Neuve", "Meir", "Veldstraat", "Boulevard d'Avroy"],
    first=["Lotte", "Wout", "Sarah", "Mathieu", "Elise", "Pieter"], last=["Peeters", "Janssens", "Maes", "Lambert", "Claes", "Jacobs"],
    stems=["Schelde", "Ardennes", "Brabant", "Meuse"], industries=["Logistics", "Consulting", "Software"])
country("NL", tld="nl", legal=["B.V.", "N.V."], street_fmt="{s} {n}",
    cities=[("Amsterdam", None, "", None, "1012 AB", "20NXXXXXX"), ("Rotterdam", None, "", None, "3011 AD", "10NXXXXXX"),
            ("Utrecht", None, "", None, "3511 LX", "30NXXXXXX"), ("Eindhoven", None, "", None, "5611 EM", "40NXXXXXX")],
    streets=["Damrak", "Coolsingel", "Oudegracht", "Stratumseind", "Herengracht"],
    first=["Daan", "Sanne", "Bram", "Fleur", "Jeroen", "Lieke"], last=["de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser"],
    stems=["Amstel", "Zuiderzee", "Veluwe", "Maasdelta", "Hollandse Kust", "Waddenzee", "Biesbosch", "Drenthe"], industries=["Logistiek", "Techniek", "Bouw", "ICT Diensten", "Bloemen", "Scheepvaart"])
country("ES", tld="es", legal=["S.L.", "S.A.", "S.L.U."], street_fmt="{s} {n}",
    cities=[("Madrid", None, "Madrid", None, "28013", "91NXXXXXX"), ("Barcelona", None, "Barcelona", None, "08001", "93NXXXXXX"),
            ("Valencia", None, "Valencia", None, "46002", "96NXXXXXX"), ("Sevilla", None, "Sevilla", None, "41004", "95NXXXXXX"),
            ("Bilbao", None, "Bizkaia", None, "48001", "94NXXXXXX")],
    streets=["Calle de Alcalá", "Passeig de Gràcia", "Calle Colón", "Avenida de la Constitución", "Gran Vía"],
    first=["Lucía", "Hugo", "Martina", "Pablo", "Sofía", "Javier", "Carmen", "Alejandro", "Núria"],
    last=["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Ortiz"],
    stems=["Ibérica", "Mediterránea", "Cantábrica", "Meseta", "Guadalquivir", "Montserrat", "Sierra Nevada", "Costa Brava", "Galicia", "Navarra"],
    industries=["Sistemas", "Logística", "Consultores", "Ingeniería", "Distribuciones", "Energías", "Alimentación"])
country("PT", tld="pt", legal=["Lda.", "S.A."], street_fmt="{s}, {n}",
    cities=[("Lisboa", None, "", None, "1100-148", "21NXXXXXX"), ("Porto", None, "", None, "4000-322", "22NXXXXXX")],
    streets=["Rua Augusta", "Avenida dos Aliados", "Rua do Ouro"],
    first=["João", "Maria", "Tiago", "Inês", "Rui", "Beatriz"], last=["Silva", "Santos", "Ferreira", "Pereira", "Costa", "Rodrigues"],
    stems=["Atlântico", "Douro", "Tejo", "Minho"], industries=["Sistemas", "Logística", "Consultoria"])
country("IT", tld="it", legal=["S.r.l.", "S.p.A."], street_fmt="{s} {n}",
    cities=[("Milano", None, "MI", None, "20121", "02NXXXXXXX"), ("Roma", None, "RM", None, "00184", "06NXXXXXXX"),
            ("Torino", None, "TO", None, "10121", "011NXXXXXX"), ("Bologna", None, "BO", None, "40121", "051NXXXXXX")],
    streets=["Via Montenapoleone", "Via Nazionale", "Via Roma", "Via dell'Indipendenza"],
    first=["Giulia", "Marco", "Francesca", "Alessandro", "Chiara", "Luca", "Sara", "Matteo"],
    last=["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci"],
    stems=["Adriatica", "Tirrena", "Dolomiti", "Lombarda", "Appennino", "Etna", "Gran Sasso", "Maremma"], industries=["Sistemi", "Logistica", "Consulenze", "Ingegneria"])
country("SE", tld="se", legal=["AB"], street_fmt="{s} {n}",
    cities=[("Stockholm", None, "", None, "111 52", "8NXXXXXX"), ("Göteborg", None, "", None, "411 06", "31NXXXXXX")],
    streets=["Drottninggatan", "Kungsgatan", "Avenyn"],
    first=["Erik", "Astrid", "Lars", "Ingrid", "Johan", "Maja"], last=["Andersson", "Johansson", "Karlsson", "Nilsson", "Lindqvist"],
    stems=["Norrsken", "Vättern", "Skärgård", "Fjällvind", "Dalarna", "Gotland"], industries=["Data", "Logistik", "Teknik", "Konsult"])
country("NO", tld="no", legal=["AS"], street_fmt="{s} {n}",
    cities=[("Oslo", None, "", None, "0150", "2NXXXXXX"), ("Bergen", None, "", None, "5003", "5NXXXXXX")],
    streets=["Karl Johans gate", "Bryggen"], first=["Ole", "Ingrid", "Kari", "Henrik"], last=["Hansen", "Johansen", "Olsen", "Larsen"],
    stems=["Nordkapp", "Hardanger"], industries=["Data", "Teknikk"])
country("DK", tld="dk", legal=["ApS", "A/S"], street_fmt="{s} {n}",
    cities=[("København", None, "", None, "1050", "3NXXXXXX"), ("Aarhus", None, "", None, "8000", "8NXXXXXX")],
    streets=["Strøget", "Søndergade"], first=["Mads", "Freja", "Søren", "Ida"], last=["Jensen", "Nielsen", "Pedersen", "Christensen"],
    stems=["Øresund", "Limfjord"], industries=["Data", "Teknik"])
country("FI", tld="fi", legal=["Oy"], street_fmt="{s} {n}",
    cities=[("Helsinki", None, "", None, "00100", "9NXXXXXX")], streets=["Mannerheimintie", "Aleksanterinkatu"],
    first=["Mikko", "Aino", "Juha", "Laura"], last=["Korhonen", "Virtanen", "Mäkinen", "Nieminen"],
    stems=["Saimaa", "Pohjola"], industries=["Data", "Tekniikka"])
country("PL", tld="pl", legal=["Sp. z o.o.", "S.A."], street_fmt="{s} {n}",
    cities=[("Warszawa", None, "", None, "00-549", "22NXXXXXX"), ("Kraków", None, "", None, "31-042", "12NXXXXXX"),
            ("Wrocław", None, "", None, "50-106", "71NXXXXXX"), ("Gdańsk", None, "", None, "80-831", "58NXXXXXX"),
            ("Poznań", None, "", None, "61-772", "61NXXXXXX")],
    streets=["ul. Marszałkowska", "ul. Floriańska", "ul. Świdnicka", "ul. Długa", "ul. Półwiejska"],
    first=["Anna", "Piotr", "Katarzyna", "Tomasz", "Magdalena", "Paweł", "Agnieszka", "Marcin"],
    last=["Nowak", "Kowalczyk", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowska", "Zieliński", "Szymańska"],
    stems=["Wisła", "Bałtyk", "Mazowsze", "Tatry", "Pomorze", "Śląsk", "Warta", "Bieszczady", "Kaszuby", "Mazury", "Podhale", "Roztocze"],
    industries=["Systemy IT", "Logistyka", "Budownictwo", "Handel", "Usługi Finansowe", "Meble", "Energetyka", "Drukarnia"])
country("HU", tld="hu", legal=["Kft.", "Zrt."], street_fmt="{s} {n}.",
    cities=[("Budapest", None, "", None, "1051", "1NXXXXXX"), ("Debrecen", None, "", None, "4025", "52NXXXXX"),
            ("Szeged", None, "", None, "6720", "62NXXXXX")],
    streets=["Váci utca", "Andrássy út", "Piac utca", "Kárász utca"],
    first=["Bence", "Anna", "Gábor", "Eszter", "Péter", "Katalin"], last=["Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga"],
    stems=["Duna", "Balaton", "Tisza", "Mátra", "Bakony"], industries=["Informatikai", "Logisztikai", "Mérnöki", "Kereskedelmi"])
country("CZ", tld="cz", legal=["s.r.o.", "a.s."], street_fmt="{s} {n}",
    cities=[("Praha", None, "", None, "110 00", "2NXXXXXXX"), ("Brno", None, "", None, "602 00", "5NXXXXXXX")],
    streets=["Václavské náměstí", "Masarykova"], first=["Jan", "Petra", "Tomáš", "Lucie"], last=["Novák", "Svoboda", "Dvořák", "Černá"],
    stems=["Vltava", "Šumava", "Morava"], industries=["Software", "Logistika", "Strojírna"])
country("TR", tld="com.tr", legal=["A.Ş.", "Ltd. Şti."],
    street_fmt="{s} No:{n}",
    cities=[("İstanbul", None, "", None, "34394", "212NXXXXXX"), ("Ankara", None, "", None, "06680", "312NXXXXXX"),
            ("İzmir", None, "", None, "35210", "232NXXXXXX")],
    streets=["Büyükdere Cad.", "Atatürk Bulvarı", "Cumhuriyet Cad.", "Kordon Boyu"],
    first=["Mehmet", "Ayşe", "Mustafa", "Fatma", "Emre", "Zeynep", "Burak", "Elif"],
    last=["Yılmaz", "Kaya", "Demir", "Çelik", "Şahin", "Öztürk", "Aydın", "Arslan"],
    stems=["Marmara", "Ege", "Karadeniz", "Toros", "Kapadokya", "Boğaziçi", "Pamukkale", "Trakya", "Likya"],
    industries=["Yazılım", "Lojistik", "Mühendislik", "Ticaret", "Bilişim", "Tekstil", "Enerji"])
country("RU", tld="ru", legal=["OOO", "AO"], legal_pos="prefix", street_fmt="{s}, d. {n}",
    cities=[("Moscow", "Москва", "", None, "125009", "495NXXXXXX"), ("Saint Petersburg", "Санкт-Петербург", "", None, "191186", "812NXXXXXX"),
            ("Novosibirsk", "Новосибирск", "", None, "630099", "383NXXXXXX"), ("Kazan", "Казань", "", None, "420111", "843NXXXXXX"),
            ("Yekaterinburg", "Екатеринбург", "", None, "620014", "343NXXXXXX")],
    streets=["ul. Tverskaya", "Nevsky prospekt", "ul. Lenina", "ul. Baumana"],
    streets_n=["ул. Тверская", "Невский проспект", "ул. Ленина", "ул. Баумана", "Ленинградский проспект"], street_fmt_n="{s}, д. {n}",
    first=["Alexey", "Elena", "Dmitry", "Olga", "Sergey"], last=["Smirnov", "Ivanova", "Kuznetsov", "Popova", "Sokolov"],
    first_n=[("Алексей", "aleksey"), ("Елена", "elena"), ("Дмитрий", "dmitry"), ("Ольга", "olga"), ("Сергей", "sergey"), ("Наталья", "natalya")],
    last_n=[("Смирнов", "smirnov"), ("Иванова", "ivanova"), ("Кузнецов", "kuznetsov"), ("Попова", "popova"), ("Соколов", "sokolov"), ("Лебедева", "lebedeva")],
    stems=["Volga", "Ural", "Baikal", "Enisey", "Ladoga"], industries=["Soft", "Logistik", "Sistemy", "Inzhiniring"],
    stems_n=[("Волга", "volga"), ("Урал", "ural"), ("Байкал", "baikal"), ("Енисей", "enisey"), ("Ладога", "ladoga"), ("Кама", "kama"),
            ("Ока", "oka"), ("Нева", "neva"), ("Амур", "amur"), ("Сибирь", "sibir"), ("Алтай", "altai")],
    industries_n=[("Софт", "soft"), ("Логистик", "logistik"), ("Системы", "sistemy"), ("Инжиниринг", "engineering"), ("Телеком", "telecom"), ("Агро", "agro"), ("Энерго", "energo")],
    name_fmt_n='{legal} "{stem} {ind}"', legal_n=["ООО", "АО"])
country("UA", tld="ua", legal=["TOV"], legal_pos="prefix", street_fmt="{s}, {n}",
    cities=[("Kyiv", "Київ", "", None, "01001", "44NXXXXXX"), ("Lviv", "Львів", "", None, "79008", "32NXXXXXX"),
            ("Kharkiv", "Харків", "", None, "61003", "57NXXXXXX"), ("Odesa", "Одеса", "", None, "65026", "48NXXXXXX")],
    streets=["vul. Khreshchatyk", "prosp. Svobody", "vul. Sumska"],
    streets_n=["вул. Хрещатик", "просп. Свободи", "вул. Сумська", "вул. Дерибасівська"], street_fmt_n="{s}, {n}",
    first=["Olena", "Andriy", "Oksana", "Taras"], last=["Kovalenko", "Shevchenko", "Bondarenko", "Melnyk"],
    first_n=[("Олена", "olena"), ("Андрій", "andriy"), ("Оксана", "oksana"), ("Тарас", "taras")],
    last_n=[("Коваленко", "kovalenko"), ("Шевченко", "shevchenko"), ("Бондаренко", "bondarenko"), ("Мельник", "melnyk")],
    stems=["Dnipro", "Karpaty", "Podillia", "Tavria", "Bukovyna", "Polissia"], industries=["Soft", "Systemy", "Lohistyk"],
    stems_n=[("Дніпро", "dnipro"), ("Карпати", "karpaty"), ("Поділля", "podillia"), ("Таврія", "tavria")],
    industries_n=[("Софт", "soft"), ("Системи", "systemy"), ("Логістик", "logistyk"), ("Агро", "agro"), ("Телеком", "telecom")],
    name_fmt_n='{legal} "{stem} {ind}"', legal_n=["ТОВ"])
country("KZ", tld="kz", legal=["TOO"], legal_pos="prefix", street_fmt="{s}, {n}",
    cities=[("Almaty", "Алматы", "", None, "050000", "727NXXXXXX"), ("Astana", "Астана", "", None, "010000", "717NXXXXXX")],
    streets=["pr. Abaya", "ul. Satpayeva"], streets_n=["пр. Абая", "ул. Сатпаева", "пр. Мангилик Ел"], street_fmt_n="{s}, {n}",
    first=["Aigerim", "Nurlan"], last=["Nurlanova", "Abenov"],
    first_n=[("Айгерим", "aigerim"), ("Нурлан", "nurlan"), ("Асель", "assel"), ("Ерлан", "yerlan")],
    last_n=[("Нурланова", "nurlanova"), ("Сейткали", "seitkali"), ("Абенов", "abenov"), ("Жумабаева", "zhumabayeva")],
    stems=["Alatau", "Kaspiy"], industries=["Tech", "Logistics"],
    stems_n=[("Алатау", "alatau"), ("Каспий", "kaspiy"), ("Сарыарка", "saryarka"), ("Иртыш", "irtysh"), ("Жетысу", "zhetysu"), ("Балхаш", "balkhash")],
    industries_n=[("Технолоджис", "tech"), ("Логистикс", "logistics"), ("Системс", "systems")],
    name_fmt_n='{legal} "{stem} {ind}"', legal_n=["ТОО"])
country("BY", tld="by", legal=["OOO"], legal_pos="prefix", street_fmt="{s}, {n}",
    cities=[("Minsk", "Минск", "", None, "220030", "17NXXXXXX")],
    streets=["pr. Nezavisimosti"], streets_n=["пр. Независимости", "ул. Немига"], street_fmt_n="{s}, {n}",
    first=["Andrei"], last=["Kozlov"], first_n=[("Андрей", "andrei"), ("Татьяна", "tatsiana")], last_n=[("Козлов", "kozlov"), ("Новик", "novik")],
    stems=["Neman"], industries=["Data"], stems_n=[("Неман", "neman"), ("Полесье", "polesie")], industries_n=[("Дата", "data"), ("Софт", "soft")],
    name_fmt_n='{legal} "{stem} {ind}"', legal_n=["ООО"])
country("AM", tld="am", legal=["LLC", "CJSC"], street_fmt="{n} {s}",
    cities=[("Yerevan", None, "", None, "0010", "10NXXXXX")], streets=["Abovyan Street", "Tigran Mets Avenue"],
    first=["Armen", "Lilit", "Davit", "Ani"], last=["Grigoryan", "Sargsyan", "Hakobyan", "Petrosyan"],
    stems=["Ararat", "Sevan", "Aragats"], industries=["Soft", "Systems"])
country("AZ", tld="az", legal=["MMC"], street_fmt="{s} {n}",
    cities=[("Bakı", None, "", None, "1000", "12NXXXXXX")], streets=["Nizami küçəsi", "Neftçilər prospekti"],
    first=["Elvin", "Aysel", "Rashad", "Leyla"], last=["Aliyev", "Mammadova", "Huseynov", "Guliyeva"],
    stems=["Xəzər", "Qafqaz", "Abşeron"], industries=["Proqram", "Logistika"])
country("MD", tld="md", legal=["S.R.L."], street_fmt="{s} {n}",
    cities=[("Chișinău", None, "", None, "2012", "22NXXXXX")], streets=["bd. Ștefan cel Mare", "str. Mihai Eminescu"],
    first=["Ion", "Elena", "Vasile", "Mariana"], last=["Rusu", "Ciobanu", "Popescu", "Cojocaru"],
    stems=["Codru", "Nistru", "Prut"], industries=["Soft", "Sisteme"])
country("KG", tld="kg", legal=["LLC"], street_fmt="{s} {n}",
    cities=[("Bishkek", "Бишкек", "", None, "720001", "312NXXXXX")], streets=["Chuy Avenue", "Erkindik Boulevard"],
    first=["Aibek", "Gulnara", "Bakyt"], last=["Asanov", "Toktogulova", "Sadykov"], stems=["Ala-Too", "Issyk-Kul"], industries=["Soft", "Trade"])
country("TJ", tld="tj", legal=["LLC"], street_fmt="{s} {n}",
    cities=[("Dushanbe", None, "", None, "734025", "37NXXXXXX")], streets=["Rudaki Avenue", "Ismoili Somoni Avenue"],
    first=["Farrukh", "Zarina", "Rustam"], last=["Rahimov", "Nazarova", "Saidov"], stems=["Pamir", "Varzob"], industries=["Tech", "Trade"])
country("UZ", tld="uz", legal=["MChJ", "LLC"], street_fmt="{s} {n}",
    cities=[("Tashkent", None, "", None, "100000", "71NXXXXXX")], streets=["Amir Temur ko'chasi", "Navoiy ko'chasi"],
    first=["Jasur", "Dilnoza", "Sardor"], last=["Karimov", "Yusupova", "Rashidov"], stems=["Samarqand", "Zarafshon", "Registon"], industries=["Soft", "Savdo"])
country("SA", tld="com.sa", legal=["Co.", "Company"], street_fmt="{n} {s}",
    cities=[("Riyadh", "الرياض", "", None, "12211", "11NXXXXXX"), ("Jeddah", "جدة", "", None, "21577", "12NXXXXXX")],
    streets=["King Fahd Road", "Olaya Street", "Tahlia Street"], streets_n=["طريق الملك فهد", "شارع العليا", "شارع التحلية"], street_fmt_n="{n} {s}",
    first=["Mohammed", "Abdullah", "Noura", "Sarah"], last=["Alotaibi", "Alqahtani", "Alshammari", "Aldosari"],
    first_n=[("محمد", "mohammed"), ("عبدالله", "abdullah"), ("نورة", "noura"), ("سارة", "sarah"), ("فيصل", "faisal")],
    last_n=[("العتيبي", "alotaibi"), ("القحطاني", "alqahtani"), ("الشمري", "alshammari"), ("الدوسري", "aldosari"), ("الحربي", "alharbi")],
    stems=["Najd", "Hijaz", "Tuwaiq"], industries=["Technical Solutions", "Logistics"],
    stems_n=[("النخبة", "nokhba"), ("الصحراء", "sahra"), ("طويق", "tuwaiq"), ("نجد", "najd"), ("الأحساء", "ahsa")],
    industries_n=[("للحلول التقنية", "tech"), ("للخدمات اللوجستية", "logistics"), ("للتجارة", "trading"), ("للمقاولات", "contracting"), ("للأغذية", "foods")],
    name_fmt_n="شركة {stem} {ind}")
country("AE", tld="ae", legal=["LLC", "FZ-LLC"], street_fmt="{s}, {n}",
    cities=[("Dubai", "دبي", "Dubai", "Dubai", "", "4NXXXXXX"), ("Abu Dhabi", "أبوظبي", "Abu Dhabi", "Abu Dhabi", "", "2NXXXXXX")],
    streets=["Sheikh Zayed Road", "Al Wasl Road", "Corniche Road"], streets_n=["شارع الشيخ زايد", "شارع الوصل", "شارع الكورنيش"], street_fmt_n="{s}، {n}",
    first=["Fatima", "Ahmed", "Khalid", "Maryam"], last=["Alhashimi", "Almansoori", "Alnuaimi", "Alkaabi"],
    first_n=[("فاطمة", "fatima"), ("أحمد", "ahmed"), ("خالد", "khalid"), ("مريم", "maryam")],
    last_n=[("الهاشمي", "alhashimi"), ("المنصوري", "almansoori"), ("النعيمي", "alnuaimi"), ("الكعبي", "alkaabi")],
    stems=["Falcon Bay", "Desert Rose", "Marina Gate"], industries=["Trading", "Technologies", "Facilities"],
    stems_n=[("الواحة", "waha"), ("اللؤلؤة", "lulua"), ("الفجر", "fajr"), ("النخيل", "nakheel"), ("السراب", "sarab")],
    industries_n=[("للبرمجيات", "software"), ("للتجارة العامة", "trading"), ("للاستشارات", "consulting"), ("للسياحة", "tourism"), ("للطاقة", "energy")],
    name_fmt_n="مؤسسة {stem} {ind}")
country("IQ", tld="iq", legal=["Co. Ltd"], street_fmt="{s}, {n}",
    cities=[("Baghdad", "بغداد", "", None, "10001", "78XXXXXXXX"), ("Erbil", "أربيل", "", None, "44001", "75XXXXXXXX")],
    streets=["Al Rasheed Street", "Abu Nuwas Street"], streets_n=["شارع الرشيد", "شارع أبو نواس"], street_fmt_n="{s}، {n}",
    first=["Ali", "Zainab", "Hussein"], last=["Al-Jubouri", "Al-Tamimi", "Al-Obaidi"],
    first_n=[("علي", "ali"), ("زينب", "zainab"), ("حسين", "hussein")], last_n=[("الجبوري", "aljubouri"), ("التميمي", "altamimi"), ("العبيدي", "alobaidi")],
    stems=["Tigris", "Babylon"], industries=["Software", "Trading"],
    stems_n=[("دجلة", "dijla"), ("بابل", "babil"), ("الفرات", "furat")], industries_n=[("للبرمجيات", "software"), ("للتجارة", "trading")],
    name_fmt_n="شركة {stem} {ind}")
country("ZA", tld="co.za", legal=["(Pty) Ltd"],
    cities=[("Johannesburg", None, "", None, "2001", "11NXXXXXX"), ("Cape Town", None, "", None, "8001", "21NXXXXXX"),
            ("Durban", None, "", None, "4001", "31NXXXXXX")],
    streets=["Commissioner Street", "Long Street", "Florida Road", "Rivonia Road"],
    first=["Thabo", "Naledi", "Pieter", "Lerato", "Johan", "Zanele"], last=["Nkosi", "Dlamini", "van der Merwe", "Botha", "Mokoena", "Naidoo"],
    stems=["Highveld", "Karoo", "Drakensberg", "Table Bay", "Limpopo", "Kalahari", "Zululand", "Garden Route"], industries=["Technologies", "Logistics", "Engineering", "Trading"])
country("SS", tld="ss", legal=["Co. Ltd"],
    cities=[("Juba", None, "", None, "", "92XXXXXXX")], streets=["Ministries Road", "Airport Road"],
    first=["Deng", "Achol", "Garang"], last=["Majok", "Akech", "Lual"], stems=["White Nile", "Equatoria"], industries=["Trading", "Services"])
country("KE", tld="co.ke", legal=["Limited", "Ltd"],
    cities=[("Nairobi", None, "", None, "00100", "20NXXXXXX")], streets=["Kenyatta Avenue", "Moi Avenue", "Waiyaki Way"],
    first=["Wanjiru", "Otieno", "Achieng", "Kamau"], last=["Mwangi", "Odhiambo", "Kariuki", "Njoroge"],
    stems=["Rift Valley", "Savannah", "Tana River"], industries=["Technologies", "Logistics"])
country("IN", tld="in", legal=["Pvt Ltd", "Private Limited", "LLP"],
    cities=[("Mumbai", None, "Maharashtra", None, "400001", "22NXXXXXXX"), ("Bengaluru", None, "Karnataka", None, "560001", "80NXXXXXXX"),
            ("New Delhi", None, "Delhi", None, "110001", "11NXXXXXXX"), ("Chennai", None, "Tamil Nadu", None, "600001", "44NXXXXXXX"),
            ("Pune", None, "Maharashtra", None, "411001", "20NXXXXXXX"), ("Hyderabad", None, "Telangana", None, "500001", "40NXXXXXXX")],
    streets=["MG Road", "Nariman Point", "Connaught Place", "Anna Salai", "FC Road", "Banjara Hills Road No. 1"],
    line2=["{n}th Floor", "Tower {n}"],
    first=["Rahul", "Priya", "Amit", "Ananya", "Vikram", "Sneha", "Arjun", "Kavya"], last=["Sharma", "Patel", "Reddy", "Iyer", "Gupta", "Nair", "Singh", "Mehta"],
    first_n=[("राहुल", "rahul"), ("प्रिया", "priya"), ("अमित", "amit"), ("अनन्या", "ananya")],
    last_n=[("शर्मा", "sharma"), ("वर्मा", "verma"), ("गुप्ता", "gupta"), ("सिंह", "singh")],
    stems=["Sahyadri", "Deccan", "Himalaya", "Konkan", "Narmada", "Nilgiri", "Vindhya", "Ganga"],
    industries=["Infotech", "Logistics", "Engineering", "Software Solutions", "Systems"],
    stems_n=[("गंगा", "ganga"), ("हिमालय", "himalaya"), ("सह्याद्री", "sahyadri")],
    industries_n=[("टेक्नोलॉजीज", "tech"), ("सॉफ्टवेयर", "software"), ("लॉजिस्टिक्स", "logistics"), ("फ़ूड्स", "foods")],
    name_fmt_n="{stem} {ind} प्राइवेट लिमिटेड")
country("TH", tld="co.th", legal=["Co., Ltd."],
    cities=[("Bangkok", "กรุงเทพมหานคร", "", None, "10110", "2NXXXXXX"), ("Chiang Mai", "เชียงใหม่", "", None, "50200", "53NXXXXX")],
    streets=["Sukhumvit Road", "Silom Road", "Nimmanhaemin Road"], streets_n=["ถนนสุขุมวิท", "ถนนสีลม", "ถนนนิมมานเหมินท์"], street_fmt_n="{n} {s}",
    first=["Somchai", "Sudarat"], last=["Jaidee", "Srisuk"],
    first_n=[("สมชาย", "somchai"), ("สุดารัตน์", "sudarat"), ("ประเสริฐ", "prasert"), ("นภา", "napa")],
    last_n=[("ใจดี", "jaidee"), ("ศรีสุข", "srisuk"), ("วงศ์สวัสดิ์", "wongsawat"), ("แก้วมณี", "kaewmanee")],
    stems=["Siam", "Lanna"], industries=["Digital", "Logistics"],
    stems_n=[("สยามดิจิทัล", "siamdigital"), ("ล้านนาซอฟต์", "lannasoft"), ("เจ้าพระยาโลจิสติกส์", "chaophraya"), ("อันดามันเทค", "andamantech"),
            ("อีสานเทค", "isantech"), ("ภูเก็ตมารีน", "phuketmarine"), ("สุโขทัยคอนซัลท์", "sukhothai")],
    industries_n=[("", "")], name_fmt_n="บริษัท {stem} จำกัด")
country("VN", tld="vn", legal=["Co., Ltd", "JSC"], street_fmt="{n} {s}",
    cities=[("Hà Nội", None, "", None, "11000", "24NXXXXXXX"), ("Thành phố Hồ Chí Minh", None, "", None, "70000", "28NXXXXXXX")],
    streets=["Phố Tràng Tiền", "Đường Lê Lợi", "Phố Huế", "Đường Nguyễn Huệ"], street_fmt_n="Số {n} {s}",
    first=["Huong", "Minh"], last=["Nguyen", "Tran"],
    first_n=[("Hương", "huong"), ("Minh", "minh"), ("Lan", "lan"), ("Tuấn", "tuan"), ("Thảo", "thao")],
    last_n=[("Nguyễn", "nguyen"), ("Trần", "tran"), ("Lê", "le"), ("Phạm", "pham"), ("Hoàng", "hoang")],
    stems=["Ha Long", "Mekong"], industries=["Software", "Logistics"],
    stems_n=[("Hạ Long", "halong"), ("Mê Kông", "mekong"), ("Trường Sơn", "truongson"), ("Tây Nguyên", "taynguyen")],
    industries_n=[("Phần mềm", "phanmem"), ("Công nghệ", "congnghe"), ("Vận tải", "vantai"), ("Thực phẩm", "thucpham"), ("Xây dựng", "xaydung")],
    name_fmt_n="Công ty TNHH {ind} {stem}")
country("MM", tld="com.mm", legal=["Co., Ltd."],
    cities=[("Yangon", None, "", None, "11181", "9XXXXXXXX")], streets=["Pyay Road", "Sule Pagoda Road", "Bogyoke Aung San Road"],
    first=["Aung", "Thida", "Min"], last=["Kyaw", "Win", "Htun"], stems=["Shwe Taung", "Irrawaddy", "Golden Land"], industries=["Trading", "Technology"])
country("CN", tld="cn", legal=["Co., Ltd."],
    cities=[("Shanghai", "上海", "Shanghai", "上海市", "200120", "21NXXXXXXX"), ("Beijing", "北京", "Beijing", "北京市", "100190", "10NXXXXXXX"),
            ("Shenzhen", "深圳", "Guangdong", "广东省", "518000", "755NXXXXXXX")],
    streets=["Century Avenue", "Zhongguancun Street", "Shennan Avenue"], streets_n=["世纪大道", "中关村大街", "深南大道", "南京西路"], street_fmt_n="{s}{n}号",
    first=["Wei", "Fang"], last=["Wang", "Li"],
    first_n=[("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("晓明", "xiaoming"), ("丽华", "lihua")],
    last_n=[("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang")],
    stems=["Yunfan", "Xinghe"], industries=["Information Technology", "Logistics"],
    stems_n=[("云帆", "yunfan"), ("星河", "xinghe"), ("龙腾", "longteng"), ("华信", "huaxin"), ("天诚", "tiancheng"), ("东方", "dongfang"), ("瑞丰", "ruifeng"), ("鼎盛", "dingsheng")],
    industries_n=[("信息技术", "it"), ("物流", "logistics"), ("软件", "soft"), ("电子", "dianzi"), ("贸易", "maoyi"), ("医药", "yiyao")],
    name_fmt_n="{city}{stem}{ind}有限公司")
country("JP", tld="co.jp", legal=["K.K.", "Co., Ltd."],
    cities=[("Tokyo", "千代田区", "Tokyo", "東京都", "100-0005", "3NXXXXXXX"), ("Osaka", "大阪市", "Osaka", "大阪府", "530-0001", "6NXXXXXXX")],
    streets=["Marunouchi", "Umeda"], streets_n=["丸の内", "梅田", "西新宿"], street_fmt="{n}-{m}-{k} {s}", street_fmt_n="{s}{n}-{m}-{k}",
    first=["Taro", "Hanako"], last=["Yamada", "Sato"],
    first_n=[("太郎", "taro"), ("花子", "hanako"), ("翔", "sho"), ("美咲", "misaki"), ("健", "ken")],
    last_n=[("山田", "yamada"), ("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("田中", "tanaka")],
    stems=["Fuji", "Aoba"], industries=["Systems", "Logistics"],
    stems_n=[("富士", "fuji"), ("青葉", "aoba"), ("大和", "yamato"), ("ひかり", "hikari"), ("瑞穂", "mizuho"), ("北斗", "hokuto"), ("東雲", "shinonome")],
    industries_n=[("システムズ", "systems"), ("物流", "butsuryu"), ("工業", "kogyo"), ("ソリューションズ", "solutions"), ("製薬", "seiyaku"), ("建設", "kensetsu"), ("商事", "shoji")],
    name_fmt_n="株式会社{stem}{ind}")
country("SG", tld="com.sg", legal=["Pte Ltd", "Pte. Ltd."],
    cities=[("Singapore", None, "", None, "018989", "6NXXXXXX")], streets=["Raffles Place", "Orchard Road", "Marina Boulevard"],
    first=["Wei Ling", "Jun Jie", "Siti", "Ravi"], last=["Tan", "Lim", "Lee", "Kumar"],
    stems=["Merlion", "Sentosa", "Raffles Quay", "Tanjong"], industries=["Technologies", "Logistics", "Trading"])
country("AU", tld="com.au", legal=["Pty Ltd"],
    cities=[("Sydney", None, "NSW", None, "2000", "29XXXXXXX"), ("Melbourne", None, "VIC", None, "3000", "39XXXXXXX"),
            ("Brisbane", None, "QLD", None, "4000", "73XXXXXXX"), ("Perth", None, "WA", None, "6000", "89XXXXXXX"),
            ("Adelaide", None, "South Australia", None, "5000", "88XXXXXXX")],
    streets=["George Street", "Collins Street", "Queen Street", "St Georges Terrace", "King William Street"], line2=["Level {n}", "Suite {n}"],
    first=["Jack", "Chloe", "Lachlan", "Mia", "Riley", "Zoe"], last=["Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Nguyen"],
    stems=["Kookaburra", "Coral Sea", "Blue Mountains", "Great Dividing", "Murray River", "Bondi", "Nullarbor", "Daintree", "Kimberley", "Whitsunday", "Gippsland"],
    industries=["Solutions", "Logistics", "Engineering", "Consulting", "Mining Services", "Wines", "Surf Co"])
country("NZ", tld="co.nz", legal=["Limited", "Ltd"],
    cities=[("Auckland", None, "", None, "1010", "9NXXXXXX"), ("Wellington", None, "", None, "6011", "4NXXXXXX")],
    streets=["Queen Street", "Lambton Quay"], first=["Aroha", "James", "Mere", "Liam"], last=["Ngata", "Wilson", "Parata", "Thompson"],
    stems=["Aotearoa", "Kaimai", "Tasman", "Rangitoto"], industries=["Solutions", "Logistics", "Consulting"])
country("MX", tld="com.mx", legal=["S.A. de C.V.", "S. de R.L. de C.V."], street_fmt="{s} {n}",
    cities=[("Ciudad de México", None, "Ciudad de México", None, "06600", "55NXXXXXXX"), ("Guadalajara", None, "Jalisco", None, "44100", "33NXXXXXXX"),
            ("Monterrey", None, "Nuevo León", None, "64000", "81NXXXXXXX")],
    streets=["Paseo de la Reforma", "Avenida Juárez", "Avenida Constitución"],
    first=["José", "María", "Luis", "Guadalupe", "Carlos", "Ana Sofía"], last=["Hernández", "García", "Martínez", "López", "González", "Ramírez"],
    stems=["Azteca", "Sierra Madre", "Pacífico", "Bajío", "Maya", "Sonora", "Yucatán"], industries=["Tecnologías", "Logística", "Ingeniería", "Comercializadora"])
country("BR", tld="com.br", legal=["Ltda", "S.A."], street_fmt="{s}, {n}",
    cities=[("São Paulo", None, "SP", None, "01310-100", "113XXXXXXX"), ("Rio de Janeiro", None, "RJ", None, "20040-002", "212XXXXXXX"),
            ("Curitiba", None, "PR", None, "80010-000", "413XXXXXXX"), ("Belo Horizonte", None, "MG", None, "30130-010", "313XXXXXXX"),
            ("Porto Alegre", None, "RS", None, "90010-150", "513XXXXXXX")],
    streets=["Avenida Paulista", "Rua da Assembleia", "Rua XV de Novembro", "Avenida Afonso Pena", "Rua dos Andradas"], line2=["Conjunto {n}", "Sala {n}"],
    first=["Lucas", "Ana", "Gabriel", "Juliana", "Rafael", "Fernanda", "Thiago", "Camila"],
    last=["Silva", "Souza", "Oliveira", "Santos", "Lima", "Pereira", "Carvalho", "Almeida"],
    stems=["Paulista", "Carioca", "Cerrado", "Pampa Gaúcho", "Amazonas", "Ipanema", "Serra Verde", "Mantiqueira", "Chapada", "Pantanal", "Iguaçu", "Jalapão"],
    industries=["Tecnologia", "Logística", "Engenharia", "Comércio", "Serviços Financeiros", "Alimentos", "Energia", "Construtora"])
country("AR", tld="com.ar", legal=["S.A.", "S.R.L."], street_fmt="{s} {n}",
    cities=[("Buenos Aires", None, "Ciudad Autónoma de Buenos Aires", None, "C1002AAP", "114XXXXXXX"), ("Córdoba", None, "Córdoba", None, "X5000", "351NXXXXXX")],
    streets=["Avenida Corrientes", "Calle Florida", "Avenida Colón"],
    first=["Martín", "Valentina", "Santiago", "Camila"], last=["González", "Rodríguez", "Fernández", "López"],
    stems=["Patagonia", "Río de la Plata", "Aconcagua"], industries=["Sistemas", "Logística"])
country("VE", tld="com.ve", legal=["C.A.", "S.A."], street_fmt="{s}, {n}",
    cities=[("Caracas", None, "Distrito Capital", None, "1010", "212NXXXXXX"), ("Valencia", None, "Carabobo", None, "2001", "241NXXXXXX")],
    streets=["Avenida Francisco de Miranda", "Avenida Bolívar Norte"],
    first=["Andrés", "Gabriela", "Luis", "Daniela"], last=["Pérez", "Rodríguez", "González", "Hernández"],
    stems=["Ávila", "Orinoco", "Canaima", "Caribe"], industries=["Sistemas", "Servicios", "Comercial"])
# fmt: on

OWNERS = ["Jane Cooper", "Marcus Lee", "Priya Raman", "Tomás Ortega", "Ingrid Holm", "Kwame Mensah"]
NOTES = ["", "", "", "", "", "Migrated from Navision 2019", "Renewal due Q3", "Key account", "Prefers invoices by e-mail",
         "Reseller: via distributor", "Contact changed in 2023, see ticket #4471", "Ask for PO number"]
LIFECYCLE = ["customer", "customer", "customer", "opportunity", "lead", "evangelist"]
SEGMENTS_COMMERCIAL = ["", "", "Commercial", "Commercial", "Corporate", "SMB"]

# ----------------------------------------------------------------------------------------------
# row factory
# ----------------------------------------------------------------------------------------------
USED_NAMES: set[str] = set()
USED_DOMAINS: set[str] = set()
USED_MAILDOMAINS: set[str] = set()
USED_PHONES: set[str] = set()
USED_IDS: set[str] = set()
STEM_USE: dict[tuple, int] = defaultdict(int)


def fold_name(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    s = re.sub(r"[^\w\s]", " ", s)
    return " ".join(s.split())


def gen_phone(cc: str, tmpl: str, fmt: str = "auto") -> tuple[str, str]:
    """Returns (written, e164) of a valid, unused phone number."""
    code = phonenumbers.country_code_for_region(cc)
    for _ in range(5000):
        nsn = fill(tmpl)
        n = phonenumbers.parse(f"+{code}{nsn}")
        if phonenumbers.is_valid_number(n) and phonenumbers.region_code_for_number(n) == cc:
            e164 = phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)
            if e164 in USED_PHONES:
                continue
            USED_PHONES.add(e164)
            f = fmt if fmt != "auto" else rng.choice(["intl", "intl", "national", "e164"])
            if f == "intl":
                return phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.INTERNATIONAL), e164
            if f == "national":
                return phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.NATIONAL), e164
            return e164, e164
    raise RuntimeError(f"no valid phone for {cc} {tmpl}")


def pick(seq):
    return seq[rng.randrange(len(seq))]


NAMES_BY_CC: dict[str, list] = defaultdict(list)


def register_name(cc: str, name: str) -> None:
    USED_NAMES.add(fold_name(name))
    NAMES_BY_CC[cc].append(strip_legal(name))


def pick_company(cc: str, native: bool, city: str):
    import difflib
    P = C[cc]
    for _ in range(600):
        if native:
            stem, stem_l = pick(P["stems_n"])
            ind, ind_l = pick(P["industries_n"])
            legal = pick(P.get("legal_n", [""]))
            name = P["name_fmt_n"].format(stem=stem, ind=ind, legal=legal, city=city).replace("  ", " ").strip()
            key_l = stem_l + ind_l
        else:
            stem = pick(P["stems"]); ind = pick(P["industries"]); legal = pick(P["legal"])
            name = f"{legal} {stem} {ind}" if P["legal_pos"] == "prefix" else f"{stem} {ind} {legal}"
            stem_l, key_l = slug(stem), slug(stem + ind)
        if STEM_USE[(cc, native, stem_l)] >= 1 or fold_name(name) in USED_NAMES:
            continue
        sn = strip_legal(name)
        if any(difflib.SequenceMatcher(None, sn, o).ratio() > 0.7 for o in NAMES_BY_CC[cc]):
            continue
        return name, key_l, stem_l, native
    return None


def make(cc: str, where: str, native: bool | None = None, ci: int | None = None, **over) -> dict:
    """A complete, valid row of country cc for file/sheet `where` ('csv', 'emea', 'apac')."""
    P = C[cc]
    if native is None:
        native = where != "csv" and "stems_n" in P and (rng.random() < 0.75 or cc in ("RU", "UA", "KZ", "BY", "SA"))
        if native and not any(STEM_USE[(cc, True, sl)] == 0 for _, sl in P["stems_n"]):
            native = False
    if where == "csv":
        native = False
    c_lat, c_nat, st_lat, st_nat, postal, ptmpl = P["cities"][ci if ci is not None else rng.randrange(len(P["cities"]))]
    r: dict = {"where": where, "cc": cc, "native": native}
    # company (a generated name must not look like any name already used in the country)
    given = over.get("company")
    if given is not None:
        name = given
        key_l = slug(given, 24) or ("acct" + digits(5))
        if len(key_l) < 4:
            key_l += digits(4)
    else:
        got = pick_company(cc, native, c_nat or c_lat) or (native and pick_company(cc, False, c_lat))
        if not got:
            raise RuntimeError(f"ran out of company names for {cc}")
        name, key_l, stem_l, native = got
        STEM_USE[(cc, native, stem_l)] += 1
        r["native"] = native
    register_name(cc, name)
    # contact names
    if native and "first_n" in P:
        f, fl = pick(P["first_n"])
        l, ll = pick(P["last_n"])
    else:
        f = pick(P["first"]); l = pick(P["last"])
        fl, ll = slug(f, 30), slug(l, 30)
    USED_NAMES.add(fold_name(name))
    if where == "csv":
        name = cp1252_safe(name)
    maild = f"{slug(key_l, 24)}.{P['tld']}"
    base = slug(key_l, 24)
    dom = base
    while dom in USED_DOMAINS:
        dom = base[:20] + digits(3)
    USED_DOMAINS.add(dom)
    while maild in USED_MAILDOMAINS:
        maild = f"{slug(key_l, 20)}{digits(2)}.{P['tld']}"
    USED_MAILDOMAINS.add(maild)
    # address
    n = rng.randrange(1, 180)
    if native and "streets_n" in P:
        street = pick(P["streets_n"])
        line1 = P.get("street_fmt_n", P["street_fmt"]).format(s=street, n=n, m=rng.randrange(1, 9), k=rng.randrange(1, 20))
    else:
        street = pick(P["streets"])
        line1 = P["street_fmt"].format(s=street, n=n, m=rng.randrange(1, 9), k=rng.randrange(1, 20))
    line2 = ""
    if "line2" in P and rng.random() < 0.3:
        line2 = pick(P["line2"]).format(n=rng.randrange(2, 30))
    cityname = (c_nat or c_lat) if native else c_lat
    state = (st_nat or st_lat) if native else st_lat
    phone, _ = gen_phone(cc, ptmpl)
    emailp = rng.choice(["{f}.{l}", "{f0}.{l}", "{f}", "{f0}{l}"]).format(f=fl, l=ll, f0=fl[:1])
    r.update(
        company=name, line1=line1, line2=line2, city=cityname, state=state, postal=postal, country=cc,
        phone=phone, first=f, last=l, email=f"{emailp}@{maild}", domain=dom, regid="",
        segment=pick(SEGMENTS_COMMERCIAL), mca=True, mca_date=past_date(),
    )
    if rng.random() < 0.6:
        r.update(sig_first=f, sig_last=l, sig_email=r["email"])
    else:
        if native and "first_n" in P:
            sf, sfl = pick(P["first_n"]); sl, sll = pick(P["last_n"])
        else:
            sf = pick(P["first"]); sl = pick(P["last"]); sfl, sll = slug(sf, 30), slug(sl, 30)
        r.update(sig_first=sf, sig_last=sl, sig_email=f"{sfl}.{sll}@{maild}")
    if where == "apac":  # HubSpot sheet has no signatory columns
        r.update(sig_first="", sig_last="", sig_email="")
    if cc in REG24:
        r["regid"] = gen_business_id(cc)
        if cc == "IN":  # GSTIN state code of the row's state
            code = {"Maharashtra": "27", "Karnataka": "29", "Delhi": "07", "Tamil Nadu": "33", "Telangana": "36"}[st_lat]
            body = code + r["regid"][2:14]
            r["regid"] = body + luhn.calc_check_digit(body, alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        USED_IDS.add(compact_id(r["regid"]))
    r["website"] = rng.choice(["", f"www.{maild}", f"https://www.{maild}", f"http://{maild}"]) if where == "csv" else ""
    r["owner"] = pick(OWNERS) if where == "csv" else ""
    r["notes"] = pick(NOTES) if where == "csv" else ""
    r["lifecycle"] = pick(LIFECYCLE) if where == "apac" else ""
    if where == "csv":
        for k in ("first", "last", "sig_first", "sig_last", "line1", "line2", "city", "state"):
            r[k] = cp1252_safe(r[k])
    r.update(want=[], note="", unsure="", cluster=None, existing=None, first_of_cluster=False)
    for k, v in over.items():
        r[k] = v
    return r


# ----------------------------------------------------------------------------------------------
# planted rows
# ----------------------------------------------------------------------------------------------
ROWS: dict[str, list] = {"csv": [], "emea": [], "apac": []}
PC: list[dict] = []
PC_BY_KEY: dict[str, dict] = {}


def other_signatory(r: dict) -> None:
    """Give the row a signatory that is not its contact (so contact faults don't leak into agreement.*)."""
    P = C[r["cc"]]
    maild = r["email"].split("@")[-1] if "@" in r["email"] and r["email"].count("@") == 1 and " " not in r["email"] else f"{slug(r['company'] or 'firma')}.{P['tld']}"
    if r["native"] and "first_n" in P:
        sf, sfl = pick(P["first_n"]); sl, sll = pick(P["last_n"])
    else:
        sf, sl = pick(P["first"]), pick(P["last"]); sfl, sll = slug(sf, 30), slug(sl, 30)
    if r["where"] == "csv":
        sf, sl = cp1252_safe(sf), cp1252_safe(sl)
    r.update(sig_first=sf, sig_last=sl, sig_email=f"{sfl}.{sll}@{maild}")


def add(where, cc, want=(), note="", unsure="", native=None, ci=None, **over) -> dict:
    r = make(cc, where, native, ci, **({"company": over["company"]} if "company" in over else {}))
    contact_touched = any(k in over for k in ("first", "last", "email"))
    for k, v in over.items():
        r[k] = v
    if "domain" in over and over["domain"]:
        USED_DOMAINS.add(str(over["domain"]).lower())
    if contact_touched and where != "apac" and not any(k in over for k in ("sig_first", "sig_last", "sig_email")):
        other_signatory(r)
    r["want"] = list(want)
    r["note"] = note
    r["unsure"] = unsure
    ROWS[where].append(r)
    return r


def tenant_id(key: str) -> str:
    """A customer's Microsoft ID: fixed per customer, shaped like the random (version 4) GUIDs of
    real tenants."""
    u = uuid.uuid5(uuid.NAMESPACE_URL, f"pc-onboard-sample/{key}")
    return str(uuid.UUID(bytes=u.bytes, version=4))


def pc_add(key, company, domain, cc, line1, city, state, postal, regid="", email="") -> dict:
    p = {"key": key, "guid": tenant_id(key), "company": company,
         "domain": f"{domain}.onmicrosoft.com", "cc": cc, "line1": line1, "city": city, "state": state,
         "postal": postal, "regid": regid, "email": email}
    PC.append(p)
    PC_BY_KEY[key] = p
    USED_DOMAINS.add(domain)
    register_name(cc, company)
    if email:
        USED_MAILDOMAINS.add(email.split("@")[1])
    if regid:
        USED_IDS.add(compact_id(regid))
    return p


def existing(r: dict, key: str, how: str, drift: str = "", **pc_over) -> dict:
    """Plant a Partner Center row that the input row r matches; pc_over holds the drifted values."""
    vals = {"company": r["company"], "domain": slug(r["company"], 20), "cc": r["cc"], "line1": r["line1"],
            "city": r["city"], "state": r["state"], "postal": str(r["postal"]), "regid": "", "email": ""}
    vals.update(pc_over)
    p = pc_add(key, **vals)
    r["existing"] = key
    r["existing_how"] = how
    r["drift"] = drift
    return p


LONG_NAME = ("Consolidated Northern Hemisphere Agricultural Machinery, Irrigation Equipment, Grain Storage, "
             "Food Processing, Cold Chain Logistics, Veterinary Supplies, Renewable Energy and Rural Broadband "
             "Infrastructure Development and Investment Holdings of the Greater Midwest Region Incorporated")
LONG_LINE1 = ("Building 7, Gate C, Loading Dock 14, North Industrial Park Extension, behind the old grain elevator, "
              "second driveway after the railway crossing, 4500 County Road 1200 East, Attention: Receiving Department")
LONG_LINE2 = ("Bâtiment des Services Techniques, aile ouest, troisième étage, bureau 312, accès par le parking "
              "visiteurs puis l'ascenseur B, demander l'accueil logistique, fermé le mercredi après-midi, code d'accès 4711, "
              "livraisons uniquement le matin")
assert len(LONG_NAME) > 255 and len(LONG_LINE1) > 200 and len(LONG_LINE2) > 200


def plant() -> None:
    # ---- Partner Center customers that no input row matches (pc_only), some traps among them ----
    pc_add("pc_margies", "Margie's Travel", "margiestravel", "US", "1200 Pike Street", "Seattle", "WA", "98101",
           email="margiestravel@gmail.com")  # a free-mail contact: must not match other gmail rows
    pc_add("pc_nova", "Nova Scotia Seafoods Inc.", "nova", "CA", "1801 Hollis Street", "Halifax", "NS", "B3J 3N4",
           email="it@novascotiaseafoods.ca")  # prefix 'nova' is asked for by a different company (domain.taken)
    pc_only = [
        ("Humongous Insurance", "humongousins", "US", "400 Broad Street", "Seattle", "WA", "98109", "", "billing@humongousinsurance.com"),
        ("Wide World Importers Ltd", "wideworldimporters", "GB", "27 Old Gloucester Street", "London", "", "WC1N 3AX", "", "accounts@wideworldimporters.co.uk"),
        ("Graphic Design Institute", "graphicdesigninst", "US", "350 Fifth Avenue", "New York", "NY", "10118", "", "admin@graphicdesigninstitute.edu"),
        ("Southridge Video", "southridgevideo", "US", "1600 Amphitheatre Way", "Denver", "CO", "80203", "", "ops@southridgevideo.com"),
        ("VanArsdel Ltd", "vanarsdel", "GB", "8 Albion Street", "Leeds", "", "LS1 6HX", "", "it@vanarsdel.co.uk"),
        ("Bavaria Brautechnik GmbH", "bavariabrautechnik", "DE", "Sendlinger Straße 12", "München", "", "80331", "", "info@bavaria-brautechnik.de"),
        ("Les Ateliers du Rhône SAS", "ateliersdurhone", "FR", "14 quai Saint-Antoine", "Lyon", "", "69002", "", "contact@ateliersdurhone.fr"),
        ("Tiberius Consulting S.r.l.", "tiberiusconsulting", "IT", "Via del Corso 101", "Roma", "RM", "00186", "", "amministrazione@tiberius.it"),
        ("Nordic Fjord Analytics AS", "nordicfjord", "NO", "Dronning Eufemias gate 16", "Oslo", "", "0191", "", "post@nordicfjord.no"),
        ("Cape Point Logistics (Pty) Ltd", "capepointlogistics", "ZA", "10 Dock Road", "Cape Town", "", "8001", gen_business_id("ZA"), "finance@capepoint.co.za"),
        ("Zakłady Ceramiczne Bolesławiec Sp. z o.o.", "zcboleslawiec", "PL", "ul. Kościuszki 9", "Bolesławiec", "", "59-700", gen_business_id("PL"), "biuro@zc-boleslawiec.pl"),
        ("ООО \"Технопарк Сибирь\"", "technoparksibir", "RU", "ул. Инженерная, д. 20", "Новосибирск", "", "630090", gen_business_id("RU"), "info@technopark-sibir.ru"),
        ("Kaspi Data TOO", "kaspidata", "KZ", "пр. Аль-Фараби, 77", "Алматы", "", "050040", gen_business_id("KZ"), "office@kaspidata.kz"),
        ("İstanbul Veri Merkezi A.Ş.", "istanbulveri", "TR", "Maslak Mah. Eski Büyükdere Cad. No:1", "İstanbul", "", "34398", gen_business_id("TR"), "bilgi@istanbulveri.com.tr"),
        ("Soluções Digitais Horizonte Ltda", "horizontedigital", "BR", "Rua da Bahia, 1148", "Belo Horizonte", "MG", "30160-011", gen_business_id("BR"), "contato@horizontedigital.com.br"),
        ("Mumbai Metro Traders Pvt Ltd", "mumbaimetrotraders", "IN", "15 Marine Drive", "Mumbai", "Maharashtra", "400020", gen_business_id("IN"), "accounts@mumbaimetrotraders.in"),
        ("Hanoi Green Energy JSC", "hanoigreenenergy", "VN", "25 Lý Thường Kiệt", "Hà Nội", "", "11000", gen_business_id("VN"), "info@hanoigreen.vn"),
        ("Thai Orchid Foods Co., Ltd.", "thaiorchidfoods", "TH", "88 Rama IV Road", "Bangkok", "", "10500", gen_business_id("TH"), "contact@thaiorchidfoods.co.th"),
        ("Dubai Marina Facilities LLC", "dubaimarinafm", "AE", "Marina Walk, Tower 3", "Dubai", "Dubai", "", gen_business_id("AE"), "fm@dubaimarinafacilities.ae"),
        ("Riyadh Smart Systems Co.", "riyadhsmart", "SA", "Prince Sultan Road 4410", "Riyadh", "", "12241", gen_business_id("SA"), "it@riyadhsmart.com.sa"),
        ("Kyiv Fintech LLC", "kyivfintech", "UA", "вул. Велика Васильківська, 72", "Київ", "", "03150", gen_business_id("UA"), "office@kyivfintech.ua"),
        ("上海智联科技有限公司", "zhiliantech", "CN", "张江路88号", "上海", "上海市", "201203", "", "admin@zhilian-tech.cn"),
        ("株式会社みらい技研", "miraigiken", "JP", "西新宿2-8-1", "新宿区", "東京都", "163-8001", "", "info@mirai-giken.co.jp"),
    ]
    for i, (n, d, cc, l1, city, st, pc, rid, em) in enumerate(pc_only):
        pc_add(f"pc_only_{i:02d}", n, d, cc, l1, city, st, pc, rid, em)

    plant_education()
    plant_existing()
    plant_duplicates()

    # ================================= legacy_crm_export.csv =================================
    w = "csv"
    # row.malformed
    add(w, "US", ["row.malformed"], "unquoted comma in Account Name: 24 fields instead of 23",
        company="Blue Yonder Airlines, Inc.", malformed="extra")
    add(w, "GB", ["row.malformed"], "record cut off after Phone: 10 fields instead of 23", malformed="short")
    # company.*
    add(w, "US", ["company.missing"], "empty Account Name", company="")
    add(w, "CA", ["company.missing"], "Account Name of spaces only", company="   ")
    add(w, "GB", ["company.too_short"], "one-character name", company="A",
        unsure="a one-letter capital may also warn company.acronym (this script reads the acronym rule as 2-5 letters)")
    add(w, "US", ["company.too_long"], f"{len(LONG_NAME)}-character name", company=LONG_NAME)
    add(w, "DE", ["company.special_only"], "special characters only", company="&$^#")
    add(w, "FR", ["company.spaced_single_chars"], "spaced single characters", company="1 2 3")
    add(w, "US", ["company.abbreviation_only"], "legal form only", company="LLC",
        unsure="no distinctive part is left, so no company.acronym is expected; an implementation may add it")
    add(w, "AU", ["company.abbreviation_only"], "legal form only", company="Pty Ltd")
    add(w, "AT", ["company.abbreviation_only"], "legal form only", company="GmbH")
    add(w, "IT", ["company.repeated_char"], "one character repeated", company="999")
    add(w, "GB", ["company.invalid_char"], "trade mark sign (cp1252 0x99) is not an allowed special", company="Proseware ™ Solutions Ltd")
    add(w, "US", ["company.test_name"], "test name", company="Test Company")
    add(w, "CA", ["company.test_name"], "keyboard mash", company="asdf")
    add(w, "NL", ["company.test_name"], "placeholder", company="N/A",
        unsure="'N/A' with the slash removed reads 'NA' and may also warn company.acronym")
    add(w, "US", ["company.acronym"], "acronym only (warning): still clean", company="IBM")
    add(w, "DE", ["company.acronym"], "acronym + legal form (warning): still clean", company="ACME GmbH")
    add(w, "GB", ["company.domain_extension"], ".com in the name (warning): still clean", company="Shopfront.com Ltd")
    add(w, "US", ["email.missing"], "HTML in the company name is valid by §6 (< > ( ) / are allowed); rejected for the missing e-mail so it reaches report.html, which must escape it",
        company="<script>alert(1)</script>", email="")
    # contact.*
    add(w, "ES", ["contact.first_name.missing"], "no first name", first="")
    add(w, "NL", ["contact.last_name.missing"], "no last name", last="")
    add(w, "US", ["contact.first_name.one_char"], "one-letter first name", first="X")
    add(w, "DE", ["contact.last_name.one_char"], "one-letter last name", last="B")
    add(w, "DE", ["contact.first_name.too_long"], "49-character first name", first="Maximilian-Alexander Friedrich-Wilhelm Konstantin")
    add(w, "GB", ["contact.last_name.too_long"], "53-character last name", last="Featherstonehaugh-Cholmondeley-Marjoribanks-Worcester")
    add(w, "GB", ["contact.first_name.placeholder"], "first name 'test'", first="test")
    add(w, "US", ["contact.last_name.placeholder"], "last name 'Nobody'", last="Nobody")
    add(w, "FR", ["contact.first_name.no_letters"], "digits only", first="12345")
    add(w, "CA", ["contact.last_name.no_letters"], "specials only", last="###")
    # email.*
    add(w, "AT", ["email.missing"], "no e-mail", email="")
    add(w, "FR", ["email.syntax"], "no @", email="paul.dubois.dupont-metal.fr")
    add(w, "US", ["email.syntax"], "space in the domain", email="mike.jones@cascade logistics.com")
    add(w, "US", ["email.microsoft_domain"], "@microsoft.com", email="sarah.lee@microsoft.com")
    add(w, "DE", ["email.partner_domain"], "partner's own domain", email="k.wagner@contoso-partner.com")
    add(w, "GB", ["email.partner_domain"], "partner's onmicrosoft domain", email="ops@cpartner.onmicrosoft.com")
    add(w, "IT", ["email.free_provider"], "gmail for a trattoria (warning): clean; must NOT match PC Margie's Travel (also gmail)",
        company="Trattoria Da Mario S.r.l.", email="trattoriadamario@gmail.com", domain="trattoriadamario")
    add(w, "ES", ["email.free_provider"], "outlook.com (warning): clean", email="jgarcia.consultores@outlook.com")
    add(w, "US", ["email.free_provider"], "free mailbox for a university: error for education", company="Hillcrest University",
        email="hillcrest.admissions@yahoo.com", domain="hillcrestuniv", segment="")
    # address.*
    add(w, "DE", ["address.line1.missing"], "no street", line1="", line2="")
    add(w, "US", ["address.line1.too_long"], f"{len(LONG_LINE1)}-character street", line1=LONG_LINE1)
    add(w, "FR", ["address.line2.too_long"], f"{len(LONG_LINE2)}-character street 2", line2=LONG_LINE2)
    add(w, "DE", ["address.city.missing"], "no city", city="")
    add(w, "US", ["address.state.missing"], "US without state", state="")
    add(w, "US", ["address.state.unknown"], "state 'XX'", state="XX")
    add(w, "US", ["address.postal_code.missing"], "US without ZIP", postal="")
    add(w, "DE", ["address.postal_code.format"], "4-digit German postcode", postal="8033", ci=1)
    add(w, "NL", ["address.postal_code.format"], "Dutch postcode without its letters", postal="1012", ci=0)
    r = add(w, "GB", ["address.country.missing"], "no country; phone written internationally", country="",
            unsure="without a country, state/postcode/phone checks are assumed skipped (the phone is in +44 form)")
    r["phone"] = gen_phone("GB", "207XXXXXXX", "intl")[0]
    r = add(w, "DE", ["address.country.unknown"], "country 'Atlantis'", country="Atlantis",
            unsure="with an unknown country, state/postcode/phone checks are assumed skipped (the phone is in +49 form)")
    r["phone"] = gen_phone("DE", "30NXXXXXXX", "intl")[0]
    # phone.*
    add(w, "PL", ["phone.missing"], "registration-ID country without phone", phone="")
    add(w, "TR", ["phone.invalid"], "too short (error in TR)", phone="+90 212 12")
    add(w, "DE", ["phone.invalid"], "too short (warning outside the 24): clean", phone="030 12")
    # registration_id.*
    add(w, "BR", ["registration_id.missing"], "Brazil without CNPJ", regid="")
    add(w, "PL", ["registration_id.format"], "8-digit NIP", regid="52610408")
    r = add(w, "RU", ["registration_id.checksum"], "INN with a wrong check digit; Notes hold a formula-injection payload (@SUM)")
    good = compact_id(r["regid"]); r["regid"] = good[:-1] + str((int(good[-1]) + 1) % 10)
    r["notes"] = "@SUM(1+1)*cmd|' /C calc'!A0"
    add(w, "BR", ["registration_id.personal"], "Brazilian CPF (person), not CNPJ", regid=gen_personal_id("BR_CPF"))
    add(w, "PL", ["registration_id.personal"], "Polish PESEL (person), not NIP", regid=gen_personal_id("PL_PESEL"))
    add(w, "TR", ["registration_id.personal"], "Turkish TCKN (person), not VKN", regid=gen_personal_id("TR_TCKN"))
    add(w, "DE", ["registration_id.not_accepted"], "German VAT ID (warning, left out of the payload): clean", regid="DE 136 695 976")
    add(w, "US", ["registration_id.not_accepted"], "US EIN (warning): clean", regid="94-3104158")
    # domain.*
    r = add(w, "US", ["domain.syntax"], "hyphen in the prefix")
    r["domain"] = r["domain"][:12] + "-us"
    add(w, "FR", ["domain.syntax"], "web domain pasted as prefix (dot)", domain="lucernepublishing.fr", company="Lucerne Publishing SARL")
    add(w, "DE", ["domain.too_long"], "32-character prefix", domain="rheinlandmaschinenbauundlogistik")
    add(w, "PL", ["domain.taken"], "'nova' belongs to PC customer Nova Scotia Seafoods (CA), a different company",
        unsure="domain equal to a PC customer's, judged not the same company (other name, country, registration ID)",
        company="Nova Pharma Sp. z o.o.", domain="nova", email="biuro@novapharma.pl")
    add(w, "ZA", ["domain.suggested"], "no domain prefix (warning): clean", domain="")
    add(w, "SE", ["domain.suggested"], "no domain prefix (warning): clean", domain="")
    add(w, "NZ", [], "first row to ask for the prefix 'kiwisoftware'", company="Kiwi Software Ltd", domain="kiwisoftware")
    add(w, "IE", ["domain.duplicate"], "a different company asking for the prefix 'kiwisoftware' (an earlier row has it)",
        company="Shamrock Analytics Ltd", domain="kiwisoftware")
    # agreement.*
    add(w, "FR", ["agreement.missing"], "MCA not accepted (warning): clean", mca=False, mca_date="", sig_first="", sig_last="", sig_email="")
    add(w, "ZA", ["agreement.missing"], "MCA columns empty (warning): clean", mca="", mca_date="", sig_first="", sig_last="", sig_email="")
    add(w, "US", ["agreement.date_future"], "acceptance dated 2035", mca_date="2035-01-15")
    add(w, "GB", ["agreement.date_invalid"], "31 February", mca_date="31/02/2024")
    add(w, "DE", ["agreement.signatory.first_name.missing"], "accepted, signatory first name missing", sig_first="")
    add(w, "FR", ["agreement.signatory.last_name.missing"], "accepted, signatory last name missing", sig_last="")
    add(w, "NL", ["agreement.signatory.email.missing"], "accepted, signatory e-mail missing", sig_email="")
    add(w, "ES", ["agreement.signatory.email.syntax"], "signatory e-mail written with (at)", sig_email="maria.garcia(at)iberica.es")
    # variants that must stay clean
    add(w, "DE", [], "street with an embedded line break inside quotes (one record, two physical lines)",
        line1="Hauptstraße 5\nHinterhaus", line2="", ci=0, country="Deutschland")
    add(w, "GB", [], "country 'UK'", country="UK")
    add(w, "TR", [], "country 'Turkey'", country="Turkey")
    add(w, "US", [], "country 'USA'", country="USA")
    add(w, "US", [], "country 'United States'", country="United States")
    add(w, "ES", [], "country 'España'", country="España")
    add(w, "BR", [], "country 'Brasil'", country=" Brasil ")
    add(w, "DE", [], "country 'DEU'", country="DEU")
    add(w, "US", [], "country 'united states' lower case", country="united states")
    add(w, "DE", [], "lower-case ISO code 'de': assumed no normalised warning", unsure="lower-case 'de' may or may not count as 'written another way'",
        country="de")
    add(w, "GB", [], "country with extra spaces", country="  United  Kingdom ")
    add(w, "DE", [], "Dresden postcode with a leading zero", ci=3)
    add(w, "US", [], "Boston ZIP with a leading zero", ci=4)
    add(w, "IN", [], "GSTIN as registration ID")
    add(w, "HU", [], "adószám written 8-1-2")
    add(w, "VE", [], "RIF J-")
    add(w, "ZA", [], "SARS income-tax reference starting with 9")
    add(w, "UA", [], "EDRPOU, Latin transliteration")
    add(w, "US", [], "MCA date written m/d/yyyy (unambiguous, day > 12)", mca_date="3/27/2024",
        unsure="assumes a month-first date is read when day-first is impossible")
    add(w, "GB", [], "MCA date written dd/mm/yyyy (day > 12)", mca_date="18/04/2024")
    add(w, "DE", [], "MCA date written dd.mm.yyyy", mca_date="14.02.2023")
    add(w, "US", [], "MCA Accepted 'Yes' instead of TRUE", mca="Yes")
    add(w, "CA", [], "MCA Accepted 'true' lower case", mca="true")

    # ================================= legacy_customers.xlsx / EMEA =================================
    w = "emea"
    add(w, "DE", ["company.invalid_char"], "emoji in the name", company="Kaffeerösterei ☕ Hansen GmbH")
    add(w, "SE", ["contact.first_name.placeholder"], "first name 'Admin'", first="Admin")
    add(w, "RU", ["contact.last_name.one_char"], "one Cyrillic letter", last="К")
    r = add(w, "RU", ["registration_id.personal"], "12-digit INN (person) as a NUMERIC cell")
    r["regid"] = int(gen_personal_id("RU_INN12").lstrip("0") or "1")
    add(w, "UA", ["registration_id.personal"], "10-digit RNOKPP (person), not EDRPOU", regid=gen_personal_id("UA_RNOKPP"))
    r = add(w, "KZ", ["registration_id.checksum"], "BIN with a wrong check digit, NUMERIC cell")
    good = compact_id(r["regid"]); r["regid"] = int(good[:-1] + str((int(good[-1]) + 1) % 10))
    add(w, "BY", ["registration_id.format"], "8-digit UNP", regid="19155845")
    add(w, "SA", ["registration_id.missing"], "Saudi company without VAT/TIN", regid="")
    add(w, "FR", ["registration_id.not_accepted"], "French SIREN (warning): clean", regid="552 100 554")
    add(w, "AE", ["phone.missing"], "UAE company without phone", phone="")
    add(w, "UA", ["phone.invalid"], "too short (error in UA)", phone="+380 44 12")
    add(w, "RU", ["agreement.date_invalid"], "date 'Q2 2024' as text", mca_date="Q2 2024")
    add(w, "PL", ["agreement.date_future"], "date cell in 2035", mca_date=dt.date(2035, 3, 1))
    add(w, "RU", ["agreement.signatory.email.syntax"], "space in the signatory e-mail", sig_email="popova olga@volgasoft.ru")
    add(w, "HU", ["agreement.missing"], "'No' as text (warning): clean", mca="No", mca_date="", sig_first="", sig_last="", sig_email="")
    add(w, "DE", ["domain.too_long"], "29-character prefix", domain="schwarzwaldmedizintechnikgmbh")
    add(w, "NL", ["domain.syntax"], "underscore in the prefix", domain="amstel_logistiek")
    add(w, "TR", [], "Turkish name with full diacritics; country 'Türkiye'", country="Türkiye")
    add(w, "RU", [], "country 'Россия'", country="Россия")
    add(w, "DE", [], "Dresden postcode '01067' as a TEXT cell", ci=3, country="Germany")
    add(w, "GB", [], "country 'United Kingdom'", country="United Kingdom")
    add(w, "KZ", [], "BIN as a NUMERIC cell in General format (Excel shows 1.7E+11)", regid="__int__")
    add(w, "AZ", [], "VÖEN (10th digit 1 = legal entity)")
    add(w, "MD", [], "IDNO")
    add(w, "AM", [], "Armenian TIN, format only")
    add(w, "IQ", [], "Iraqi company, Arabic name")
    add(w, "SS", [], "South Sudan: no postal codes")
    add(w, "KG", [], "Kyrgyz INN, 14 digits")
    add(w, "TJ", [], "Tajik INN")
    add(w, "UZ", [], "Uzbek STIR")
    add(w, "CZ", [], "Czech name with ř/č")
    add(w, "KE", [], "Kenya")
    add(w, "PL", [], "NIP as a NUMERIC cell", regid="__int__")
    add(w, "RU", [], "phone typed 8495... and stored as a NUMERIC cell", phone="__int_ru8__", ci=0)
    add(w, "KZ", [], "phone typed 8727... and stored as a NUMERIC cell", phone="__int_ru8__", ci=0)
    add(w, "FR", [], "postcode 75008 as a NUMERIC cell", postal=75008, ci=0)
    add(w, "NL", ["agreement.missing"], "MCA Accepted FALSE as a boolean cell (warning): clean", mca=False, mca_date="",
        sig_first="", sig_last="", sig_email="")

    # ================================= legacy_customers.xlsx / APAC & Americas ============================
    w = "apac"
    add(w, "AU", ["company.missing"], "empty Company name cell", company="")
    add(w, "SG", ["company.invalid_char"], "emoji in the name", company="Sunshine 🌞 Trading Pte Ltd")
    add(w, "SG", ["contact.last_name.no_letters"], "emoji-only last name; Lifecycle Stage holds =HYPERLINK(...) as TEXT (formula injection)",
        last="😀😀", lifecycle='=HYPERLINK("http://x","y")')
    add(w, "CN", [], "CJK single-character names 伟 / 王 must NOT be flagged one_char", first="伟", last="王", native=True)
    add(w, "JP", [], "single-kanji first name 翔 must NOT be flagged one_char", first="翔", last="佐藤", native=True)
    add(w, "VE", ["registration_id.personal"], "V- RIF (natural person)", regid=gen_personal_id("VE_V"))
    add(w, "IN", ["registration_id.personal"], "individual PAN (4th letter P)", regid=gen_personal_id("IN_PAN_P"))
    add(w, "TH", ["registration_id.personal"], "Thai citizen ID (first digit 1), not a juristic TIN", regid=gen_personal_id("TH_PIN"))
    r = add(w, "VN", ["registration_id.checksum"], "MST with a wrong check digit")
    good = compact_id(r["regid"]); r["regid"] = good[:-1] + str((int(good[-1]) + 3) % 10)
    r = add(w, "BR", ["registration_id.checksum"], "CNPJ with a wrong check digit")
    good = compact_id(r["regid"]); r["regid"] = cnpj.format(good[:-1] + str((int(good[-1]) + 1) % 10))
    add(w, "TH", ["registration_id.format"], "12-digit Thai TIN", regid="010555123456")
    add(w, "MM", ["registration_id.missing"], "Myanmar without registration ID", regid="")
    add(w, "TH", ["phone.invalid"], "too short (error in TH)", phone="02 123")
    add(w, "CN", ["phone.invalid"], "too short (warning outside the 24): clean", phone="021-1234")
    add(w, "AU", ["address.state.unknown"], "city written as the state", state="Sydney", ci=0)
    add(w, "US", ["agreement.missing"], "MCA Accepted 'No' as text (warning): clean", mca="No", mca_date="")
    add(w, "JP", ["domain.syntax"], "dot in the prefix", domain="hikari.systems")
    add(w, "US", [], "phone as a NUMERIC cell", phone="__int__")
    add(w, "IN", [], "mobile phone as a NUMERIC cell", phone="__int_mobile__")
    add(w, "CN", [], "mobile phone as a NUMERIC cell", phone="__int_mobile__", native=True)
    add(w, "US", [], "MCA Accepted TRUE as a boolean cell, date as a date cell")
    add(w, "CA", [], "MCA Accepted 'Yes', date as text 15/03/2024", mca="Yes", mca_date="15/03/2024")
    add(w, "MX", [], "MCA date as text 2024-03-15", mca_date="2024-03-15")
    add(w, "TH", [], "Thai script name; Thai marks must count as letters", native=True)
    add(w, "IN", [], "Devanagari name; Devanagari marks must count as letters", native=True)
    add(w, "VN", [], "Vietnamese diacritics", native=True)
    add(w, "JP", [], "Japanese name", native=True)
    add(w, "NZ", [], "New Zealand")
    add(w, "AR", [], "Argentina, CPA postcode")
    add(w, "SG", [], "Singapore")


def plant_education() -> None:
    ed = "education institution"
    # CSV
    add("csv", "US", [], f"{ed} by name (College)", company="Greenfield Community College", ci=9, domain="greenfieldcc",
        email="it.services@greenfieldcc.edu", segment="")
    add("csv", "US", [], f"{ed} by segment 'Education' (and name)", company="Lakeside Unified School District", ci=3,
        domain="lakesideusd", email="technology@lakesideusd.org", segment="Education")
    add("csv", "PT", [], f"{ed} by segment 'EDU'", company="Instituto Superior de Gestão e Tecnologia", domain="isgt",
        email="secretaria@isgt.pt", segment="EDU")
    add("csv", "ES", [], f"{ed} by name (Universidad)", company="Universidad de Montemayor", ci=0, domain="umontemayor",
        email="informatica@umontemayor.es", segment="")
    add("csv", "AU", [], f"{ed} by name (Academy)", company="Riverbend Academy", ci=2, domain="riverbendacademy",
        email="office@riverbendacademy.edu.au", segment="")
    # EMEA
    add("emea", "DE", [], f"{ed} by name (Technische Universität)", company="Technische Universität Oberhausen",
        domain="tuoberhausen", email="servicedesk@tu-oberhausen.de", segment="", country="Deutschland")
    add("emea", "FR", [], f"{ed} by segment 'Higher Education'", company="Université de Valmont", ci=1, domain="univvalmont",
        email="dsi@univ-valmont.fr", segment="Higher Education")
    add("emea", "RU", ["company.invalid_char"], "school by name, but № (U+2116) is not an allowed special character",
        unsure="№ is outside PC's allowed specials; if the tool allows it, this row is education by name (Школа)",
        company="Школа №1535", domain="school1535", email="info@school1535.ru", segment="", native=True)
    add("emea", "RU", [], f"{ed} by segment 'Education' (Cyrillic name)", company="Гимназия 1567", domain="gymnasium1567",
        email="info@gym1567.ru", segment="Education", native=True)
    add("emea", "AE", [], f"{ed} by segment 'Higher Education' (Arabic name)", company="جامعة الخليج للتقنية",
        domain="gulftechuniv", email="it@gulftech.ac.ae", segment="Higher Education", native=True)
    # APAC & Americas
    add("apac", "MX", [], f"{ed} by name (Universidad)", company="Universidad Tecnológica del Valle", ci=1, domain="utvalle",
        email="ti@utvalle.edu.mx", segment="")
    add("apac", "BR", [], f"{ed} by name (Escola)", company="Escola Estadual Monteiro Lobato", ci=2, domain="eemonteirolobato",
        email="secretaria@eemonteirolobato.edu.br", segment="")
    add("apac", "SG", [], f"{ed} by segment 'EDU'", company="Sunrise International Academy", domain="sunriseacademysg",
        email="admin@sunriseacademy.edu.sg", segment="EDU")
    r = add("apac", "IN", [], f"{ed} by segment 'Education' (Devanagari name); PAN of a trust (T)", company="गंगा पब्लिक स्कूल",
            domain="gangapublicschool", email="office@gangapublicschool.in", segment="Education", native=True)
    r["regid"] = "AABTG" + digits(4, "123456789") + "K"
    add("apac", "JP", [], f"{ed} by segment 'Higher Education' (Japanese name)", company="みなと国際大学", domain="minatointl",
        email="joho@minato-intl.ac.jp", segment="Higher Education", native=True)
    add("apac", "AU", [], f"{ed} by name (Institute of Technology)", company="Southern Cross Institute of Technology", ci=3,
        domain="scit", email="ict@scit.edu.au", segment="")


def plant_existing() -> None:
    # --- by registration ID ---
    r = add("csv", "PL", [], "", company="Nowak Logistyka Sp. z o.o.", ci=0, line1="ul. Marszalkowska 104", domain="nowaklog",
            email="biuro@nowaklogistyka.pl")
    existing(r, "pc_nowak", "registration ID", "name written in full, street with ł and a flat number",
             company="NOWAK LOGISTYKA SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ", domain="nowaklogistyka",
             line1="ul. Marszałkowska 104/122", city="Warszawa", regid=compact_id(r["regid"]), email="it@nowaklogistyka.pl")
    r = add("emea", "RU", [], "", company='ООО "Северный ветер"', domain="severveter", email="info@severveter.ru", native=True, ci=1)
    r["regid"] = int(compact_id(r["regid"]))
    existing(r, "pc_sever", "registration ID (INN as a NUMERIC cell)", "PC has the name transliterated",
             company="Severny Veter LLC", domain="severnyveter", line1="Nevsky prospekt 28", city="Saint Petersburg",
             regid=str(r["regid"]), email="admin@severveter.ru")
    r = add("apac", "BR", [], "", company="Café Aurora Comércio de Alimentos Ltda", ci=0, domain="cafeaurora",
            email="ti@cafeaurora.com.br")
    existing(r, "pc_aurora", "registration ID (formatted vs compact)", "upper-case name without accents",
             company="CAFE AURORA COMERCIO DE ALIMENTOS LTDA", domain="cafeauroraltda", regid=compact_id(r["regid"]),
             postal=str(r["postal"]).replace("-", ""))
    r = add("csv", "TR", ["phone.missing"], "existing wins over rejected: the row lacks its phone",
            company="Anadolu Yazilim Teknolojileri A.S.", ci=0, domain="anadoluyazilim", email="bilgi@anadoluyazilim.com.tr", phone="")
    existing(r, "pc_anadolu", "registration ID", "Turkish letters in PC's name",
             company="Anadolu Yazılım Teknolojileri A.Ş.", domain="anadoluyazilimtek", regid=compact_id(r["regid"]))
    r = add("apac", "VN", [], "", company="Công ty TNHH Phần mềm Sông Hồng", ci=0, domain="songhongsoft",
            email="lienhe@songhongsoft.vn", native=True)
    existing(r, "pc_songhong", "registration ID", "PC has an English name",
             company="Song Hong Software Co., Ltd", domain="songhongsoftware", line1="15 Trang Tien", city="Hanoi",
             regid=compact_id(r["regid"]))
    # --- by domain prefix ---
    r = add("csv", "GB", [], "", company="Fabrikam Ltd", ci=0, line1="12 High St", line2="", domain="fabrikamltd",
            email="j.harris@fabrikam.co.uk")
    existing(r, "pc_fabrikam", "domain prefix", "'12 High St' vs '12 High Street'", company="Fabrikam, Ltd.",
             domain="fabrikamltd", line1="12 High Street")
    r = add("emea", "DE", [], "", company="Tailspin Toys GmbH", ci=2, domain="TailspinToys", email="einkauf@tailspintoys.de",
            country="Germany")
    existing(r, "pc_tailspin", "domain prefix (input in mixed case)", "postcode 20095 vs 20097", domain="tailspintoys",
             postal="20097")
    r = add("apac", "US", [], "", company="Adventure Works Cycles", ci=0, domain="adventureworks", email="it@adventure-works.com",
            line1="1020 Bike Lane")
    existing(r, "pc_adventure", "domain prefix", "street and ZIP differ", company="Adventure Works Cycles Inc.",
             domain="adventureworks", line1="1020 Bike Ln", postal="98104")
    r = add("csv", "US", [], "", unsure="prefix given as the full 'litware.onmicrosoft.com'; assumes the suffix is stripped before matching",
            company="Litware, Inc.", ci=5, domain="litware.onmicrosoft.com", email="helpdesk@litwareinc.com")
    existing(r, "pc_litware", "domain prefix", "", company="Litware, Inc.", domain="litware")
    # --- by contact e-mail domain ---
    # The same e-mail domain, but another name, prefix, street and town: the match weight says
    # two sites or two entities of one group, so it is created (not a relationship request).
    add("csv", "US", [], "look-alike: shares the e-mail domain cohowinery.com with PC 'Coho Winery' in another town; "
        "not the same customer", company="Coho Vineyard & Winery", ci=5, domain="cohovineyard",
        email="olivia.brown@cohowinery.com")
    pc_add("pc_coho", "Coho Winery", "cohowinery", "US", "600 Silverado Trail", "Napa", "CA", "94558",
           email="accounts@cohowinery.com")
    r = add("emea", "IE", [], "", company="Trey Research Limited", ci=0, domain="treyresearch", email="ciara.byrne@treyresearch.ie",
            country="Ireland")
    existing(r, "pc_trey", "contact e-mail domain (treyresearch.ie); also name + city", "'Limited' vs 'Ltd'",
             company="Trey Research Ltd", domain="treyresearchltd", email="it@treyresearch.ie")
    # A group's two entities share the e-mail domain and the town: only the brand word of the name
    # agrees, so the pair goes to review/possible_matches.csv and the row is created.
    r = add("apac", "CA", [], "look-alike: same e-mail domain and town as PC 'Woodgrove Bank', another entity of the "
            "group; listed for review", company="Woodgrove Financial Services Inc.", ci=0, domain="woodgrovefs",
            email="m.tremblay@woodgrovebank.ca")
    pc_add("pc_woodgrove", "Woodgrove Bank", "woodgrovebank", "CA", "100 King Street West", r["city"], r["state"],
           str(r["postal"]), email="admin@woodgrovebank.ca")
    # --- by name + country + city ---
    r = add("csv", "AT", [], "", company="Alpine Ski House GmbH", ci=1, line1="Maria-Theresien-Straße 18", domain="",
            email="office@alpineskihouse.at")
    existing(r, "pc_alpine", "name + country + city (no domain given)", "'Straße' vs 'Strasse'", company="Alpine Ski House",
             domain="alpineskihouse", line1="Maria-Theresien-Strasse 18")
    r = add("emea", "FR", [], "", company="Boulangerie Dupont et Fils", ci=1, domain="dupontetfils", email="contact@dupont-fils.fr",
            country="France")
    existing(r, "pc_dupont", "name + country + city ('et' vs '&', legal form)", "name differs", company="Boulangerie Dupont & Fils SARL",
             domain="boulangeriedupont")
    r = add("apac", "AU", [], "", company="Relecloud Pty Ltd", ci=1, domain="relecloudau", email="support@relecloud.com.au")
    existing(r, "pc_relecloud", "name + country + city", "different desired prefix", company="Relecloud", domain="relecloud")
    # --- an education institution that already exists: existing wins over education ---
    r = add("csv", "US", [], "", company="Bellows College", ci=2, domain="bellowscollege", email="it@bellowscollege.edu",
            segment="Education")
    existing(r, "pc_bellows", "domain prefix (an education institution: existing wins)", "", domain="bellowscollege")


def cluster(rows: list[dict], cid: str, why: str, survivor: int = 0) -> None:
    for i, r in enumerate(rows):
        r["cluster"] = cid
        r["cluster_why"] = why
        r["first_of_cluster"] = i == survivor


def plant_duplicates() -> None:
    # D1 exact: same NIP + country, CSV and EMEA
    a = add("csv", "PL", [], "", company="Kowalski Systemy Informatyczne Sp. z o.o.", ci=0, line1="ul. Piekna 24", line2="lok. 5",
            domain="kowalskisi", email="biuro@kowalski-si.pl")
    b = add("emea", "PL", [], "", company="KOWALSKI SYSTEMY INFORMATYCZNE SP. Z O.O.", ci=0, line1="ul. Piękna 24", line2="",
            domain="kowalskisi", email="it@kowalski-si.pl", country="Poland", regid=int(compact_id(a["regid"])),
            phone=a["phone"], segment=a["segment"])
    cluster([a, b], "D1", "same NIP + country (NIP as a NUMERIC cell in the copy)")
    # D2 exact: same domain prefix, both in the CSV
    a = add("csv", "US", [], "", company="Wingtip Toys Inc.", ci=0, domain="wingtiptoys", email="orders@wingtiptoys.com", line2="Suite 300")
    b = add("csv", "US", [], "", company="Wingtip Toys", ci=0, domain="wingtiptoys", email="d.carter@wingtiptoys.com",
            line1=a["line1"], line2="", postal=a["postal"])
    cluster([a, b], "D2", "same domain prefix 'wingtiptoys'")
    # D3 exact: name + country + postcode after case/space/legal-form folding
    a = add("csv", "DE", [], "", company="Müller Maschinenbau GmbH", ci=1, domain="muellermaschinen", email="info@mueller-mb.de")
    b = add("emea", "DE", [], "", company="müller  maschinenbau", ci=1, domain="", email="einkauf@mueller-mb.de",
            country="Deutschland", postal=80331, line2="", segment="")
    cluster([a, b], "D3", "same name (case, double space, no 'GmbH') + country + postcode 80331 (NUMERIC cell)")
    # D4 fuzzy: typo in the name, CSV and APAC
    a = add("csv", "AU", [], "", company="Lamna Healthcare Company", ci=2, domain="lamnahealthcare", email="it@lamna.com.au")
    b = add("apac", "AU", [], "", company="Lamna Helthcare Company", ci=2, domain="", email="procurement@lamna.com.au",
            line1=a["line1"], line2="", phone=a["phone"], segment="")
    cluster([a, b], "D4", "fuzzy: 'Helthcare' typo, same city, postcode, phone")
    # D5 'Ltd' vs 'Limited'
    a = add("csv", "GB", [], "", company="Northwind Traders Ltd", ci=4, domain="northwindtraders", email="sales@northwindtraders.co.uk")
    b = add("emea", "GB", [], "", company="Northwind Traders Limited", ci=4, domain="", email="accounts@northwindtraders.co.uk",
            country="United Kingdom", line1=a["line1"], line2="", segment="")
    cluster([a, b], "D5", "'Ltd' vs 'Limited', same postcode")
    # D6 missing postcode in the copy
    a = add("csv", "AU", [], "", company="Fourth Coffee Pty Ltd", ci=0, domain="fourthcoffee", email="hello@fourthcoffee.com.au")
    b = add("apac", "AU", ["address.postal_code.missing"], "", company="Fourth Coffee Pty Ltd", ci=0, domain="", postal="",
            email="ops@fourthcoffee.com.au", line1=a["line1"], line2="", segment="")
    cluster([a, b], "D6", "same name + country + city, the copy has no postcode")
    # D7 same INN, Latin (CSV, invalid) and Cyrillic (EMEA, valid and complete): survivor is the later row
    b = add("emea", "RU", [], "", company='ООО "Ромашка"', ci=0, domain="romashkamsk", email="info@romashka-msk.ru", native=True,
            line2="офис 12")
    a = add("csv", "RU", ["phone.missing"], "", company="OOO Romashka", ci=0, domain="", email="sales@romashka-msk.ru",
            phone="", line2="", regid=b["regid"], segment="", mca=False, mca_date="", sig_first="", sig_last="", sig_email="")
    cluster([a, b], "D7", "same INN + country, Latin vs Cyrillic name; the CSV copy is invalid (no phone), so the EMEA row survives",
            survivor=1)
    # D8 three rows: same domain prefix, CSV (romanised) and twice in APAC (Japanese)
    a = add("csv", "JP", [], "", company="Sakura Soft K.K.", ci=0, domain="sakurasoft", email="info@sakurasoft.co.jp", native=False)
    b = add("apac", "JP", [], "", company="株式会社さくらソフト", ci=0, domain="sakurasoft", email="eigyo@sakurasoft.co.jp",
            native=True, line2="", segment="")
    c = add("apac", "JP", [], "", company="株式会社さくらソフト", ci=0, domain="sakurasoft", email="soumu@sakurasoft.co.jp",
            native=True, line2="", segment="", mca=False, mca_date="")
    cluster([a, b, c], "D8", "same domain prefix 'sakurasoft' (romanised and Japanese name)")
    # D9 same GSTIN; the survivor is itself an existing PC customer
    a = add("csv", "IN", [], "", company="Bharat Cloud Solutions Pvt Ltd", ci=1, domain="bharatcloud", email="it@bharatcloud.in")
    existing(a, "pc_bharat", "registration ID (GSTIN)", "", company="Bharat Cloud Solutions Private Limited", domain="bharatcloudsol",
             regid=compact_id(a["regid"]))
    b = add("apac", "IN", [], "", company="Bharat Cloud Solutions Private Limited", ci=1, domain="", email="finance@bharatcloud.in",
            regid=a["regid"].lower(), line1=a["line1"], line2="", segment="")
    cluster([a, b], "D9", "same GSTIN (lower-case in the copy); the survivor matches PC")
    # D10 education institution twice
    a = add("csv", "GB", [], "education institution by name (University)", company="University of Northbridge", ci=5,
            domain="northbridgeuni", email="it.helpdesk@northbridge.ac.uk", segment="")
    b = add("emea", "GB", [], "", company="University of Northbridge", ci=5, domain="", email="procurement@northbridge.ac.uk",
            country="UK", line1=a["line1"], line2="", segment="")
    cluster([a, b], "D10", "same name + country + postcode")
    # D11 cross-sheet, Arabic name in EMEA and English in APAC, same TRN (NUMERIC cell in APAC)
    a = add("emea", "AE", [], "", company="شركة أفق الخليج للتجارة ذ.م.م", ci=0, domain="gulfhorizon", email="info@gulfhorizon.ae",
            native=True)
    b = add("apac", "AE", [], "", company="Gulf Horizon Trading LLC", ci=0, domain="", email="accounts@gulfhorizon.ae",
            native=False, regid=int(compact_id(a["regid"])), line2="", segment="")
    cluster([a, b], "D11", "same TRN + country, Arabic vs English name")
    # look-alike branches that must NOT be merged: same name, different city, CNPJ branch and postcode
    root = digits(8, "123456789")
    ids = [root + "0001", root + "0002"]
    ids = [cnpj.format(x + cnpj.calc_check_digits(x)) for x in ids]
    add("csv", "BR", [], "look-alike: same name as an APAC row but another branch (São Paulo, CNPJ /0001): must NOT match",
        company="Distribuidora Alfa Ltda", ci=0, domain="alfasp", email="compras@alfa-sp.com.br", regid=ids[0])
    add("apac", "BR", [], "look-alike: same name as a CSV row but another branch (Curitiba, CNPJ /0002): must NOT match",
        company="Distribuidora Alfa Ltda", ci=2, domain="alfacwb", email="compras@alfa-pr.com.br", regid=ids[1])


# ----------------------------------------------------------------------------------------------
# filler rows, cell types, placement
# ----------------------------------------------------------------------------------------------
TARGET = {"csv": 150, "emea": 75, "apac": 75}
FILL = {
    "csv": ("US US US US US CA CA GB GB GB IE DE DE DE AT CH CH FR FR BE BE NL ES PT IT IT SE NO DK FI PL PL HU "
            "TR ZA BR BR MX MX AR IN IN AU AU NZ VE UA RU CH IE BE").split(),
    "emea": "DE DE FR GB NL IT ES SE PL PL HU TR TR RU RU UA UA KZ BY AM AZ MD SA SA AE AE IQ ZA SS KE CZ KG TJ UZ".split(),
    "apac": "CN CN JP JP TH IN IN VN MM SG AU AU NZ US US CA CA BR BR MX AR VE US CN".split(),
}


def fill_rows() -> None:
    for w, target in TARGET.items():
        i = 0
        while len(ROWS[w]) < target:
            cc = FILL[w][i % len(FILL[w])]
            i += 1
            add(w, cc, [], "")
        assert len(ROWS[w]) == target, (w, len(ROWS[w]))


def resolve_cells() -> None:
    """Markers for numeric cells, and a realistic mix of cell types in the workbook."""
    for w in ROWS:
        for r in ROWS[w]:
            if r["regid"] == "__int__":
                v = compact_id(gen_business_id(r["cc"]))
                while v.startswith("0"):
                    v = compact_id(gen_business_id(r["cc"]))
                USED_IDS.add(v)
                r["regid"] = int(v)
            if r["phone"] == "__int__":
                r["phone"] = int(gen_phone(r["cc"], C[r["cc"]]["cities"][0][5], "e164")[1][2:])  # US national number
            if r["phone"] == "__int_ru8__":  # Russian/Kazakh habit: trunk prefix 8 instead of +7
                e164 = gen_phone(r["cc"], C[r["cc"]]["cities"][0][5], "e164")[1]
                r["phone"] = int("8" + e164[2:])
            if r["phone"] == "__int_mobile__":
                tmpl = {"IN": "98XXXXXXXX", "CN": "13NXXXXXXXX"}[r["cc"]]
                e164 = gen_phone(r["cc"], tmpl, "e164")[1]
                r["phone"] = int(e164[3:])
            if w == "apac":
                r["id"] = int("1" + digits(10))
            elif w == "emea":
                r["id"] = f"ACC-{digits(6, '123456789')}"
            else:
                r["id"] = "0015" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(14))
            if w in ("emea", "apac") and not r["want"] and not r["note"]:
                # a user's sheet: some booleans typed as text, some dates typed as text
                if r["mca"] is True and rng.random() < 0.3:
                    r["mca"] = "Yes"
                if isinstance(r["mca_date"], dt.date) and rng.random() < 0.3:
                    d = r["mca_date"]
                    if d.day <= 12:
                        d = d.replace(day=d.day + 12)
                        r["mca_date"] = d
                    r["mca_date"] = d.strftime(rng.choice(["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"]))
            if w == "csv":
                if r["mca"] is True and rng.random() < 0.1:
                    r["mca"] = "Yes"
                if isinstance(r["mca_date"], dt.date) and r["mca_date"].day > 12 and rng.random() < 0.2:
                    r["mca_date"] = r["mca_date"].strftime("%d/%m/%Y")


def place() -> None:
    for w in ROWS:
        rows = ROWS[w]
        rng.shuffle(rows)
        # inside one sheet, the designated survivor of a cluster comes first
        for r in list(rows):
            if r["cluster"] and r["first_of_cluster"]:
                mates = [x for x in rows if x["cluster"] == r["cluster"]]
                i = rows.index(r)
                j = min(rows.index(x) for x in mates)
                if j < i:
                    rows[i], rows[j] = rows[j], rows[i]
        first_row = {"csv": 2, "emea": 4, "apac": 2}[w]
        for k, r in enumerate(rows):
            r["row"] = first_row + k


def all_rows() -> list[dict]:
    return [r for w in ("csv", "emea", "apac") for r in ROWS[w]]


def where_file(r) -> tuple[str, str]:
    return {"csv": (CSV_FILE, ""), "emea": (XLSX_FILE, SHEET_EMEA), "apac": (XLSX_FILE, SHEET_APAC)}[r["where"]]


def loc(r) -> str:
    f, s = where_file(r)
    return f"{f}{' [' + s + ']' if s else ''} row {r['row']}"


# ----------------------------------------------------------------------------------------------
# the oracle: SPEC section 6 as this script reads it
# ----------------------------------------------------------------------------------------------
ALLOWED_SPECIALS = set("~-=_#.%+:^[]$\u2013\u2014&@*(),\"\u27e8\u27e9`<>!\\/{}\u2018|\u060c;'?")
ABBREVIATIONS = {" c p a", "c.p.a.", "c. p. a.", "l.l.c.", "l. l. c.", " l l c", "llc", "llc.", "l.l.p.", "l. l. p.",
                 " l l p", "llp", "llp.", "pty", "pty ltd", "pte ltd", "private limited", "pvt", "pvt ltd", "corp",
                 "corp.", "corporation", "inc", "incorporated", "ltd", "ltd.", "limited", "plc", "gmbh", "kft", "zrt",
                 "ooo", "wll", "lda", "sarl", "sdn bhd", "inc."}
ABBREVIATIONS |= {a.strip() for a in ABBREVIATIONS}
LEGAL_TOKENS = {"gmbh", "ag", "kg", "se", "ltd", "limited", "llc", "inc", "corp", "co", "plc", "llp", "sa", "sas", "sarl",
                "sàrl", "srl", "s.r.l", "spa", "s.p.a", "bv", "b.v", "nv", "n.v", "ab", "as", "asa", "aps", "a/s", "oy",
                "kft", "zrt", "bt", "sp", "z", "o.o", "s.a", "ooo", "ao", "tov", "too", "pvt", "pty", "pte", "k.k",
                "lda", "eurl", "mmc", "cjsc", "jsc", "c.a", "s.l", "s.l.u", "company", "dac", "og", "&", "ltda"}
TEST_TOKENS = {"test", "testing", "demo", "sample", "dummy", "asdf", "xxx", "qwerty", "placeholder", "unknown", "tbd"}
TEST_WHOLE = {"n/a", "na", "none", "null", "-", "tbc", "n.a."}
PLACEHOLDER_NAMES = {"test", "tester", "admin", "administrator", "nobody", "none", "null", "n/a", "na", "unknown",
                     "xxx", "asdf", "dummy", "sample", "demo", "user", "noname", "tbd"}
EDU_SEGMENTS = {"education", "edu", "higher education", "k-12", "k12", "academic"}
EDU_WORDS = ["university", "universität", "universite", "université", "universidad", "universidade", "università",
             "school", "schule", "escola", "escuela", "école", "college", "academy", "institute of technology",
             "hochschule", "школа", "гимназия", "университет", "大学", "学校", "มหาวิทยาลัย", "โรงเรียน", "विद्यालय",
             "स्कूल", "جامعة", "مدرسة"]
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%m/%d/%Y", "%d-%m-%Y"]


def norm(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, dt.date):
        return v.isoformat()
    s = unicodedata.normalize("NFC", str(v))
    s = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in s)
    return " ".join(s.split())


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2A6DF or 0xF900 <= o <= 0xFAFF


def has_letter(s: str) -> bool:
    return any(unicodedata.category(ch).startswith("L") for ch in s)


def company_rules(name: str) -> list[str]:
    c = norm(name)
    if not c:
        return ["company.missing"]
    out = []
    if len(c) < 2:
        return ["company.too_short"]
    if len(c) > 255:
        out.append("company.too_long")
    if not any(unicodedata.category(ch)[0] in "LN" for ch in c):
        out.append("company.special_only")
    toks = c.split(" ")
    if len(toks) >= 2 and all(len(t) == 1 for t in toks):
        out.append("company.spaced_single_chars")
    abbr = c.lower() in ABBREVIATIONS
    if abbr:
        out.append("company.abbreviation_only")
    if len(c) >= 3 and len(set(c)) == 1:
        out.append("company.repeated_char")
    if any(not (unicodedata.category(ch)[0] in "LMN" or ch == " " or ch in ALLOWED_SPECIALS) for ch in c):
        out.append("company.invalid_char")
    words = [re.sub(r"[^\w/]", "", t.lower()) for t in toks]
    if c.lower() in TEST_WHOLE or any(wd in TEST_TOKENS for wd in words):
        out.append("company.test_name")
    distinctive = [t for t in toks if t.lower().strip(".,") not in LEGAL_TOKENS]
    if not abbr and len(distinctive) == 1 and distinctive[0].isalpha() and distinctive[0].isupper() and 2 <= len(distinctive[0]) <= 5:
        out.append("company.acronym")
    if re.search(r"\.(com|org|net|edu|club|info|biz)\b", c, re.I):
        out.append("company.domain_extension")
    return out


def person_rules(v: str, field: str) -> list[str]:
    s = norm(v)
    p = f"contact.{field}."
    if not s:
        return [p + "missing"]
    out = []
    if len(s) == 1 and not is_cjk(s):
        out.append(p + "one_char")
    if len(s) > 40:
        out.append(p + "too_long")
    if s.casefold() in PLACEHOLDER_NAMES:
        out.append(p + "placeholder")
    if not has_letter(s):
        out.append(p + "no_letters")
    return out


def email_ok(e: str) -> bool:
    return bool(EMAIL_RE.match(e)) and ".." not in e


def resolve_country(raw) -> tuple[str | None, bool, bool, str]:
    """(ISO code or None, normalised warning, unsure, problem) for a written country."""
    s = norm(raw)
    if not s:
        return None, False, False, "missing"
    if isinstance(raw, str) and raw in COUNTRY_WRITTEN:
        cc, warn = COUNTRY_WRITTEN[raw]
        return cc, warn, raw in UNSURE_COUNTRY, ""
    if s in C and s == s.upper():
        return s, False, False, ""
    if s in COUNTRY_WRITTEN:
        cc, warn = COUNTRY_WRITTEN[s]
        return cc, warn, s in UNSURE_COUNTRY, ""
    return None, False, False, "unknown"


def parse_date(v):
    if isinstance(v, dt.date):
        return v
    s = norm(v)
    for f in DATE_FORMATS:
        try:
            return dt.datetime.strptime(s, f).date()
        except ValueError:
            pass
    return None


def truthy(v) -> bool:
    if isinstance(v, bool):
        return v
    return norm(v).lower() in {"yes", "true", "y", "1", "x", "ja", "oui", "sí", "si"}


def education_of(r) -> bool:
    if norm(r["segment"]).lower() in EDU_SEGMENTS:
        return True
    n = norm(r["company"]).lower()
    return any(wd in n for wd in EDU_WORDS)


def domain_prefix(v) -> str:
    s = norm(v).lower()
    if s.endswith(".onmicrosoft.com"):
        s = s[: -len(".onmicrosoft.com")]
    return s


def derive(r) -> list[str]:
    """Findings of one row (everything but domain.duplicate / domain.taken, done across rows)."""
    if r.get("malformed"):
        return ["row.malformed"]
    out = company_rules(r["company"])
    out += person_rules(r["first"], "first_name") + person_rules(r["last"], "last_name")
    edu = education_of(r)
    e = norm(r["email"])
    if not e:
        out.append("email.missing")
    elif not email_ok(e):
        out.append("email.syntax")
    else:
        d = e.split("@")[1].lower()
        if d == "microsoft.com" or d.endswith(".microsoft.com"):
            out.append("email.microsoft_domain")
        if d in PARTNER_DOMAINS:
            out.append("email.partner_domain")
        if edu and (d == "onmicrosoft.com" or d.endswith(".onmicrosoft.com")):
            out.append("email.onmicrosoft_domain")
        if d in FREE_PROVIDERS:
            out.append("email.free_provider")
    l1, l2 = norm(r["line1"]), norm(r["line2"])
    if not l1:
        out.append("address.line1.missing")
    elif len(l1) > 200:
        out.append("address.line1.too_long")
    if len(l2) > 200:
        out.append("address.line2.too_long")
    if not norm(r["city"]):
        out.append("address.city.missing")
    cc, warn, unsure, problem = resolve_country(r["country"])
    r["iso"] = cc
    r["country_unsure"] = unsure
    if problem:
        out.append(f"address.country.{problem}")
    if warn:
        out.append("address.country.normalised")
    if cc:
        st = norm(r["state"])
        if not st and cc in STATE_REQUIRED:
            out.append("address.state.missing")
        if st and (cc in STATE_LISTS or cc in STATE_REQUIRED) and st not in KNOWN_STATES.get(cc, set()):
            out.append("address.state.unknown")
        pc = norm(r["postal"]).upper()
        pat = POSTAL_RE[cc]
        if pat and not pc:
            out.append("address.postal_code.missing")
        elif pat:
            out += postal_rules(cc, pat, pc)
        ph = norm(r["phone"])
        if not ph:
            if cc in REG24:
                out.append("phone.missing")
        else:
            try:
                ok = phonenumbers.is_valid_number(phonenumbers.parse(ph, cc))
            except phonenumbers.NumberParseException:
                ok = False
            if not ok:
                out.append("phone.invalid")
        rid = norm(r["regid"])
        if not rid:
            if cc in REG24:
                out.append("registration_id.missing")
        elif cc not in REG24:
            out.append("registration_id.not_accepted")
        else:
            res = check_regid(cc, rid)
            if res != "ok":
                out.append(f"registration_id.{res}")
    dp = domain_prefix(r["domain"])
    if not dp:
        out.append("domain.suggested")
    else:
        if not re.fullmatch(r"[a-z0-9]+", dp):
            out.append("domain.syntax")
        if len(dp) > 27:
            out.append("domain.too_long")
    if not truthy(r["mca"]):
        out.append("agreement.missing")
    else:
        d = parse_date(r["mca_date"])
        if not norm(r["mca_date"]):
            out.append("agreement.date.missing")
        elif d is None:
            out.append("agreement.date_invalid")
        elif d > TODAY:
            out.append("agreement.date_future")
        if r["where"] != "apac":  # the HubSpot sheet has no signatory columns: the contact signs (A1)
            for f, code in (("sig_first", "first_name"), ("sig_last", "last_name"), ("sig_email", "email")):
                if not norm(r[f]):
                    out.append(f"agreement.signatory.{code}.missing")
            se = norm(r["sig_email"])
            if se and not email_ok(se):
                out.append("agreement.signatory.email.syntax")
    r["education"] = edu
    return out


def postal_rules(cc: str, pat: str, pc: str) -> list[str]:
    """The postal-code findings: the country's pattern, Partner Center's for the US, and the
    forms the tool rewrites (a US ZIP+4 without its dash, a code written with its prefix)."""
    if cc == "US":
        if re.fullmatch(PC_US_ZIP, pc):
            return []
        digits = re.sub(r"[ .\-]", "", pc)
        ok = re.fullmatch(r"[\d .\-]+", pc) and len(digits) == 9 and digits.isdigit()
        return ["address.postal_code.normalised"] if ok else ["address.postal_code.format"]
    if re.fullmatch(pat, pc):
        return []
    for prefix in {POSTAL_PREFIX.get(cc), cc} - {None}:
        rest = pc[len(prefix):].lstrip(" -.") if pc.startswith(prefix) else ""
        if rest[:1].isdigit() and re.fullmatch(pat, rest):
            return ["address.postal_code.normalised"]
    return ["address.postal_code.format"]


# states this script writes, checked against the keshvar subdivision lists during development
KNOWN_STATES = {
    "US": {"WA", "NY", "IL", "TX", "MA", "CA", "CO", "GA", "FL", "OR"}, "CA": {"ON", "BC", "QC", "AB", "NS"},
    "AU": {"NSW", "VIC", "QLD", "WA", "South Australia"}, "MX": {"Ciudad de México", "Jalisco", "Nuevo León"},
    "BR": {"SP", "RJ", "PR", "MG", "RS"}, "IN": {"Maharashtra", "Karnataka", "Delhi", "Tamil Nadu", "Telangana"},
    "CN": {"Shanghai", "Beijing", "Guangdong", "上海市", "北京市", "广东省"}, "JP": {"Tokyo", "Osaka", "東京都", "大阪府"},
    "IT": {"MI", "RM", "TO", "BO"}, "ES": {"Madrid", "Barcelona", "Valencia", "Sevilla", "Bizkaia"},
    "AE": {"Dubai", "Abu Dhabi"}, "AR": {"Ciudad Autónoma de Buenos Aires", "Córdoba"},
    "VE": {"Distrito Capital", "Carabobo"},
}


def severity(code: str, r) -> str:
    if code == "phone.invalid":
        return "error" if r.get("iso") in REG24 else "warning"
    if code == "email.free_provider":
        return "error" if r.get("education") else "warning"
    return "warning" if code in WARNINGS else "error"


def completeness(r) -> int:
    return sum(1 for f in COMPLETENESS_FIELDS if norm(r[f]) and not (f == "mca" and not truthy(r[f])))


def evaluate() -> None:
    rows = all_rows()
    for r in rows:
        r["rules"] = derive(r)
    # domain.duplicate: the later rows that repeat a prefix; domain.taken: a PC customer's prefix, other company
    pc_prefix = {p["domain"].split(".")[0]: p["key"] for p in PC}
    seen = {}
    for r in rows:
        if r.get("malformed"):
            continue
        dp = domain_prefix(r["domain"])
        if not dp:
            continue
        if dp in seen:
            # Rows of one duplicate cluster are the same customer: no domain.duplicate for them.
            if not (r.get("cluster") and r.get("cluster") == seen[dp].get("cluster")):
                r["rules"].append("domain.duplicate")
        else:
            seen[dp] = r
        if dp in pc_prefix and r.get("existing") != pc_prefix[dp]:
            r["rules"].append("domain.taken")
    for r in rows:
        r["errors"] = [c for c in r["rules"] if severity(c, r) == "error"]
    # clusters and survivors: the valid, most complete row; ties to the earliest
    clusters = defaultdict(list)
    for r in rows:
        if r["cluster"]:
            clusters[r["cluster"]].append(r)
    for cid, members in clusters.items():
        members.sort(key=lambda x: (ORDER[x["where"]], x["row"]))
        valid = [m for m in members if not m["errors"]] or members
        best = max(completeness(m) for m in valid)
        surv = next(m for m in valid if completeness(m) == best)
        designated = next(m for m in members if m["first_of_cluster"])
        assert surv is designated, f"{cid}: survivor by rule is {loc(surv)}, designed {loc(designated)}"
        assert all(completeness(designated) >= completeness(m) for m in members), f"{cid}: survivor not the most complete"
        assert not designated["errors"], f"{cid}: survivor has errors {designated['errors']}"
        for m in members:
            m["survivor"] = surv
    for r in rows:
        if r["cluster"] and r["survivor"] is not r:
            r["outcome"] = "duplicate"
        elif r.get("existing"):
            r["outcome"] = "existing"
        elif r["errors"]:
            r["outcome"] = "rejected"
        elif r["education"]:
            r["outcome"] = "education"
        else:
            r["outcome"] = "clean"
    # double entry: derived findings == declared intent (+ warnings that follow from how a row is written)
    auto = {"address.country.normalised", "domain.suggested", "agreement.missing"}
    problems = []
    for r in rows:
        got, want = set(r["rules"]), set(r["want"])
        extra = got - want - auto - ({"domain.duplicate"} if r["cluster"] else set())
        missing = want - got
        if extra or missing:
            problems.append(f"{loc(r)} {r['company']!r}: unexpected {sorted(extra)} missing {sorted(missing)}")
    if problems:
        sys.exit("oracle disagrees with the planted intent:\n  " + "\n  ".join(problems))


# ----------------------------------------------------------------------------------------------
# sanity checks on the planted matches: nothing matches by accident
# ----------------------------------------------------------------------------------------------
def strip_legal(name: str) -> str:
    toks = [t for t in fold_name(name).split() if t not in LEGAL_TOKENS and t not in {"s", "a", "l", "de", "c", "v", "r"}]
    return " ".join(toks)


def check_no_accidental_matches() -> None:
    import difflib
    rows = [r for r in all_rows() if not r.get("malformed")]
    same_cluster = lambda a, b: a["cluster"] and a["cluster"] == b["cluster"]
    lookalike = lambda a, b: "look-alike" in a["note"] and "look-alike" in b["note"]
    planted_domain = lambda a, b: "domain.duplicate" in a["want"] or "domain.duplicate" in b["want"]
    bad = []
    by_id, by_dom, by_mail = defaultdict(list), defaultdict(list), defaultdict(list)
    for r in rows:
        if norm(r["regid"]):
            by_id[(r["iso"], compact_id(r["regid"]))].append(r)
        if domain_prefix(r["domain"]):
            by_dom[domain_prefix(r["domain"])].append(r)
        e = norm(r["email"])
        if "@" in e and e.count("@") == 1:
            d = e.split("@")[1].lower()
            if d not in FREE_PROVIDERS and d not in PARTNER_DOMAINS and d != "microsoft.com":
                by_mail[d].append(r)
    for key, group in list(by_id.items()) + list(by_dom.items()) + list(by_mail.items()):
        for a in group:
            for b in group:
                if a is not b and not same_cluster(a, b) and not (key in by_dom and planted_domain(a, b)):
                    bad.append(f"shared key {key}: {loc(a)} / {loc(b)}")
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if a["iso"] and a["iso"] == b["iso"] and not same_cluster(a, b) and not lookalike(a, b):
                na, nb = strip_legal(a["company"]), strip_legal(b["company"])
                if na and nb and difflib.SequenceMatcher(None, na, nb).ratio() > 0.8:
                    bad.append(f"similar names {a['company']!r} ({loc(a)}) / {b['company']!r} ({loc(b)})")
    pc_ids = {(p["cc"], compact_id(p["regid"])): p["key"] for p in PC if p["regid"]}
    pc_mail = {p["email"].split("@")[1]: p["key"] for p in PC if p["email"] and p["email"].split("@")[1] not in FREE_PROVIDERS}
    pc_dom = {p["domain"].split(".")[0]: p["key"] for p in PC}
    for r in rows:
        link = r.get("existing")
        hits = set()
        if norm(r["regid"]) and (r["iso"], compact_id(r["regid"])) in pc_ids:
            hits.add(pc_ids[(r["iso"], compact_id(r["regid"]))])
        e = norm(r["email"])
        # A shared company e-mail domain is weighed with the rest (README, Matching): rows planted
        # as look-alikes of a customer of the same domain are not matches.
        if e.count("@") == 1 and e.split("@")[1].lower() in pc_mail and "look-alike" not in r["note"]:
            hits.add(pc_mail[e.split("@")[1].lower()])
        dp = domain_prefix(r["domain"])
        if dp in pc_dom and "domain.taken" not in r["rules"]:
            hits.add(pc_dom[dp])
        for p in PC:
            if p["cc"] == r["iso"] and difflib.SequenceMatcher(None, strip_legal(p["company"]), strip_legal(r["company"])).ratio() > 0.8:
                hits.add(p["key"])
        surv_link = r["survivor"].get("existing") if r["cluster"] else None
        if hits - {link, surv_link}:
            bad.append(f"{loc(r)} {r['company']!r} unexpectedly matches PC {sorted(hits - {link})}")
        if link and link not in hits:
            bad.append(f"{loc(r)} {r['company']!r} planted as existing {link} but no key matches")
    if bad:
        sys.exit("accidental matches:\n  " + "\n  ".join(bad))


# ----------------------------------------------------------------------------------------------
# notes and expected.csv
# ----------------------------------------------------------------------------------------------
def sorted_codes(codes) -> list[str]:
    return sorted(set(codes), key=lambda c: ALL_CODES.index(c))


def make_note(r) -> str:
    parts = []
    if r["cluster"]:
        s = r["survivor"]
        if s is r:
            parts.append(f"{r['cluster']} survivor ({r['cluster_why']})")
        else:
            parts.append(f"{r['cluster']} duplicate of {loc(s)} ({r['cluster_why']})")
    if r.get("existing"):
        p = PC_BY_KEY[r["existing"]]
        s = f"existing: PC '{p['company']}' by {r['existing_how']}"
        if r.get("drift"):
            s += f"; drift: {r['drift']}"
        parts.append(s)
    if r["note"]:
        parts.append(r["note"])
    if not parts:
        parts.append(f"generated {r['cc']} row")
    if r["where"] == "apac" and truthy(r["mca"]):
        parts.append("signatory = primary contact [A1]")
    unsure = r["unsure"] or ("lower-case ISO country code: normalised warning or not" if r.get("country_unsure") else "")
    note = "; ".join(parts)
    if unsure:
        note = f"? {unsure}; {note}"
    return note


def write_expected() -> None:
    buf = io.StringIO()
    wr = csv.writer(buf, lineterminator="\n")
    wr.writerow(["source_file", "source_sheet", "source_row", "outcome", "rules", "note"])
    for r in all_rows():
        f, s = where_file(r)
        wr.writerow([f, s, r["row"], r["outcome"], ";".join(sorted_codes(r["rules"])), make_note(r)])
    (OUT / "expected.csv").write_text(buf.getvalue(), encoding="utf-8", newline="")


# ----------------------------------------------------------------------------------------------
# writers
# ----------------------------------------------------------------------------------------------
def csv_value(r, f) -> str:
    v = r.get(f, "")
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def write_csv() -> None:
    buf = io.StringIO()
    wr = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    wr.writerow(CSV_HEADER)
    for r in ROWS["csv"]:
        vals = [csv_value(r, f) for f in CSV_FIELDS]
        if r.get("malformed") == "extra":
            a, b = vals[1].split(",", 1)
            vals = vals[:1] + [a, b] + vals[2:]
        elif r.get("malformed") == "short":
            vals = vals[:10]
        wr.writerow(vals)
    (OUT / CSV_FILE).write_bytes(buf.getvalue().encode("cp1252"))


def write_xlsx() -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    bold = openpyxl.styles.Font(bold=True)
    specs = [(SHEET_EMEA, EMEA_HEADER, EMEA_FIELDS, ROWS["emea"], 3, "dd.mm.yyyy"),
             (SHEET_APAC, APAC_HEADER, APAC_FIELDS, ROWS["apac"], 1, "m/d/yyyy")]
    for title, header, fields, rows, hrow, datefmt in specs:
        ws = wb.create_sheet(title)
        if hrow == 3:
            ws.cell(row=1, column=1, value="Accounts export \u2013 EMEA").font = openpyxl.styles.Font(bold=True, size=14)
        for j, h in enumerate(header, 1):
            ws.cell(row=hrow, column=j, value=h).font = bold
        for r in rows:
            assert r["row"] > hrow
            for j, f in enumerate(fields, 1):
                v = r.get(f, "")
                if v is None or v == "":
                    continue
                cell = ws.cell(row=r["row"], column=j)
                if isinstance(v, bool):
                    cell.value = v
                elif isinstance(v, int):
                    cell.value = v
                    cell.number_format = "General" if (f == "regid" and r["cc"] == "KZ") else "0"
                elif isinstance(v, dt.date):
                    cell.value = v
                    cell.number_format = datefmt
                else:
                    cell.value = v
                    if v.startswith("="):  # text, not a formula: what Excel stores for '=... typed with a quote
                        cell.data_type = "s"
                        cell.quotePrefix = True
        for j, f in enumerate(fields, 1):
            ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width = {"company": 38, "line1": 30, "email": 32}.get(f, 16)
    wb.properties.creator = "pc-onboard samples"
    buf = io.BytesIO()
    wb.save(buf)
    # pin timestamps: zip entry times and the document's created/modified dates
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rb"\g<1>2024-01-01T00:00:00Z\g<2>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, data)
    (OUT / XLSX_FILE).write_bytes(out.getvalue())


def write_pc() -> None:
    rows = list(PC)
    rng.shuffle(rows)
    buf = io.StringIO()
    wr = csv.writer(buf, lineterminator="\r\n")
    wr.writerow(PC_HEADER)
    for p in rows:
        wr.writerow([p["guid"], p["company"], p["domain"], p["cc"], p["line1"], p["city"], p["state"], p["postal"],
                     p["regid"], p["email"]])
    (OUT / PC_FILE).write_text(buf.getvalue(), encoding="utf-8", newline="")
    write_pc_ui(rows)


# Partner-defined tags on a few customers (the UI export carries them; pc-onboard does not read them).
PC_UI_TAGS = {"pc_bellows": "Education", "pc_woodgrove": "Key account", "pc_relecloud": "Key account"}


def write_pc_ui(rows: list) -> None:
    """The same customers, in the same order, as the Partner Center UI exports them: UTF-8 with a
    byte-order mark, the five columns of PC_UI_HEADER, no country, address or e-mail."""
    buf = io.StringIO()
    wr = csv.writer(buf, lineterminator="\r\n")
    wr.writerow(PC_UI_HEADER)
    for p in rows:
        wr.writerow([p["guid"], p["company"], p["domain"], "Reseller", PC_UI_TAGS.get(p["key"], "")])
    (OUT / PC_UI_FILE).write_text("\ufeff" + buf.getvalue(), encoding="utf-8", newline="")


# ----------------------------------------------------------------------------------------------
# read the files back
# ----------------------------------------------------------------------------------------------
def verify() -> dict:
    stats = {}
    raw = (OUT / CSV_FILE).read_bytes()
    try:
        raw.decode("utf-8")
        sys.exit("the CSV must not be valid UTF-8 (it is meant to need the cp1252 fallback)")
    except UnicodeDecodeError:
        pass
    text = raw.decode("cp1252")
    assert text.endswith("\r\n") and text.count("\n") - text.count("\r\n") == 1  # CRLF rows, one LF inside quotes
    recs = list(csv.reader(io.StringIO(text, newline="")))
    assert recs[0] == CSV_HEADER
    lens = Counter(len(x) for x in recs[1:])
    assert len(recs) - 1 == TARGET["csv"], len(recs)
    assert lens == Counter({23: TARGET["csv"] - 2, 24: 1, 10: 1}), lens
    assert sum(1 for x in recs[1:] for v in x if "\n" in v) == 1
    for r in ROWS["csv"]:  # record k sits at source_row k + 1 (records, not physical lines)
        rec = recs[r["row"] - 1]
        assert rec[0] == r["id"], (r["row"], rec[:2])
        if not r.get("malformed"):
            assert rec[1] == csv_value(r, "company") and len(rec) == 23
    physical = text.count("\r\n")
    stats["csv"] = (len(recs) - 1, physical)
    wb = openpyxl.load_workbook(OUT / XLSX_FILE)
    assert wb.sheetnames == [SHEET_EMEA, SHEET_APAC]
    e, a = wb[SHEET_EMEA], wb[SHEET_APAC]
    assert e.cell(3, 1).value == EMEA_HEADER[0] and e.cell(2, 1).value is None and a.cell(1, 1).value == APAC_HEADER[0]
    assert e.max_row == 3 + TARGET["emea"] and a.max_row == 1 + TARGET["apac"]
    for ws, w in ((e, "emea"), (a, "apac")):
        for r in ROWS[w]:
            assert ws.cell(r["row"], 1).value == r["id"] and (ws.cell(r["row"], 2).value or "") == r["company"], (w, r["row"])
    types = Counter()
    for ws in (e, a):
        for row in ws.iter_rows(min_row=2):
            for c in row:
                if c.value is not None:
                    types[(type(c.value).__name__, c.data_type)] += 1
    assert any(c.value == '=HYPERLINK("http://x","y")' and c.data_type == "s" for row in a.iter_rows() for c in row)
    stats["xlsx_types"] = dict(types)
    pc = list(csv.reader(open(OUT / PC_FILE, encoding="utf-8", newline="")))
    assert pc[0] == PC_HEADER
    stats["pc"] = len(pc) - 1
    ui_bytes = (OUT / PC_UI_FILE).read_bytes()
    assert ui_bytes.startswith(b"\xef\xbb\xbf")
    ui = list(csv.reader(io.StringIO(ui_bytes.decode("utf-8-sig"), newline="")))
    assert ui[0] == PC_UI_HEADER and [u[:3] for u in ui[1:]] == [x[:3] for x in pc[1:]], "the UI export has the same customers"
    exp = list(csv.DictReader(open(OUT / "expected.csv", encoding="utf-8", newline="")))
    assert len(exp) == sum(TARGET.values())
    seen = Counter(c for x in exp for c in x["rules"].split(";") if c)
    missing = [c for c in ALL_CODES if c not in seen]
    assert not missing, f"codes never triggered: {missing}"
    stats["codes"] = seen
    stats["outcomes"] = Counter((x["source_sheet"] or "csv", x["outcome"]) for x in exp)
    return stats


# ----------------------------------------------------------------------------------------------
# README
# ----------------------------------------------------------------------------------------------
def write_readme(stats) -> None:
    rows = all_rows()
    fam = OrderedDict()
    for code in ALL_CODES:
        fam.setdefault(code.split(".")[0], []).append(code)
    lines = []
    out = lines.append
    out("# Sample data")
    out("")
    out("Written by `python3 scripts/make_samples.py` (needs `pip install openpyxl python-stdnum phonenumbers`; made with")
    out(f"openpyxl {openpyxl.__version__}, python-stdnum {__import__('stdnum').__version__}, phonenumbers {phonenumbers.__version__}).")
    out("The script is deterministic (fixed seed, timestamps pinned): rerunning it gives the same files. Do not edit the")
    out("files by hand; change the script and rerun it.")
    out("")
    out("| file | what it is | rows |")
    out("|---|---|---|")
    out(f"| `{CSV_FILE}` | Salesforce account export as Excel on Windows saves it: Windows-1252, CRLF, comma, quoted where needed; one quoted field holds a line break; the unknown column `Account Owner` must be carried through; two malformed records (24 and 10 fields) | {stats['csv'][0]} data records ({stats['csv'][1]} physical lines incl. header) |")
    out(f"| `{XLSX_FILE}` | sheet `{SHEET_EMEA}`: Dynamics 365 headers, a title row and an empty row above the header (header = row 3, data from row 4); sheet `{SHEET_APAC}`: HubSpot headers (header = row 1), unknown column `Lifecycle Stage`. Real cell types: numeric phones, registration IDs and record IDs, text postcodes with leading zeros, date cells and text dates, boolean cells and Yes/No text | {TARGET['emea']} + {TARGET['apac']} |")
    out(f"| `{PC_FILE}` | the Partner Center customers for `--existing`, as the UI export joined with each customer's profiles would give them (`GET /v1/customers/{{id}}`: billing address and contact e-mail; the registration ID where the company profile has one): customer ID, name, domain, country, address, registration ID, contact e-mail (UTF-8). No Partner Center tool writes this shape by itself; `pc-onboard` reads it as any richer table | {stats['pc']} |")
    out(f"| `{PC_UI_FILE}` | the same customers, in the same order and with the same IDs, as Partner Center's UI exports them (Customers → Export customers): UTF-8 with BOM, exactly `Microsoft ID, Company name, Primary domain name, Relationship, Tags`; no country, address or e-mail. `Relationship` and `Tags` values are illustrative (pc-onboard does not read them) | {stats['pc']} |")
    out("| `expected.csv` | one line per input data row: `source_file,source_sheet,source_row,outcome,rules,note` | " + str(sum(TARGET.values())) + " |")
    out("")
    out("`partner.toml` (the partner profile: direct-bill, own domains `contoso-partner.com` and `cpartner.onmicrosoft.com`) is")
    out("maintained by hand, not by this script.")
    out("")
    out("## expected.csv")
    out("")
    out("- `source_row` is the row number the user sees: CSV header = 1 and records are counted, not physical lines (one")
    out("  record spans two lines); `EMEA` data starts at row 4; `APAC & Americas` data at row 2. `source_file` is the bare file name.")
    out("- `outcome` follows SPEC 7: duplicate > existing > rejected > education > clean.")
    out("- `rules` lists every finding the row is built to produce, errors and warnings, in catalogue order. A clean or")
    out("  education row may list warnings. A duplicate or existing row still lists its own findings.")
    out("- `note` says why; for duplicates it names the survivor (valid, most complete, then earliest; files in name order,")
    out("  sheets in workbook order). A note starting with `?` marks a row whose judgement depends on a reading of the spec")
    out("  this script is not sure of.")
    out("- The script checks itself: a Python oracle re-derives each row's findings from the values written and must agree")
    out("  with the intent the row was planted with; planted duplicates and existing matches are checked to be the only")
    out("  shared registration IDs, domain prefixes, e-mail domains and near-identical names.")
    out("")
    out("Outcomes:")
    out("")
    out("| sheet | " + " | ".join(["duplicate", "existing", "rejected", "education", "clean"]) + " |")
    out("|---|---|---|---|---|---|")
    for sh in ("csv", SHEET_EMEA, SHEET_APAC):
        out(f"| {sh} | " + " | ".join(str(stats["outcomes"].get((sh, o), 0)) for o in ["duplicate", "existing", "rejected", "education", "clean"]) + " |")
    out("")
    out("## Assumptions (where the spec is silent)")
    out("")
    out("- **A1** The HubSpot sheet has no signatory columns: the primary contact is taken as the MCA signatory (as the")
    out("  Partner Center UI pre-fills it), so its accepted rows raise no `agreement.signatory.*`. Notes say `[A1]`.")
    out("  Sheets that have signatory columns but leave them empty do raise `agreement.signatory.*`.")
    out("- **A2** A state is required for US, CA, AU, MX, BR, IN, CN and JP. Rows of IT, ES, AE, AR and VE carry a valid")
    out("  state anyway; other countries leave it empty. States are ISO 3166-2 codes or names known to keshvar.")
    out("- **A3** A country written other than as its ISO alpha-2 code (alpha-3, English or local name, `UK`) warns")
    out("  `address.country.normalised`; surrounding spaces do not. Lower-case codes (`de`, `us`) are marked `?`.")
    out("- **A4** The same domain prefix is a duplicate key; the later rows of such a cluster also carry `domain.duplicate`.")
    out("- **A5** Code names for the spec's wildcards: `contact.{first_name,last_name}.{missing,one_char,too_long,placeholder,no_letters}`,")
    out("  `agreement.signatory.{first_name,last_name,email}.missing`, `agreement.signatory.email.syntax`, and")
    out("  `address.line2.too_long` for the \"line 2 <= 200\" clause.")
    out("- **A6** Partner type direct-bill (registration ID and phone required in the 24 countries). Postal-code patterns are")
    out("  keshvar's (`AZ` and `MD` rows write the bare digits, as keshvar's pattern has no `AZ`/`MD-` prefix).")
    out("")
    out("## Deliberate faults by rule family")
    out("")
    for f, codes in fam.items():
        out(f"### {f}")
        out("")
        out("| code | rows | example |")
        out("|---|---|---|")
        for code in codes:
            hits = [r for r in rows if code in r["rules"]]
            where = ", ".join(f"{'csv' if r['where'] == 'csv' else r['where'].upper()}:{r['row']}" for r in hits[:8])
            if len(hits) > 8:
                where += f", … ({len(hits)} rows)"
            ex = next((r for r in hits if r["note"] and not r["cluster"]), hits[0] if hits else None)
            exs = (ex["note"] or make_note(ex)) if ex else ""
            exs = exs.replace("|", "\\|").replace("\n", " ")
            out(f"| `{code}` | {where} | {exs} |")
        out("")
    out("`csv:N` = legacy_crm_export.csv row N, `EMEA:N` / `APAC:N` = the sheets of legacy_customers.xlsx.")
    out("")
    out("## Duplicate clusters")
    out("")
    out("| cluster | why | rows (survivor first) |")
    out("|---|---|---|")
    cl = defaultdict(list)
    for r in rows:
        if r["cluster"]:
            cl[r["cluster"]].append(r)
    for cid in sorted(cl, key=lambda c: int(c[1:])):
        ms = sorted(cl[cid], key=lambda r: r["survivor"] is not r)
        out(f"| {cid} | {ms[0]['cluster_why']} | " + "; ".join(f"{loc(m)} {m['company']}" for m in ms) + " |")
    out("")
    out("Look-alike that must NOT be merged: `Distribuidora Alfa Ltda` in São Paulo (CSV) and in Curitiba (APAC), two branches")
    out("with their own CNPJ, postcode, prefix and e-mail domain.")
    out("")
    out("## Existing customers")
    out("")
    out("| input row | Partner Center customer | matched by | drift |")
    out("|---|---|---|---|")
    for r in rows:
        if r.get("existing"):
            p = PC_BY_KEY[r["existing"]]
            out(f"| {loc(r)} {r['company']} | {p['company']} ({p['domain']}) | {r['existing_how']} | {r.get('drift', '')} |")
    matched = {r.get("existing") for r in rows}
    only = [p for p in PC if p["key"] not in matched]
    out("")
    out(f"{len(only)} Partner Center customers match no input row (`reconciliation/pc_only.csv`), among them two traps:")
    out("`Margie's Travel` has a gmail.com contact (a free provider must never be a match key) and `Nova Scotia Seafoods`")
    out("owns the prefix `nova` that an unrelated Polish company asks for (`domain.taken`).")
    out("")
    (OUT / "README.md").write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    OUT.mkdir(exist_ok=True)
    plant()
    fill_rows()
    resolve_cells()
    place()
    evaluate()
    check_no_accidental_matches()
    write_csv()
    write_xlsx()
    write_pc()
    write_expected()
    stats = verify()
    write_readme(stats)
    print(f"{CSV_FILE}: {stats['csv'][0]} records; {XLSX_FILE}: {TARGET['emea']} + {TARGET['apac']} rows; "
          f"{PC_FILE}: {stats['pc']} rows; expected.csv: {sum(TARGET.values())} lines")
    print("outcomes:", dict(sorted(Counter(r["outcome"] for r in all_rows()).items())))
    print("codes covered:", len(stats["codes"]), "of", len(ALL_CODES))


if __name__ == "__main__":
    main()
